import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { today } from '../../clock.ts';
import { weekOf } from '../../../shared/iso-week.ts';
import { recordTimeline } from '../audit/public.ts';
import type { Judging } from './schedule.ts';
import { lastWeekEnd, presentTask, presentWeek, subjectOf } from './presenter.ts';
import {
  childrenOf,
  evidenceOf,
  findTaskInScope,
  milestonesOf,
  statusRecordsAsOf,
  thresholdsOf,
  unitsOf,
  updatesOf,
  type TaskRow,
} from './repository.ts';

/** Presents a page of tasks: their units, campaign units and shapes read in three bulk queries. */
export async function taskViews(db: Kysely<Database>, actor: Actor, rows: TaskRow[], day: string, t: Judging) {
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  const [units, campaigns, parents, planned, reported, lastWeek] = await Promise.all([
    unitsOf(db, ids),
    db
      .selectFrom('campaigns')
      .innerJoin('orgUnits', 'orgUnits.id', 'campaigns.orgId')
      .select(['campaigns.id', 'orgUnits.path'])
      .where('campaigns.id', 'in', [...new Set(rows.map((r) => r.campaignId))])
      .execute(),
    db.selectFrom('tasks').select('parentId').distinct().where('parentId', 'in', ids).execute(),
    db.selectFrom('taskMilestones').select('taskId').distinct().where('taskId', 'in', ids).execute(),
    db.selectFrom('taskUpdates').select('taskId').where('taskId', 'in', ids).where('week', '=', weekOf(day)).execute(),
    statusRecordsAsOf(db, ids, lastWeekEnd(day)),
  ]);
  const updatedThisWeek = new Set(reported.map((r) => r.taskId));
  const campaignPath = new Map(campaigns.map((c) => [c.id, c.path]));
  const split = new Set(parents.map((p) => p.parentId));
  const hasMilestones = new Set(planned.map((p) => p.taskId));
  return rows.map((row) => {
    const own = units.filter((u) => u.taskId === row.id);
    const subject = subjectOf(row, own, campaignPath.get(row.campaignId) ?? '', {
      hasChildren: split.has(row.id),
      hasMilestones: hasMilestones.has(row.id),
    });
    return {
      ...presentTask(actor, row, own, { today: day, thresholds: t, subject }),
      ...presentWeek(day, {
        reported: updatedThisWeek.has(row.id),
        split: split.has(row.id),
        done: row.done === 1,
        lastWeek: lastWeek.get(row.id),
      }),
    };
  });
}

/** The task drawer: the record, its milestones with evidence, weekly updates, sub-tasks and audit timeline. */
export async function taskDetail(db: Kysely<Database>, actor: Actor, id: number) {
  const row = await findTaskInScope(db, actor, id);
  if (!row) throw notFound('重点任务');
  const day = today();
  const t = await thresholdsOf(db, row.campaignId);
  const [[task], milestones, updates, evidence, children, timeline] = await Promise.all([
    taskViews(db, actor, [row], day, t),
    milestonesOf(db, id),
    updatesOf(db, id),
    evidenceOf(db, id),
    childrenOf(db, id),
    recordTimeline(db, actor, 'task', id, 100),
  ]);
  const files = (pick: (e: (typeof evidence)[number]) => boolean) =>
    evidence.filter(pick).map((e) => ({ id: e.attachmentId, name: e.name, size: e.size, type: e.mime }));
  return {
    ...task,
    milestones: milestones.map((m) => ({
      ...m,
      weight: Number(m.weight),
      overdue: !m.doneAt && m.plannedDate < day,
      evidence: files((e) => e.milestoneId === m.id),
    })),
    updates: updates.map((u) => ({ ...u, progress: Number(u.progress), evidence: files((e) => e.updateId === u.id) })),
    children: await taskViews(
      db,
      actor,
      children.map((c) => ({ ...c, leaderName: null })),
      day,
      t,
    ),
    timeline,
  };
}
