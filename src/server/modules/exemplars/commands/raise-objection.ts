import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { onNotice } from '../on-notice.ts';

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
