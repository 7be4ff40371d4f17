/**
 * The stages every import goes through, for the preview in the background and the one-step route alike:
 * read the file into sheets, find each sheet's layout (with the mapping remembered for it and the user's own
 * choices on top), turn the rows under the header into records, check them with the ledger's definition.
 * Nothing here writes a ledger's tables.
 */
import type { Ctx } from '../../http/context.ts';
import type { Db } from '../../db/connection.ts';
import { normaliseHeader } from '../../io/ledger/fields.ts';
import { detectLayout, layoutSignature } from '../../io/ledger/layout.ts';
import { toRecords } from '../../io/ledger/records.ts';
import type { LedgerRecord, RawSheet, SheetLayout } from '../../io/ledger/types.ts';
import { readLedgerFile } from '../../io/ledger/workbook.ts';
import type { Ambiguity, CheckResult, ImportCellError, LedgerDefinition, Resolution } from './definition.ts';
import { rememberedMapping } from './repository.ts';
import type { MappingChoice, SheetView } from './presenter.ts';

export type { MappingChoice } from './presenter.ts';

/** Who a remembered mapping belongs to: the caller's unit, or the caller alone without one. */
export const mappingOwner = (actor: Ctx['actor']) => (actor.orgId ? `org:${actor.orgId}` : `user:${actor.userId}`);

/** Lets other requests run between slices of a long loop (a 50,000-row check is many slices). */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const layoutOf = (view: SheetView): SheetLayout | null =>
  view.headerRows
    ? { sheet: view.name, headerRows: view.headerRows, columns: view.columns, unitHint: view.unitHint ?? undefined }
    : null;

/**
 * Every sheet of the file with its layout: the automatic one, the one remembered for the same headers, then
 * the caller's choices. `message` says why nothing can be read when no sheet has a header.
 */
export async function readSheets(
  db: Db,
  definition: LedgerDefinition,
  file: { bytes: Uint8Array; name: string },
  owner: string,
  choices: MappingChoice[],
): Promise<{ raw: RawSheet[]; sheets: SheetView[]; message: string | null }> {
  const raw = await readLedgerFile(file.bytes, file.name);
  const sheets: SheetView[] = [];
  for (const sheet of raw) {
    let found = detectLayout(sheet, definition.fields);
    if ('columns' in found) {
      const remembered = await rememberedMapping(db, definition.key, layoutSignature(found), owner);
      if (remembered) found = detectLayout(sheet, definition.fields, remembered);
    }
    if (!('columns' in found)) {
      sheets.push({ name: sheet.name, headerRows: null, problem: found.problem, unitHint: null, columns: [] });
      continue;
    }
    const chosen = new Map(choices.filter((c) => c.sheet === sheet.name).map((c) => [c.column, c.field]));
    sheets.push({
      name: sheet.name,
      headerRows: found.headerRows,
      problem: null,
      unitHint: found.unitHint ?? null,
      columns: found.columns.map((c) => (chosen.has(c.column) ? { ...c, field: chosen.get(c.column)! } : c)),
    });
    await yieldToLoop();
  }
  return { raw, sheets, message: wholeFileProblem(raw, sheets) };
}

/** Why nothing in the file can be read (no sheet, or no sheet with a header), or null. */
function wholeFileProblem(raw: RawSheet[], sheets: SheetView[]): string | null {
  if (!raw.length) return '文件中没有任何内容';
  return sheets.some((s) => s.headerRows) ? null : (sheets[0].problem ?? '没有找到表头');
}

/**
 * The file read again with the layouts a preview already shows (what the user saw and chose is what is
 * checked and written, whatever was remembered since).
 */
export async function rereadSheets(file: { bytes: Uint8Array; name: string }, sheets: SheetView[]) {
  const raw = await readLedgerFile(file.bytes, file.name);
  return { raw, sheets, message: wholeFileProblem(raw, sheets) };
}

