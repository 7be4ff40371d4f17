import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { distinctIds } from '../../db/access.ts';
import { inScope } from '../../db/scope.ts';

/** Meetings of units in the caller's scope. */
export function meetingVisible(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'lifeMeetings'>) => inScope(actor.scope, 'lifeMeetings.orgPath')(eb);
}

/** Of these meeting ids, those the caller may see. */
export async function visibleMeetingIds(
  db: Kysely<Database>,
  actor: Actor,
  ids: readonly number[],
): Promise<Set<number>> {
  const unique = distinctIds(ids);
  if (!unique.length) return new Set();
  const rows = await db
    .selectFrom('lifeMeetings')
    .select('lifeMeetings.id')
    .where('lifeMeetings.id', 'in', unique)
    .where(meetingVisible(actor))
    .execute();
  return new Set(rows.map((r) => r.id));
}

export function findMeeting(db: Kysely<Database>, actor: Actor, id: number) {
  return db
    .selectFrom('lifeMeetings')
    .innerJoin('orgUnits', 'orgUnits.id', 'lifeMeetings.orgId')
    .selectAll('lifeMeetings')
    .select('orgUnits.name as orgName')
    .where('lifeMeetings.id', '=', id)
    .where(meetingVisible(actor))
    .executeTakeFirst();
}

export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

export const meetingExists = (db: Kysely<Database>, id: number) =>
  db.selectFrom('lifeMeetings').select('id').where('id', '=', id).executeTakeFirst();

/** The meetings the caller may see, newest first. */
export function listMeetings(db: Kysely<Database>, actor: Actor, filter: { campaignId?: number }) {
  let qb = db
    .selectFrom('lifeMeetings')
    .innerJoin('orgUnits', 'orgUnits.id', 'lifeMeetings.orgId')
    .select([
      'lifeMeetings.id',
      'lifeMeetings.kind',
      'lifeMeetings.date',
      'orgUnits.name as orgName',
      'lifeMeetings.campaignId',
    ])
    .where(meetingVisible(actor));
  if (filter.campaignId) qb = qb.where('lifeMeetings.campaignId', '=', filter.campaignId);
  return qb.orderBy('lifeMeetings.date', 'desc').orderBy('lifeMeetings.id', 'desc').execute();
}

/** A meeting's criticism and self-criticism items with the speakers' names. */
export function meetingItems(db: Kysely<Database>, meetingId: number) {
  return db
    .selectFrom('lifeMeetingItems')
    .leftJoin('people as f', 'f.id', 'lifeMeetingItems.fromPersonId')
    .leftJoin('people as t', 't.id', 'lifeMeetingItems.toPersonId')
    .select([
      'lifeMeetingItems.id',
      'lifeMeetingItems.kind',
      'lifeMeetingItems.content',
      'lifeMeetingItems.problemId',
      'f.name as fromName',
      't.name as toName',
    ])
    .where('meetingId', '=', meetingId)
    .orderBy('lifeMeetingItems.id')
    .execute();
}

export function findMeetingItem(db: Kysely<Database>, meetingId: number, itemId: number) {
  return db
    .selectFrom('lifeMeetingItems')
    .selectAll()
    .where('id', '=', itemId)
    .where('meetingId', '=', meetingId)
    .executeTakeFirst();
}
