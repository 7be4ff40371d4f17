/** 专项整治 lists: SQL only. A list is visible to its lead unit's scope and to everyone whose unit lies under it. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { ancestorPaths, inScope } from '../../db/scope.ts';
import { problemVisible } from './repository.ts';

export function listSpecialItems(db: Kysely<Database>, actor: Actor, filter: { campaignId?: number }) {
  let qb = db
    .selectFrom('specialItems')
    .innerJoin('orgUnits', 'orgUnits.id', 'specialItems.leadOrgId')
    .select((eb) => [
      'specialItems.id',
      'specialItems.campaignId',
      'specialItems.name',
      'specialItems.leadOrgId',
      'orgUnits.name as leadOrgName',
      'specialItems.description',
      eb
        .selectFrom('problems')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('problems.specialItemId', '=', 'specialItems.id')
        // Counted through the problems module's own rule, so the count is what the list it opens shows.
        .where(problemVisible(actor) as never)
        .as('problemCount'),
    ])
    .where((eb) =>
      eb.or([
        inScope(actor.scope, 'specialItems.orgPath')(eb),
        eb('specialItems.orgPath', 'in', actor.orgPath ? ancestorPaths(actor.orgPath) : ['-']),
      ]),
    );
  if (filter.campaignId) qb = qb.where('specialItems.campaignId', '=', filter.campaignId);
  return qb.orderBy('specialItems.id').execute();
}

export function insertSpecialItem(
  db: Kysely<Database>,
  values: { campaignId: number; name: string; leadOrgId: number; orgPath: string; description: string; now: string },
) {
  const { now, ...rest } = values;
  return db
    .insertInto('specialItems')
    .values({ ...rest, createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
}
