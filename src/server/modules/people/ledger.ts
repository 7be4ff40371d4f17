import { ErrorResponses, XlsxFile } from '../../http/schemas.ts';
/**
 * The 人员名册: its columns as an import reads them (with the headers offices use), the roster export — the
 * people list on screen, its filters applied by the same query and named in the title row — and the template.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { sendXlsx } from '../../http/xlsx-reply.ts';
import type { LedgerField } from '../../io/ledger/types.ts';
import { recordField, templateWorkbook } from '../../io/ledger-columns.ts';
import { renderSheetStream, type SheetSpec } from '../../io/xlsx-sheet.ts';
import { visibleOrg } from '../orgs/public.ts';
import { peopleListRows, peopleQuery, type PeopleFilter, type PersonRow } from './repository.ts';
import { PeopleListQuery } from './schemas.ts';

/** The roster's columns. 所在单位 may be left out when each sheet is one unit's roster (the sheet named after it). */
export const PEOPLE_FIELDS: LedgerField[] = [
  recordField('name', '姓名', ['人员姓名', '党员姓名', '干部姓名', '名字'], { required: true, name: true }),
  recordField('gender', '性别', []),
  recordField(
    'org',
    '所在单位',
    ['单位', '所在支部', '所在党支部', '党支部', '支部', '工作单位', '所在部门', '部门', '单位名称'],
    { name: true },
  ),
  recordField('position', '职务', ['现任职务', '职务职级', '岗位', '职务（岗位）']),
  recordField('political', '政治面貌', ['是否党员', '党员身份', '政治身份']),
  recordField('leadershipLevel', '领导职务层级', ['职级', '干部层级', '领导层级']),
  recordField('phone', '联系电话', ['手机号码', '手机号', '手机', '电话', '联系方式', '电话号码']),
];

export const GENDERS: Record<string, string> = { male: '男', female: '女' };
export const LEADERSHIP_LEVELS: Record<string, string> = {
  bureau: '厅局级',
  county: '县处级',
  township: '乡科级',
  other: '其他',
};

type Row = PersonRow & { no: number };

const peopleSheet = (title: string): SheetSpec<Row> => ({
  title,
  sheetName: '人员名册',
  columns: [
    { header: '序号', width: 6, value: (r) => r.no },
    { header: '姓名', width: 10, value: (r) => r.name },
    { header: '性别', width: 6, value: (r) => (r.gender ? (GENDERS[r.gender] ?? '') : '') },
    { header: '所在单位', width: 22, value: (r) => r.orgName },
    { header: '职务', width: 16, value: (r) => r.position },
    { header: '政治面貌', width: 10, value: (r) => (r.isPartyMember ? '中共党员' : '群众') },
    {
      header: '领导职务层级',
      width: 10,
      value: (r) => (r.leadershipLevel ? (LEADERSHIP_LEVELS[r.leadershipLevel] ?? '') : ''),
    },
    { header: '联系电话', width: 14, value: (r) => r.phone ?? '' },
    { header: '状态', width: 6, value: (r) => (r.active ? '在册' : '已停用') },
  ],
});

const { page: _page, pageSize: _pageSize, ...listFilters } = PeopleListQuery.properties;
/** The people list's filters, without paging. */
export const PeopleExportQuery = Type.Object(listFilters, { additionalProperties: false });
type ListFilters = Static<typeof PeopleExportQuery>;

/** The list's filter from its query: a unit outside the caller's scope is 404, as on the list. */
export async function peopleFilterOf(
  db: Kysely<Database>,
  actor: Actor,
  query: ListFilters,
): Promise<{ filter: PeopleFilter; orgName?: string }> {
  if (!query.orgId) return { filter: query };
  const org = await visibleOrg(db, actor.scope, query.orgId);
  if (!org) throw notFound('单位');
  return { filter: { ...query, orgPath: org.path }, orgName: org.name };
}

/** "办公室党支部（含下级）；党员；关键词：张" — empty when nothing narrows the roster. */
function describe(query: ListFilters, orgName: string | undefined): string {
  const parts: string[] = [];
  if (orgName) parts.push(`${orgName}${query.subtree === false ? '（仅本级）' : '（含下级）'}`);
  if (query.isPartyMember === true) parts.push('中共党员');
  if (query.isPartyMember === false) parts.push('非党员');
  if (query.includeInactive) parts.push('含已停用');
  if (query.q?.trim()) parts.push(`关键词：${query.q.trim()}`);
  return parts.join('；');
}

const BATCH = 2_000;

async function* rosterBatches(db: Kysely<Database>, actor: Actor, filter: PeopleFilter): AsyncGenerator<Row[]> {
  for (let offset = 0; ; offset += BATCH) {
    const rows = await peopleListRows(peopleQuery(db, actor.scope, filter))
      .limit(BATCH)
      .offset(offset)
      .execute();
    yield rows.map((r, i) => ({ ...r, no: offset + i + 1 }));
    if (rows.length < BATCH) return;
  }
}

/** 人员名册 as print-ready .xlsx (the list's filters and order) and its import template. */
export const peopleLedgerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/exports/people.xlsx',
    {
      schema: {
        tags: ['台账导入导出'],
        summary: '导出人员名册',
        querystring: PeopleExportQuery,
        response: { 200: XlsxFile('人员名册 .xlsx'), ...ErrorResponses },
      },
    },
    async (req, reply) => {
      const { filter, orgName } = await peopleFilterOf(app.db, req.actor, req.query);
      const described = describe(req.query, orgName);
      const sheet = peopleSheet(described ? `人员名册（筛选：${described}）` : '人员名册');
      return sendXlsx(reply, '人员名册', await renderSheetStream(sheet, rosterBatches(app.db, req.actor, filter)));
    },
  );

  app.get(
    '/exports/people-template.xlsx',
    {
      schema: {
        tags: ['台账导入导出'],
        summary: '下载人员名册导入模板',
        response: { 200: XlsxFile('人员名册导入模板 .xlsx'), ...ErrorResponses },
      },
    },
    async (_req, reply) =>
      sendXlsx(
        reply,
        '人员名册导入模板',
        await templateWorkbook(
          '人员名册（导入模板：政治面貌填“中共党员”“中共预备党员”或“群众”等）',
          '人员名册',
          PEOPLE_FIELDS,
        ),
      ),
  );
};
