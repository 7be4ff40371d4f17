import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { ancestorPaths } from '../../db/scope.ts';
import { nowIso } from '../../clock.ts';
import type { NotificationEvent } from '../../../shared/notification-events.ts';

export interface Message {
  event: NotificationEvent;
  title: string;
  body?: string;
  /** A web path into Taizhang, e.g. "/problems?open=12". */
  link?: string;
  /** The unit the message is about: robots connected to it or an ancestor receive it. */
  orgPath?: string | null;
}

export interface Recipients {
  userIds?: number[];
  /** People are reached through their active accounts. */
  personIds?: Array<number | null | undefined>;
  /** Nobody is told about what they did themselves. */
  exceptUserId?: number;
}

/** The active accounts of people and accounts, deduplicated. */
export async function recipientUserIds(db: Kysely<Database>, to: Recipients): Promise<number[]> {
  const personIds = [...new Set((to.personIds ?? []).filter((p): p is number => typeof p === 'number'))];
  const ids = new Set(to.userIds ?? []);
  if (personIds.length) {
    const rows = await db
      .selectFrom('users')
      .select('id')
      .where('personId', 'in', personIds)
      .where('active', '=', 1)
      .execute();
    for (const r of rows) ids.add(r.id);
  }
  if (to.exceptUserId !== undefined) ids.delete(to.exceptUserId);
  return [...ids].sort((a, b) => a - b);
}

/**
 * Writes 站内消息 to the recipients and queues the message for the unit's group robots, in the caller's
 * transaction — the message exists exactly when the change that caused it does.
 */
export async function notify(trx: Kysely<Database>, message: Message, to: Recipients): Promise<number[]> {
  const userIds = await recipientUserIds(trx, to);
  const now = nowIso();
  if (userIds.length)
    await trx
      .insertInto('notifications')
      .values(
        userIds.map((userId) => ({
          userId,
          event: message.event,
          title: message.title,
          body: message.body ?? '',
          link: message.link ?? '',
          orgPath: message.orgPath ?? null,
          createdAt: now,
        })),
      )
      .execute();
  if (message.orgPath) await enqueueForRobots(trx, message);
  return userIds;
}

/** Queues one delivery per active robot of the unit or an ancestor that subscribed to the event. */
export async function enqueueForRobots(trx: Kysely<Database>, message: Message): Promise<number> {
  if (!message.orgPath) return 0;
  const robots = await trx
    .selectFrom('webhooks')
    .select(['id', 'events'])
    .where('orgPath', 'in', ancestorPaths(message.orgPath))
    .where('status', '=', 'active')
    .execute();
  const wanted = robots.filter((r) => (JSON.parse(r.events) as string[]).includes(message.event));
  if (!wanted.length) return 0;
  const now = nowIso();
  await trx
    .insertInto('webhookDeliveries')
    .values(
      wanted.map((r) => ({
        webhookId: r.id,
        event: message.event,
        title: message.title,
        body: message.body ?? '',
        link: message.link ?? '',
        status: 'pending',
        nextAttemptAt: now,
        createdAt: now,
      })),
    )
    .execute();
  return wanted.length;
}
