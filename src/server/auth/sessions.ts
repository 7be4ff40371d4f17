import type { Db } from '../db/connection.ts';
import { nowIso } from '../clock.ts';
import { hashSecret, newSecret } from './tokens.ts';
import { shortCachePerDb } from '../lib/short-cache.ts';

export const SESSION_COOKIE = 'tz_session';
const IDLE_MS = 8 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 5 * 60 * 1000;

/** Starts a session in the database (so several app nodes can share it) and returns its secret. */
export async function createSession(db: Db, userId: number, ip: string | null): Promise<string> {
  const secret = newSecret();
  const now = new Date();
  await db
    .insertInto('sessions')
    .values({
      tokenHash: hashSecret(secret),
      userId,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + IDLE_MS).toISOString(),
      ip,
    })
    .execute();
  return secret;
}

type SessionRow = { userId: number; expiresAt: string; lastSeenAt: string } | null;

/**
 * Sessions by token hash, kept for a moment: looking one up is a statement on every request. A logout drops
 * its session; a password reset or a switched-off account drops them all (forgetSessions); another app
 * node's logout is seen within two seconds, as changed grants are (actor-cache.ts).
 */
const sessionCache = shortCachePerDb<string, SessionRow>(2000);

/** After a transaction that deleted sessions has committed: no kept session outlives it. */
export function forgetSessions(db: Db): void {
  sessionCache(db).clear();
}

/** The user id behind a session secret, sliding its expiry; null when unknown or expired. */
export async function userIdForSession(db: Db, secret: string): Promise<number | null> {
  const tokenHash = hashSecret(secret);
  const cache = sessionCache(db);
  const row = await cache.get(tokenHash, async () => {
    const found = await db
      .selectFrom('sessions')
      .select(['userId', 'expiresAt', 'lastSeenAt'])
      .where('tokenHash', '=', tokenHash)
      .executeTakeFirst();
    return found ?? null;
  });
  if (!row) return null;
  const now = Date.now();
  if (Date.parse(row.expiresAt) <= now) {
    cache.delete(tokenHash);
    await db.deleteFrom('sessions').where('tokenHash', '=', tokenHash).execute();
    return null;
  }
  // Touch at most every few minutes so reads do not turn into writes.
  if (now - Date.parse(row.lastSeenAt) > TOUCH_EVERY_MS) {
    const touched = {
      ...row,
      lastSeenAt: new Date(now).toISOString(),
      expiresAt: new Date(now + IDLE_MS).toISOString(),
    };
    await db
      .updateTable('sessions')
      .set({ lastSeenAt: touched.lastSeenAt, expiresAt: touched.expiresAt })
      .where('tokenHash', '=', tokenHash)
      .execute();
    cache.set(tokenHash, touched);
  }
  return row.userId;
}

export async function deleteSession(db: Db, secret: string): Promise<void> {
  const tokenHash = hashSecret(secret);
  await db.deleteFrom('sessions').where('tokenHash', '=', tokenHash).execute();
  sessionCache(db).delete(tokenHash);
}

/** The user id behind an API token (Authorization: Bearer), or null. */
export async function userIdForApiToken(db: Db, secret: string): Promise<number | null> {
  const tokenHash = hashSecret(secret);
  const row = await db
    .selectFrom('apiTokens')
    .select(['id', 'userId', 'revokedAt', 'lastUsedAt'])
    .where('tokenHash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || row.revokedAt) return null;
  if (!row.lastUsedAt || Date.now() - Date.parse(row.lastUsedAt) > TOUCH_EVERY_MS) {
    await db.updateTable('apiTokens').set({ lastUsedAt: nowIso() }).where('id', '=', row.id).execute();
  }
  return row.userId;
}

/** The account a login names, with what the password check needs (undefined when no such username). */
export function loginAccount(db: Db, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'passwordHash', 'active'])
    .where('username', '=', username)
    .executeTakeFirst();
}
