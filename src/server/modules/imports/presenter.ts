/** A preview row as the client sees it (shared/views/imports.ts), with one page of its records. */
import type { Static } from 'typebox';
import type {
  ImportPreviewPatchT,
  ImportPreviewSummaryViewT,
  ImportPreviewViewT,
  ImportRecordView,
  ImportSheetView,
  ImportStatus,
} from '../../../shared/views/imports.ts';
import type { LedgerRecord } from '../../io/ledger/types.ts';
import type { Ambiguity, ImportCellError, LedgerDefinition, Resolution } from './definition.ts';
import type { PreviewRow } from './repository.ts';

export type SheetView = Static<typeof ImportSheetView>;
export type RecordView = Static<typeof ImportRecordView>;
/** A user's choice for one column: the field it holds, or null (忽略). */
export type MappingChoice = NonNullable<ImportPreviewPatchT['mapping']>[number];

export const previewSheets = (row: PreviewRow) => JSON.parse(row.sheets) as SheetView[];
export const previewChoices = (row: PreviewRow) => JSON.parse(row.mapping) as MappingChoice[];
export const previewResolutions = (row: PreviewRow) => JSON.parse(row.resolutions) as Resolution[];

export const cellKey = (sheet: string | undefined, row: number) => `${sheet ?? ''}\u0001${row}`;

/** Errors by sheet and row, for the records table. */
export function errorsByRow(errors: ImportCellError[]): Map<string, ImportCellError[]> {
  const out = new Map<string, ImportCellError[]>();
  for (const e of errors) {
    const key = cellKey(e.sheet, e.row);
    const list = out.get(key);
    if (list) list.push(e);
    else out.set(key, [e]);
  }
  return out;
}

const text = (cell: { text: string; date?: string }) => cell.text || cell.date || '';
const texts = (values: LedgerRecord['values']) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, text(v)]));

/**
 * Sheet rows `offset`…`offset+limit` of the records: one entry per row, the record's own values on its first
 * row, each with the errors on it (errors without a sheet are matched by row alone).
 */
export function recordPage(
  records: LedgerRecord[],
  errors: Map<string, ImportCellError[]>,
  offset: number,
  limit: number,
): RecordView[] {
  const page: RecordView[] = [];
  let at = 0;
  for (const record of records) {
    const rows = record.rows.length ? record.rows : [{ row: record.firstRow, values: {} }];
    if (at + rows.length <= offset) {
      at += rows.length;
      continue;
    }
    for (let i = 0; i < rows.length && page.length < limit; i++, at++) {
      if (at < offset) continue;
      const { row, values } = rows[i];
      const own = errors.get(cellKey(record.sheet, row)) ?? errors.get(cellKey(undefined, row)) ?? [];
      page.push({
        sheet: record.sheet,
        row,
        values: i === 0 ? { ...texts(record.values), ...texts(values) } : texts(values),
        errors: own.map((e) => ({ column: e.column, message: e.message })),
      });
    }
    if (page.length >= limit) break;
  }
  return page;
}

export function previewView(
  row: PreviewRow,
  definition: LedgerDefinition | undefined,
  records: RecordView[],
): ImportPreviewViewT {
  return {
    id: row.id,
    ledger: row.ledger,
    campaignId: row.campaignId,
    fileName: row.fileName,
    status: row.status as ImportStatus,
    progress: { rowsRead: row.rowsRead, rowsChecked: row.rowsChecked, rowsTotal: row.rowsTotal },
    fields: (definition?.fields ?? []).map((f) => ({ key: f.key, label: f.label, required: f.required })),
    sheets: previewSheets(row),
    recordCount: row.recordCount,
    skipped: JSON.parse(row.skipped) as { blank: number; total: number },
    records,
    errors: JSON.parse(row.errors) as ImportCellError[],
    errorCount: row.errorCount,
    ambiguities: JSON.parse(row.ambiguities) as Ambiguity[],
    result: row.result ? (JSON.parse(row.result) as { created: number; updated: number }) : null,
    message: row.message,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export const summaryView = (row: PreviewRow): ImportPreviewSummaryViewT => ({
  id: row.id,
  ledger: row.ledger,
  campaignId: row.campaignId,
  fileName: row.fileName,
  status: row.status as ImportStatus,
  recordCount: row.recordCount,
  errorCount: row.errorCount,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});
