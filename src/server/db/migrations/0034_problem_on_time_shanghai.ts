import { sql, type Kysely } from 'kysely';

/**
 * A problem's on-time measure in its tally key now judges a measure's completion by its Shanghai date (done at
 * or after the Shanghai day after its deadline is late), no longer by the UTC date of done_at. Closed problems
 * are the ones whose key may change: marking them uncounted makes the start-up check (tallies.ts) rebuild the
 * problem tally, so the maintained figures equal a recount under the new rule.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`update problems set tally = null where status = 'closed'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update problems set tally = null where status = 'closed'`.execute(db);
}
