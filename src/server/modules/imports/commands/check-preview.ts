import type { Ctx } from '../../../http/context.ts';
import { WorkbookTooLarge, WorkbookUnreadable } from '../../../io/read-limits.ts';
import type { LedgerDefinition } from '../definition.ts';
import { checkRecords, mappingOwner, readSheets, recordsOf, rereadSheets, rowsBefore } from '../pipeline.ts';
import { previewFile, updatePreview, type PreviewRow } from '../repository.ts';
import { failPreview } from './fail-preview.ts';
import { previewChoices, previewResolutions, previewSheets } from '../presenter.ts';
import { keepRecords, PROGRESS_MS, progressWriter } from '../jobs.ts';
import { boundedErrors } from '../stored-errors.ts';

/** What a whole-file problem says, for the preview's message (the one-step route answers 400/413 instead). */
function fileProblem(error: unknown): string | null {
  if (error instanceof WorkbookTooLarge) return `文件超出可导入的范围：${error.message}`;
  if (error instanceof WorkbookUnreadable) return error.message;
  return null;
}

/**
 * Reads (or re-reads) a preview's file and checks its records: reading → checking → ready, or invalid with
 * the file's problem, each bad cell and each name to resolve. Work of the background (jobs.ts); any
 * unexpected error fails the preview rather than leaving it in a working state.
 */
export async function checkPreview(ctx: Ctx, definition: LedgerDefinition, preview: PreviewRow): Promise<void> {
  const { id } = preview;
  try {
    const bytes = await previewFile(ctx.db, id);
    if (!bytes) throw new Error(`import file of preview ${id} is gone`);
    let read: Awaited<ReturnType<typeof readSheets>>;
    try {
      const file = { bytes, name: preview.fileName };
      // The first read finds the layout; a re-check after an edit keeps the sheets the preview shows.
      read =
        preview.status === 'reading'
          ? await readSheets(ctx.db, definition, file, mappingOwner(ctx.actor), previewChoices(preview))
          : await rereadSheets(file, previewSheets(preview));
    } catch (error) {
      const message = fileProblem(error);
      if (!message) throw error;
      await updatePreview(ctx.db, id, { status: 'invalid', message }, ['reading', 'checking']);
      return;
    }
    const rowsRead = read.raw.reduce((n, s) => n + s.rows.length, 0);
    if (read.message) {
      await updatePreview(
        ctx.db,
        id,
        { status: 'invalid', message: read.message, rowsRead, sheets: JSON.stringify(read.sheets) },
        ['reading', 'checking'],
      );
      return;
    }
    const { records, skipped, missing } = await recordsOf(definition, read.raw, read.sheets);
    read.raw.length = 0; // the raw rows are garbage from here on: only the records are kept
    const before = rowsBefore(records);
    await updatePreview(
      ctx.db,
      id,
      {
        status: 'checking',
        sheets: JSON.stringify(read.sheets),
        rowsRead,
        rowsChecked: 0,
        rowsTotal: before.at(-1)!,
        recordCount: records.length,
        skipped: JSON.stringify(skipped),
        message: null,
      },
      ['reading', 'checking'],
    );
    const progress = progressWriter(PROGRESS_MS, (checked) =>
      updatePreview(ctx.db, id, { rowsChecked: before[Math.min(checked, records.length)] }, ['checking']),
    );
    const checked = await checkRecords(ctx, definition, {
      campaignId: preview.campaignId,
      targetId: preview.targetId,
      records,
      resolutions: previewResolutions(preview),
      sheets: read.sheets,
      onProgress: progress.push,
    });
    await progress.settled();
    const errors = [...missing, ...checked.errors];
    keepRecords(id, records, errors);
    await updatePreview(
      ctx.db,
      id,
      {
        status: errors.length || checked.ambiguities.length ? 'invalid' : 'ready',
        rowsChecked: before.at(-1)!,
        ...boundedErrors(errors),
        ambiguities: JSON.stringify(checked.ambiguities),
      },
      ['checking'],
    );
  } catch (error) {
    await failPreview(ctx, id, error);
  }
}
