import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { coversSubtree, inScope, pathInSubtree } from '../../db/scope.ts';
import { loadCalendarOverrides } from '../../lib/calendar-overrides.ts';
import { staleBefore, type Judging } from './schedule.ts';
import {
  DEFAULT_TASK_THRESHOLDS,
  type TaskLight,
  type TaskStatus,
  type TaskThresholds,
} from '../../../shared/task-enums.ts';

type Eb = ExpressionBuilder<Database, 'tasks'>;

/**
 * Key tasks the caller may see: those led by a unit in scope, those a unit in scope is responsible for or
 * cooperates on, and those the caller leads (牵头领导).
 */
export function taskVisible(actor: Actor) {
  return (eb: Eb) => {
    if (actor.scope.all) return sql<boolean>`1 = 1`;
    const parts = [
      inScope(actor.scope, 'tasks.orgPath')(eb),
      eb.exists(
        eb
          .selectFrom('taskUnits')
          .select('taskUnits.taskId')
          .whereRef('taskUnits.taskId', '=', 'tasks.id')
          .where((u) => inScope(actor.scope, 'taskUnits.orgPath')(u)),
      ),
    ];
    if (actor.personId !== null) parts.push(eb('tasks.leaderId', '=', actor.personId));
    return eb.or(parts);
  };
}

