import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers.ts';

/**
 * The 问题清单's order as an index: due date with "no open deadline" last, as a generated column so no writer
 * can forget it; with (campaign, status) in front, a city-wide page is read in order instead of sorted.
 * What a person sees beyond their units (individual problems, measures they own or lead) is found by index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`alter table problems add column due_sort text collate "C" generated always as (coalesce(due_date, '9999-12-31')) stored`.execute(
      db,
    );
  } else {
    await sql`alter table problems add column due_sort text generated always as (coalesce(due_date, '9999-12-31')) virtual`.execute(
      db,
    );
  }
  await db.schema
    .createIndex('problems_list_due')
    .on('problems')
    .columns(['campaign_id', 'status', 'due_sort', 'id'])
    .execute();
  await db.schema.createIndex('problem_measures_leader').on('problem_measures').column('leader_id').execute();
  await db.schema.createIndex('problems_person').on('problems').column('person_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
