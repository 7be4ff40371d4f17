import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { inScope } from '../../db/scope.ts';

/**
 * Assessments the caller may see: those whose assessed subtree lies in their scope, and those covering a unit
 * they belong to or look after (an assessed unit sees its own assessment).
 */
export function assessmentVisible(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'assessments'>): Expression<SqlBool> => {
    const scope = actor.scope;
    if (scope.all) return sql<SqlBool>`1 = 1`;
    const inside = (p: string) =>
      eb.and([
        eb(eb.val(p), '>=', eb.ref('assessments.orgPath')),
        eb(eb.val(p), '<', sql<string>`substr(assessments.org_path, 1, length(assessments.org_path) - 1) || '0'`),
      ]);
    const parts = [
      inScope(scope, 'assessments.orgPath')(eb),
      ...[...scope.subtreePaths, ...scope.unitPaths].map(inside),
    ];
    return eb.or(parts);
  };
}

export const assessmentColumns = [
  'assessments.id',
  'assessments.campaignId',
  'assessments.orgId',
  'assessments.orgPath',
  'orgUnits.name as orgName',
  'assessments.name',
  'assessments.period',
  'assessments.periodFrom',
  'assessments.periodTo',
  'assessments.status',
  'assessments.published',
  'assessments.groups',
  'assessments.starLevels',
  'assessments.scoredOn',
  'assessments.finalisedAt',
  'assessments.publicityFrom',
  'assessments.publicityUntil',
  'assessments.confirmedAt',
  'assessments.version',
] as const;

export function assessmentQuery(db: Kysely<Database>, actor: Actor, filter: { campaignId?: number; status?: string }) {
  let qb = db
    .selectFrom('assessments')
    .innerJoin('orgUnits', 'orgUnits.id', 'assessments.orgId')
    .where(assessmentVisible(actor));
  if (filter.campaignId) qb = qb.where('assessments.campaignId', '=', filter.campaignId);
  if (filter.status) qb = qb.where('assessments.status', '=', filter.status);
  return qb;
}

export function findAssessment(db: Kysely<Database>, actor: Actor, id: number) {
  return assessmentQuery(db, actor, {}).select(assessmentColumns).where('assessments.id', '=', id).executeTakeFirst();
}
export type AssessmentRow = NonNullable<Awaited<ReturnType<typeof findAssessment>>>;

export function findAssessmentAnywhere(db: Kysely<Database>, id: number) {
  return db.selectFrom('assessments').select('id').where('id', '=', id).executeTakeFirst();
}

export function indicatorsOf(db: Kysely<Database>, assessmentId: number) {
  return db
    .selectFrom('assessmentIndicators')
    .selectAll()
    .where('assessmentId', '=', assessmentId)
    .orderBy('sortOrder')
    .execute();
}
export type IndicatorRow = Awaited<ReturnType<typeof indicatorsOf>>[number];

/** Sum of the accepted entries per unit and indicator (what the manual items and vetoes score from). */
export function acceptedEntrySums(db: Kysely<Database>, assessmentId: number) {
  return db
    .selectFrom('assessmentEntries')
    .select((eb) => ['orgId', 'indicatorId', eb.fn.sum<number>('points').as('points')])
    .where('assessmentId', '=', assessmentId)
    .where('status', '=', 'accepted')
    .groupBy(['orgId', 'indicatorId'])
    .execute();
}

export const entryColumns = [
  'assessmentEntries.id',
  'assessmentEntries.assessmentId',
  'assessmentEntries.indicatorId',
  'assessmentEntries.orgId',
  'assessmentEntries.orgPath',
  'orgUnits.name as orgName',
  'assessmentEntries.points',
  'assessmentEntries.claimedPoints',
  'assessmentEntries.reason',
  'assessmentEntries.attachmentIds',
  'assessmentEntries.status',
  'assessmentEntries.reviewNote',
  'assessmentEntries.version',
  'assessmentEntries.createdAt',
] as const;

/** Entries of an assessment for units in the caller's scope. */
export function entryQuery(
  db: Kysely<Database>,
  actor: Actor,
  assessmentId: number,
  filter: { orgId?: number; indicatorId?: number; status?: string },
) {
  let qb = db
    .selectFrom('assessmentEntries')
    .innerJoin('orgUnits', 'orgUnits.id', 'assessmentEntries.orgId')
    .where('assessmentEntries.assessmentId', '=', assessmentId)
    .where(inScope(actor.scope, 'assessmentEntries.orgPath'));
  if (filter.orgId) qb = qb.where('assessmentEntries.orgId', '=', filter.orgId);
  if (filter.indicatorId) qb = qb.where('assessmentEntries.indicatorId', '=', filter.indicatorId);
  if (filter.status) qb = qb.where('assessmentEntries.status', '=', filter.status);
  return qb;
}

export function findEntry(db: Kysely<Database>, actor: Actor, assessmentId: number, id: number) {
  return entryQuery(db, actor, assessmentId, {})
    .select(entryColumns)
    .where('assessmentEntries.id', '=', id)
    .executeTakeFirst();
}
export type EntryRow = NonNullable<Awaited<ReturnType<typeof findEntry>>>;

