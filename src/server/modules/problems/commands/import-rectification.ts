import type { Ctx } from '../../../http/context.ts';
import { importRejected, invalidField } from '../../../errors.ts';
import { nowIso, today } from '../../../clock.ts';
import { inScope } from '../../../db/scope.ts';
import { readUploadedSheet, type ReadCell } from '../../../io/xlsx-sheet.ts';
import { CellErrors } from '../../../io/cell-errors.ts';
import { recordAudits } from '../../audit/record-audit.ts';
import { PROBLEM_KINDS, PROBLEM_SOURCES } from '../../../../shared/problem-enums.ts';
import { RECTIFICATION_HEADERS } from '../ledgers.ts';
import { afterProblemWrites } from '../problem-writes.ts';
import { insertMany } from '../../../db/insert-many.ts';
import { inBatches } from '../../../db/in-batches.ts';
import { problemPolicy } from '../policy.ts';

const REQUIRED = ['序号', '问题描述', '问题来源', '整改措施', '责任单位', '整改时限'];
const sourceByLabel = new Map<string, string>(Object.entries(PROBLEM_SOURCES).map(([k, v]) => [v, k]));
const kindByLabel = new Map<string, string>(Object.entries(PROBLEM_KINDS).map(([k, v]) => [v, k]));

/** YYYY-MM-DD from a date cell or text like 2026-3-5 / 2026/03/05 / 2026年3月5日. */
function parseDate(cell: ReadCell): string | null {
  if (cell.date) return cell.date;
  const m = cell.text.match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/);
  if (!m) return null;
  const d = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return Number.isNaN(Date.parse(`${d}T00:00:00Z`)) || new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d
    ? null
    : d;
}

interface ParsedRow {
  row: number;
  no: number;
  title: string;
  source: string;
  content: string;
  leaderId: number | null;
  orgId: number;
  orgPath: string;
  ownerId: number | null;
  deadline: string;
  progress: string;
  done: boolean;
  category: string;
  kind: string;
  description: string;
}

/**
 * Every cell checked, units and people matched by name inside the importer's scope: the rows to write, or a
 * 422 listing each bad cell. The sheet itself stays in here, so a big one is garbage before the writes start.
 */
async function checkLedger(ctx: Ctx, campaign: { focusAreas: string }, buffer: Buffer): Promise<ParsedRow[]> {
  const sheet = await readUploadedSheet(
    buffer,
    [...RECTIFICATION_HEADERS],
    '无法读取文件：请上传 .xlsx 格式的整改台账',
  );
  const errors = new CellErrors();
  const missing = sheet.missing.filter((h) => REQUIRED.includes(h));
  if (missing.length)
    throw importRejected(missing.map((h) => ({ row: 1, column: h, message: `缺少“${h}”列，请使用系统提供的模板` })));
  if (!sheet.rows.length) throw importRejected([{ row: 1, column: '序号', message: '表格中没有数据行' }]);

  // Names are matched once, in SQL, inside the caller's scope.
  const orgNames = [...new Set(sheet.rows.map((r) => r.cells.责任单位.text).filter(Boolean))];
  const personNames = [
    ...new Set(sheet.rows.flatMap((r) => [r.cells.责任领导?.text, r.cells.责任人?.text]).filter(Boolean)),
  ] as string[];
  const orgs = await inBatches(orgNames, (names) =>
    ctx.db
      .selectFrom('orgUnits')
      .select(['id', 'name', 'path'])
      .where('name', 'in', names)
      .where('active', '=', 1)
      .where(inScope(ctx.actor.scope, 'orgUnits.path'))
      .execute(),
  );
  const people = await inBatches(personNames, (names) =>
    ctx.db
      .selectFrom('people')
      .select(['id', 'name', 'orgPath'])
      .where('name', 'in', names)
      .where('active', '=', 1)
      .where(inScope(ctx.actor.scope, 'people.orgPath', 'people.id'))
      .execute(),
  );
  const focusAreas = new Set(JSON.parse(campaign.focusAreas) as string[]);
  const orgsByName = Map.groupBy(orgs, (o) => o.name);
  const peopleByName = Map.groupBy(people, (p) => p.name);

  const parsed: ParsedRow[] = [];
  for (const { row, cells } of sheet.rows) {
    const bad = (column: string, message: string) => errors.push({ row, column, message });
    const text = (h: string) => cells[h]?.text ?? '';
    const no = Number(text('序号'));
    if (!Number.isInteger(no) || no < 1) bad('序号', '应为正整数');
    const title = text('问题描述');
    if (!title) bad('问题描述', '不能为空');
    else if (title.length > 200) bad('问题描述', '不能超过 200 个字符');
    const source = sourceByLabel.get(text('问题来源'));
    if (!source) bad('问题来源', `“${text('问题来源')}”不是有效来源，可选：${[...sourceByLabel.keys()].join('、')}`);
    const content = text('整改措施');
    if (!content) bad('整改措施', '不能为空');
    else if (content.length > 1000) bad('整改措施', '不能超过 1000 个字符');
    const unitMatches = orgsByName.get(text('责任单位')) ?? [];
    if (!text('责任单位')) bad('责任单位', '不能为空');
    else if (!unitMatches.length) bad('责任单位', `未找到单位“${text('责任单位')}”（或不在您的数据范围内）`);
    else if (unitMatches.length > 1)
      bad('责任单位', `有 ${unitMatches.length} 个同名单位“${text('责任单位')}”，请在系统中区分名称后再导入`);
    else if (!problemPolicy.update(ctx.actor, { orgPath: unitMatches[0].path, status: 'draft', personId: null }))
      bad('责任单位', '您无权为该单位记录问题');
    const person = (h: string): number | null => {
      const name = text(h);
      if (!name) return null;
      let matches = peopleByName.get(name) ?? [];
      if (matches.length > 1 && unitMatches.length === 1)
        matches = matches.filter((p) => p.orgPath.startsWith(unitMatches[0].path));
      if (!matches.length) bad(h, `未找到人员“${name}”（或不在您的数据范围内）`);
      else if (matches.length > 1) bad(h, `有 ${matches.length} 位同名人员“${name}”，无法确定是谁`);
      return matches.length === 1 ? matches[0].id : null;
    };
    const leaderId = person('责任领导');
    const ownerId = person('责任人');
    const deadline = parseDate(cells.整改时限);
    if (!deadline)
      bad('整改时限', text('整改时限') ? `“${text('整改时限')}”不是有效日期，应为 YYYY-MM-DD` : '不能为空');
    const doneText = text('完成情况');
    if (doneText && doneText !== '已完成' && doneText !== '未完成') bad('完成情况', '应为“已完成”或“未完成”');
    const category = text('问题领域');
    if (category && !focusAreas.has(category)) bad('问题领域', `“${category}”不是本次主题教育的问题领域`);
    const kind = text('整改类型') ? kindByLabel.get(text('整改类型')) : 'immediate';
    if (!kind) bad('整改类型', '应为“立行立改”或“长期坚持”');
    if (text('整改进展').length > 2000) bad('整改进展', '不能超过 2000 个字符');
    if (text('具体表现').length > 4000) bad('具体表现', '不能超过 4000 个字符');
    if (unitMatches.length === 1 && source && kind && deadline) {
      parsed.push({
        row,
        no,
        title,
        source,
        content,
        leaderId,
        orgId: unitMatches[0].id,
        orgPath: unitMatches[0].path,
        ownerId,
        deadline,
        progress: text('整改进展'),
        done: doneText === '已完成',
        category,
        kind,
        description: text('具体表现'),
      });
    }
  }
  if (errors.length) throw errors.rejection();
  return parsed;
}

