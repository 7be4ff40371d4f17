import type { Ctx } from '../../../http/context.ts';
import type { LedgerDefinition } from '../definition.ts';
import { inBackground } from '../jobs.ts';
import { insertPreview, type PreviewRow } from '../repository.ts';
import { checkPreview } from './check-preview.ts';

/**
 * Stores an uploaded ledger as a new preview (status reading) and has it read and checked in the background:
 * the upload is answered at once, the wizard follows the progress.
 */
export async function startPreview(
  ctx: Ctx,
  definition: LedgerDefinition,
  input: { campaignId: number | null; targetId: number | null; fileName: string; bytes: Uint8Array },
): Promise<PreviewRow> {
  const preview = await insertPreview(
    ctx.db,
    {
      ownerUserId: ctx.actor.userId,
      ledger: definition.key,
      campaignId: input.campaignId,
      targetId: input.targetId,
      fileName: input.fileName,
      mode: 'preview',
      status: 'reading',
    },
    input.bytes,
  );
  inBackground(() => checkPreview(ctx, definition, preview));
  return preview;
}
