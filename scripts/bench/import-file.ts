/**
 * A filled 整改台账 for the import figure: the template's title and headers, three measures per problem
 * (rows sharing a 序号), units named as the city names them and, as 责任人, a member whose name is unique in
 * the unit — the cells a real office would fill in, every one valid.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { addDays, today } from '../../src/server/clock.ts';
import { PROBLEM_KINDS, PROBLEM_SOURCES } from '../../src/shared/problem-enums.ts';
import { PROBLEM_TEXTS } from '../../src/server/demo/problem-texts.ts';
import { RECTIFICATION_HEADERS } from '../../src/server/modules/problems/ledgers.ts';
import type { BenchCtx } from './context.ts';

const MEASURES_PER_PROBLEM = 3;

/** Branches with one member each whose name no one else in the branch shares. */
async function branchesWithOwner(ctx: BenchCtx): Promise<Array<{ unit: string; owner: string }>> {
  const rows = await ctx.db
    .selectFrom('people')
    .innerJoin('orgUnits', 'orgUnits.id', 'people.orgId')
    .select(['orgUnits.name as unit', sql<string>`min(people.name)`.as('owner')])
    .where('orgUnits.type', '=', 'branch')
    .where('people.active', '=', 1)
    .groupBy(['orgUnits.id', 'orgUnits.name', 'people.name'])
    .having(sql`count(*)`, '=', 1)
    .orderBy('orgUnits.id')
    .execute();
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.unit) && seen.add(r.unit));
}

/** Writes `rows` data rows and returns the .xlsx bytes. */
export async function importWorkbook(ctx: BenchCtx, rows: number): Promise<Buffer> {
  const branches = await branchesWithOwner(ctx);
  const sources = Object.values(PROBLEM_SOURCES);
  const t = today();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('整改台账');
  ws.addRow(['检视问题整改落实台账']);
  ws.addRow([...RECTIFICATION_HEADERS]);
  for (let r = 0; r < rows; r++) {
    const no = Math.floor(r / MEASURES_PER_PROBLEM) + 1;
    const k = r % MEASURES_PER_PROBLEM;
    const branch = branches[no % branches.length];
    const text = PROBLEM_TEXTS[no % PROBLEM_TEXTS.length];
    const done = k === 0 && no % 4 === 0;
    ws.addRow([
      no,
      `${text.title}（导入${no}）`,
      sources[no % sources.length],
      `${text.measure}（第${k + 1}项）`,
      '',
      branch.unit,
      branch.owner,
      addDays(t, 10 + ((no + k * 7) % 60)),
      k === 0 ? '已部署，正在推进' : '',
      done ? '已完成' : '未完成',
      text.category,
      no % 5 === 0 ? PROBLEM_KINDS.long_term : PROBLEM_KINDS.immediate,
      text.description,
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
