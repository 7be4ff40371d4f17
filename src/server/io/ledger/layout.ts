/**
 * Finds a ledger's header in a sheet as offices lay it out: a merged title row (or several) above it, a
 * 填报单位：XX line and a date line, then the header — one row, or a merged parent over sub-headers in a second
 * row (责任 → 责任领导/责任单位/责任人), with line breaks inside cells — and sometimes a row numbering the columns
 * (1 2 3 …) under it. Every candidate in the first rows is scored by the fields its headers name; the best wins.
 */
import { createHash } from 'node:crypto';
import { fieldsByHeader, matchHeader, normaliseHeader } from './fields.ts';
import type { ColumnMapping, LayoutProblem, LedgerField, RawRow, RawSheet, SheetLayout } from './types.ts';

/** Rows searched for the header: titles, unit and date lines take a few; no office puts 30 above the header. */
const SEARCH_ROWS = 30;

/** The cell texts of one row, merged ranges starting at or below `zoneTop` filled in from their top-left cell. */
type TextAt = (row: number, col: number, zoneTop: number) => string | undefined;

function textLookup(sheet: RawSheet, rows: RawRow[]): TextAt {
  const byRow = new Map(rows.map((r) => [r.row, r]));
  const last = rows.at(-1)?.row ?? 0;
  const merges = sheet.merges.filter((m) => m.top <= last);
  return (row, col, zoneTop) => {
    const own = byRow.get(row)?.cells[col];
    if (own !== undefined) return own;
    const merge = merges.find(
      (m) => m.top >= zoneTop && m.top <= row && row <= m.bottom && m.left <= col && col <= m.right,
    );
    return merge && byRow.get(merge.top)?.cells[merge.left];
  };
}

interface Candidate {
  top: number;
  bottom: number;
  columns: ColumnMapping[];
  score: number;
}

/** Whether a row only numbers the columns under a header (1 2 3 …, or （1）（2）…). */
function isColumnNumbers(row: RawRow | undefined): boolean {
  const texts = row?.cells.filter((t): t is string => t !== undefined) ?? [];
  if (texts.length < 3) return false;
  return texts.every((t, i) => Number(normaliseHeader(t)) === Number(normaliseHeader(texts[0])) + i);
}

/** 填报单位：XX (or 报送单位/单位名称/单位) in the rows above the header: XX, without a date written after it. */
function unitHintOf(rows: RawRow[]): string | undefined {
  for (const row of rows) {
    const cells = Array.from(row.cells, (t) => t ?? '');
    for (let c = 0; c < cells.length; c++) {
      const m = /^\s*(?:填报|报送|填表|制表|责任)?单位(?:名称)?\s*(?:\([^)]*\))?\s*[:：]\s*(.*)$/s.exec(
        cells[c].normalize('NFKC'),
      );
      if (!m) continue;
      const rest = m[1] || cells.slice(c + 1).find((t) => t.trim()) || '';
      const unit = rest
        .split(/\s{2,}|(?:填报|报送|填表)?(?:日期|时间)\s*[:：]/)[0]
        .replace(/[（(]\s*(?:盖章|公章)\s*[）)]/g, '')
        .trim();
      if (unit) return unit;
    }
  }
  return undefined;
}

/**
 * The header read from rows top..bottom (one or two): for each column the text shown, and the field it names.
 * With two rows, a sub-header is read on its own, then with its parent before it (整改 + 时限), then the parent.
 */
function readHeader(
  textAt: TextAt,
  top: number,
  bottom: number,
  width: number,
  byHeader: Map<string, string>,
  remembered: Record<string, string | null>,
): Candidate {
  const columns: ColumnMapping[] = [];
  const taken = new Set<string>();
  let score = 0;
  /** The upper text over the sub-headers seen last: a parent left unmerged stands over those right of it too. */
  let parent: string | undefined;
  for (let col = 1; col <= width; col++) {
    let upper = textAt(top, col, top);
    const lower = bottom > top ? textAt(bottom, col, bottom) : undefined;
    if (upper === undefined && lower !== undefined) upper = parent;
    else parent = lower === undefined ? undefined : upper;
    const parts = upper && lower && upper !== lower ? [upper, lower] : [upper ?? lower];
    const header = parts.filter(Boolean).join('/');
    if (!header) continue;
    const tries = parts.length === 2 ? [parts[1], `${parts[0]}${parts[1]}`, parts[0]] : [header];
    const key = normaliseHeader(header);
    let field = Object.hasOwn(remembered, key)
      ? remembered[key]
      : (tries.map((text) => matchHeader(byHeader, text ?? '')).find(Boolean) ?? null);
    if (field && taken.has(field)) field = null; // a second column naming the same field is left for the user
    if (field) {
      taken.add(field);
      score++;
    }
    columns.push({ column: col, header, field });
  }
  return { top, bottom, columns, score };
}

/**
 * The header rows, the field of each column and the 填报单位 above, or why no header was found. `remembered`
 * maps a column's normalised header text (normaliseHeader(column.header)) to the field a user chose for it
 * (null: 忽略) on an earlier upload of the same layout; it wins over the automatic match.
 */
export function detectLayout(
  sheet: RawSheet,
  fields: LedgerField[],
  remembered: Record<string, string | null> = {},
): SheetLayout | LayoutProblem {
  const rows = sheet.rows.slice(0, SEARCH_ROWS + 1);
  const textAt = textLookup(sheet, rows);
  const byHeader = fieldsByHeader(fields);
  const width = Math.max(0, ...rows.map((r) => r.cells.length - 1));
  const read = (top: number, bottom: number) => readHeader(textAt, top, bottom, width, byHeader, remembered);
  const singles = rows.slice(0, SEARCH_ROWS).map((row) => read(row.row, row.row));
  const candidates = [...singles];
  singles.forEach((upper, i) => {
    const lower = singles[i + 1];
    if (lower?.top !== upper.top + 1) return;
    // Two rows are one header only when together they name more than either alone: a title above a header,
    // or the first data row under it, adds nothing.
    const both = read(upper.top, lower.top);
    if (both.score > Math.max(upper.score, lower.score)) candidates.push(both);
  });
  // The most fields named wins; of equals, the earliest.
  const best = candidates.reduce<Candidate | undefined>(
    (found, c) => (!found || c.score > found.score || (c.score === found.score && c.top < found.top) ? c : found),
    undefined,
  );
  const needed = Math.min(2, fields.length);
  if (!best || best.score < needed) {
    const names = fields
      .filter((f) => f.required)
      .map((f) => `“${f.label}”`)
      .join('、');
    return {
      sheet: sheet.name,
      problem: `工作表“${sheet.name}”的前 ${SEARCH_ROWS} 行中没有找到表头：表头应含有${names || '台账的列名'}等列`,
    };
  }
  const numbers = rows.find((r) => r.row === best.bottom + 1);
  const layout: SheetLayout = {
    sheet: sheet.name,
    headerRows: [best.top, isColumnNumbers(numbers) ? best.bottom + 1 : best.bottom],
    columns: best.columns,
  };
  const unitHint = unitHintOf(rows.filter((r) => r.row < best.top));
  if (unitHint) layout.unitHint = unitHint;
  return layout;
}

/** The same headers in the same order give the same signature (the key a remembered mapping is stored under). */
export function layoutSignature(layout: SheetLayout): string {
  const headers = layout.columns.map((c) => normaliseHeader(c.header)).join('\u0001');
  return createHash('sha256').update(headers).digest('hex').slice(0, 32);
}
