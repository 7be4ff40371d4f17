import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { dialectOfDb } from '../../db/connection.ts';
import type { Actor } from '../../auth/actor.ts';
import { inScope, pathInSubtree } from '../../db/scope.ts';
import { fetchPage } from '../../db/page.ts';
import type { ProblemColour } from '../../../shared/problem-enums.ts';
import { colourPredicate } from './colour.ts';

/**
 * Problems the caller may see: those of units in scope, their own individual problems, and problems with a
 * measure they are responsible for (责任人) or lead (责任领导).
 */
export function problemVisible(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'problems'>) => {
    const parts = [inScope(actor.scope, 'problems.orgPath', 'problems.personId')(eb)];
    if (actor.personId !== null && !actor.scope.all) {
      const personId = actor.personId;
      parts.push(
        eb.exists(
          eb
            .selectFrom('problemMeasures')
            .select('problemMeasures.id')
            .whereRef('problemMeasures.problemId', '=', 'problems.id')
            .where((m) => m.or([m('problemMeasures.ownerId', '=', personId), m('problemMeasures.leaderId', '=', personId)])),
        ),
      );
    }
    return parts.length === 1 ? parts[0] : eb.or(parts);
  };
}

export interface ProblemFilter {
  campaignId?: number;
  /** Path of the unit whose subtree is wanted. */
  orgPath?: string;
  /** Only the unit itself, not its subtree. */
  unitOnly?: boolean;
  source?: string;
  category?: string;
  kind?: string;
  status?: string;
  colour?: ProblemColour;
  ownerId?: number;
  overdue?: boolean;
  escalated?: boolean;
  /** Closed with every measure finished by its deadline. */
  onTime?: boolean;
  specialItemId?: number;
  q?: string;
}

/** The one list query: the 问题清单, the exports and the figures' drill-downs all use it, so their numbers agree. */
export function problemQuery(db: Kysely<Database>, actor: Actor, filter: ProblemFilter, dates: { today: string; yellowUntil: string }) {
  let qb = db.selectFrom('problems');
  // The unit filter goes before the scope: given two ranges on org_path, SQLite bounds its index scan with
  // the first one, and the unit's subtree is the narrow one (a branch's list scanned the whole city otherwise).
  if (filter.orgPath) {
    const orgPath = filter.orgPath;
    qb = filter.unitOnly ? qb.where('problems.orgPath', '=', orgPath) : qb.where((eb) => pathInSubtree(eb, 'problems.orgPath', orgPath));
  }
  qb = qb.where(problemVisible(actor));
  if (filter.campaignId) qb = qb.where('problems.campaignId', '=', filter.campaignId);
  if (filter.source) qb = qb.where('problems.source', '=', filter.source);
  if (filter.category) qb = qb.where('problems.category', '=', filter.category);
  if (filter.kind) qb = qb.where('problems.kind', '=', filter.kind);
  if (filter.status) qb = qb.where('problems.status', '=', filter.status);
  if (filter.specialItemId) qb = qb.where('problems.specialItemId', '=', filter.specialItemId);
  if (filter.escalated !== undefined) qb = qb.where('problems.escalatedFromId', filter.escalated ? 'is not' : 'is', null);
  if (filter.onTime) qb = qb.where((eb) => onTimePredicate(eb));
  if (filter.overdue) qb = qb.where((eb) => colourPredicate(eb, 'red', dates.today, dates.yellowUntil));
  if (filter.overdue === false) qb = qb.where((eb) => eb.not(colourPredicate(eb, 'red', dates.today, dates.yellowUntil)));
  if (filter.colour) {
    const colour = filter.colour;
    qb = qb.where((eb) => colourPredicate(eb, colour, dates.today, dates.yellowUntil));
  }
  if (filter.ownerId) {
    const ownerId = filter.ownerId;
    qb = qb.where((eb) => eb.exists(eb.selectFrom('problemMeasures').select('problemMeasures.id').whereRef('problemMeasures.problemId', '=', 'problems.id').where('problemMeasures.ownerId', '=', ownerId)));
  }
  if (filter.q?.trim()) qb = qb.where(textMatches(db, filter.q.trim()));
  return qb;
}

/**
 * Chinese text search on title and description: SQLite's FTS5 trigram index for three or more characters,
 * PostgreSQL's trigram index through ILIKE; shorter queries fall back to a plain substring match.
 */
