import type { Ctx } from '../../../http/context.ts';
import { badRequest, importBusy, importNotReady } from '../../../errors.ts';
import { IMPORT_STATUS_LABELS, type ImportPreviewPatchT, type ImportStatus } from '../../../../shared/views/imports.ts';
import type { LedgerDefinition, Resolution } from '../definition.ts';
import { isWorking, nextStatus } from '../lifecycle.ts';
import { mappingOwner, mappingsToRemember, type MappingChoice } from '../pipeline.ts';
import { previewChoices, previewResolutions, previewSheets } from '../presenter.ts';
import { inBackground } from '../jobs.ts';
import { ownPreview, rememberMapping, updatePreview, type PreviewRow } from '../repository.ts';
import { checkPreview } from './check-preview.ts';

/** Later choices win over earlier ones for the same key. */
const merged = <T>(earlier: T[], later: T[], key: (t: T) => string) => [
  ...new Map([...earlier, ...later].map((t) => [key(t), t])).values(),
];

/**
 * A changed column mapping or a picked candidate: the choices are merged into the preview's, the mapping is
 * remembered for the next upload of the same layout (by the caller's unit), and the preview is checked again.
 */
export async function editPreview(
  ctx: Ctx,
  definition: LedgerDefinition,
  preview: PreviewRow,
  patch: ImportPreviewPatchT,
): Promise<PreviewRow> {
  const status = preview.status as ImportStatus;
  if (isWorking(status)) throw importBusy();
  if (!nextStatus(status, 'edit')) throw importNotReady(IMPORT_STATUS_LABELS[status]);
  const sheets = previewSheets(preview);
  const fields = new Set(definition.fields.map((f) => f.key));
  for (const [i, c] of (patch.mapping ?? []).entries()) {
    const sheet = sheets.find((s) => s.name === c.sheet);
    const path = `mapping/${i}`;
    if (!sheet?.headerRows)
      throw badRequest(`没有表头可用的工作表“${c.sheet}”`, [
        { path: `${path}/sheet`, message: '工作表不存在或没有表头' },
      ]);
    if (!sheet.columns.some((col) => col.column === c.column))
      throw badRequest(`工作表“${c.sheet}”没有第 ${c.column} 列`, [{ path: `${path}/column`, message: '该列不存在' }]);
    if (c.field !== null && !fields.has(c.field))
      throw badRequest(`“${c.field}”不是${definition.label}的字段`, [{ path: `${path}/field`, message: '字段不存在' }]);
  }
  for (const [i, r] of (patch.resolutions ?? []).entries())
    if (!fields.has(r.field))
      throw badRequest(`“${r.field}”不是${definition.label}的字段`, [
        { path: `resolutions/${i}/field`, message: '字段不存在' },
      ]);

  // One field per column of a sheet: a field chosen for a column leaves the column it had.
  const asked = patch.mapping ?? [];
  const displaced = asked.flatMap((c) =>
    c.field === null
      ? []
      : sheets
          .find((s) => s.name === c.sheet)!
          .columns.filter(
            (col) =>
              col.field === c.field &&
              col.column !== c.column &&
              !asked.some((a) => a.sheet === c.sheet && a.column === col.column),
          )
          .map((col) => ({ sheet: c.sheet, column: col.column, field: null })),
  );
  const choices = merged<MappingChoice>(
    previewChoices(preview),
    [...displaced, ...asked],
    (c) => `${c.sheet}\u0001${c.column}`,
  );
  const chosenSheets = sheets.map((s) => ({
    ...s,
    columns: s.columns.map((col) => {
      const choice = choices.find((c) => c.sheet === s.name && c.column === col.column);
      return choice ? { ...col, field: choice.field } : col;
    }),
  }));
  const resolutions = merged<Resolution>(
    previewResolutions(preview),
    patch.resolutions ?? [],
    (r) => `${r.field}\u0001${r.text}`,
  );
  for (const { signature, mapping } of mappingsToRemember(chosenSheets, asked))
    await rememberMapping(ctx.db, definition.key, signature, mappingOwner(ctx.actor), mapping);
  const moved = await updatePreview(
    ctx.db,
    preview.id,
    {
      status: 'checking',
      mapping: JSON.stringify(choices),
      sheets: JSON.stringify(chosenSheets),
      resolutions: JSON.stringify(resolutions),
      rowsChecked: 0,
    },
    ['ready', 'invalid'],
  );
  if (!moved) throw importBusy();
  const updated = (await ownPreview(ctx.db, ctx.actor.userId, preview.id))!;
  inBackground(() => checkPreview(ctx, definition, updated));
  return updated;
}
