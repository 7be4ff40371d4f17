import type { Db } from '../db/connection.ts';

const WINDOW_MS = 15 * 60 * 1000;
/** Failures one address may make against one username in the window: past them that pair is refused. */
export const MAX_PER_ADDRESS_AND_USER = 5;
/** Failures one address may make in the window, whatever the usernames. */
export const MAX_PER_ADDRESS = 30;
/** Failures for a username (from anywhere) before each further try must wait. */
export const FREE_PER_USER = 5;
/** The longest wait the per-username backoff imposes: it slows guessing, it never locks the owner out for long. */
export const MAX_BACKOFF_SECONDS = 60;

/** Seconds a try must wait after the latest failure, once `failures` have been counted for the username. */
export function backoffSeconds(failures: number): number {
  return failures < FREE_PER_USER ? 0 : Math.min(2 ** (failures - FREE_PER_USER), MAX_BACKOFF_SECONDS);
}

export type LoginAttempt = { id: number } | { retryAfter: number };

const count = (db: Db, since: string, filter: { username?: string; ip?: string }) => {
  let q = db
    .selectFrom('loginAttempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('at', '>', since)
    .where('success', '=', 0);
  if (filter.username !== undefined) q = q.where('username', '=', filter.username);
  if (filter.ip !== undefined) q = q.where('ip', '=', filter.ip);
  return q.executeTakeFirstOrThrow().then((r) => Number(r.n));
};

/**
 * Counts a login attempt before its password is checked: the attempt is written as a failure first, then the
 * failures are counted with it included, so of any number of concurrent tries only as many as the limits allow
 * see counts under them (each sees at least every try written before its own). A refused try is taken back out.
 *
 * Three rules, kept in the database so every app node sees them: an address that failed five times for a
 * username is refused for that username (the attacker's address, not the owner's); an address that failed 30
 * times is refused altogether; and past five failures for a username from anywhere, each try must wait a
 * doubling delay after the latest failure (1 s, 2 s, … at most a minute) — slowed, never locked out.
 */
export async function beginLoginAttempt(db: Db, username: string, ip: string, now = Date.now()): Promise<LoginAttempt> {
  const at = new Date(now).toISOString();
  const row = await db
    .insertInto('loginAttempts')
    .values({ username, ip, at, success: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const since = new Date(now - WINDOW_MS).toISOString();
  const [pair, address, user, latest] = await Promise.all([
    count(db, since, { username, ip }),
    count(db, since, { ip }),
    count(db, since, { username }),
    db
      .selectFrom('loginAttempts')
      .select((eb) => eb.fn.max('at').as('at'))
      .where('username', '=', username)
      .where('success', '=', 0)
      .where('at', '>', since)
      .where('id', '!=', row.id)
      .executeTakeFirst(),
  ]);
  let retryAfter = 0;
  if (pair > MAX_PER_ADDRESS_AND_USER || address > MAX_PER_ADDRESS) retryAfter = WINDOW_MS / 1000;
  else {
    const wait = backoffSeconds(user - 1);
    const since = latest?.at ? now - Date.parse(String(latest.at)) : Number.POSITIVE_INFINITY;
    if (since < wait * 1000) retryAfter = Math.ceil(wait - since / 1000);
  }
  if (retryAfter === 0) return { id: row.id };
  await db.deleteFrom('loginAttempts').where('id', '=', row.id).execute();
  return { retryAfter: Math.max(1, retryAfter) };
}

/**
 * Settles a counted attempt: a success clears the failures from the same address for the username (a typo
 * before the right password); a stranger's failures elsewhere stay counted until they age out of the window.
 */
export async function finishLoginAttempt(
  db: Db,
  attempt: { id: number },
  username: string,
  ip: string,
  success: boolean,
): Promise<void> {
  if (!success) return;
  await db.updateTable('loginAttempts').set({ success: 1 }).where('id', '=', attempt.id).execute();
  await db
    .deleteFrom('loginAttempts')
    .where('username', '=', username)
    .where('ip', '=', ip)
    .where('success', '=', 0)
    .execute();
}
