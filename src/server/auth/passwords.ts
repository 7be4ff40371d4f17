import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (19 MiB, 2 passes): the OWASP baseline. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let dummy: Promise<string> | undefined;

/**
 * Verifies against a hash of a random password: an unknown or inactive username costs the same argon2 work as
 * a real one, so the answer's timing does not tell which usernames exist. Always false.
 */
export async function verifyDummy(password: string): Promise<false> {
  dummy ??= hash(crypto.randomUUID());
  await verifyPassword(await dummy, password);
  return false;
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A password policy message, or null when the password is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return '密码至少 8 个字符';
  if (password.length > 128) return '密码不能超过 128 个字符';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码需同时包含字母和数字';
  return null;
}
