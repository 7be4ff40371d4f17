import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers.ts';

/**
 * SQLite's likelihood(condition, probability) tells its planner how selective a condition is (scope.ts uses
 * it where the application knows better than the planner can guess). PostgreSQL plans from statistics: the
 * same SQL runs there through a function the planner inlines away, so indexes stay usable.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`create or replace function likelihood(boolean, double precision) returns boolean language sql immutable parallel safe as 'select $1'`.execute(
      db,
    );
  }
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
