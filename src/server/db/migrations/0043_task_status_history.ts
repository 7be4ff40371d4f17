import { sql, type Kysely } from 'kysely';
import { withId } from './helpers.ts';

/**
 * 推动发展: the history of each task's stored schedule (the part status is judged from: done, start date and
 * the date it turns behind), one row from the day it took effect. The 周调度 view reads last week's status
 * from the row in force at the end of last week, not from today's milestones; 曾滞后 is the same history.
 * Existing tasks start with their current schedule from the day they were created (and, when done, the day
 * they were done) — the best the rows already kept can say.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('task_status_history')
    .$call((t) => withId(db, t))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('behind_from', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('task_status_history_task')
    .on('task_status_history')
    .columns(['task_id', 'effective_on', 'id'])
    .execute();
  await sql`insert into task_status_history (task_id, effective_on, done, start_date, behind_from)
    select id, substr(created_at, 1, 10), 0, start_date, behind_from from tasks order by id`.execute(db);
  await sql`insert into task_status_history (task_id, effective_on, done, start_date, behind_from)
    select id, substr(done_at, 1, 10), 1, start_date, behind_from from tasks
    where done = 1 and done_at is not null order by id`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
