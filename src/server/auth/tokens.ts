import crypto from 'node:crypto';

/** A fresh random secret for a session cookie or an API token. */
export function newSecret(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** Secrets are stored only as their SHA-256, so a database leak yields no usable session. */
export function hashSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}