/**
 * Imports a filled 整改台账: nothing is written unless every row passes (422 with each bad cell otherwise),
 * then everything is written in one transaction.
 */
export async function importRectification(
  ctx: Ctx,
  campaignId: number,
  buffer: Buffer,
): Promise<{ created: number; updated: number }> {
  const campaign = await ctx.db
    .selectFrom('campaigns')
    .select(['id', 'focusAreas'])
    .where('id', '=', campaignId)
    .executeTakeFirst();
  if (!campaign) throw invalidField('campaignId', '“主题教育”不存在');
  const parsed = await checkLedger(ctx, campaign, buffer);

  const groups = [...Map.groupBy(parsed, (p) => p.no).values()];
  // Set-wise writes: one multi-row INSERT per few thousand rows instead of several statements per row.
  await ctx.db.transaction().execute(async (trx) => {
    const now = nowIso();
    const problemIds = await insertMany(
      trx,
      'problems',
      groups.map(([first]) => ({
        campaignId,
        orgId: first.orgId,
        orgPath: first.orgPath,
        title: first.title,
        description: first.description,
        source: first.source,
        category: first.category,
        kind: first.kind,
        status: 'in_progress',
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })),
    );
    const rows = groups.flatMap((group, i) => group.map((r) => ({ r, problemId: problemIds[i] })));
    const measureIds = await insertMany(
      trx,
      'problemMeasures',
      rows.map(({ r, problemId }) => ({
        problemId,
        content: r.content,
        leaderId: r.leaderId,
        ownerOrgId: r.orgId,
        ownerId: r.ownerId,
        deadline: r.deadline,
        status: r.done ? 'done' : 'open',
        doneAt: r.done ? now : null,
        createdAt: now,
        updatedAt: now,
      })),
    );
    const notes = rows.flatMap(({ r }, k) =>
      r.progress
        ? [
            {
              measureId: measureIds[k],
              date: today(),
              note: r.progress,
              authorName: ctx.actor.displayName,
              createdAt: now,
            },
          ]
        : [],
    );
    await insertMany(trx, 'measureProgress', notes, { returnIds: false });
    await afterProblemWrites(trx, problemIds);
    await recordAudits(
      trx,
      ctx.actor,
      groups.map((group, i) => ({
        action: 'import',
        entityType: 'problem',
        entityId: problemIds[i],
        entityLabel: group[0].title,
        orgPath: group[0].orgPath,
        after: { rows: group.map((r) => r.row), measures: group.length },
      })),
    );
  });
  return { created: groups.length, updated: 0 };
}
