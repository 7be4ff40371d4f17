import type { Static } from 'typebox';
import type { Ctx } from '../../../http/context.ts';
import { dateExists } from '../../../errors.ts';
import { nowIso } from '../../../clock.ts';
import { authorize } from '../../../policies/engine.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { calendarPolicy } from '../policy.ts';
import { findOverrideByDate, insertOverride } from '../repository.ts';
import type { CreateOverrideBody } from '../schemas.ts';

/** Declares a date a workday or a holiday (one correction per date: a second answers 409). */
export async function addOverride(ctx: Ctx, body: Static<typeof CreateOverrideBody>) {
  authorize(calendarPolicy, 'manage', ctx.actor, null);
  return ctx.db.transaction().execute(async (trx) => {
    if (await findOverrideByDate(trx, body.date)) throw dateExists(body.date);
    const inserted = await insertOverride(trx, { date: body.date, kind: body.kind, note: body.note ?? '' }, nowIso());
    await recordAudit(trx, ctx.actor, {
      action: 'create',
      entityType: 'calendar',
      entityId: inserted.id,
      entityLabel: inserted.date,
      orgPath: null,
      after: inserted,
    });
    return inserted;
  });
}
