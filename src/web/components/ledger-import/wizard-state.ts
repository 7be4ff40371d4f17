/**
 * What the import wizard shows, derived from the preview alone (pure, unit-tested): which step, how far the
 * server has got, which required fields a sheet lacks, which cell an error belongs to.
 */
import type { ImportPreview, ImportStatus } from './api/preview-type.ts';

/** Statuses in which the server is still working: the wizard polls and shows a progress bar. */
export const BUSY: ReadonlySet<ImportStatus> = new Set(['reading', 'checking', 'writing']);
/** A preview one may come back to: anything not yet written or given up. */
export const UNFINISHED: ReadonlySet<ImportStatus> = new Set(['reading', 'checking', 'ready', 'invalid', 'writing']);

export type WizardStep = 0 | 1 | 2;

/**
 * 0 上传文件 · 1 核对列与数据 · 2 导入. A confirmed preview stays on step 2 even when the write found errors
 * (status back to `invalid`), so the user sees why nothing was written; a resumed preview that is writing or
 * done is on step 2 too.
 */
export function stepOf(preview: Pick<ImportPreview, 'status'> | undefined, confirmed: boolean): WizardStep {
  if (!preview) return 0;
  if (preview.status === 'writing' || preview.status === 'done') return 2;
  if (confirmed && (preview.status === 'invalid' || preview.status === 'failed')) return 2;
  return 1;
}

export interface ProgressView {
  /** 0–100, or null when the total is not known yet (the bar then only pulses). */
  percent: number | null;
  text: string;
}

/** The bar while the server reads, checks or writes; `null` when it is not working. */
export function progressOf(preview: Pick<ImportPreview, 'status' | 'progress' | 'recordCount'>): ProgressView | null {
  const { rowsRead, rowsChecked, rowsTotal } = preview.progress;
  const pct = (n: number, total: number | null) =>
    total && total > 0 ? Math.min(100, Math.floor((n / total) * 100)) : null;
  switch (preview.status) {
    case 'reading':
      return { percent: pct(rowsRead, rowsTotal), text: `已读取 ${rowsRead}${rowsTotal ? ` / ${rowsTotal}` : ''} 行` };
    case 'checking': {
      const total = rowsTotal ?? (preview.recordCount || null);
      return { percent: pct(rowsChecked, total), text: `已核对 ${rowsChecked}${total ? ` / ${total}` : ''} 行` };
    }
    case 'writing':
      return { percent: null, text: '正在写入，全部写入或全部不写入' };
    default:
      return null;
  }
}

type Sheet = ImportPreview['sheets'][number];
type Field = ImportPreview['fields'][number];

/** Required fields no column of the sheet is mapped to (a sheet without a header row lacks nothing to show). */
export function missingRequired(fields: Field[], sheet: Sheet): Field[] {
  if (!sheet.headerRows) return [];
  const mapped = new Set(sheet.columns.map((c) => c.field));
  return fields.filter((f) => f.required && !mapped.has(f.key));
}

/** Fields two or more columns of the sheet are mapped to (the server would take only one of them). */
export function mappedTwice(fields: Field[], sheet: Sheet): Field[] {
  const counts = new Map<string, number>();
  for (const c of sheet.columns) if (c.field) counts.set(c.field, (counts.get(c.field) ?? 0) + 1);
  return fields.filter((f) => (counts.get(f.key) ?? 0) > 1);
}

/** Whether an error of a record belongs to a cell: errors name the column by header, field label or key. */
export function errorOfCell(
  errors: Array<{ column: string; message: string }>,
  field: Field,
  headers: string[],
): string | undefined {
  const names = new Set([field.key, field.label, ...headers]);
  // A header over two rows is read as one text ('责任主体 具体责任人'); an error may name only its lower part.
  const named = (column: string) => names.has(column) || (column.length > 1 && headers.some((h) => h.includes(column)));
  const hits = errors.filter((e) => named(e.column)).map((e) => e.message);
  return hits.length ? hits.join('；') : undefined;
}

/** Row numbers said briefly: 第 3、5、8 行 (the first few, then 等 N 行). */
export function rowsText(rows: number[], shown = 5): string {
  const head = rows.slice(0, shown).join('、');
  return rows.length > shown ? `第 ${head} 等 ${rows.length} 行` : `第 ${head} 行`;
}

/** A sheet column as Excel names it: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The newest preview of the ledger (and campaign, when given) one can come back to. */
export function resumable<P extends Pick<ImportPreview, 'status' | 'campaignId' | 'updatedAt'>>(
  previews: P[],
  campaignId: number | undefined,
): P | undefined {
  return previews
    .filter((p) => UNFINISHED.has(p.status) && (campaignId === undefined || p.campaignId === campaignId))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
}
