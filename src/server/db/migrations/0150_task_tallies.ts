import type { Kysely } from 'kysely';

/**
 * Maintained 重点任务 figures (tasks/tally.ts): for every unit a task counts for (the ancestors of its 牵头单位
 * and of each 责任单位), how many tasks of a campaign reach each of their schedule's days — started, behind,
 * yellow, red, last reported — so a subtree's 完成/按序时/滞后/未启动/未更新 at any date is a sum over one
 * unit's few hundred rows instead of a pass over every task. Each task keeps the key it was counted under; none
 * has one yet, so the start-up check builds the tally (tallies.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('task_tallies')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('campaign_id', 'integer', (c) => c.notNull())
    .addColumn('top_level', 'integer', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('day2', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('task_tallies_key')
    .unique()
    .on('task_tallies')
    .columns(['org_id', 'campaign_id', 'top_level', 'event', 'day', 'day2'])
    .execute();
  await db.schema.alterTable('tasks').addColumn('tally', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
