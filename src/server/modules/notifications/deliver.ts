/**
 * Drains the robots' outbox. One node at a time holds a robot's lease, so its 20-a-minute limit is counted
 * in one place; what does not fit in the minute is folded into one digest instead of being dropped.
 * A delivery is marked sent after the robot said so: a node that dies between the two leaves it pending,
 * and the next lease holder sends it again (at-least-once at the HTTP boundary, once everywhere else).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { open } from './secret-box.ts';
import { postRobot, robotPayload, type RobotKind } from './robot-client.ts';
import { notify } from './send.ts';

export const PER_MINUTE = 20;
const LEASE_MS = 5 * 60_000;
const MAX_ATTEMPTS = 6;

export interface DrainOptions {
  key: Buffer;
  publicUrl: string;
  node: string;
  now?: () => Date;
}

export interface DrainResult {
  sent: number;
  folded: number;
  failed: number;
  retried: number;
}

type Delivery = { id: number; event: string; title: string; body: string; link: string; attempts: number };

const iso = (d: Date) => d.toISOString();

/** The markdown a group sees: title, text and a link into Taizhang. */
export function markdownOf(d: Pick<Delivery, 'title' | 'body' | 'link'>, publicUrl: string): string {
  const link = d.link ? `\n\n[在台账中查看](${publicUrl}${d.link})` : '';
  return `### ${d.title}\n\n${d.body}${link}`;
}

/** Retry after 1, 2, 4 … minutes (capped at an hour). */
export function backoffMs(attempts: number): number {
  return Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

/** One pass over every robot with something due. */
export async function drainRobots(db: Kysely<Database>, opts: DrainOptions): Promise<DrainResult> {
  const now = opts.now ?? (() => new Date());
  const total: DrainResult = { sent: 0, folded: 0, failed: 0, retried: 0 };
  const due = await db
    .selectFrom('webhookDeliveries')
    .select('webhookId')
    .distinct()
    .where('status', '=', 'pending')
    .where('nextAttemptAt', '<=', iso(now()))
    .execute();
  for (const { webhookId } of due) {
    const r = await drainOne(db, webhookId, opts, now);
    for (const k of Object.keys(total) as (keyof DrainResult)[]) total[k] += r[k];
  }
  return total;
}

async function drainOne(db: Kysely<Database>, webhookId: number, opts: DrainOptions, now: () => Date) {
  const result: DrainResult = { sent: 0, folded: 0, failed: 0, retried: 0 };
  const leased = await db
    .updateTable('webhooks')
    .set({ leaseUntil: iso(new Date(now().getTime() + LEASE_MS)), leaseBy: opts.node })
    .where('id', '=', webhookId)
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('leaseUntil', 'is', null), eb('leaseUntil', '<', iso(now()))]))
    .executeTakeFirst();
  if (Number(leased.numUpdatedRows) !== 1) return result;
  try {
    const robot = await db.selectFrom('webhooks').selectAll().where('id', '=', webhookId).executeTakeFirstOrThrow();
    const url = open(opts.key, robot.urlEnc);
    const secret = robot.secretEnc ? open(opts.key, robot.secretEnc) : null;
    const minuteAgo = iso(new Date(now().getTime() - 60_000));
    const recent = await db
      .selectFrom('webhookDeliveries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('webhookId', '=', webhookId)
      .where('sentAt', '>=', minuteAgo)
      .executeTakeFirstOrThrow();
    const budget = PER_MINUTE - Number(recent.n);
    if (budget <= 0) return result;
    let pending: Delivery[] = await db
      .selectFrom('webhookDeliveries')
      .select(['id', 'event', 'title', 'body', 'link', 'attempts'])
      .where('webhookId', '=', webhookId)
      .where('status', '=', 'pending')
      .where('nextAttemptAt', '<=', iso(now()))
      .orderBy('id')
      .limit(500)
      .execute();
    if (pending.length > budget) {
      const digest = await foldIntoDigest(db, webhookId, pending.slice(budget - 1), now);
      result.folded += pending.length - (budget - 1);
      pending = [...pending.slice(0, budget - 1), digest];
    }
    for (const d of pending) {
      const answer = await postRobot(
        robot.kind as RobotKind,
        url,
        secret,
        robotPayload(robot.kind as RobotKind, d.title, markdownOf(d, opts.publicUrl)),
      );
      const attempts = d.attempts + 1;
      if (answer.outcome === 'sent') {
        await db
          .updateTable('webhookDeliveries')
          .set({ status: 'sent', attempts, sentAt: iso(now()), errcode: 0, error: '' })
          .where('id', '=', d.id)
          .execute();
        result.sent++;
        continue;
      }
      const giveUp = answer.outcome === 'permanent' || attempts >= MAX_ATTEMPTS;
      await db
        .updateTable('webhookDeliveries')
        .set({
          status: giveUp ? 'failed' : 'pending',
          attempts,
          errcode: answer.errcode,
          error: answer.error,
          nextAttemptAt: iso(new Date(now().getTime() + backoffMs(attempts))),
        })
        .where('id', '=', d.id)
        .execute();
      if (giveUp) result.failed++;
      else result.retried++;
      if (answer.channelBroken) await markBroken(db, robot, answer.error);
      // Throttled or broken: the rest waits for the next pass rather than hammering the robot.
      if (answer.outcome === 'retry' || answer.channelBroken) break;
    }
    return result;
  } finally {
    await db
      .updateTable('webhooks')
      .set({ leaseUntil: null, leaseBy: null })
      .where('id', '=', webhookId)
      .where('leaseBy', '=', opts.node)
      .execute();
  }
}

/** Replaces the deliveries that do not fit in this minute with one digest listing them. */
async function foldIntoDigest(db: Kysely<Database>, webhookId: number, rows: Delivery[], now: () => Date) {
  return db.transaction().execute(async (trx) => {
    const title = `台账消息汇总（${rows.length} 条）`;
    const body = rows
      .slice(0, 50)
      .map((r) => `- ${r.title}`)
      .join('\n')
      .concat(rows.length > 50 ? `\n- 另有 ${rows.length - 50} 条，请在台账中查看` : '');
    const digest = await trx
      .insertInto('webhookDeliveries')
      .values({
        webhookId,
        event: 'digest',
        title,
        body,
        link: '/notifications',
        status: 'pending',
        nextAttemptAt: iso(now()),
        createdAt: iso(now()),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('webhookDeliveries')
      .set({ status: 'folded', digestId: digest.id })
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    return { id: digest.id, event: 'digest', title, body, link: '/notifications', attempts: 0 };
  });
}

/** A bad key, sign or token will not heal by itself: the robot stops and whoever connected it is told. */
async function markBroken(
  db: Kysely<Database>,
  robot: { id: number; name: string; orgPath: string; createdBy: number | null },
  reason: string,
) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('webhooks')
      .set({ status: 'broken', brokenReason: reason })
      .where('id', '=', robot.id)
      .execute();
    await notify(
      trx,
      {
        event: 'channel_broken',
        title: `群机器人“${robot.name}”已停用`,
        body: `机器人拒绝了消息（${reason}），请检查地址或加签密钥后重新启用。`,
        link: '/webhooks',
      },
      { userIds: robot.createdBy ? [robot.createdBy] : [] },
    );
  });
}
