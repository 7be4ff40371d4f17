import { XlsxFile, ErrorResponses } from '../../http/schemas.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { shanghaiDate, today } from '../../clock.ts';
import type { SheetSpec } from '../../io/xlsx-sheet.ts';
import type { LedgerField } from '../../io/ledger/types.ts';
import { recordField, rowField, templateWorkbook } from '../../io/ledger-columns.ts';
import { renderSheetStream } from '../../io/xlsx-sheet.ts';
import { sendXlsx } from '../../http/xlsx-reply.ts';
import { anyOrg, filterOrgPath } from '../orgs/public.ts';
import {
  TASK_LIGHTS,
  TASK_STATUSES,
  type TaskLight,
  type TaskStatus,
  type TaskThresholds,
} from '../../../shared/task-enums.ts';
import { TaskListQuery } from './schemas.ts';
import { lightAt, plannedAt, statusAt, type Curve } from './schedule.ts';
import {
  milestonesOfTasks,
  selectTaskRows,
  taskQuery,
  thresholdsOf,
  unitsOf,
  updateNotesOf,
  type TaskFilter,
  type TaskRow,
} from './repository.ts';

/** The columns an import reads: a task's own cells (merged over its rows) and one 时序进度 node per row. */
export const TASK_FIELDS: LedgerField[] = [
  recordField('no', '序号', ['编号']),
  recordField('title', '重点任务', ['任务名称', '任务', '重点工作', '工作任务', '项目名称', '任务事项'], {
    required: true,
  }),
  recordField('description', '任务内容', ['工作内容', '具体内容', '主要内容', '工作措施', '具体措施']),
  recordField('leader', '牵头领导', ['责任领导', '分管领导', '牵头负责人', '牵头市领导'], { name: true }),
  recordField('org', '牵头单位', ['牵头部门', '主责单位', '牵头责任单位'], { required: true, name: true }),
  recordField('responsible', '责任单位', ['责任部门', '落实单位', '承办单位'], { name: true }),
  recordField('cooperating', '配合单位', ['协办单位', '配合部门', '协同单位'], { name: true }),
  recordField('startDate', '开始时间', ['开始日期', '启动时间', '起始时间']),
  recordField('endDate', '完成时限', ['完成时间', '截止时间', '结束时间', '办结时限']),
  recordField('period', '起止时间', ['起止日期', '实施周期', '时间安排']),
  recordField('target', '年度目标', ['目标', '工作目标', '目标任务', '预期目标']),
  rowField('milestone', '时序进度节点', ['节点', '进度安排', '里程碑', '阶段任务', '节点任务', '阶段目标']),
  rowField('plannedDate', '计划完成日期', ['节点时间', '计划时间', '计划完成时间', '节点完成时间']),
  rowField('weight', '权重', ['节点权重', '占比']),
  rowField('criteria', '完成标准', ['验收标准', '完成标志']),
];

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
      milestonesOfTasks(db, ids),
      unitsOf(db, ids),
      updateNotesOf(db, ids),
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
      {
        header: '完成日期',
        width: 12,
        value: (r) => (r.milestone?.doneAt ? shanghaiDate(new Date(r.milestone.doneAt)) : ''),
      },
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

const { page: _page, pageSize: _pageSize, campaignId: _campaignId, ...listFilters } = TaskListQuery.properties;
/** The 重点任务 list's filters, with the campaign required. */
const ExportQuery = Type.Object(
  { campaignId: Type.Integer({ minimum: 1, maximum: 2147483647, title: '主题教育' }), ...listFilters },
  { additionalProperties: false },
);

/** "市容科党支部（含下级）；状态：滞后；红灯" — empty when nothing narrows the list. */
function describe(q: Static<typeof ExportQuery>, orgName: string | undefined): string {
  const parts: string[] = [];
  if (orgName) parts.push(`${orgName}（含下级）`);
  if (q.topLevel) parts.push('仅重点任务');
  if (q.status) parts.push(`状态：${TASK_STATUSES[q.status as TaskStatus] ?? q.status}`);
  if (q.light) parts.push(TASK_LIGHTS[q.light as TaskLight] ?? q.light);
  if (q.stale) parts.push('未更新');
  if (q.leaderId) parts.push('指定牵头领导');
  if (q.parentId) parts.push('指定上级任务的子任务');
  if (q.q?.trim()) parts.push(`关键词：${q.q.trim()}`);
  return parts.join('；');
}

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
      const { orgId, status, light, ...rest } = req.query;
      const day = today();
      const orgPath = await filterOrgPath(app.db, req.actor.scope, orgId);
      const orgName = orgId ? (await anyOrg(app.db, orgId))?.name : undefined;
      const filter = {
        ...rest,
        orgPath,
        status: status as TaskStatus | undefined,
        light: light as TaskLight | undefined,
      };
      const rows = ledgerBatches(app.db, req.actor, filter, day, await thresholdsOf(app.db, rest.campaignId));
      const described = describe(req.query, orgName);
      const title = `重点任务推进台账（${described ? `筛选：${described}；` : ''}截至 ${day}）`;
      return sendXlsx(reply, '重点任务台账', await renderSheetStream(taskSheet(title, day), rows));
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
      sendXlsx(
        reply,
        '重点任务台账模板',
        await templateWorkbook(
          '重点任务推进台账（导入模板：同一序号的多行为同一任务的多个时序进度节点）',
          '重点任务台账',
          TASK_FIELDS,
        ),
      ),
  );
};
