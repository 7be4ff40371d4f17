import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { inScope, pathInSubtree } from '../../db/scope.ts';
import { problemVisible } from '../problems/public.ts';
import { distinctIds } from '../../db/access.ts';
import { fetchPage } from '../../db/page.ts';

/** Institutions of units in scope, and those produced by problems the caller can see. */
export function institutionVisible(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'institutions'>) =>
    eb.or([
      inScope(actor.scope, 'institutions.orgPath')(eb),
      eb.exists(
        eb
          .selectFrom('institutionProblems')
          .innerJoin('problems', 'problems.id', 'institutionProblems.problemId')
          .select('institutionProblems.problemId')
          .whereRef('institutionProblems.institutionId', '=', 'institutions.id')
          .where(problemVisible(actor) as never),
      ),
    ]);
}

export interface InstitutionFilter {
  campaignId?: number;
  orgPath?: string;
  status?: string;
  action?: string;
  /** Institutions linked to problems of this unit's subtree ("what our problems produced"). */
  problemOrgPath?: string;
}

export function institutionQuery(db: Kysely<Database>, actor: Actor, filter: InstitutionFilter) {
  let qb = db
    .selectFrom('institutions')
    .innerJoin('orgUnits', 'orgUnits.id', 'institutions.orgId')
    .where(institutionVisible(actor));
  if (filter.campaignId) qb = qb.where('institutions.campaignId', '=', filter.campaignId);
  if (filter.orgPath) {
    const p = filter.orgPath;
    qb = qb.where((eb) => pathInSubtree(eb, 'institutions.orgPath', p));
  }
  if (filter.status) qb = qb.where('institutions.status', '=', filter.status);
  if (filter.action) qb = qb.where('institutions.action', '=', filter.action);
  if (filter.problemOrgPath) {
    const p = filter.problemOrgPath;
    qb = qb.where((eb) =>
      eb.exists(
        eb
          .selectFrom('institutionProblems')
          .innerJoin('problems', 'problems.id', 'institutionProblems.problemId')
          .select('institutionProblems.problemId')
          .whereRef('institutionProblems.institutionId', '=', 'institutions.id')
          .where((e) => pathInSubtree(e, 'problems.orgPath', p)),
      ),
    );
  }
  return qb;
}

export const institutionColumns = [
  'institutions.id',
  'institutions.campaignId',
  'institutions.orgId',
  'orgUnits.name as orgName',
  'institutions.orgPath',
  'institutions.title',
  'institutions.action',
  'institutions.reason',
  'institutions.status',
  'institutions.issuedDate',
  'institutions.attachmentId',
  'institutions.version',
  'institutions.createdAt',
  'institutions.updatedAt',
] as const;

export function findInstitution(db: Kysely<Database>, actor: Actor, id: number) {
  return institutionQuery(db, actor, {})
    .select(institutionColumns)
    .where('institutions.id', '=', id)
    .executeTakeFirst();
}

export function findInstitutionAnywhere(db: Kysely<Database>, id: number) {
  return db.selectFrom('institutions').select('id').where('id', '=', id).executeTakeFirst();
}

export type InstitutionRow = NonNullable<Awaited<ReturnType<typeof findInstitution>>>;

/** Of these institution ids, those the caller may see. */
export async function visibleInstitutionIds(
  db: Kysely<Database>,
  actor: Actor,
  ids: readonly number[],
): Promise<Set<number>> {
  const unique = distinctIds(ids);
  if (!unique.length) return new Set();
  const rows = await db
    .selectFrom('institutions')
    .select('institutions.id')
    .where('institutions.id', 'in', unique)
    .where(institutionVisible(actor))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The problems the institutions answer, as far as the caller may see them (a title is not for outsiders). */
export async function linkedProblems(db: Kysely<Database>, actor: Actor, ids: number[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('institutionProblems')
    .innerJoin('problems', 'problems.id', 'institutionProblems.problemId')
    .select(['institutionProblems.institutionId', 'problems.id', 'problems.title', 'problems.status'])
    .where('institutionProblems.institutionId', 'in', ids)
    .where(problemVisible(actor) as never)
    .execute();
}

/** A page of the 制度清单, newest first. */
export function institutionPage(
  db: Kysely<Database>,
  actor: Actor,
  filter: InstitutionFilter,
  page: number,
  pageSize: number,
) {
  return fetchPage(
    institutionQuery(db, actor, filter),
    (qb) => qb.select(institutionColumns).orderBy('institutions.id', 'desc'),
    page,
    pageSize,
  );
}
