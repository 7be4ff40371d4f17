import type { Ctx } from '../../../http/context.ts';
import {
  AppError,
  idempotencyInProgress,
  idempotencyKeyReused,
  importRejected,
  importTooLarge,
  invalidField,
  type CellError,
} from '../../../errors.ts';
import { CellErrors } from '../../../io/cell-errors.ts';
import { WorkbookTooLarge, WorkbookUnreadable } from '../../../io/read-limits.ts';
import type { LedgerDefinition } from '../definition.ts';
import { ambiguityErrors, checkRecords, mappingOwner, readSheets, recordsOf } from '../pipeline.ts';
import { deletePreview, insertPreview, previewByKey, updatePreview, type PreviewRow } from '../repository.ts';

type Result = { created: number; updated: number };

/** The answer a keyed one-step import gave the first time: its result, or the same 422. */
function replay(earlier: PreviewRow, ledger: string): Result {
  if (earlier.ledger !== ledger || earlier.mode !== 'direct') throw idempotencyKeyReused();
  if (earlier.status === 'done') return JSON.parse(earlier.result!) as Result;
  if (earlier.status === 'invalid') throw importRejected(JSON.parse(earlier.errors) as CellError[], earlier.errorCount);
  throw idempotencyInProgress();
}

/**
 * The one-step import of API.md: detect → records → check → write in one go with the automatic or remembered
 * mapping; 200 {created, updated}, or 422 listing each bad cell (an ambiguous name is an error on its cells)
 * with nothing written. With an Idempotency-Key the request is kept, and the same key from the same user
 * answers the first result again without reading the new upload.
 */
export async function importDirectly(
  ctx: Ctx,
  definition: LedgerDefinition,
  input: { campaignId: number | null; targetId: number | null; fileName: string; bytes: Uint8Array },
  idempotencyKey: string | null,
): Promise<Result> {
  let claim: PreviewRow | undefined;
  if (idempotencyKey) {
    const earlier = await previewByKey(ctx.db, ctx.actor.userId, idempotencyKey);
    if (earlier?.status === 'failed') await deletePreview(ctx.db, earlier.id);
    else if (earlier) return replay(earlier, definition.key);
    try {
      claim = await insertPreview(ctx.db, {
        ownerUserId: ctx.actor.userId,
        ledger: definition.key,
        campaignId: input.campaignId,
        targetId: input.targetId,
        fileName: input.fileName,
        mode: 'direct',
        status: 'writing',
        idempotencyKey,
      });
    } catch (error) {
      // The same key sent twice at once: the other request holds it.
      const other = await previewByKey(ctx.db, ctx.actor.userId, idempotencyKey);
      if (other) return replay(other, definition.key);
      throw error;
    }
  }
  try {
    return await readCheckWrite(ctx, definition, input, claim);
  } catch (error) {
    // A 422 is kept with the key (the same key answers it again); anything else lets the key be used again.
    const rejected = error instanceof AppError && error.status === 422;
    if (claim && !rejected) await deletePreview(ctx.db, claim.id);
    throw error;
  }
}

async function readCheckWrite(
  ctx: Ctx,
  definition: LedgerDefinition,
  input: { campaignId: number | null; targetId: number | null; fileName: string; bytes: Uint8Array },
  claim: PreviewRow | undefined,
): Promise<Result> {
  let read: Awaited<ReturnType<typeof readSheets>>;
  try {
    read = await readSheets(
      ctx.db,
      definition,
      { bytes: input.bytes, name: input.fileName },
      mappingOwner(ctx.actor),
      [],
    );
  } catch (error) {
    if (error instanceof WorkbookTooLarge) throw importTooLarge(error.message);
    if (error instanceof WorkbookUnreadable) throw invalidField('file', error.message);
    throw error;
  }
  const fileErrors = read.message
    ? definition.fields
        .filter((f) => f.required)
        .map((f) => ({ row: 1, column: f.label, message: `缺少“${f.label}”列：${read.message}` }))
    : [];
  const { records, missing } = await recordsOf(definition, read.raw, read.sheets);
  read.raw.length = 0;
  const empty = !fileErrors.length && !missing.length && !records.length;
  const checked =
    fileErrors.length || missing.length || empty
      ? { rows: [], errors: [], ambiguities: [] }
      : await checkRecords(ctx, definition, {
          ...input,
          records,
          resolutions: [],
          sheets: read.sheets,
          onProgress: () => undefined,
        });
  records.length = 0; // checked: the records' cells are not needed for the write, and a big file's are tens of MB
  const errors = new CellErrors();
  if (empty) errors.push({ row: 1, column: definition.fields[0].label, message: '表格中没有数据行' });
  for (const e of [...fileErrors, ...missing, ...checked.errors, ...ambiguityErrors(checked.ambiguities)])
    errors.push(e);
  if (errors.length) {
    if (claim)
      await updatePreview(ctx.db, claim.id, {
        status: 'invalid',
        errors: JSON.stringify(errors.listed()),
        errorCount: errors.length,
      });
    throw errors.rejection();
  }
  return ctx.db.transaction().execute(async (trx) => {
    const result = await definition.write({ db: trx, actor: ctx.actor }, input.campaignId, checked.rows);
    if (claim) await updatePreview(trx, claim.id, { status: 'done', result: JSON.stringify(result) });
    return result;
  });
}
