/**
 * A year of citizen demands (接诉即办) over the branches, in every state: most closed after a follow-up, some
 * answered, in hand, dispatched (some past their limits) and a few still waiting at an intake unit; places
 * spread over the city's grid cells so the repeat check has neighbours to find. Written with multi-row inserts
 * (BatchWriter), the columns as the commands would write them (deadlines as dispatchDeadlines gives them,
 * cell as cellOf); then the maintained 三率 are counted once (rebuildTally), so every run's copy starts
 * with them instead of recounting a million rows at server start.
 */
import type { Db } from '../../src/server/db/connection.ts';
import { rebuildTally } from '../../src/server/db/subtree-tally.ts';
import { demandTally } from '../../src/server/modules/demands/public.ts';
import { dispatchDeadlines, plusHours } from '../../src/server/modules/demands/deadlines.ts';
import { cellOf } from '../../src/server/modules/demands/repeats.ts';
import { BatchWriter } from './batch-insert.ts';
import type { GenerateCtx } from './generate.ts';

/** The city's box (about 33 × 38 km): some 14,000 grid cells. */
export const CITY_BOX = { lat: [30.1, 30.4], long: [120.0, 120.4] } as const;
const DAYS = 365;
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CHANNELS = ['hotline', 'online', 'letter', 'visit', 'public_page'];
const KINDS = ['consult', 'help', 'complaint', 'report', 'suggestion'];
const SATISFACTION = ['satisfied', 'satisfied', 'satisfied', 'basically', 'unsatisfied'];

/** A deterministic code in the tracking-code shape (TZ + 10 of the alphabet), distinct per index. */
export function benchTrackingCode(i: number): string {
  let s = '';
  for (let n = i; s.length < 9; n = Math.floor(n / ALPHABET.length)) s = ALPHABET[n % ALPHABET.length] + s;
  return `TZB${s}`;
}

export async function generateDemands(db: Db, ctx: GenerateCtx): Promise<{ demands: number }> {
  const { random, scale, leaves, units, campaignId, userId } = ctx;
  const categories = await db
    .selectFrom('demandCategories')
    .select(['code', 'acceptHours', 'handleLimit', 'handleUnit'])
    .where('active', '=', 1)
    .execute();
  // Intake units for the demands still waiting: the districts and streets (depth 1–2).
  const intakes = units.filter((u) => u.depth >= 1 && u.depth <= 2);
  const nowMs = Date.parse(ctx.now);
  const writer = new BatchWriter(db, 'demands');
  for (let i = 0; i < scale.demands; i++) {
    const category = categories[i % categories.length];
    const limits = {
      acceptHours: category.acceptHours,
      handleLimit: category.handleLimit,
      handleUnit: category.handleUnit,
    };
    // Older demands are mostly closed; the last weeks hold the open ones.
    const ageHours = random.next() ** 1.3 * DAYS * 24;
    const receivedAt = new Date(nowMs - ageHours * 3600_000).toISOString();
    const roll = random.next();
    const recent = ageHours < 30 * 24;
    const status = !recent
      ? roll < 0.97
        ? 'closed'
        : 'answered'
      : roll < 0.55
        ? 'closed'
        : roll < 0.7
          ? 'answered'
          : roll < 0.85
            ? 'accepted'
            : roll < 0.93
              ? 'dispatched'
              : 'received';
    const leaf = leaves[i % leaves.length];
    const intake = status === 'received' ? intakes[i % intakes.length] : units[0];
    const lat = CITY_BOX.lat[0] + random.next() * (CITY_BOX.lat[1] - CITY_BOX.lat[0]);
    const long = CITY_BOX.long[0] + random.next() * (CITY_BOX.long[1] - CITY_BOX.long[0]);
    const dispatchedAt = status === 'received' ? null : plusHours(receivedAt, 1);
    const d = dispatchedAt ? dispatchDeadlines(dispatchedAt, limits) : null;
    const accepted = status !== 'received' && status !== 'dispatched';
    const answeredAt = status === 'answered' || status === 'closed' ? plusHours(receivedAt, random.int(4, 200)) : null;
    const visitedAt =
      answeredAt && (status === 'closed' ? random.chance(0.92) : random.chance(0.3))
        ? plusHours(answeredAt, random.int(2, 120))
        : null;
    const satisfaction = visitedAt ? random.pick(SATISFACTION) : null;
    const closedAt = status === 'closed' ? plusHours(visitedAt ?? answeredAt!, random.int(1, 48)) : null;
    const clamp = (at: string | null) => (at && at > ctx.now ? ctx.now : at);
    await writer.push({
      campaignId,
      trackingCode: benchTrackingCode(i),
      channel: CHANNELS[i % CHANNELS.length],
      kind: KINDS[(i >> 3) % KINDS.length],
      category: category.code,
      intakeOrgId: intake.id,
      intakePath: intake.path,
      orgId: status === 'received' ? null : leaf.id,
      orgPath: status === 'received' ? null : leaf.path,
      firstOrgId: accepted ? leaf.id : null,
      description: `基准诉求第 ${i + 1} 件：${category.code}`,
      address: `基准路 ${(i % 997) + 1} 号`,
      lat,
      long,
      cell: cellOf(lat, long),
      name: i % 3 ? '' : '基准群众',
      phone: `138${String(i).padStart(8, '0')}`,
      confidential: i % 20 === 0 ? 1 : 0,
      status,
      receivedAt,
      dispatchedAt,
      acceptDueAt: d?.acceptDueAt ?? null,
      returnDueAt: d?.returnDueAt ?? null,
      acceptedAt: accepted ? plusHours(dispatchedAt!, 2) : null,
      dueAt: d?.dueAt ?? null,
      extended: 0,
      answeredAt: clamp(answeredAt),
      answer: answeredAt ? '已处理并答复群众' : '',
      visitedAt: clamp(visitedAt),
      contacted: visitedAt ? (random.chance(0.97) ? 1 : 0) : null,
      solved: visitedAt ? (satisfaction === 'unsatisfied' ? 0 : random.chance(0.95) ? 1 : 0) : null,
      satisfaction,
      closedAt: clamp(closedAt),
      closeReason: status === 'closed' && !visitedAt ? '群众电话无人接听，三次未联系上' : '',
      returnCount: 0,
      reopenCount: 0,
      repeatFlag: 0,
      createdBy: userId,
      createdAt: receivedAt,
      updatedAt: clamp(closedAt ?? answeredAt ?? receivedAt)!,
    });
  }
  await writer.flush();
  await db.transaction().execute((trx) => rebuildTally(trx, demandTally));
  return { demands: writer.count };
}
