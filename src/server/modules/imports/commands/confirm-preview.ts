import type { Ctx } from '../../../http/context.ts';
import { idempotencyKeyReused, importBusy, importNotReady } from '../../../errors.ts';
import { IMPORT_STATUS_LABELS, type ImportStatus } from '../../../../shared/views/imports.ts';
import type { LedgerDefinition } from '../definition.ts';
import { isWorking, nextStatus } from '../lifecycle.ts';
import { ambiguityErrors, checkRecords, missingFields, recordsOf, rereadSheets, rowsBefore } from '../pipeline.ts';
import { previewResolutions, previewSheets } from '../presenter.ts';
import { forgetRecords, inBackground, keepRecords, keptRecords, PROGRESS_MS, progressWriter } from '../jobs.ts';
import {
  dropPreviewFile,
  ownPreview,
  previewByKey,
  previewFile,
  updatePreview,
  type PreviewRow,
} from '../repository.ts';
import { boundedErrors } from '../stored-errors.ts';
import { failPreview } from './fail-preview.ts';

/**
 * Confirms a ready preview: it goes to writing at once (the answer), then in the background its file is read
 * and checked again — a unit renamed or a person gone since the preview is caught — and written in one
 * transaction with the preview's own done (so a kill mid-write leaves neither). With an Idempotency-Key the
 * same key again answers the preview as it stands and starts nothing.
 */
export async function confirmPreview(
  ctx: Ctx,
  definition: LedgerDefinition,
  preview: PreviewRow,
  idempotencyKey: string | null,
): Promise<PreviewRow> {
  if (idempotencyKey) {
    const earlier = await previewByKey(ctx.db, ctx.actor.userId, idempotencyKey);
    if (earlier?.id === preview.id) return earlier;
    if (earlier) throw idempotencyKeyReused();
  }
  const status = preview.status as ImportStatus;
  if (isWorking(status)) throw importBusy();
  if (!nextStatus(status, 'confirm')) throw importNotReady(IMPORT_STATUS_LABELS[status]);
  const moved = await updatePreview(ctx.db, preview.id, { status: 'writing', idempotencyKey, rowsChecked: 0 }, [
    'ready',
  ]);
  if (!moved) throw importBusy();
  inBackground(() => writePreview(ctx, definition, preview));
  return (await ownPreview(ctx.db, ctx.actor.userId, preview.id))!;
}

async function writePreview(ctx: Ctx, definition: LedgerDefinition, preview: PreviewRow): Promise<void> {
  const { id } = preview;
  try {
    const sheets = previewSheets(preview);
    // The records the preview's last check read, when this process still holds them; else the file again.
    let records = keptRecords(id)?.records;
    if (!records) {
      const bytes = await previewFile(ctx.db, id);
      if (!bytes) throw new Error(`import file of preview ${id} is gone`);
      const read = await rereadSheets({ bytes, name: preview.fileName }, sheets);
      records = (await recordsOf(definition, read.raw, sheets)).records;
    }
    const missing = missingFields(definition, sheets);
    const before = rowsBefore(records);
    const progress = progressWriter(PROGRESS_MS, (n) =>
      updatePreview(ctx.db, id, { rowsChecked: before[Math.min(n, before.length - 1)] }, ['writing']),
    );
    const checked = await checkRecords(ctx, definition, {
      campaignId: preview.campaignId,
      targetId: preview.targetId,
      records,
      resolutions: previewResolutions(preview),
      sheets,
      onProgress: progress.push,
    });
    await progress.settled();
    const errors = [...missing, ...checked.errors];
    if (errors.length || checked.ambiguities.length) {
      keepRecords(id, records, [...errors, ...ambiguityErrors(checked.ambiguities)]);
      await updatePreview(
        ctx.db,
        id,
        {
          status: 'invalid',
          ...boundedErrors([...errors, ...ambiguityErrors(checked.ambiguities)]),
          ambiguities: JSON.stringify(checked.ambiguities),
          message: '确认时重新核对发现错误，未写入任何数据',
        },
        ['writing'],
      );
      return;
    }
    await ctx.db.transaction().execute(async (trx) => {
      const result = await definition.write({ db: trx, actor: ctx.actor }, preview.campaignId, checked.rows);
      const done = await updatePreview(
        trx,
        id,
        { status: 'done', result: JSON.stringify(result), rowsChecked: preview.rowsTotal ?? 0 },
        ['writing'],
      );
      if (!done) throw new Error(`preview ${id} left writing while it was written`);
      await dropPreviewFile(trx, id);
    });
    forgetRecords(id);
  } catch (error) {
    await failPreview(ctx, id, error);
  }
}
