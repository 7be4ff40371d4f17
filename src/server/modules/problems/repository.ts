import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type SelectQueryBuilder,
  type SqlBool,
} from 'kysely';
import type { Database } from '../../db/schema.ts';
import { dialectOfDb } from '../../db/connection.ts';
import type { Actor } from '../../auth/actor.ts';
import { mapParam, reusableQuery } from '../../db/reusable-query.ts';
import { coversSubtree, inScope, pathInSubtree, scopeOfParams, scopeParams, type ScopeParams } from '../../db/scope.ts';
import { fetchPage } from '../../db/page.ts';
import { distinctIds } from '../../db/access.ts';
import { colourPredicate } from './colour.ts';
import { addDays, shanghaiDayStart } from '../../clock.ts';
import { MEASURE_DONE_LATE } from './on-time.ts';
import { campaignWarningDays } from '../campaigns/public.ts';
import type { ProblemFilter } from './problem-filter.ts';

export type { ProblemFilter };
import type { Ctx } from '../../http/context.ts';
import { inBatches } from '../../db/in-batches.ts';
import { unitLabel, unitsByNames } from '../orgs/public.ts';
import { peopleNamed } from '../people/public.ts';

/**
 * Problems the caller may see: those of units in scope, their own individual problems, and problems with a
 * measure they are responsible for (责任人) or lead (责任领导).
 */
export function problemVisible(actor: Pick<Actor, 'scope' | 'personId'>) {
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
            .where((m) =>
              m.or([m('problemMeasures.ownerId', '=', personId), m('problemMeasures.leaderId', '=', personId)]),
            ),
        ),
      );
    }
    return parts.length === 1 ? parts[0] : eb.or(parts);
  };
}

