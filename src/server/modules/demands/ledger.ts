import { ErrorResponses, XlsxFile } from '../../http/schemas.ts';
/**
 * The 群众诉求台账: its columns as an import reads them, the export — the 诉求 list on screen, its filters
 * applied by the list's own query and named in the title row, contact data masked by the same rule as the
 * list (hidden from those who may not see it, never in clear) — and the template.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { sendXlsx } from '../../http/xlsx-reply.ts';
import type { LedgerField } from '../../io/ledger/types.ts';
import { recordField, templateWorkbook } from '../../io/ledger-columns.ts';
import { renderSheetStream, type SheetSpec } from '../../io/xlsx-sheet.ts';
import { anyOrg } from '../orgs/public.ts';
import {
  DEMAND_CHANNELS,
  DEMAND_KINDS,
  DEMAND_STATUSES,
  SATISFACTIONS,
  type DemandChannel,
  type DemandKind,
  type DemandStatus,
  type Satisfaction,
} from '../../../shared/demand-enums.ts';
import { demandFilterOf, presentDemands, type ListFilters } from './list-rows.ts';
import { demandColumns, demandQuery, type DemandFilter } from './repository.ts';
import { FiguresQuery, ListQuery } from './schemas.ts';
import { unitRanking } from './figures.ts';

/** The columns an import reads. 办理状态, 满意度 and the like are not read: an imported demand starts 已受理. */
export const DEMAND_FIELDS: LedgerField[] = [
  recordField(
    'description',
    '诉求内容',
    ['诉求事项', '反映问题', '反映内容', '来电内容', '诉求描述', '主要诉求', '内容'],
    { required: true },
  ),
  recordField('channel', '来源渠道', ['渠道', '诉求来源', '来源', '受理渠道', '诉求渠道'], { required: true }),
  recordField('kind', '诉求类型', ['类型', '诉求性质', '来电类型']),
  recordField('category', '诉求类别', ['类别', '问题类别', '诉求分类', '事项类别', '分类', '业务类别'], {
    required: true,
  }),
  recordField('name', '诉求人', ['诉求人姓名', '姓名', '来电人', '反映人', '联系人', '群众姓名'], { name: true }),
  recordField('phone', '联系电话', ['电话', '手机', '手机号码', '来电号码', '联系方式']),
  recordField('address', '诉求地址', ['地址', '地点', '事发地址', '事发地点', '发生地点']),
  recordField('org', '受理单位', ['承办单位', '办理单位', '责任单位', '承办部门'], { name: true }),
  recordField('receivedAt', '受理时间', ['受理日期', '来电时间', '登记时间', '反映时间', '诉求时间']),
  recordField('confidential', '是否保密', ['要求保密', '保密']),
];

type Row = Awaited<ReturnType<typeof presentDemands>>[number] & { no: number };

const label = <K extends string>(labels: Record<K, string>, key: string | null) =>
  key === null ? '' : (labels[key as K] ?? key);
/** An instant as the Beijing date and minute: 2026-11-20 09:30. */
function minute(at: string | null): string {
  if (!at) return '';
  const beijing = new Date(Date.parse(at) + 8 * 3600_000).toISOString();
  return `${beijing.slice(0, 10)} ${beijing.slice(11, 16)}`;
}

const demandSheet = (title: string): SheetSpec<Row> => ({
  title,
  sheetName: '群众诉求台账',
  columns: [
    { header: '序号', width: 6, value: (r) => r.no },
    { header: '查询码', width: 14, value: (r) => r.trackingCode },
    { header: '受理时间', width: 16, value: (r) => minute(r.receivedAt) },
    { header: '来源渠道', width: 10, value: (r) => label<DemandChannel>(DEMAND_CHANNELS, r.channel) },
    { header: '诉求类型', width: 8, value: (r) => label<DemandKind>(DEMAND_KINDS, r.kind) },
    { header: '诉求类别', width: 12, value: (r) => r.categoryName },
    { header: '诉求内容', width: 36, value: (r) => r.description },
    { header: '诉求地址', width: 20, value: (r) => r.address },
    // Masked (张*, 138****5678) for those who may see the complainant, empty for the others — as on the list.
    { header: '诉求人', width: 8, value: (r) => r.contactName },
    { header: '联系电话', width: 14, value: (r) => r.contactPhone },
    { header: '受理单位', width: 16, value: (r) => r.intakeOrgName },
    { header: '承办单位', width: 16, value: (r) => r.orgName ?? '' },
    { header: '办理时限', width: 16, value: (r) => minute(r.dueAt) },
    { header: '办理状态', width: 8, value: (r) => label<DemandStatus>(DEMAND_STATUSES, r.status) },
    { header: '是否逾期', width: 8, value: (r) => (r.overdue ? '逾期' : '') },
    { header: '答复内容', width: 30, value: (r) => r.answer },
    { header: '满意度', width: 8, value: (r) => label<Satisfaction>(SATISFACTIONS, r.satisfaction) },
    { header: '办结时间', width: 16, value: (r) => minute(r.closedAt) },
  ],
});

const { page: _page, pageSize: _pageSize, ...listFilters } = ListQuery.properties;
/** The 诉求 list's filters, without paging. */
export const DemandExportQuery = Type.Object(listFilters, { additionalProperties: false });

