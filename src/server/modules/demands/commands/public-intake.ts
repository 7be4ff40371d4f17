/**
 * The citizen's side (你留言我来办), no login: leave a message, follow it with the tracking code and the last
 * four digits of the phone, rate the answer. Nothing personal ever leaves these functions.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { FULL_SCOPE } from '../../../db/scope.ts';
import { nowIso } from '../../../clock.ts';
import { illegalTransition, notFound, rateLimited } from '../../../errors.ts';
import { updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { scopeRoots } from '../../orgs/public.ts';
import type { Satisfaction } from '../../../../shared/demand-enums.ts';
import { decide } from '../lifecycle.ts';
import { findDemandByCode, recordEvent } from '../repository.ts';
import { afterDemandWrite } from '../tally.ts';
import { insertDemand, newTrackingCode, type IntakeInput } from './intake-demand.ts';
import { stateOf } from './transition-demand.ts';

/** Per phone number: at most this many messages an hour (per address is the route's rate limit). */
export const PHONE_LIMIT_PER_HOUR = 5;

/** The unit the public page and Open311 file into: the top of the organisation (the 12345 office's). */
export async function publicIntakeUnit(db: Kysely<Database>) {
  const root = (await scopeRoots(db, FULL_SCOPE))[0];
  if (!root) throw notFound('受理单位');
  return { id: root.id, path: root.path };
}

export async function publicIntake(
  db: Kysely<Database>,
  input: Omit<IntakeInput, 'channel' | 'kind'> & { kind?: string; website?: string },
  channel = 'public_page',
  actorName = '群众',
): Promise<{ trackingCode: string; id: number | null }> {
  // A bot filled the field people never see: answer like a success, store nothing.
  if (input.website?.trim()) return { trackingCode: newTrackingCode(), id: null };
  return db.transaction().execute(async (trx) => {
    if (input.phone) {
      const since = new Date(Date.now() - 3600 * 1000).toISOString();
      const recent = await trx
        .selectFrom('demands')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('phone', '=', input.phone)
        .where('receivedAt', '>=', since)
        .executeTakeFirstOrThrow();
      if (Number(recent.n) >= PHONE_LIMIT_PER_HOUR) throw rateLimited('该手机号留言过于频繁，请一小时后再试');
    }
    const { website: _, kind, ...rest } = input;
    const d = await insertDemand(
      trx,
      null,
      await publicIntakeUnit(trx),
      { ...rest, kind: kind ?? 'help', channel },
      actorName,
    );
    return { trackingCode: d.trackingCode, id: d.id };
  });
}

/** The demand behind a code, only when the phone's last four digits match (else the same 404 as no code). */
export async function demandForCitizen(db: Kysely<Database>, code: string, phone4: string) {
  const d = await findDemandByCode(db, code);
  if (!d || d.phone.slice(-4) !== phone4) throw notFound('留言');
  return d;
}

/** The citizen's own rating of the answer counts as the follow-up (回访). */
export async function rateDemand(
  db: Kysely<Database>,
  code: string,
  input: { phone4: string; satisfaction: Satisfaction; solved?: boolean; contacted?: boolean },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const d = await demandForCitizen(trx, code, input.phone4);
    const now = nowIso();
    const verdict = decide(stateOf(d), 'visit', { now, satisfaction: input.satisfaction });
    if (!verdict.ok) throw illegalTransition(d.status === 'answered' ? '您已评价过' : '答复后才能评价');
    await updateVersioned(trx, 'demands', d.id, d.version, {
      visitedAt: now,
      satisfaction: input.satisfaction,
      contacted: input.contacted === false ? 0 : 1,
      solved: (input.solved ?? input.satisfaction !== 'unsatisfied') ? 1 : 0,
    });
    await afterDemandWrite(trx, [d.id]);
    await recordEvent(trx, {
      demandId: d.id,
      action: 'visit',
      fromStatus: d.status,
      toStatus: d.status,
      orgId: d.orgId,
      note: `群众自评：${input.satisfaction}`,
      actorName: '群众',
      at: now,
    });
    await recordAudit(trx, null, {
      action: 'rate',
      entityType: 'demand',
      entityId: d.id,
      entityLabel: `${d.trackingCode} 群众评价`,
      orgPath: d.orgPath ?? d.intakePath,
      after: { satisfaction: input.satisfaction },
    });
  });
}