function textMatches(db: Kysely<Database>, q: string) {
  const clean = q.replace(/[%_\\"]/g, '');
  return (eb: ExpressionBuilder<Database, 'problems'>) => {
    if (dialectOfDb(db) === 'sqlite' && [...clean].length >= 3) {
      return eb('problems.id', 'in', sql<number>`(select rowid from problems_fts where problems_fts match ${`"${clean}"`})`);
    }
    const like = `%${clean}%`;
    return dialectOfDb(db) === 'postgres'
      ? eb(sql`problems.title || ' ' || problems.description`, 'ilike', like)
      : eb.or([eb('problems.title', 'like', like), eb('problems.description', 'like', like)]);
  };
}

/** Closed, and no measure was finished after its deadline (Shanghai dates of completion). */
export function onTimePredicate(eb: ExpressionBuilder<Database, 'problems'>) {
  return eb.and([
    eb('problems.status', '=', 'closed'),
    eb.not(
      eb.exists(
        eb
          .selectFrom('problemMeasures as pm')
          .select('pm.id')
          .whereRef('pm.problemId', '=', 'problems.id')
          .where((m) => m(sql<string>`substr(pm.done_at, 1, 10)`, '>', m.ref('pm.deadline'))),
      ),
    ),
  ]);
}

export const problemColumns = [
  'problems.id',
  'problems.campaignId',
  'problems.orgId',
  'problems.orgPath',
  'problems.personId',
  'problems.title',
  'problems.description',
  'problems.source',
  'problems.category',
  'problems.rootCauses',
  'problems.rootCauseAnalysis',
  'problems.kind',
  'problems.status',
  'problems.effect',
  'problems.returnReason',
  'problems.escalatedFromId',
  'problems.specialItemId',
  'problems.institutionId',
  'problems.sourceRefType',
  'problems.sourceRefId',
  'problems.dueDate',
  'problems.submittedAt',
  'problems.closedAt',
  'problems.version',
  'problems.createdAt',
  'problems.updatedAt',
] as const;

/** A list page's rows with the unit and person names. */
export function selectProblemRows<QB extends ReturnType<typeof problemQuery>>(qb: QB) {
  return qb
    .innerJoin('orgUnits', 'orgUnits.id', 'problems.orgId')
    .leftJoin('people', 'people.id', 'problems.personId')
    .select([...problemColumns, 'orgUnits.name as orgName', 'people.name as personName']);
}

/** The 问题清单's rows in its order (by due date: problems without one go last). */
export function problemListRows(filtered: ReturnType<typeof problemQuery>, sort: string) {
  const rows = selectProblemRows(filtered);
  if (sort === 'dueDate') return rows.orderBy(sql`case when problems.due_date is null then 1 else 0 end`).orderBy('problems.dueDate').orderBy('problems.id');
  return rows.orderBy('problems.createdAt', sort === '-createdAt' ? 'desc' : 'asc').orderBy('problems.id');
}

/** A page of the 问题清单 with its total. */
export function problemPage(filtered: ReturnType<typeof problemQuery>, sort: string, page: number, pageSize: number) {
  return fetchPage(filtered, (qb) => problemListRows(qb, sort), page, pageSize);
}

export function findProblemInScope(db: Kysely<Database>, actor: Actor, id: number) {
  return selectProblemRows(db.selectFrom('problems').where(problemVisible(actor))).where('problems.id', '=', id).executeTakeFirst();
}

export function findProblem(db: Kysely<Database>, id: number) {
  return db.selectFrom('problems').select(['id', 'orgPath']).where('id', '=', id).executeTakeFirst();
}

export type ProblemRow = NonNullable<Awaited<ReturnType<typeof findProblemInScope>>>;

export function measuresOf(db: Kysely<Database>, problemIds: number[]) {
  if (!problemIds.length) return Promise.resolve([]);
  return db
    .selectFrom('problemMeasures')
    .innerJoin('orgUnits', 'orgUnits.id', 'problemMeasures.ownerOrgId')
    .leftJoin('people as leader', 'leader.id', 'problemMeasures.leaderId')
    .leftJoin('people as owner', 'owner.id', 'problemMeasures.ownerId')
    .select([
      'problemMeasures.id',
      'problemMeasures.problemId',
      'problemMeasures.content',
      'problemMeasures.leaderId',
      'leader.name as leaderName',
      'problemMeasures.ownerOrgId',
      'orgUnits.name as ownerOrgName',
      'problemMeasures.ownerId',
      'owner.name as ownerName',
      'problemMeasures.deadline',
      'problemMeasures.status',
      'problemMeasures.doneAt',
      'problemMeasures.version',
    ])
    .where('problemMeasures.problemId', 'in', problemIds)
    .orderBy('problemMeasures.id')
    .execute();
}

export type MeasureRow = Awaited<ReturnType<typeof measuresOf>>[number];

/** Progress notes, evidence, extension requests and escalation links of one problem. */
export async function detailsOf(db: Kysely<Database>, problem: ProblemRow) {
  const measureIds = (await db.selectFrom('problemMeasures').select('id').where('problemId', '=', problem.id).execute()).map((m) => m.id);
  const [progress, evidence, extensions, escalatedTo, escalatedFrom] = await Promise.all([
    measureIds.length ? db.selectFrom('measureProgress').selectAll().where('measureId', 'in', measureIds).orderBy('date').orderBy('id').execute() : [],
    db
      .selectFrom('problemEvidence')
      .innerJoin('attachments', 'attachments.id', 'problemEvidence.attachmentId')
      .select(['problemEvidence.id', 'problemEvidence.measureId', 'attachments.id as attachmentId', 'attachments.name', 'attachments.size', 'attachments.mime'])
      .where('problemEvidence.problemId', '=', problem.id)
      .orderBy('problemEvidence.id')
      .execute(),
    db.selectFrom('extensionRequests').selectAll().where('problemId', '=', problem.id).orderBy('id').execute(),
    db.selectFrom('problems').innerJoin('orgUnits', 'orgUnits.id', 'problems.orgId').select(['problems.id', 'problems.status', 'orgUnits.name as orgName']).where('problems.escalatedFromId', '=', problem.id).execute(),
    problem.escalatedFromId
      ? db.selectFrom('problems').innerJoin('orgUnits', 'orgUnits.id', 'problems.orgId').select(['problems.id', 'problems.status', 'orgUnits.name as orgName']).where('problems.id', '=', problem.escalatedFromId).execute()
      : [],
  ]);
  return { progress, evidence, extensions, escalatedTo, escalatedFrom: escalatedFrom[0] ?? null };
}

/** The campaign's yellow threshold (days before a deadline). */
export async function warningDaysOf(db: Kysely<Database>, campaignId: number | undefined): Promise<number> {
  if (!campaignId) return 7;
  const row = await db.selectFrom('campaigns').select('warningDays').where('id', '=', campaignId).executeTakeFirst();
  return row?.warningDays ?? 7;
}
