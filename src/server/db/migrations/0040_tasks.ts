import type { Kysely } from 'kysely';
import { binaryText, withId, withStamps } from './helpers.ts';

/**
 * 推动发展 (F5): key tasks with milestones, 周调度 updates, evidence, the units they involve and per-campaign
 * thresholds. Status is derived: each task stores the dates at which it turns behind, yellow and red (see
 * modules/tasks/schedule.ts), so lists and figures judge status against today with index range predicates.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withStamps(
    withId(db, db.schema.createTable('tasks'))
      .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
      .addColumn('parent_id', 'integer', (c) => c.references('tasks.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org_units.id'))
      .addColumn('org_path', 'text', (c) => binaryText(db)(c.notNull()))
      .addColumn('leader_id', 'integer', (c) => c.references('people.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('end_date', 'text', (c) => c.notNull())
      .addColumn('weight', 'real', (c) => c.notNull().defaultTo(1))
      .addColumn('metric_name', 'text')
      .addColumn('metric_unit', 'text')
      .addColumn('metric_target', 'real')
      .addColumn('metric_current', 'real')
      .addColumn('reported_progress', 'real', (c) => c.notNull().defaultTo(0))
      .addColumn('last_activity_on', 'text', (c) => c.notNull())
      // The derived schedule (schedule.ts): rewritten by every write to the task, its milestones or sub-tasks.
      .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('progress', 'real', (c) => c.notNull().defaultTo(0))
      .addColumn('plan_curve', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('behind_from', 'text', (c) => c.notNull())
      .addColumn('yellow_from', 'text', (c) => c.notNull())
      .addColumn('red_from', 'text', (c) => c.notNull())
      .addColumn('was_behind_since', 'text')
      .addColumn('done_at', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id')),
  ).execute();
  // Lists and figures: one campaign, one subtree range, status judged from the covered columns.
  await db.schema
    .createIndex('tasks_campaign_scope')
    .on('tasks')
    .columns(['campaign_id', 'org_path', 'done', 'start_date', 'behind_from', 'red_from', 'yellow_from', 'parent_id'])
    .execute();
  await db.schema.createIndex('tasks_scope').on('tasks').columns(['org_path', 'campaign_id']).execute();
  await db.schema.createIndex('tasks_parent').on('tasks').column('parent_id').execute();
  await db.schema.createIndex('tasks_leader').on('tasks').columns(['leader_id', 'campaign_id']).execute();

  await db.schema
    .createTable('task_units')
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', 'text', (c) => binaryText(db)(c.notNull()))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_units_pk', ['task_id', 'org_id'])
    .execute();
  await db.schema.createIndex('task_units_scope').on('task_units').columns(['org_path', 'task_id']).execute();

  await withStamps(
    withId(db, db.schema.createTable('task_milestones'))
      .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('planned_date', 'text', (c) => c.notNull())
      .addColumn('weight', 'real', (c) => c.notNull())
      .addColumn('criteria', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('done_at', 'text'),
  ).execute();
  await db.schema
    .createIndex('task_milestones_task')
    .on('task_milestones')
    .columns(['task_id', 'planned_date'])
    .execute();

  await db.schema
    .createTable('task_updates')
    .$call((t) => withId(db, t))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('progress', 'real', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('milestone_id', 'integer', (c) => c.references('task_milestones.id').onDelete('set null'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('task_updates_week', ['task_id', 'week'])
    .execute();

  await db.schema
    .createTable('task_evidence')
    .$call((t) => withId(db, t))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('milestone_id', 'integer', (c) => c.references('task_milestones.id').onDelete('cascade'))
    .addColumn('update_id', 'integer', (c) => c.references('task_updates.id').onDelete('cascade'))
    .addColumn('attachment_id', 'integer', (c) => c.notNull().references('attachments.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_evidence_task').on('task_evidence').column('task_id').execute();

  await db.schema
    .createTable('task_settings')
    .addColumn('campaign_id', 'integer', (c) => c.primaryKey().references('campaigns.id'))
    .addColumn('tolerance', 'real', (c) => c.notNull())
    .addColumn('yellow_gap', 'real', (c) => c.notNull())
    .addColumn('red_gap', 'real', (c) => c.notNull())
    .addColumn('stale_days', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
