import { XlsxFile, ErrorResponses } from '../../http/schemas.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { today } from '../../clock.ts';
import type { SheetSpec } from '../../io/xlsx-sheet.ts';
import { renderSheet, renderSheetStream } from '../../io/xlsx-sheet.ts';
import { sendXlsx } from '../../http/xlsx-reply.ts';
import { filterOrgPath } from '../orgs/public.ts';
import { TASK_LIGHTS, TASK_STATUSES, type TaskThresholds } from '../../../shared/task-enums.ts';
import { lightAt, plannedAt, statusAt, type Curve } from './schedule.ts';
import { selectTaskRows, taskQuery, thresholdsOf, unitsOf, type TaskFilter, type TaskRow } from './repository.ts';

interface LedgerRow {
  no: number;
  task: TaskRow;
  responsible: string;
  milestone: { title: string; plannedDate: string; weight: number; criteria: string; doneAt: string | null } | null;
  latest: string;
}

const BATCH = 500;
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Tasks of the filter (the list's own query) with their nodes and latest 周调度 note, one row per node. */
async function* ledgerBatches(db: Kysely<Database>, actor: Actor, filter: TaskFilter, day: string, t: TaskThresholds) {
  let no = 0;
  for (let offset = 0; ; offset += BATCH) {
    const tasks = await selectTaskRows(taskQuery(db, actor, filter, day, t))
      .orderBy('tasks.orgPath')
      .orderBy('tasks.id')
      .limit(BATCH)
      .offset(offset)
      .execute();
    if (!tasks.length) return;
    const ids = tasks.map((x) => x.id);
    const [milestones, units, notes] = await Promise.all([
      db
        .selectFrom('taskMilestones')
        .selectAll()
        .where('taskId', 'in', ids)
        .orderBy('plannedDate')
        .orderBy('id')
        .execute(),
      unitsOf(db, ids),
      db
        .selectFrom('taskUpdates')
        .select(['taskId', 'week', 'note'])
        .where('taskId', 'in', ids)
        .orderBy('week')
        .execute(),
    ]);
    const latest = new Map(notes.map((n) => [n.taskId, `${n.week} ${n.note}`]));
    const rows: LedgerRow[] = [];
    for (const task of tasks) {
      no++;
      const responsible = units
        .filter((u) => u.taskId === task.id && u.role === 'responsible')
        .map((u) => u.orgName)
        .join('、');
      const own = milestones.filter((m) => m.taskId === task.id);
      const base = { no, task, responsible, latest: latest.get(task.id) ?? '' };
      if (!own.length) rows.push({ ...base, milestone: null });
      for (const m of own) rows.push({ ...base, milestone: { ...m, weight: Number(m.weight) } });
    }
    yield rows;
    if (tasks.length < BATCH) return;
  }
}

const taskSheet = (title: string, day: string): SheetSpec<LedgerRow> => {
  const schedule = (r: LedgerRow) => ({ ...r.task, done: r.task.done === 1 });
  return {
    title,
    sheetName: '重点任务台账',
    columns: [
      { header: '序号', width: 6, value: (r) => r.no },
      { header: '重点任务', width: 30, value: (r) => r.task.title },
      { header: '牵头领导', width: 10, value: (r) => r.task.leaderName ?? '' },
      { header: '牵头单位', width: 16, value: (r) => r.task.orgName },
      { header: '责任单位', width: 18, value: (r) => r.responsible },
      { header: '完成时限', width: 12, value: (r) => r.task.endDate },
      {
        header: '年度目标',
        width: 18,
        value: (r) =>
          r.task.metricName ? `${r.task.metricName} ${r.task.metricTarget ?? ''}${r.task.metricUnit ?? ''}` : '',
      },
      { header: '时序进度节点', width: 24, value: (r) => r.milestone?.title ?? '' },
      { header: '计划完成日期', width: 12, value: (r) => r.milestone?.plannedDate ?? '' },
      { header: '权重', width: 6, value: (r) => r.milestone?.weight ?? '' },
      { header: '完成标准', width: 20, value: (r) => r.milestone?.criteria ?? '' },
      { header: '完成日期', width: 12, value: (r) => r.milestone?.doneAt?.slice(0, 10) ?? '' },
      { header: '实际进度', width: 8, value: (r) => pct(Number(r.task.progress)) },
      { header: '序时进度', width: 8, value: (r) => pct(plannedAt(JSON.parse(r.task.planCurve) as Curve, day)) },
      { header: '状态', width: 10, value: (r) => TASK_STATUSES[statusAt(schedule(r), day)] },
      {
        header: '亮灯',
        width: 6,
        value: (r) => {
          const l = lightAt(schedule(r), day);
          return l ? TASK_LIGHTS[l] : '';
        },
      },
      { header: '最新调度', width: 30, value: (r) => r.latest },
    ],
    mergeBy: { key: (r) => r.no, columns: [0, 1, 2, 3, 4, 5, 6, 12, 13, 14, 15, 16] },
  };
};

const ExportQuery = Type.Object(
  {
    campaignId: Type.Integer({ minimum: 1, maximum: 2147483647, title: '主题教育' }),
    orgId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, title: '单位' })),
    topLevel: Type.Optional(Type.Boolean({ title: '仅重点任务' })),
  },
  { additionalProperties: false },
);

/** The 重点任务台账 as print-ready .xlsx (one row per node, a task's own cells merged) and its blank template. */
export const taskLedgerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/exports/tasks.xlsx',
    {
      schema: {
        tags: ['台账导入导出'],
        summary: '导出重点任务台账',
        querystring: ExportQuery,
        response: { 200: XlsxFile('重点任务台账 .xlsx'), ...ErrorResponses },
      },
    },
    async (req, reply) => {
      const { campaignId, orgId, topLevel } = req.query;
      const day = today();
      const orgPath = await filterOrgPath(app.db, req.actor.scope, orgId);
      const rows = ledgerBatches(
        app.db,
        req.actor,
        { campaignId, orgPath, topLevel },
        day,
        await thresholdsOf(app.db, campaignId),
      );
      return sendXlsx(
        reply,
        '重点任务台账',
        await renderSheetStream(taskSheet(`重点任务推进台账（截至 ${day}）`, day), rows),
      );
    },
  );
  app.get(
    '/exports/tasks-template.xlsx',
    {
      schema: {
        tags: ['台账导入导出'],
        summary: '下载重点任务台账模板',
        response: { 200: XlsxFile('重点任务台账模板 .xlsx'), ...ErrorResponses },
      },
    },
    async (_req, reply) =>
      sendXlsx(reply, '重点任务台账模板', await renderSheet(taskSheet('重点任务推进台账', today()), [])),
  );
};
