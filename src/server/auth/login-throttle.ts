import type { Db } from '../db/connection.ts';
import { rateLimited } from '../errors.ts';
import { nowIso } from '../clock.ts';

const WINDOW_MS = 15 * 60 * 1000;
const MAX_PER_USERNAME = 5;
const MAX_PER_IP = 30;

/**
 * Refuses a login after too many recent failures for the username or from the address. Kept in the
 * database so every app node sharing it sees the same count.
 */
export async function assertLoginAllowed(db: Db, username: string, ip: string): Promise<void> {
  const since = new Date(Date.now() - WINDOW_MS).toISOString();
  const [byUser, byIp] = await Promise.all([
    db
      .selectFrom('loginAttempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('username', '=', username)
      .where('at', '>', since)
      .where('success', '=', 0)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('loginAttempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ip', '=', ip)
      .where('at', '>', since)
      .where('success', '=', 0)
      .executeTakeFirstOrThrow(),
  ]);
  if (Number(byUser.n) >= MAX_PER_USERNAME || Number(byIp.n) >= MAX_PER_IP) {
    throw rateLimited('登录失败次数过多，请 15 分钟后再试');
  }
}

export async function recordLoginAttempt(db: Db, username: string, ip: string, success: boolean): Promise<void> {
  await db
    .insertInto('loginAttempts')
    .values({ username, ip, at: nowIso(), success: success ? 1 : 0 })
    .execute();
  if (success) {
    // A successful login clears the user's failure streak.
    await db.deleteFrom('loginAttempts').where('username', '=', username).where('success', '=', 0).execute();
  }
}
