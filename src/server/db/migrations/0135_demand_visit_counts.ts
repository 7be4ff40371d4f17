import type { Kysely } from 'kysely';

/**
 * 考核's 三率 figures count each unit's followed-up demands of a period (demands/assessment-figures.ts): one
 * grouped pass over the demands by unit. The index holds every column that pass reads, in unit order, so it
 * scans the index alone and groups without sorting (a city's million demands in about half the time).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('demands_visit_counts')
    .on('demands')
    .columns(['org_path', 'visited_at', 'campaign_id', 'contacted', 'solved', 'satisfaction'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('demands_visit_counts').execute();
}
