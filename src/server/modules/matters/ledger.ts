/**
 * The 民生实事清单 as print-ready .xlsx: the list on screen — its filters applied by the list's own query and
 * named in the title row, its order, its rows as the list presents them (scope, derived 逾期 and colour).
 * Nothing of the public's is in a matter; the 责任人 is staff, shown as on the list.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { Static } from 'typebox';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { today } from '../../clock.ts';
import { ErrorResponses, XlsxFile } from '../../http/schemas.ts';
import { sendXlsx } from '../../http/xlsx-reply.ts';
import { renderSheetStream, type SheetSpec } from '../../io/xlsx-sheet.ts';
import { anyOrg, filterOrgPath } from '../orgs/public.ts';
import { MATTER_STATUSES, type MatterStatus } from '../../../shared/demand-enums.ts';
import { matterBatch, type MatterFilter } from './repository.ts';
import { presentMatters } from './presenter.ts';
import { MatterExportQuery } from './schemas.ts';

type Row = Awaited<ReturnType<typeof presentMatters>>[number] & { no: number };

const COLOUR_LABELS: Record<string, string> = { red: '红', yellow: '黄', green: '绿', blue: '蓝' };

/**
 * Progress notes in a cell, newest first: "2026-11-01 已完成 60 盏"; a matter with more notes than the list
 * shows says how many are left out.
 */
export const progressText = (r: Pick<Row, 'progress' | 'progressTotal'>) =>
  [
    ...r.progress.map((p) => `${p.date} ${p.note}`),
    ...(r.progressTotal > r.progress.length
      ? [`……共 ${r.progressTotal} 条进展，此处列最近 ${r.progress.length} 条`]
      : []),
  ].join('\n');

export const matterSheet = (title: string): SheetSpec<Row> => ({
  title,
  sheetName: '民生实事清单',
  columns: [
    { header: '序号', width: 6, value: (r) => r.no },
    { header: '实事名称', width: 24, value: (r) => r.title },
    { header: '目标', width: 30, value: (r) => r.target },
    { header: '责任单位', width: 18, value: (r) => r.orgName },
    { header: '责任人', width: 10, value: (r) => r.ownerName ?? '' },
    { header: '完成时限', width: 12, value: (r) => r.dueDate },
    { header: '状态', width: 8, value: (r) => r.statusLabel },
    { header: '是否逾期', width: 8, value: (r) => (r.overdue ? '逾期' : '') },
    { header: '红黄绿蓝', width: 8, value: (r) => COLOUR_LABELS[r.colour] ?? r.colour },
    { header: '推进情况', width: 40, value: progressText },
    { header: '办理结果', width: 30, value: (r) => r.result },
    { header: '完成日期', width: 12, value: (r) => r.doneAt ?? '' },
    { header: '是否公开', width: 8, value: (r) => (r.published ? '公开' : '') },
  ],
});

type Query = Static<typeof MatterExportQuery>;

/** "市容科党支部（含下级）；状态：推进中；逾期；已公开" — empty when nothing narrows the list. */
function describe(q: Query, orgName: string | undefined): string {
  const parts: string[] = [];
  if (orgName) parts.push(`${orgName}（含下级）`);
  if (q.status) parts.push(`状态：${MATTER_STATUSES[q.status as MatterStatus] ?? q.status}`);
  if (q.overdue === true) parts.push('逾期');
  if (q.overdue === false) parts.push('未逾期');
  if (q.published === true) parts.push('已公开');
  if (q.published === false) parts.push('未公开');
  return parts.join('；');
}

// Small batches: the progress notes of a batch are read in one query, the newest of each matter (as a list page reads them).
const BATCH = 100;

async function* matterBatches(db: Kysely<Database>, actor: Actor, filter: MatterFilter): AsyncGenerator<Row[]> {
  for (let offset = 0; ; offset += BATCH) {
    const rows = await matterBatch(db, actor, filter, BATCH, offset);
    yield (await presentMatters(db, actor, rows)).map((r, i) => ({ ...r, no: offset + i + 1 }));
    if (rows.length < BATCH) return;
  }
}

/** 民生实事清单 as print-ready .xlsx, with the list's filters and order. */
export const matterLedgerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/exports/matters.xlsx',
    {
      schema: {
        tags: ['台账导入导出'],
        summary: '导出民生实事清单',
        querystring: MatterExportQuery,
        response: { 200: XlsxFile('民生实事清单 .xlsx'), ...ErrorResponses },
      },
    },
    async (req, reply) => {
      const { orgId, ...rest } = req.query;
      const orgPath = await filterOrgPath(app.db, req.actor.scope, orgId);
      const orgName = orgId ? (await anyOrg(app.db, orgId))?.name : undefined;
      const described = describe(req.query, orgName);
      const sheet = matterSheet(described ? `民生实事清单（筛选：${described}）` : '民生实事清单');
      const filter = { ...rest, orgPath, today: today() };
      return sendXlsx(reply, '民生实事清单', await renderSheetStream(sheet, matterBatches(app.db, req.actor, filter)));
    },
  );
};
