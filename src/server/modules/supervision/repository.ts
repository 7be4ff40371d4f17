import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Scope } from '../../db/scope.ts';
import { orgVisible } from '../orgs/public.ts';

/** Groups whose home unit is in scope, plus the caller's own groups (their members and units loaded in two more queries). */
export async function listGroups(db: Kysely<Database>, scope: Scope, id?: number) {
  let qb = db
    .selectFrom('supervisionGroups')
    .innerJoin('orgUnits', 'orgUnits.id', 'supervisionGroups.orgId')
    .select([
      'supervisionGroups.id',
      'supervisionGroups.name',
      'supervisionGroups.kind',
      'supervisionGroups.orgId',
      'orgUnits.path as orgPath',
      'supervisionGroups.active',
      'supervisionGroups.version',
    ])
    // A member always sees their own group, even when its home unit lies above their scope.
    .where((eb) => {
      const own =
        scope.personId === null
          ? []
          : [
              eb.exists(
                eb
                  .selectFrom('supervisionGroupMembers as m')
                  .select('m.groupId')
                  .whereRef('m.groupId', '=', 'supervisionGroups.id')
                  .where('m.personId', '=', scope.personId),
              ),
            ];
      return eb.or([orgVisible(scope)(eb), ...own]);
    });
  if (id !== undefined) qb = qb.where('supervisionGroups.id', '=', id);
  const groups = await qb.orderBy('supervisionGroups.id').execute();
  const ids = groups.map((g) => g.id);
  if (!ids.length) return [];
  const [members, units] = await Promise.all([
    db
      .selectFrom('supervisionGroupMembers')
      .innerJoin('people', 'people.id', 'supervisionGroupMembers.personId')
      .select(['groupId', 'personId', 'people.name'])
      .where('groupId', 'in', ids)
      .execute(),
    db
      .selectFrom('supervisionGroupUnits')
      .innerJoin('orgUnits', 'orgUnits.id', 'supervisionGroupUnits.orgId')
      .select(['groupId', 'orgId', 'orgUnits.name'])
      .where('groupId', 'in', ids)
      .execute(),
  ]);
  return groups.map((g) => ({
    ...g,
    members: members.filter((m) => m.groupId === g.id).map(({ personId, name }) => ({ personId, name })),
    units: units.filter((u) => u.groupId === g.id).map(({ orgId, name }) => ({ orgId, name })),
  }));
}

export type GroupRow = Awaited<ReturnType<typeof listGroups>>[number];
