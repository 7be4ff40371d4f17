/**
 * The read figures of 推动发展 and 预警: the 推动发展 page's summary line and its first list page (what the page
 * opens with: the whole grant, 重点任务 only), and the 预警 page of the whole city — each beside its honest
 * limit (limit/routes-tasks.ts), with the route's own query functions in-process.
 */
import { today } from '../../src/server/clock.ts';
import { fetchPage } from '../../src/server/db/page.ts';
import { figuresUnit } from '../../src/server/modules/orgs/public.ts';
import { taskFigures } from '../../src/server/modules/tasks/figures.ts';
import { selectTaskRows, taskQuery, thresholdsOf } from '../../src/server/modules/tasks/repository.ts';
import { taskViews } from '../../src/server/modules/tasks/views.ts';
import { WARNING_KINDS } from '../../src/server/modules/warnings/kinds.ts';
import { thresholdValues } from '../../src/server/modules/warnings/repository.ts';
import type { BenchCtx } from './context.ts';
import { nearLimit, type ReadFigure } from './figures.ts';

export function taskReadFigures(ctx: BenchCtx): ReadFigure[] {
  const { db, actor, campaignId, units } = ctx;
  const root = units.root;
  return [
    {
      name: 'task-figures',
      label: '重点任务数字（全市，仅重点任务）',
      path: `/api/v1/tasks/figures?campaignId=${campaignId}&orgId=${root.id}&topLevel=true`,
      connections: 1,
      inProcess: async () =>
        taskFigures(
          db,
          actor,
          { campaignId, orgPath: root.path, topLevel: true },
          today(),
          await thresholdsOf(db, campaignId),
        ),
      target: nearLimit(0.5, 20),
    },
    {
      name: 'task-list',
      label: '重点任务清单（全部可见，第 3 页）',
      path: `/api/v1/tasks?campaignId=${campaignId}&topLevel=true&page=3&pageSize=20`,
      connections: 10,
      inProcess: async () => {
        const day = today();
        const t = await thresholdsOf(db, campaignId);
        const page = await fetchPage(
          taskQuery(db, actor, { campaignId, topLevel: true }, day, t),
          (qb) => selectTaskRows(qb).orderBy('tasks.endDate').orderBy('tasks.id'),
          3,
          20,
        );
        return { ...page, items: await taskViews(db, actor, page.items, day, t) };
      },
      target: nearLimit(0.5),
    },
    {
      name: 'warnings',
      label: '预警（全市，各类）',
      path: `/api/v1/warnings?campaignId=${campaignId}&orgId=${root.id}`,
      connections: 1,
      inProcess: async () => {
        const unit = await figuresUnit(db, actor.scope, root.id);
        const thresholds = await thresholdValues(db, campaignId, WARNING_KINDS);
        const scope = { campaignId, orgId: unit.id, orgPath: unit.path, today: today(), thresholds };
        return Promise.all(WARNING_KINDS.map((k) => k.count(db, actor, scope)));
      },
      target: nearLimit(0.5, 50),
    },
  ];
}
