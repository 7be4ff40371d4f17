import { sql } from 'kysely';
import { dialectOfDb, type Db } from './connection.ts';

/** The advisory-lock key of start-up work (any constant; Kysely's migrator holds its own, different one). */
const STARTUP_LOCK = 7_461_697_468;

/**
 * Runs start-up work (first-start seeding, tally rebuilds) so that nodes starting together on one PostgreSQL
 * database take turns: the first seeds, the others wait and then find the database no longer empty. The lock is
 * a session-level advisory lock held on one dedicated connection, which `work` receives and must use for all of
 * its queries (its own transactions included), because seeding spans many transactions and a transaction-level
 * lock (pg_advisory_xact_lock) would be released at the first commit. SQLite serialises writers itself.
 */
export async function underStartupLock<T>(db: Db, work: (db: Db) => Promise<T>): Promise<T> {
  if (dialectOfDb(db) !== 'postgres') return work(db);
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${STARTUP_LOCK})`.execute(conn);
    try {
      return await work(conn);
    } finally {
      await sql`select pg_advisory_unlock(${STARTUP_LOCK})`.execute(conn);
    }
  });
}
