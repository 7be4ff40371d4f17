import { queryOf, type WarningKind, type WarningScope } from '../../lib/warning-kind.ts';
import { taskFigures } from './figures.ts';
import { thresholdsOf } from './repository.ts';

const filters = (s: WarningScope, extra: Record<string, string | boolean>) =>
  queryOf({ campaignId: s.campaignId, orgId: s.orgId, ...extra });

/** 预警 kinds of 推动发展: key tasks behind schedule, and tasks nobody has updated (days from the campaign's task settings). */
export const taskWarningKinds: WarningKind[] = [
  {
    kind: 'task_behind',
    label: '进度滞后的重点任务',
    line: '推动发展',
    count: async (db, actor, s) =>
      (
        await taskFigures(
          db,
          actor,
          { campaignId: s.campaignId, orgPath: s.orgPath },
          s.today,
          await thresholdsOf(db, s.campaignId),
        )
      ).behind,
    link: (s) => `/tasks?${filters(s, { status: 'behind' })}`,
    api: (s) => `/api/v1/tasks?${filters(s, { status: 'behind' })}`,
  },
  {
    kind: 'task_stale',
    label: '超过规定天数未更新的重点任务',
    line: '推动发展',
    count: async (db, actor, s) =>
      (
        await taskFigures(
          db,
          actor,
          { campaignId: s.campaignId, orgPath: s.orgPath },
          s.today,
          await thresholdsOf(db, s.campaignId),
        )
      ).stale,
    link: (s) => `/tasks?${filters(s, { stale: true })}`,
    api: (s) => `/api/v1/tasks?${filters(s, { stale: true })}`,
  },
];