/** Of these problem ids, those the caller may see (one query for the whole list). */
export async function visibleProblemIds(
  db: Kysely<Database>,
  actor: Actor,
  ids: readonly number[],
): Promise<Set<number>> {
  const unique = distinctIds(ids);
  if (!unique.length) return new Set();
  const rows = await db
    .selectFrom('problems')
    .select('problems.id')
    .where('problems.id', 'in', unique)
    .where(problemVisible(actor))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The one list query: the 问题清单, the exports and the figures' drill-downs all use it, so their numbers agree. */
export function problemQuery(
  db: Kysely<Database>,
  actor: Actor,
  filter: ProblemFilter,
  dates: { today: string; yellowUntil: string },
) {
  let qb = db.selectFrom('problems');
  // The unit filter goes before the scope: given two ranges on org_path, SQLite bounds its index scan with
  // the first one, and the unit's subtree is the narrow one (a branch's list scanned the whole city otherwise).
  if (filter.orgPath) {
    const orgPath = filter.orgPath;
    const plan = filter.plan;
    const likelihood = plan === undefined ? undefined : plan === 'ordered' ? 0.999 : 0.001;
    qb = filter.unitOnly
      ? qb.where('problems.orgPath', '=', orgPath)
      : qb.where((eb) => pathInSubtree(eb, 'problems.orgPath', orgPath, likelihood));
  }
  // A subtree the caller sees whole needs no visibility predicate: the subtree range says it all.
  if (!filter.orgPath || !coversSubtree(actor.scope, filter.orgPath)) qb = qb.where(problemVisible(actor));
  if (filter.campaignId) qb = qb.where('problems.campaignId', '=', filter.campaignId);
  if (filter.source) qb = qb.where('problems.source', '=', filter.source);
  if (filter.category) qb = qb.where('problems.category', '=', filter.category);
  if (filter.kind) qb = qb.where('problems.kind', '=', filter.kind);
  if (filter.status) qb = qb.where('problems.status', '=', filter.status);
  if (filter.specialItemId) qb = qb.where('problems.specialItemId', '=', filter.specialItemId);
  if (filter.submittedBefore)
    qb = qb
      .where('problems.status', '=', 'submitted')
      // Shanghai midnight of that date as the stored UTC instant.
      .where('problems.submittedAt', '<', mapParam(filter.submittedBefore, shanghaiDayStart));
  // Shanghai days as ranges of stored UTC instants (the UTC date of an instant is the wrong day 8 hours a day).
  if (filter.createdFrom) qb = qb.where('problems.createdAt', '>=', mapParam(filter.createdFrom, shanghaiDayStart));
  if (filter.createdTo)
    qb = qb.where(
      'problems.createdAt',
      '<',
      mapParam(filter.createdTo, (d) => shanghaiDayStart(addDays(d, 1))),
    );
  if (filter.escalated !== undefined)
    qb = qb.where('problems.escalatedFromId', filter.escalated ? 'is not' : 'is', null);
  if (filter.onTime) qb = qb.where((eb) => onTimePredicate(eb));
  if (filter.overdue) qb = qb.where((eb) => colourPredicate(eb, 'red', dates.today, dates.yellowUntil));
  if (filter.overdue === false)
    qb = qb.where((eb) => eb.not(colourPredicate(eb, 'red', dates.today, dates.yellowUntil)));
  if (filter.colour) {
    const colour = filter.colour;
    qb = qb.where((eb) => colourPredicate(eb, colour, dates.today, dates.yellowUntil));
  }
  if (filter.ownerId) {
    const ownerId = filter.ownerId;
    qb = qb.where((eb) =>
      eb.exists(
        eb
          .selectFrom('problemMeasures')
          .select('problemMeasures.id')
          .whereRef('problemMeasures.problemId', '=', 'problems.id')
          .where('problemMeasures.ownerId', '=', ownerId),
      ),
    );
  }
  if (filter.q?.trim()) qb = qb.where(textMatches(db, filter.q.trim()));
  return qb;
}

/**
 * Chinese text search on title and description: SQLite's FTS5 trigram index for three or more characters,
 * PostgreSQL's trigram index through ILIKE; shorter queries fall back to a plain substring match.
 */
function textMatches(db: Kysely<Database>, q: string) {
  const clean = q.replace(/[%_\\"\u0000-\u001f]/g, ''); // FTS5 phrase: no quote, no control character
  return (eb: ExpressionBuilder<Database, 'problems'>) => {
    if (dialectOfDb(db) === 'sqlite' && [...clean].length >= 3) {
      return eb(
        'problems.id',
        'in',
        sql<number>`(select rowid from problems_fts where problems_fts match ${`"${clean}"`})`,
      );
    }
    const like = `%${clean}%`;
    return dialectOfDb(db) === 'postgres'
      ? eb(sql`problems.title || ' ' || problems.description`, 'ilike', like)
      : eb.or([eb('problems.title', 'like', like), eb('problems.description', 'like', like)]);
  };
}

/** Closed, and no measure was finished after its deadline (Shanghai dates of completion: MEASURE_DONE_LATE). */
export function onTimePredicate(eb: ExpressionBuilder<Database, 'problems'>) {
  return eb.and([
    eb('problems.status', '=', 'closed'),
    eb.not(
      eb.exists(
        eb
          .selectFrom('problemMeasures as pm')
          .select('pm.id')
          .whereRef('pm.problemId', '=', 'problems.id')
          .where(MEASURE_DONE_LATE),
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
  'problems.submittedBy',
  'problems.closedAt',
  'problems.createdBy',
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

/** The 问题清单's order: by due date (problems without an open one last, via due_sort), or by creation. */
export function problemListOrder<QB extends SelectQueryBuilder<Database, 'problems', object>>(
  qb: QB,
  sort: string,
): QB {
  return (
    sort === 'dueDate'
      ? qb.orderBy('problems.dueSort').orderBy('problems.id')
      : qb.orderBy('problems.createdAt', sort === '-createdAt' ? 'desc' : 'asc').orderBy('problems.id')
  ) as QB;
}

/**
 * A page of the 问题清单 with its total, in the list's order (by due date: problems without one go last). The
 * page's ids are chosen first from narrow index rows, then only those rows are read whole — so a sort, when
 * the plan needs one, moves ids, not descriptions. A total known from the maintained figures (tally.ts)
 * saves the count.
 */
export async function problemPage(
  db: Kysely<Database>,
  filtered: ReturnType<typeof problemQuery>,
  sort: string,
  page: number,
  pageSize: number,
  knownTotal?: number,
) {
  const ordered = <QB extends SelectQueryBuilder<Database, 'problems', object>>(qb: QB) => problemListOrder(qb, sort);
  const { items: ids, total } = await fetchPage(
    filtered,
    (qb) => ordered(qb.select('problems.id')),
    page,
    pageSize,
    knownTotal,
  );
  const items = ids.length
    ? await ordered(
        selectProblemRows(
          db.selectFrom('problems').where(
            'problems.id',
            'in',
            ids.map((r) => r.id),
          ),
        ),
      ).execute()
    : [];
  return { items, total, page, pageSize };
}

/**
 * When a caller's whole visibility is one subtree (one subtree grant, and nothing of their own — individual
 * problems, measures they own or lead — outside it), its path: the list can then filter by that range alone
 * and use the maintained figures. Undefined otherwise (or for full scope, which needs no filter at all).
 */
export async function visibleSubtree(db: Kysely<Database>, actor: Actor): Promise<string | undefined> {
  const { scope } = actor;
  if (scope.all || scope.subtreePaths.length !== 1 || scope.unitPaths.length) return undefined;
  const path = scope.subtreePaths[0];
  if (actor.personId === null) return path;
  const personId = actor.personId;
  const outside = (eb: ExpressionBuilder<Database, 'problems'>) => eb.not(pathInSubtree(eb, 'problems.orgPath', path));
  const [own, measured] = await Promise.all([
    db
      .selectFrom('problems')
      .select('problems.id')
      .where('problems.personId', '=', personId)
      .where(outside)
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('problemMeasures')
      .innerJoin('problems', 'problems.id', 'problemMeasures.problemId')
      .select('problems.id')
      .where((eb) =>
        eb.or([eb('problemMeasures.ownerId', '=', personId), eb('problemMeasures.leaderId', '=', personId)]),
      )
      .where(outside)
      .limit(1)
      .executeTakeFirst(),
  ]);
  return own || measured ? undefined : path;
}

/** A problem in the caller's scope, with its unit and person names (compiled once per shape of scope). */
export async function findProblemInScope(db: Kysely<Database>, actor: Actor, id: number) {
  const [row] = await problemInScopeQuery(db, { id, personId: actor.personId, ...scopeParams(actor.scope) });
  return row;
}

const problemInScopeQuery = reusableQuery(
  'problemInScope',
  (db: Kysely<Database>, p: ScopeParams & { id: number; personId: number | null }) =>
    selectProblemRows(
      db.selectFrom('problems').where(problemVisible({ scope: scopeOfParams(p), personId: p.personId })),
    ).where('problems.id', '=', p.id),
);

export function findProblem(db: Kysely<Database>, id: number) {
  return db.selectFrom('problems').select(['id', 'orgPath']).where('id', '=', id).executeTakeFirst();
}

export type ProblemRow = NonNullable<Awaited<ReturnType<typeof findProblemInScope>>>;

/** The measures of these problems with their people's and units' names (compiled once per number of problems). */
export function measuresOf(db: Kysely<Database>, problemIds: number[]) {
  if (!problemIds.length) return Promise.resolve([]);
  return measuresQuery(db, { problemIds });
}

const measuresQuery = reusableQuery('measuresOf', (db: Kysely<Database>, { problemIds }: { problemIds: number[] }) =>
  db
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
    .orderBy('problemMeasures.id'),
);

export type MeasureRow = Awaited<ReturnType<typeof measuresOf>>[number];

/** measureFactsOf's one statement, compiled once per page length (it runs on every list page). */
const measureFactsQuery = reusableQuery(
  'measureFacts',
  (db: Kysely<Database>, { problemIds, personId }: { problemIds: number[]; personId: number | null }) =>
    db
      .selectFrom('problemMeasures')
      .select((eb) => {
        const count = (p: Expression<SqlBool>) => eb.fn.sum<number>(eb.case().when(p).then(1).else(0).end());
        return [
          'problemMeasures.problemId',
          count(eb('problemMeasures.status', '=', 'open')).as('open'),
          count(eb('problemMeasures.status', '=', 'done')).as('done'),
          personId === null ? eb.lit(0).as('owns') : count(eb('problemMeasures.ownerId', '=', personId)).as('owns'),
        ];
      })
      .where('problemMeasures.problemId', 'in', problemIds)
      .groupBy('problemMeasures.problemId'),
);

/**
 * Of each problem, how many measures are open and done and whether `personId` owns one — what a list item's
 * counts, abilities and blockers need, in one grouped read of the measures' index instead of the measures.
 */
export async function measureFactsOf(
  db: Kysely<Database>,
  problemIds: number[],
  personId: number | null,
): Promise<Map<number, { open: number; done: number; owns: boolean }>> {
  if (!problemIds.length) return new Map();
  const rows = await measureFactsQuery(db, { problemIds, personId });
  return new Map(
    rows.map((r) => [r.problemId, { open: Number(r.open), done: Number(r.done), owns: Number(r.owns) > 0 }]),
  );
}

/** Progress notes, evidence, extension requests and escalation links of one problem. */
export async function detailsOf(db: Kysely<Database>, problem: ProblemRow, measureIds: number[]) {
  const [progress, evidence, extensions, escalatedTo, escalatedFrom] = await Promise.all([
    measureIds.length
      ? db
          .selectFrom('measureProgress')
          .selectAll()
          .where('measureId', 'in', measureIds)
          .orderBy('date')
          .orderBy('id')
          .execute()
      : [],
    db
      .selectFrom('problemEvidence')
      .innerJoin('attachments', 'attachments.id', 'problemEvidence.attachmentId')
      .select([
        'problemEvidence.id',
        'problemEvidence.measureId',
        'attachments.id as attachmentId',
        'attachments.name',
        'attachments.size',
        'attachments.mime',
      ])
      .where('problemEvidence.problemId', '=', problem.id)
      .orderBy('problemEvidence.id')
      .execute(),
    db.selectFrom('extensionRequests').selectAll().where('problemId', '=', problem.id).orderBy('id').execute(),
    db
      .selectFrom('problems')
      .innerJoin('orgUnits', 'orgUnits.id', 'problems.orgId')
      .select(['problems.id', 'problems.status', 'orgUnits.name as orgName'])
      .where('problems.escalatedFromId', '=', problem.id)
      .execute(),
    problem.escalatedFromId
      ? db
          .selectFrom('problems')
          .innerJoin('orgUnits', 'orgUnits.id', 'problems.orgId')
          .select(['problems.id', 'problems.status', 'orgUnits.name as orgName'])
          .where('problems.id', '=', problem.escalatedFromId)
          .execute()
      : [],
  ]);
  return { progress, evidence, extensions, escalatedTo, escalatedFrom: escalatedFrom[0] ?? null };
}

/** The campaign's yellow threshold (days before a deadline), kept for a moment by the campaigns module. */
export function warningDaysOf(db: Kysely<Database>, campaignId: number | undefined): Promise<number> {
  return campaignWarningDays(db, campaignId);
}

/** A unit or person a name in an imported ledger may mean, labelled for the pick list. */
export interface NameMatch {
  id: number;
  /** The unit's path, or the person's unit path (to narrow a person to the row's unit). */
  path: string;
  /** '王芳（市城管局办公室）', '办公室党支部（市城管局）' */
  label: string;
}

const grouped = (rows: NameMatch[], names: Array<{ name: string }>) => Map.groupBy(rows, (_, i) => names[i].name);

/**
 * The active units and people inside the importer's scope bearing any of the names, matched once in SQL (in
 * batches: an IN list per few thousand names), grouped by name.
 */
export async function namesInScope(
  ctx: Ctx,
  unitNames: string[],
  personNames: string[],
): Promise<{ units: Map<string, NameMatch[]>; people: Map<string, NameMatch[]> }> {
  // Units and people are the orgs and people modules' records: each module's own lookup, its own scope rule.
  const units = await inBatches([...new Set(unitNames.filter(Boolean))], (names) =>
    unitsByNames(ctx.db, ctx.actor.scope, names),
  );
  const people = await inBatches([...new Set(personNames.filter(Boolean))], (names) =>
    peopleNamed(ctx.db, ctx.actor.scope, names),
  );
  return {
    units: grouped(
      units.map((u) => ({ id: u.id, path: u.path, label: unitLabel(u) })),
      units,
    ),
    people: grouped(
      people.map((p) => ({ id: p.id, path: p.orgPath, label: p.label })),
      people,
    ),
  };
}