/** The remembered mapping of each sheet the caller changed: header text read → field, per layout signature. */
export function mappingsToRemember(sheets: SheetView[], choices: MappingChoice[]) {
  return sheets.flatMap((view) => {
    const layout = layoutOf(view);
    if (!layout || !choices.some((c) => c.sheet === view.name)) return [];
    const mapping = Object.fromEntries(view.columns.map((c) => [normaliseHeader(c.header), c.field]));
    return [{ signature: layoutSignature(layout), mapping }];
  });
}

export interface SheetRecordsOf {
  records: LedgerRecord[];
  skipped: { blank: number; total: number };
  /** A required field no column maps to, per sheet (on the header row). */
  missing: ImportCellError[];
}

/** Each required field no column of a sheet with a header maps to, as an error on that sheet's header row. */
export function missingFields(definition: LedgerDefinition, sheets: SheetView[]): ImportCellError[] {
  return sheets.flatMap((view) => {
    if (!view.headerRows) return [];
    const mapped = new Set(view.columns.map((c) => c.field));
    return definition.fields
      .filter((field) => field.required && !mapped.has(field.key))
      .map((field) => ({
        sheet: view.name,
        row: view.headerRows![0],
        column: field.label,
        message: `缺少“${field.label}”列：请在预览中指定哪一列是“${field.label}”，或使用系统提供的模板`,
      }));
  });
}

/** The records of every sheet with a header, and each required field no column maps to. */
export async function recordsOf(definition: LedgerDefinition, raw: RawSheet[], sheets: SheetView[]) {
  const out: SheetRecordsOf = {
    records: [],
    skipped: { blank: 0, total: 0 },
    missing: missingFields(definition, sheets),
  };
  for (const view of sheets) {
    const layout = layoutOf(view);
    const sheet = raw.find((s) => s.name === view.name);
    if (!layout || !sheet) continue;
    const { records, skipped } = toRecords(sheet, layout, definition.fields);
    for (const record of records) out.records.push(record);
    out.skipped.blank += skipped.blank;
    out.skipped.total += skipped.total;
    await yieldToLoop();
  }
  return out;
}

/** Sheet rows per record, summed: rowsBefore[i] is how many rows the first i records span. */
export function rowsBefore(records: LedgerRecord[]): number[] {
  const sums = [0];
  for (const r of records) sums.push(sums[sums.length - 1] + Math.max(1, r.rows.length));
  return sums;
}

/**
 * The definition's check, with each error's column named as the sheet's own header reads (问题表现 where the
 * office wrote that, not 问题描述).
 */
export async function checkRecords(
  ctx: Ctx,
  definition: LedgerDefinition,
  input: {
    campaignId: number | null;
    targetId: number | null;
    records: LedgerRecord[];
    resolutions: Resolution[];
    sheets: SheetView[];
    onProgress(checked: number): void;
  },
): Promise<CheckResult<unknown>> {
  const result = await definition.check(ctx, input);
  const keyByLabel = new Map(definition.fields.map((f) => [f.label, f.key]));
  const headerOf = new Map(
    input.sheets.flatMap((s) => s.columns.flatMap((c) => (c.field ? [[`${s.name}\u0001${c.field}`, c.header]] : []))),
  );
  const named = (sheet: string | undefined, column: string) =>
    headerOf.get(`${sheet ?? input.sheets[0]?.name}\u0001${keyByLabel.get(column)}`)?.replace(/\s+/g, '') || column;
  for (const e of result.errors) e.column = named(e.sheet, e.column);
  for (const a of result.ambiguities) a.column = named(undefined, a.column);
  return result;
}

/** An unresolved ambiguity as the one-step route reports it: an error on each of its cells. */
export const ambiguityErrors = (ambiguities: Ambiguity[]): ImportCellError[] =>
  ambiguities.flatMap((a) =>
    a.rows.map((row) => ({
      row,
      column: a.column,
      message: `有 ${a.candidates.length} 个“${a.text}”（${a.candidates.map((c) => c.label).join('、')}），无法确定是哪一个：请在导入预览中选择`,
    })),
  );
