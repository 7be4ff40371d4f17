/** What other modules may use from 督导组: a person's groups and a group's members and units. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** Ids of the active groups a person belongs to. */
export async function groupIdsOf(db: Kysely<Database>, personId: number | null): Promise<number[]> {
  if (personId === null) return [];
  const rows = await db
    .selectFrom('supervisionGroupMembers')
    .innerJoin('supervisionGroups', 'supervisionGroups.id', 'supervisionGroupMembers.groupId')
    .select('supervisionGroupMembers.groupId')
    .where('supervisionGroupMembers.personId', '=', personId)
    .where('supervisionGroups.active', '=', 1)
    .execute();
  return rows.map((r) => r.groupId);
}

/** A group with its home unit and member ids, or undefined. */
export async function groupWithMembers(db: Kysely<Database>, groupId: number) {
  const group = await db
    .selectFrom('supervisionGroups')
    .select(['id', 'name', 'orgId', 'active'])
    .where('id', '=', groupId)
    .executeTakeFirst();
  if (!group) return undefined;
  const members = await db
    .selectFrom('supervisionGroupMembers')
    .select('personId')
    .where('groupId', '=', groupId)
    .execute();
  return { ...group, memberIds: members.map((m) => m.personId) };
}
