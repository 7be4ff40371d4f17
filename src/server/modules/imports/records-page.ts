import type { Db } from '../../db/connection.ts';
import type { ImportPreviewViewT } from '../../../shared/views/imports.ts';
import type { ImportCellError, LedgerDefinition } from './definition.ts';
import { keepRecords, keptRecords } from './jobs.ts';
import { recordsOf, rereadSheets } from './pipeline.ts';
import { previewSheets, previewView, recordPage } from './presenter.ts';
import { previewFile, type PreviewRow } from './repository.ts';

/** Statuses whose records the table shows (while reading or checking there are none yet; done has no file). */
const SHOWN = ['ready', 'invalid', 'writing'];

/**
 * A preview with one page of its records: from memory when its check just ran here, else read again from its
 * stored file (after a restart, or once evicted) with the errors stored on the preview.
 */
export async function previewWithRecords(
  db: Db,
  definition: LedgerDefinition | undefined,
  row: PreviewRow,
  page: { offset: number; limit: number },
): Promise<ImportPreviewViewT> {
  let kept = keptRecords(row.id);
  if (!kept && definition && SHOWN.includes(row.status) && row.recordCount > 0) {
    const bytes = await previewFile(db, row.id);
    if (bytes) {
      const read = await rereadSheets({ bytes, name: row.fileName }, previewSheets(row));
      const { records } = await recordsOf(definition, read.raw, read.sheets);
      keepRecords(row.id, records, JSON.parse(row.errors) as ImportCellError[]);
      kept = keptRecords(row.id);
    }
  }
  return previewView(row, definition, kept ? recordPage(kept.records, kept.errors, page.offset, page.limit) : []);
}
