import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { illegalTransition, notFound } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { ExemplarStatus } from '../../../../shared/check-enums.ts';
import { takesObjections } from '../lifecycle.ts';
import { exemplarPolicy } from '../policy.ts';
import { findExemplar, findExemplarAnywhere } from '../repository.ts';

async function onNotice(ctx: Ctx, trx: Ctx['db'], id: number) {
  const e = await requireWritable(await findExemplar(trx, ctx.actor, id), () => findExemplarAnywhere(trx, id), '典型');
  if (!takesObjections(e.status as ExemplarStatus)) throw illegalTransition('只在公示期间受理异议');
  return e;
}

/** An objection raised during the 公示 (anyone signed in may raise one). */
export async function raiseObjection(ctx: Ctx, id: number, text: string): Promise<{ id: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const e = await onNotice(ctx, trx, id);
    const row = await trx
      .insertInto('exemplarObjections')
      .values({ exemplarId: id, text: text.trim(), result: null, upheld: null, createdAt: nowIso(), handledAt: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The objector is not named in the trail's label: 公示 objections are taken in confidence.
    await recordAudit(trx, ctx.actor, {
      action: 'object',
      entityType: 'exemplar',
      entityId: id,
      entityLabel: e.title,
      orgPath: e.levelOrgPath,
      after: { objectionId: row.id },
    });
    return row;
  });
}

/** Each objection is checked and answered with a result; an upheld one stops the selection. */
export async function handleObjection(
  ctx: Ctx,
  id: number,
  objectionId: number,
  input: { result: string; upheld: boolean },
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const e = await onNotice(ctx, trx, id);
    authorize(exemplarPolicy, 'handleObjection', ctx.actor, e);
    const o = await trx
      .selectFrom('exemplarObjections')
      .select(['id', 'handledAt'])
      .where('id', '=', objectionId)
      .where('exemplarId', '=', id)
      .executeTakeFirst();
    if (!o) throw notFound('异议');
    if (o.handledAt) throw illegalTransition('该异议已处理');
    await trx
      .updateTable('exemplarObjections')
      .set({ result: input.result.trim(), upheld: input.upheld ? 1 : 0, handledAt: nowIso() })
      .where('id', '=', objectionId)
      .execute();
    await recordAudit(trx, ctx.actor, {
      action: 'handle_objection',
      entityType: 'exemplar',
      entityId: id,
      entityLabel: e.title,
      orgPath: e.orgPath,
      after: { objectionId, ...input },
    });
  });
}
