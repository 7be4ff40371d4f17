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

/**
 * Passwords tried first by anyone guessing (the most common ones, and those Chinese users pick), compared
 * lower-cased: a policy of "8 characters, letters and digits" still lets these through.
 */
const COMMON_PASSWORDS = new Set([
  'password1',
  'password123',
  'passw0rd',
  'p@ssw0rd',
  'qwerty123',
  'qwer1234',
  'abc12345',
  'abcd1234',
  'a1234567',
  'a12345678',
  '1qaz2wsx',
  'zxcv1234',
  'asdf1234',
  'admin123',
  'admin1234',
  'admin888',
  'root1234',
  'test1234',
  'iloveyou1',
  'welcome1',
  'letmein1',
  'woaini1314',
  'woaini520',
  'aa123456',
  'aa123456789',
  'qq123456',
  'q1w2e3r4',
  '123456abc',
  '123456aa',
  '12345678a',
  '1234qwer',
  'abc123456',
  'taizhang1',
  'taizhang123',
  'dangjian1',
  'changeme1',
]);

/** A password policy message, or null when the password is acceptable (`username`: the account's own name). */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < 8) return '密码至少 8 个字符';
  if (password.length > 128) return '密码不能超过 128 个字符';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码需同时包含字母和数字';
  const lower = password.toLowerCase();
  if (username && username.length >= 3 && lower.includes(username.toLowerCase())) return '密码不能包含用户名';
  if (COMMON_PASSWORDS.has(lower)) return '这是常见密码，容易被猜中，请换一个';
  return null;
}
