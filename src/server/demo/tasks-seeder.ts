import type { Db } from '../db/connection.ts';
import { addDays, nowIso } from '../clock.ts';
import { weekOf } from '../../shared/iso-week.ts';
import { backdateStatusHistory, NEVER_DATE, recordTaskStatus, rederiveTask } from '../modules/tasks/public.ts';
import type { DemoSeeder } from './demo-seeder.ts';

type Shape = 'done' | 'on_track' | 'behind' | 'caught_up' | 'stale' | 'split';

/** The seeds' proportions (003): ten key tasks, two done, seven on schedule, one behind. */
const TASKS: Array<[string, Shape, string]> = [
  ['背街小巷环境综合整治', 'done', '整治背街小巷'],
  ['城市管理执法规范化建设', 'done', '执法案卷评查合格率'],
  ['生活垃圾分类全覆盖', 'on_track', '分类覆盖小区'],
  ['智慧城管平台建设', 'caught_up', '接入感知设备'],
  ['违法建设治理攻坚', 'split', '拆除违法建设'],
  ['市容秩序示范街创建', 'on_track', '示范街'],
  ['城市公园绿地提质增效', 'on_track', '提质公园'],
  ['渣土运输规范管理', 'on_track', '密闭运输车辆'],
  ['停车秩序综合治理', 'stale', '新增泊位'],
  ['老旧小区架空缆线整治', 'behind', '整治小区'],
];

/**
 * Ten 重点任务 of the running campaign with milestones around today and a few weeks of 周调度, so the summary
 * line reads "10项重点任务完成2项，按序时推进7项，滞后1项"; one was behind and caught up (曾滞后), one has not
 * been updated for twelve days (未更新), one is split into sub-tasks for two units.
 */
export const tasksSeeder: DemoSeeder = {
  name: 'tasks',
  async seed(db: Db, { today }) {
    const campaign = await db
      .selectFrom('campaigns')
      .select('id')
      .where('status', '=', 'active')
      .orderBy('id')
      .executeTakeFirst();
    if (!campaign) return;
    const root = await db
      .selectFrom('orgUnits')
      .select(['id', 'path'])
      .where('parentId', 'is', null)
      .executeTakeFirstOrThrow();
    const units = await db
      .selectFrom('orgUnits')
      .select(['id', 'path'])
      .where('parentId', '=', root.id)
      .orderBy('id')
      .execute();
    const leaders = await db.selectFrom('people').select('id').where('orgId', '=', root.id).orderBy('id').execute();
    const now = nowIso();
    const at = (n: number) => addDays(today, n);
    await db.transaction().execute(async (trx) => {
      const insertTask = async (
        title: string,
        org: { id: number; path: string },
        i: number,
        parentId: number | null,
        done: boolean,
      ) => {
        const row = await trx
          .insertInto('tasks')
          .values({
            campaignId: campaign.id,
            parentId,
            orgId: org.id,
            orgPath: org.path,
            leaderId: leaders[i % Math.max(1, leaders.length)]?.id ?? null,
            title,
            startDate: at(done ? -150 : -60),
            endDate: at(done ? -5 : 120),
            lastActivityOn: at(-2),
            behindFrom: NEVER_DATE,
            yellowFrom: NEVER_DATE,
            redFrom: NEVER_DATE,
            createdAt: now,
            updatedAt: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return row.id;
      };
      const milestones = async (taskId: number, done: boolean, doneCount: number) => {
        const dates = done ? [-120, -80, -40, -6] : [-40, -10, 30, 90];
        const names = ['制定实施方案', '摸底排查', '集中攻坚', '验收总结'];
        for (const [k, d] of dates.entries())
          await trx
            .insertInto('taskMilestones')
            .values({
              taskId,
              title: names[k],
              plannedDate: at(d),
              weight: k === 2 ? 2 : 1,
              criteria: k === 3 ? '通过领导小组验收' : '',
              doneAt: k < doneCount ? `${at(d - 1)}T09:00:00.000Z` : null,
              createdAt: now,
              updatedAt: now,
            })
            .execute();
      };
      const weekly = async (taskId: number, weeks: number[], progress: number) => {
        for (const [k, w] of weeks.entries())
          await trx
            .insertInto('taskUpdates')
            .values({
              taskId,
              week: weekOf(at(w)),
              progress: Math.round((progress - (weeks.length - 1 - k) * 0.05) * 100) / 100,
              note: ['完成阶段性排查', '推进集中整治', '召开调度会研究难点'][k % 3],
              authorName: '办公室',
              createdAt: now,
              updatedAt: now,
            })
            .execute();
        await trx.updateTable('tasks').set({ reportedProgress: progress }).where('id', '=', taskId).execute();
      };
      for (const [i, [title, shape, metric]] of TASKS.entries()) {
        const unit = units[i % Math.max(1, units.length)] ?? root;
        const id = await insertTask(title, root, i, null, shape === 'done');
        await trx
          .insertInto('taskUnits')
          .values({ taskId: id, orgId: unit.id, orgPath: unit.path, role: 'responsible' })
          .execute();
        await trx
          .updateTable('tasks')
          .set({
            metricName: metric,
            metricUnit: '项',
            metricTarget: 100,
            metricCurrent: shape === 'done' ? 100 : 40 + i * 3,
          })
          .where('id', '=', id)
          .execute();
        if (shape === 'split') {
          for (const [k, child] of units.slice(1, 3).entries()) {
            const c = await insertTask(`${title}（${k ? '二' : '一'}片区）`, child, i, id, false);
            await milestones(c, false, 2);
            await weekly(c, [-14, -7, 0], 0.42);
            await rederiveTask(trx, c);
            await backdateStatusHistory(trx, c, at(-14));
          }
          await backdateStatusHistory(trx, id, at(-14));
          continue;
        }
        await milestones(id, shape === 'done', shape === 'done' ? 4 : shape === 'behind' ? 1 : 2);
        if (shape === 'stale')
          await trx
            .updateTable('tasks')
            .set({ lastActivityOn: at(-12) })
            .where('id', '=', id)
            .execute();
        else if (shape !== 'done') await weekly(id, [-14, -7, 0], shape === 'behind' ? 0.2 : 0.42);
        await rederiveTask(trx, id);
        // The 周调度 view compares with last week: each task's status history starts two weeks back; the one
        // that caught up was behind from nine days ago until today's catch-up.
        if (shape === 'caught_up') {
          await trx
            .updateTable('tasks')
            .set({ wasBehindSince: at(-9) })
            .where('id', '=', id)
            .execute();
          await recordTaskStatus(trx, id, at(-14), { done: 0, startDate: at(-60), behindFrom: at(-9) });
        } else await backdateStatusHistory(trx, id, at(-14));
      }
    });
  },
};
