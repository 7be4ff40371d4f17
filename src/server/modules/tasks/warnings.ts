import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { queryOf, type WarningKind, type WarningScope } from '../../lib/warning-kind.ts';
import { taskFigures, type TaskFigures } from './figures.ts';
import { thresholdsOf } from './repository.ts';

// Sub-tasks count too (a unit's behind sub-task is its warning), so the page opens with 仅重点任务 off.
const filters = (s: WarningScope, extra: Record<string, string | boolean>) =>
  queryOf({ campaignId: s.campaignId, orgId: s.orgId, topLevel: 'false', ...extra });

/** Both kinds read one pass of the subtree's figures: counted once per scope (one unit of one 预警 request). */
const counted = new WeakMap<WarningScope, Promise<TaskFigures>>();
function figuresOf(db: Kysely<Database>, actor: Actor, s: WarningScope): Promise<TaskFigures> {
  let figures = counted.get(s);
  if (!figures) {
    figures = thresholdsOf(db, s.campaignId).then((t) =>
      taskFigures(db, actor, { campaignId: s.campaignId, orgPath: s.orgPath }, s.today, t),
    );
    counted.set(s, figures);
  }
  return figures;
}

/** 预警 kinds of 推动发展: key tasks behind schedule, and tasks nobody has updated (days from the campaign's task settings). */
export const taskWarningKinds: WarningKind[] = [
  {
    kind: 'task_behind',
    label: '进度滞后的重点任务',
    line: '推动发展',
    count: async (db, actor, s) => (await figuresOf(db, actor, s)).behind,
    link: (s) => `/tasks?${filters(s, { status: 'behind' })}`,
    api: (s) => `/api/v1/tasks?${filters(s, { status: 'behind' })}`,
  },
  {
    kind: 'task_stale',
    label: '超过规定天数未更新的重点任务',
    line: '推动发展',
    count: async (db, actor, s) => (await figuresOf(db, actor, s)).stale,
    link: (s) => `/tasks?${filters(s, { stale: true })}`,
    api: (s) => `/api/v1/tasks?${filters(s, { stale: true })}`,
  },
];