export function findEntryAnywhere(db: Kysely<Database>, assessmentId: number, id: number) {
  return db
    .selectFrom('assessmentEntries')
    .select('id')
    .where('assessmentId', '=', assessmentId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * The frozen result rows of a final assessment: all of them for a caller who sees the ranking, else only the
 * units in the caller's scope — filtered in SQL.
 */
export function frozenResults(db: Kysely<Database>, actor: Actor, assessmentId: number, all: boolean) {
  let qb = db.selectFrom('assessmentResults').selectAll().where('assessmentId', '=', assessmentId);
  if (!all) qb = qb.where(inScope(actor.scope, 'assessmentResults.orgPath'));
  return qb
    .orderBy('groupKey')
    .orderBy(sql`case when rank is null then 1 else 0 end`)
    .orderBy('rank')
    .orderBy('orgId')
    .execute();
}

/**
 * One page of a final assessment's ranked units in one peer group, in rank order (index-backed: the ranking
 * index of migration 0081), with the group's ranked total and its units without data; scoped as frozenResults.
 */
export async function frozenGroupPage(
  db: Kysely<Database>,
  actor: Actor,
  assessmentId: number,
  all: boolean,
  group: string,
  page: number,
  pageSize: number,
) {
  let base = db.selectFrom('assessmentResults').where('assessmentId', '=', assessmentId).where('groupKey', '=', group);
  if (!all) base = base.where(inScope(actor.scope, 'assessmentResults.orgPath'));
  const [rows, unscored, count] = await Promise.all([
    base
      .selectAll()
      .where('rank', 'is not', null)
      .orderBy('rank')
      .orderBy('orgId')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.selectAll().where('rank', 'is', null).orderBy('orgId').execute(),
    base
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('rank', 'is not', null)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: [...rows, ...unscored], total: Number(count.n) };
}

export const objectionColumns = [
  'assessmentObjections.id',
  'assessmentObjections.assessmentId',
  'assessmentObjections.indicatorId',
  'assessmentObjections.orgId',
  'assessmentObjections.orgPath',
  'orgUnits.name as orgName',
  'assessmentObjections.reason',
  'assessmentObjections.attachmentIds',
  'assessmentObjections.status',
  'assessmentObjections.answer',
  'assessmentObjections.pointsBefore',
  'assessmentObjections.pointsAfter',
  'assessmentObjections.answeredAt',
  'assessmentObjections.version',
  'assessmentObjections.createdAt',
] as const;

/** 异议 of an assessment about units in the caller's scope (the office sees its whole subtree's). */
export function objectionQuery(
  db: Kysely<Database>,
  actor: Actor,
  assessmentId: number,
  filter: { orgId?: number; status?: string },
) {
  let qb = db
    .selectFrom('assessmentObjections')
    .innerJoin('orgUnits', 'orgUnits.id', 'assessmentObjections.orgId')
    .where('assessmentObjections.assessmentId', '=', assessmentId)
    .where(inScope(actor.scope, 'assessmentObjections.orgPath'));
  if (filter.orgId) qb = qb.where('assessmentObjections.orgId', '=', filter.orgId);
  if (filter.status) qb = qb.where('assessmentObjections.status', '=', filter.status);
  return qb;
}

export function findObjection(db: Kysely<Database>, actor: Actor, assessmentId: number, id: number) {
  return objectionQuery(db, actor, assessmentId, {})
    .select(objectionColumns)
    .where('assessmentObjections.id', '=', id)
    .executeTakeFirst();
}
export type ObjectionRow = NonNullable<Awaited<ReturnType<typeof findObjection>>>;

export function findObjectionAnywhere(db: Kysely<Database>, assessmentId: number, id: number) {
  return db
    .selectFrom('assessmentObjections')
    .select('id')
    .where('assessmentId', '=', assessmentId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Open objections per assessment, for a page of assessments in one query. */
export async function openObjectionCounts(db: Kysely<Database>, ids: number[]): Promise<Map<number, number>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('assessmentObjections')
    .select((eb) => ['assessmentId', eb.fn.countAll<number>().as('n')])
    .where('assessmentId', 'in', ids)
    .where('status', '=', 'open')
    .groupBy('assessmentId')
    .execute();
  return new Map(rows.map((r) => [r.assessmentId, Number(r.n)]));
}

/** How many objections of an assessment wait for an answer (all of them, whoever asks: it gates 最终). */
export async function openObjectionCount(db: Kysely<Database>, assessmentId: number): Promise<number> {
  const row = await db
    .selectFrom('assessmentObjections')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('assessmentId', '=', assessmentId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The frozen rows of a final assessment, all of them (an adjustment re-ranks the whole result). */
export function allFrozenResults(db: Kysely<Database>, assessmentId: number) {
  return db.selectFrom('assessmentResults').selectAll().where('assessmentId', '=', assessmentId).execute();
}
