/**
 * The rows under a ledger's header as records. One problem often takes several rows, one per measure: its own
 * cells (序号, 问题描述 …) merged over those rows, or written once with the cells under them left empty. So a
 * row continues the record above when a merge over a record-level column covers it, or when it has no
 * record-level text of its own (or repeats the record's). Blank rows and total rows are skipped and counted.
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

/** 合计 / 小计 / 总计 / 共计 / 共15项 … starting the row's first text (spaces inside them allowed). */
const TOTAL = /^(?:合计|小计|总计|共计|共\d+(?:项|个|条|件|人|家))/;
/** Lines under the table that are no records: who filled it in, who checked it, notes. */
const FOOTER = /^(?:填表人|填报人|制表人|审核人|审批人|负责人签字|备注|注[:：]|说明[:：])/;

/** Cell text as stored: line breaks made \n; for names, every space taken out ('王　芳' → '王芳'). */
function clean(text: string, name: boolean | undefined): string {
  const trimmed = text.replace(/\r\n?/g, '\n').trim();
  return name ? trimmed.replace(/[\s\u3000]+/g, '') : trimmed;
}

/** The merges that start under the header and span more than one row, by the row they start in. */
function tallMerges(merges: MergeRange[], below: number): Map<number, MergeRange[]> {
  const byTop = new Map<number, MergeRange[]>();
  for (const m of merges) {
    if (m.top <= below || m.bottom === m.top) continue;
    const list = byTop.get(m.top);
    if (list) list.push(m);
    else byTop.set(m.top, [m]);
  }
  return byTop;
}

interface Column {
  col: number;
  field: LedgerField;
}

/**
 * The records under the layout's header. Merged values fill every row of their range (a 责任单位 merged over
 * three measures is each one's unit); columns mapped to no known field are left out.
 */
export function toRecords(sheet: RawSheet, layout: SheetLayout, fields: LedgerField[]): SheetRecords {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const columns: Column[] = layout.columns.flatMap((c) => {
    const field = c.field === null ? undefined : byKey.get(c.field);
    return field ? [{ col: c.column, field }] : [];
  });
  const headerEnd = layout.headerRows[1];
  const starts = tallMerges(sheet.merges, headerEnd);
  let active: MergeRange[] = [];
  const rows = new Map(sheet.rows.filter((r) => r.row > headerEnd).map((r) => [r.row, r]));
  let last = headerEnd;
  for (const r of rows.keys()) last = Math.max(last, r);
  const records: LedgerRecord[] = [];
  const skipped = { blank: 0, total: 0 };
  let current: LedgerRecord | undefined;

  /** The cell at (row, col): its own text, or the text of the merge over it; and whether a merge continues into it. */
  const cellAt = (raw: RawRow | undefined, col: number): { cell?: LedgerCell; continued: boolean } => {
    const merge = active.find((m) => m.left <= col && col <= m.right);
    const source = merge ? rows.get(merge.top) : raw;
    const at = merge ? merge.left : col;
    const text = source?.cells[at];
    const continued = merge !== undefined && merge.top !== raw?.row;
    if (text === undefined) return { continued };
    const date = source?.dates?.get(at);
    return { cell: date ? { text, date } : { text }, continued };
  };

  for (let r = headerEnd + 1; r <= last; r++) {
    active = active.filter((m) => m.bottom >= r);
    active.push(...(starts.get(r) ?? []));
    const raw = rows.get(r);
    const first = raw?.cells.find((t) => t !== undefined)?.replace(/[\s\u3000]+/g, '');
    if (first && TOTAL.test(first)) {
      skipped.total++;
      current = undefined;
      continue;
    }
    const record: Record<string, LedgerCell> = {};
    const row: Record<string, LedgerCell> = {};
    let continued = false;
    let own = false;
    for (const { col, field } of columns) {
      const found = cellAt(raw, col);
      const text = found.cell && clean(found.cell.text, field.name);
      if (!text) continue;
      const cell = { ...found.cell, text };
      if (field.level === 'row') row[field.key] = cell;
      else {
        record[field.key] = cell;
        if (found.continued) continued = true;
        else own = true;
      }
    }
    const recordKeys = Object.keys(record);
    const rowKeys = Object.keys(row);
    if (!rowKeys.length && !own) {
      // A row with no text, or text only in columns not read (blank) — or the merged tail of a record above.
      if (!active.length) skipped.blank++;
      continue;
    }
    if (first && FOOTER.test(first) && recordKeys.length + rowKeys.length <= 2) {
      skipped.blank++;
      current = undefined;
      continue;
    }
    const repeats = current && recordKeys.every((k) => current!.values[k]?.text === record[k].text);
    if (current && (continued || !own || repeats)) {
      for (const k of recordKeys) current.values[k] ??= record[k];
    } else {
      current = { sheet: sheet.name, firstRow: r, values: record, rows: [] };
      records.push(current);
    }
    current.rows.push({ row: r, values: row });
  }
  return { records, skipped };
}
