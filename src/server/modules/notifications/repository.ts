/** SQL of 站内消息 and robots. A message is scoped to its recipient; a robot to its unit's subtree. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { inScope } from '../../db/scope.ts';
import { fetchPage } from '../../db/page.ts';

export function messagePage(db: Kysely<Database>, actor: Actor, unread: boolean, page: number, pageSize: number) {
  let qb = db.selectFrom('notifications').where('userId', '=', actor.userId);
  if (unread) qb = qb.where('readAt', 'is', null);
  return fetchPage(
    qb,
    (q) => q.select(['id', 'event', 'title', 'body', 'link', 'createdAt', 'readAt']).orderBy('id', 'desc'),
    page,
    pageSize,
  );
}

export async function unreadCount(db: Kysely<Database>, actor: Actor): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('userId', '=', actor.userId)
    .where('readAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one of the caller's messages read; false when it is not theirs (the route answers 404). */
export async function markRead(db: Kysely<Database>, actor: Actor, id: number, at: string): Promise<boolean> {
  const mine = await db
    .selectFrom('notifications')
    .select(['id', 'readAt'])
    .where('id', '=', id)
    .where('userId', '=', actor.userId)
    .executeTakeFirst();
  if (!mine) return false;
  if (!mine.readAt) await db.updateTable('notifications').set({ readAt: at }).where('id', '=', id).execute();
  return true;
}

export async function markAllRead(db: Kysely<Database>, actor: Actor, at: string): Promise<number> {
  const r = await db
    .updateTable('notifications')
    .set({ readAt: at })
    .where('userId', '=', actor.userId)
    .where('readAt', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Messages older than the retention period go (TAIZHANG_MESSAGE_DAYS). */
export async function pruneMessages(db: Kysely<Database>, before: string): Promise<number> {
  const r = await db.deleteFrom('notifications').where('createdAt', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}

const robotColumns = [
  'webhooks.id',
  'webhooks.orgId',
  'webhooks.orgPath',
  'orgUnits.name as orgName',
  'webhooks.kind',
  'webhooks.name',
  'webhooks.urlHint',
  'webhooks.secretEnc',
  'webhooks.events',
  'webhooks.status',
  'webhooks.brokenReason',
  'webhooks.version',
  'webhooks.createdAt',
] as const;

function robotsInScope(db: Kysely<Database>, actor: Actor) {
  return db
    .selectFrom('webhooks')
    .innerJoin('orgUnits', 'orgUnits.id', 'webhooks.orgId')
    .where(inScope(actor.scope, 'webhooks.orgPath'));
}

export function robotPage(db: Kysely<Database>, actor: Actor, page: number, pageSize: number) {
  return fetchPage(robotsInScope(db, actor), (q) => q.select(robotColumns).orderBy('webhooks.id'), page, pageSize);
}

export function findRobotInScope(db: Kysely<Database>, actor: Actor, id: number) {
  return robotsInScope(db, actor).select(robotColumns).where('webhooks.id', '=', id).executeTakeFirst();
}

export type RobotRow = NonNullable<Awaited<ReturnType<typeof findRobotInScope>>>;

export function deliveryPage(db: Kysely<Database>, webhookId: number, page: number, pageSize: number) {
  return fetchPage(
    db.selectFrom('webhookDeliveries').where('webhookId', '=', webhookId),
    (q) =>
      q
        .select(['id', 'event', 'title', 'status', 'attempts', 'errcode', 'error', 'createdAt', 'sentAt'])
        .orderBy('id', 'desc'),
    page,
    pageSize,
  );
}