/** "市容科党支部（含下级）；状态：已派单；逾期" — empty when nothing narrows the list. */
function describe(q: ListFilters, orgName: string | undefined): string {
  const parts: string[] = [];
  if (orgName) parts.push(`${orgName}${q.unitOnly ? '（仅本级承办）' : '（含下级）'}`);
  if (q.status) parts.push(`状态：${label<DemandStatus>(DEMAND_STATUSES, q.status)}`);
  if (q.channel) parts.push(`渠道：${label<DemandChannel>(DEMAND_CHANNELS, q.channel)}`);
  if (q.kind) parts.push(`类型：${label<DemandKind>(DEMAND_KINDS, q.kind)}`);
  if (q.category) parts.push(`类别：${q.category}`);
  if (q.overdue === true) parts.push('逾期');
  if (q.overdue === false) parts.push('未逾期');
  if (q.repeat === true) parts.push('重复件');
  if (q.receivedFrom || q.receivedTo) parts.push(`受理：${q.receivedFrom ?? ''}至${q.receivedTo ?? ''}`);
  if (q.visitedFrom || q.visitedTo || q.visit) parts.push('按回访筛选');
  if (q.trackingCode) parts.push(`查询码：${q.trackingCode}`);
  if (q.q?.trim()) parts.push(`关键词：${q.q.trim()}`);
  return parts.join('；');
}

const BATCH = 1_000;

async function* demandBatches(db: Kysely<Database>, actor: Actor, filter: DemandFilter): AsyncGenerator<Row[]> {
  for (let offset = 0; ; offset += BATCH) {
    const rows = await demandQuery(db, actor, filter)
      .select(demandColumns)
      .orderBy('demands.receivedAt', 'desc')
      .orderBy('demands.id', 'desc')
      .limit(BATCH)
      .offset(offset)
      .execute();
    yield (await presentDemands(db, actor, rows)).map((r, i) => ({ ...r, no: offset + i + 1 }));
    if (rows.length < BATCH) return;
  }
}

type RankRow = Awaited<ReturnType<typeof unitRanking>>['items'][number];
const percent = (v: number | null) => (v === null ? '无数据' : `${(v * 100).toFixed(1)}%`);

/** The monthly 三率 ranking of one peer group (a unit's children), as on the 接诉即办 page. */
const rankingSheet = (title: string): SheetSpec<RankRow> => ({
  title,
  sheetName: '三率排名',
  columns: [
    { header: '名次', width: 6, value: (r) => r.rank ?? '—' },
    { header: '单位', width: 24, value: (r) => r.name },
    { header: '受理件数', width: 10, value: (r) => r.received },
    { header: '有效回访', width: 10, value: (r) => r.valid },
    { header: '响应率', width: 10, value: (r) => percent(r.responseRate) },
    { header: '解决率', width: 10, value: (r) => percent(r.resolutionRate) },
    { header: '满意率', width: 10, value: (r) => percent(r.satisfactionRate) },
    { header: '综合得分', width: 10, value: (r) => (r.score === null ? '无数据' : r.score) },
    { header: '逾期件数', width: 10, value: (r) => r.overdue },
  ],
});

/** 群众诉求台账 as print-ready .xlsx (the list's filters and order) and its import template. */
export const demandLedgerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/exports/demands.xlsx',
    {
      schema: {
        tags: ['台账导入导出'],
        summary: '导出群众诉求台账',
        querystring: DemandExportQuery,
        response: { 200: XlsxFile('群众诉求台账 .xlsx'), ...ErrorResponses },
      },
    },
    async (req, reply) => {
      const filter = await demandFilterOf(app.db, req.actor, req.query);
      const orgName = req.query.orgId ? (await anyOrg(app.db, req.query.orgId))?.name : undefined;
      const described = describe(req.query, orgName);
      const sheet = demandSheet(described ? `群众诉求台账（筛选：${described}）` : '群众诉求台账');
      return sendXlsx(reply, '群众诉求台账', await renderSheetStream(sheet, demandBatches(app.db, req.actor, filter)));
    },
  );

  app.get(
    '/exports/demand-ranking.xlsx',
    {
      schema: {
        tags: ['台账导入导出'],
        summary: '导出下级单位三率排名（并列同名次，无数据不排名）',
        querystring: FiguresQuery,
        response: { 200: XlsxFile('三率排名 .xlsx'), ...ErrorResponses },
      },
    },
    async (req, reply) => {
      const ranking = await unitRanking(app.db, req.actor, req.query);
      const sheet = rankingSheet(`${ranking.unitName}下级单位三率排名（${ranking.from} 至 ${ranking.to}）`);
      return sendXlsx(reply, '三率排名', await renderSheetStream(sheet, ranking.items));
    },
  );

  app.get(
    '/exports/demands-template.xlsx',
    {
      schema: {
        tags: ['台账导入导出'],
        summary: '下载群众诉求台账导入模板',
        response: { 200: XlsxFile('群众诉求台账导入模板 .xlsx'), ...ErrorResponses },
      },
    },
    async (_req, reply) =>
      sendXlsx(
        reply,
        '群众诉求台账导入模板',
        await templateWorkbook(
          '群众诉求台账（导入模板：导入的诉求为“已受理”，由受理单位派单办理）',
          '群众诉求台账',
          DEMAND_FIELDS,
        ),
      ),
  );
};
