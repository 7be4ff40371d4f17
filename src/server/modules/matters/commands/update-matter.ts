import type { Ctx } from '../../../http/context.ts';
import { today } from '../../../clock.ts';
import { illegalTransition } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { MatterStatus } from '../../../../shared/demand-enums.ts';
import { matterPolicy } from '../policy.ts';
import { findMatter, findMatterAnywhere } from '../repository.ts';
import { nextMatterStatus, type MatterTransition } from '../lifecycle.ts';

/** Edits, 启动/完成/重新推进, and 公开 in one versioned update. */
export async function updateMatter(
  ctx: Ctx,
  id: number,
  input: {
    version: number;
    title?: string;
    target?: string;
    dueDate?: string;
    ownerId?: number | null;
    result?: string;
    published?: boolean;
    action?: MatterTransition;
  },
) {
  await ctx.db.transaction().execute(async (trx) => {
    const m = await requireWritable(
      await findMatter(trx, ctx.actor, id),
      () => findMatterAnywhere(trx, id),
      '民生实事',
    );
    authorize(matterPolicy, 'update', ctx.actor, m);
    if (input.published !== undefined) authorize(matterPolicy, 'publish', ctx.actor, m, '只有办公室可以公开民生实事');
    checkVersion(m.version, input.version);
    const values: Record<string, unknown> = {};
    for (const k of ['title', 'target', 'dueDate', 'ownerId', 'result'] as const)
      if (input[k] !== undefined) values[k] = input[k];
    if (input.published !== undefined) values.published = input.published ? 1 : 0;
    if (input.action) {
      const verdict = nextMatterStatus(m.status as MatterStatus, input.action, input.result ?? m.result);
      if (!verdict.ok) throw illegalTransition(verdict.message);
      values.status = verdict.next;
      values.doneAt = verdict.next === 'done' ? today() : null;
    }
    await updateVersioned(trx, 'matters', id, input.version, values);
    await recordAudit(trx, ctx.actor, {
      action: input.action ?? 'update',
      entityType: 'matter',
      entityId: id,
      entityLabel: m.title,
      orgPath: m.orgPath,
      before: { status: m.status },
      after: values,
    });
  });
}
