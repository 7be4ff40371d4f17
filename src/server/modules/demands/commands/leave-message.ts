/**
 * 你留言我来办, no login (the public page and Open311's POST): a message becomes a demand at the top unit.
 * A bot that filled the honeypot gets a code and nothing is stored; a phone is limited per hour.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { rateLimited } from '../../../errors.ts';
import { insertDemand, newTrackingCode, publicIntakeUnit, type IntakeInput } from '../intake.ts';

/** Per phone number: at most this many messages an hour (per address is the route's rate limit). */
const PHONE_LIMIT_PER_HOUR = 5;

/** Records a citizen's message; nothing personal leaves this function. */
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
