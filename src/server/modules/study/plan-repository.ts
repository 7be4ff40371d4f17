import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { inScope, pathInSubtree, type Scope } from '../../db/scope.ts';

/** Study plans in the caller's scope (and their own personal plans), newest first. */
export function listPlans(
  db: Kysely<Database>,
  scope: Scope,
  filter: { campaignId?: number; orgPath?: string; status?: string },
) {
  let qb = db
    .selectFrom('studyPlans')
    .innerJoin('orgUnits', 'orgUnits.id', 'studyPlans.orgId')
    .leftJoin('people', 'people.id', 'studyPlans.personId')
    .select([
      'studyPlans.id',
      'studyPlans.campaignId',
      'studyPlans.orgId',
      'studyPlans.orgPath',
      'orgUnits.name as orgName',
      'studyPlans.personId',
      'people.name as personName',
      'studyPlans.title',
      'studyPlans.content',
      'studyPlans.status',
      'studyPlans.reviewNote',
      'studyPlans.version',
    ])
    .where(inScope(scope, 'studyPlans.orgPath', 'studyPlans.personId'));
  if (filter.campaignId) qb = qb.where('studyPlans.campaignId', '=', filter.campaignId);
  const orgPath = filter.orgPath;
  if (orgPath) qb = qb.where((eb) => pathInSubtree(eb, 'studyPlans.orgPath', orgPath));
  if (filter.status) qb = qb.where('studyPlans.status', '=', filter.status);
  return qb.orderBy('studyPlans.id', 'desc').execute();
}

/** One study plan in the caller's scope (or their own personal plan). */
export function findPlanInScope(db: Kysely<Database>, scope: Scope, id: number) {
  return db
    .selectFrom('studyPlans')
    .selectAll()
    .where('id', '=', id)
    .where(inScope(scope, 'studyPlans.orgPath', 'studyPlans.personId'))
    .executeTakeFirst();
}

/** Whether a study plan exists at all (to tell 403 from 404 on writes). */
export function planExists(db: Kysely<Database>, id: number) {
  return db.selectFrom('studyPlans').select('id').where('id', '=', id).executeTakeFirst();
}