/** The task ids among `ids` that the caller may see (bulk check for other modules). */
export async function visibleTaskIds(db: Kysely<Database>, actor: Actor, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom('tasks')
    .select('tasks.id')
    .where('tasks.id', 'in', ids)
    .where(taskVisible(actor))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Status at `today` from the stored schedule — the SQL twin of statusAt in schedule.ts. */
export function statusPredicate(eb: Eb, status: TaskStatus, today: string) {
  const started = eb('tasks.startDate', '<=', today);
  const open = eb('tasks.done', '=', 0);
  switch (status) {
    case 'done':
      return eb('tasks.done', '=', 1);
    case 'not_started':
      return eb.and([open, eb('tasks.startDate', '>', today)]);
    case 'behind':
      return eb.and([open, started, eb('tasks.behindFrom', '<=', today)]);
    case 'on_track':
      return eb.and([open, started, eb('tasks.behindFrom', '>', today)]);
  }
}

/** Light at `today` from the stored schedule — the SQL twin of lightAt. */
export function lightPredicate(eb: Eb, light: TaskLight, today: string) {
  const running = eb.and([eb('tasks.done', '=', 0), eb('tasks.startDate', '<=', today)]);
  switch (light) {
    case 'red':
      return eb.and([running, eb('tasks.redFrom', '<=', today)]);
    case 'yellow':
      return eb.and([running, eb('tasks.yellowFrom', '<=', today), eb('tasks.redFrom', '>', today)]);
    case 'green':
      return eb.or([eb('tasks.done', '=', 1), eb.and([running, eb('tasks.yellowFrom', '>', today)])]);
  }
}

/** 未更新: started, open, and nothing reported for `staleDays` working days (the calendar's). */
export function stalePredicate(eb: Eb, today: string, t: Judging) {
  return eb.and([
    eb('tasks.done', '=', 0),
    eb('tasks.startDate', '<=', today),
    eb('tasks.lastActivityOn', '<=', staleBefore(today, t)),
  ]);
}

/** A unit's tasks: those its subtree leads and those it is 责任单位 for (it gives their 周调度). */
export const ofUnitSubtree = (path: string) => (eb: Eb) =>
  eb.or([
    pathInSubtree(eb, 'tasks.orgPath', path),
    eb(
      'tasks.id',
      'in',
      eb
        .selectFrom('taskUnits')
        .select('taskUnits.taskId')
        .where('taskUnits.role', '=', 'responsible')
        .where((u) => pathInSubtree(u, 'taskUnits.orgPath', path)),
    ),
  ]);

export interface TaskFilter {
  campaignId?: number;
  /** Path of the unit whose subtree is wanted: tasks it leads (牵头单位) or is responsible for (责任单位). */
  orgPath?: string;
  leaderId?: number;
  status?: TaskStatus;
  light?: TaskLight;
  stale?: boolean;
  /** Only 重点任务 themselves, not the sub-tasks they were split into. */
  topLevel?: boolean;
  parentId?: number;
  q?: string;
}

/** The one list query: the 重点任务 list, the ledger export, the figures and the warnings all use it. */
export function taskQuery(db: Kysely<Database>, actor: Actor, filter: TaskFilter, today: string, t: Judging) {
  let qb = db.selectFrom('tasks');
  if (filter.campaignId) qb = qb.where('tasks.campaignId', '=', filter.campaignId);
  if (filter.orgPath) {
    qb = qb.where(ofUnitSubtree(filter.orgPath));
  }
  // A subtree the caller sees whole needs no visibility predicate: the range says it all.
  if (!filter.orgPath || !coversSubtree(actor.scope, filter.orgPath)) qb = qb.where(taskVisible(actor));
  if (filter.leaderId) qb = qb.where('tasks.leaderId', '=', filter.leaderId);
  if (filter.topLevel) qb = qb.where('tasks.parentId', 'is', null);
  if (filter.parentId) qb = qb.where('tasks.parentId', '=', filter.parentId);
  const { status, light } = filter;
  if (status) qb = qb.where((eb) => statusPredicate(eb, status, today));
  if (light) qb = qb.where((eb) => lightPredicate(eb, light, today));
  if (filter.stale) qb = qb.where((eb) => stalePredicate(eb, today, t));
  if (filter.q?.trim()) qb = qb.where('tasks.title', 'like', `%${filter.q.trim().replace(/[%_\\]/g, '')}%`);
  return qb;
}

export const taskColumns = [
  'tasks.id',
  'tasks.campaignId',
  'tasks.parentId',
  'tasks.orgId',
  'tasks.orgPath',
  'tasks.leaderId',
  'tasks.title',
  'tasks.description',
  'tasks.startDate',
  'tasks.endDate',
  'tasks.weight',
  'tasks.metricName',
  'tasks.metricUnit',
  'tasks.metricTarget',
  'tasks.metricCurrent',
  'tasks.reportedProgress',
  'tasks.lastActivityOn',
  'tasks.done',
  'tasks.progress',
  'tasks.planCurve',
  'tasks.behindFrom',
  'tasks.yellowFrom',
  'tasks.redFrom',
  'tasks.wasBehindSince',
  'tasks.doneAt',
  'tasks.version',
  'tasks.createdAt',
  'tasks.updatedAt',
] as const;

/** Rows with the unit and leader names. */
export function selectTaskRows<QB extends ReturnType<typeof taskQuery>>(qb: QB) {
  return qb
    .innerJoin('orgUnits', 'orgUnits.id', 'tasks.orgId')
    .leftJoin('people', 'people.id', 'tasks.leaderId')
    .select([...taskColumns, 'orgUnits.name as orgName', 'people.name as leaderName']);
}

export function findTaskInScope(db: Kysely<Database>, actor: Actor, id: number) {
  return selectTaskRows(db.selectFrom('tasks').where(taskVisible(actor)))
    .where('tasks.id', '=', id)
    .executeTakeFirst();
}

export function findTaskAnywhere(db: Kysely<Database>, id: number) {
  return db.selectFrom('tasks').select(['id', 'orgPath', 'campaignId']).where('id', '=', id).executeTakeFirst();
}

export type TaskRow = NonNullable<Awaited<ReturnType<typeof findTaskInScope>>>;

/** The 责任单位 and 配合单位 of some tasks. */
export function unitsOf(db: Kysely<Database>, taskIds: number[]) {
  if (!taskIds.length) return Promise.resolve([]);
  return db
    .selectFrom('taskUnits')
    .innerJoin('orgUnits', 'orgUnits.id', 'taskUnits.orgId')
    .select(['taskUnits.taskId', 'taskUnits.orgId', 'taskUnits.orgPath', 'taskUnits.role', 'orgUnits.name as orgName'])
    .where('taskUnits.taskId', 'in', taskIds)
    .orderBy('taskUnits.orgId')
    .execute();
}

export type TaskUnitRow = Awaited<ReturnType<typeof unitsOf>>[number];

export function milestonesOf(db: Kysely<Database>, taskId: number) {
  return db
    .selectFrom('taskMilestones')
    .selectAll()
    .where('taskId', '=', taskId)
    .orderBy('plannedDate')
    .orderBy('id')
    .execute();
}

export type MilestoneRow = Awaited<ReturnType<typeof milestonesOf>>[number];

/** The milestones of some tasks, each task's in date order (the ledger export). */
export function milestonesOfTasks(db: Kysely<Database>, taskIds: number[]) {
  if (!taskIds.length) return Promise.resolve([]);
  return db
    .selectFrom('taskMilestones')
    .selectAll()
    .where('taskId', 'in', taskIds)
    .orderBy('plannedDate')
    .orderBy('id')
    .execute();
}

/** The 周调度 notes of some tasks, oldest week first (the ledger export shows the latest). */
export function updateNotesOf(db: Kysely<Database>, taskIds: number[]) {
  if (!taskIds.length) return Promise.resolve([]);
  return db
    .selectFrom('taskUpdates')
    .select(['taskId', 'week', 'note'])
    .where('taskId', 'in', taskIds)
    .orderBy('week')
    .execute();
}

export function updatesOf(db: Kysely<Database>, taskId: number) {
  return db.selectFrom('taskUpdates').selectAll().where('taskId', '=', taskId).orderBy('week', 'desc').execute();
}

export function evidenceOf(db: Kysely<Database>, taskId: number) {
  return db
    .selectFrom('taskEvidence')
    .innerJoin('attachments', 'attachments.id', 'taskEvidence.attachmentId')
    .select([
      'taskEvidence.id',
      'taskEvidence.milestoneId',
      'taskEvidence.updateId',
      'attachments.id as attachmentId',
      'attachments.name',
      'attachments.size',
      'attachments.mime',
    ])
    .where('taskEvidence.taskId', '=', taskId)
    .orderBy('taskEvidence.id')
    .execute();
}

/** Direct sub-tasks with what the roll-up needs. */
export function childrenOf(db: Kysely<Database>, parentId: number) {
  return db
    .selectFrom('tasks')
    .innerJoin('orgUnits', 'orgUnits.id', 'tasks.orgId')
    .select([...taskColumns, 'orgUnits.name as orgName'])
    .where('tasks.parentId', '=', parentId)
    .orderBy('tasks.id')
    .execute();
}

/** The campaign's thresholds, or the defaults. */
export async function settingsOf(db: Kysely<Database>, campaignId: number | undefined): Promise<TaskThresholds> {
  if (!campaignId) return DEFAULT_TASK_THRESHOLDS;
  const row = await db
    .selectFrom('taskSettings')
    .select(['tolerance', 'yellowGap', 'redGap', 'staleDays'])
    .where('campaignId', '=', campaignId)
    .executeTakeFirst();
  return row ? { ...row, staleDays: Number(row.staleDays) } : DEFAULT_TASK_THRESHOLDS;
}

/** The campaign's thresholds with the working-day calendar they are judged by (未更新 counts working days). */
export async function thresholdsOf(db: Kysely<Database>, campaignId: number | undefined): Promise<Judging> {
  const [t, calendar] = await Promise.all([settingsOf(db, campaignId), loadCalendarOverrides(db)]);
  return { ...t, calendar };
}

/** The status-bearing part of a stored schedule, as the history keeps it. */
export interface StatusRecord {
  done: number;
  startDate: string;
  behindFrom: string;
}

/** The history row in force now (the latest), or undefined for a task without history. */
export function currentStatusRecord(db: Kysely<Database>, taskId: number): Promise<StatusRecord | undefined> {
  return db
    .selectFrom('taskStatusHistory')
    .select(['done', 'startDate', 'behindFrom'])
    .where('taskId', '=', taskId)
    .orderBy('effectiveOn', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Records that a task's schedule took this shape on `on`. */
export async function recordStatus(db: Kysely<Database>, taskId: number, on: string, r: StatusRecord): Promise<void> {
  await db
    .insertInto('taskStatusHistory')
    .values({ taskId, effectiveOn: on, done: r.done, startDate: r.startDate, behindFrom: r.behindFrom })
    .execute();
}

/**
 * For each of some tasks, the history row in force at the end of `date` (one indexed probe per task); a task
 * without one did not exist yet.
 */
export async function statusRecordsAsOf(
  db: Kysely<Database>,
  taskIds: number[],
  date: string,
): Promise<Map<number, StatusRecord>> {
  if (!taskIds.length) return new Map();
  const rows = await db
    .selectFrom('taskStatusHistory as h')
    .select(['h.taskId', 'h.done', 'h.startDate', 'h.behindFrom'])
    .where('h.taskId', 'in', taskIds)
    .where((eb) =>
      eb(
        'h.id',
        '=',
        eb
          .selectFrom('taskStatusHistory as h2')
          .select('h2.id')
          .whereRef('h2.taskId', '=', 'h.taskId')
          .where('h2.effectiveOn', '<=', date)
          .orderBy('h2.effectiveOn', 'desc')
          .orderBy('h2.id', 'desc')
          .limit(1),
      ),
    )
    .execute();
  return new Map(rows.map(({ taskId, ...r }) => [taskId, r]));
}

/** Dates a task's whole status history from `on` (rows written around the commands: the demo, the bench city). */
export async function backdateStatusHistory(db: Kysely<Database>, taskId: number, on: string): Promise<void> {
  await db.updateTable('taskStatusHistory').set({ effectiveOn: on }).where('taskId', '=', taskId).execute();
}
