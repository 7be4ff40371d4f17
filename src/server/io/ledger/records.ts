/**
 * The rows under a ledger's header as records. One problem often takes several rows, one per measure: its own
 * cells (序号, 问题描述 …) merged over those rows, or written once with the cells under them left empty, or
 * repeated. So a row continues the record above when every record-level value it writes itself (not through
 * a merge from above) repeats the record's. Blank rows and total rows are skipped and counted.
 */
import type {
  LedgerCell,
  LedgerField,
  LedgerRecord,
  MergeRange,
  RawRow,
  RawSheet,
  SheetLayout,
  SheetRecords,
} from './types.ts';
import { normaliseHeader } from './fields.ts';

/** 合计 / 小计 / 总计 / 共计 / 共15项 … starting the row's first text (spaces inside them allowed). */
const TOTAL = /^(?:合计|小计|总计|共计|共\d+(?:项|个|条|件|人|家))/;
/** Lines under the table that are no records: who filled it in, who checked it, notes. */
const FOOTER = /^(?:填表人|填报人|制表人|审核人|审批人|负责人签字|备注|注[:：]|说明[:：])/;

/** Cell text as stored: line breaks made \n; for names, every space taken out ('王　芳' → '王芳'). */
function clean(text: string, name: boolean | undefined): string {
  const trimmed = (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).trim();
  return name && /\s/.test(trimmed) ? trimmed.replace(/\s+/g, '') : trimmed;
}

/** 一、学习方面 / （二）作风方面 / 第三部分: a section heading's start. */
const SECTION =
  /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+(?:部分|类|方面))/;

/** The merges that start under the header, by the row they start in. */
function mergesBelow(merges: MergeRange[], below: number): Map<number, MergeRange[]> {
  const byTop = new Map<number, MergeRange[]>();
  for (const m of merges) {
    if (m.top <= below) continue;
    const list = byTop.get(m.top);
    if (list) list.push(m);
    else byTop.set(m.top, [m]);
  }
  return byTop;
}

interface Column {
  col: number;
  field: LedgerField;
  /** The header the column's cells would repeat if the header were printed again (its lowest part). */
  header: string;
}

/** Whether the row's own cells repeat the header in at least two of the mapped columns, and nothing else. */
function repeatsHeader(raw: RawRow | undefined, columns: Column[]): boolean {
  let same = 0;
  for (const { col, header } of columns) {
    const text = raw?.cells[col];
    if (text === undefined) continue;
    if (normaliseHeader(text) !== header) return false;
    same++;
  }
  return same >= 2;
}

/**
 * The text of a section heading over the problems below it (一、理论学习方面): a row holding one text only,
 * merged across three columns or more, or an ordinal heading in the first column.
 */
function headingOf(raw: RawRow | undefined, starting: MergeRange[] | undefined, firstColumn: number) {
  let text: string | undefined;
  let col = 0;
  for (let c = 1; c < (raw?.cells.length ?? 0); c++) {
    const cell = raw!.cells[c];
    if (cell === undefined) continue;
    if (text !== undefined) return undefined;
    text = cell.trim();
    col = c;
  }
  if (!text) return undefined;
  const wide = starting?.some((m) => m.left === col && m.right - m.left >= 2);
  return wide || (col <= firstColumn && SECTION.test(text)) ? text : undefined;
}

/**
 * The records under the layout's header. Merged values fill every row of their range (a 责任单位 merged over
 * three measures is each one's unit); columns mapped to no known field are left out.
 */
export function toRecords(sheet: RawSheet, layout: SheetLayout, fields: LedgerField[]): SheetRecords {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const columns: Column[] = layout.columns.flatMap((c) => {
    const field = c.field === null ? undefined : byKey.get(c.field);
    return field ? [{ col: c.column, field, header: normaliseHeader(c.header.split('/').at(-1) ?? '') }] : [];
  });
  const headerEnd = layout.headerRows[1];
  const starts = mergesBelow(sheet.merges, headerEnd);
  const firstColumn = Math.min(...columns.map((c) => c.col));
  let active: MergeRange[] = [];
  const rows = new Map(sheet.rows.filter((r) => r.row > headerEnd).map((r) => [r.row, r]));
  let last = headerEnd;
  for (const r of rows.keys()) last = Math.max(last, r);
  const records: LedgerRecord[] = [];
  const skipped = { blank: 0, total: 0 };
  let current: LedgerRecord | undefined;

  /**
   * The merge whose value column `col` of the current row shows, if any: one starting in that column (a value
   * merged across columns belongs to its first; the ranges are disjoint, so there is at most one).
   */
  const mergeOver = (col: number) => {
    for (const m of active) if (m.left === col) return m;
    return undefined;
  };
  let section: string | undefined;

  for (let r = headerEnd + 1; r <= last; r++) {
    if (active.some((m) => m.bottom < r)) active = active.filter((m) => m.bottom >= r);
    const starting = starts.get(r);
    if (starting) active.push(...starting);
    const raw = rows.get(r);
    const first = raw?.cells.find((t) => t !== undefined)?.replace(/[\s\u3000]+/g, '');
    if (first && TOTAL.test(first)) {
      skipped.total++;
      current = undefined;
      continue;
    }
    const heading = headingOf(raw, starting, firstColumn);
    if (heading) {
      section = heading;
      current = undefined;
      continue;
    }
    const record: Record<string, LedgerCell> = {};
    const row: Record<string, LedgerCell> = {};
    /** Record-level fields this row writes itself (not through a merge from a row above). */
    const own: string[] = [];
    for (const { col, field } of columns) {
      // A merged value is read from the range's top-left cell, into every row the range spans.
      const merge = mergeOver(col);
      const source = merge ? rows.get(merge.top) : raw;
      const at = merge ? merge.left : col;
      const found = source?.cells[at];
      const text = found && clean(found, field.name);
      if (!text) continue;
      const date = source.dates?.get(at);
      const cell: LedgerCell = date ? { text, date } : { text };
      if (field.level === 'row') row[field.key] = cell;
      else {
        record[field.key] = cell;
        if (!merge || merge.top === r) own.push(field.key);
      }
    }
    const recordKeys = Object.keys(record);
    const rowKeys = Object.keys(row);
    if (!rowKeys.length && !own.length) {
      // A row with no text, or text only in columns not read (blank) — or the merged tail of a record above.
      if (!active.length) skipped.blank++;
      continue;
    }
    if (repeatsHeader(raw, columns)) continue; // a header printed again on every page is no record
    if (first && FOOTER.test(first) && recordKeys.length + rowKeys.length <= 2) {
      skipped.blank++;
      current = undefined;
      continue;
    }
    // A row continues the record above unless it writes a record-level value of its own that differs: a
    // 问题来源 merged over several problems, each with its own 序号 and 问题, does not join them.
    if (current && own.every((k) => current!.values[k]?.text === record[k].text)) {
      for (const k of recordKeys) current.values[k] ??= record[k];
    } else {
      current = { sheet: sheet.name, firstRow: r, values: record, rows: [] };
      if (section) current.section = section;
      records.push(current);
    }
    current.rows.push({ row: r, values: row });
  }
  return { records, skipped };
}
