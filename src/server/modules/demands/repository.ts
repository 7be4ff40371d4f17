import type { ListPlan } from '../../db/list-plan.ts';
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { coversSubtree, inScope, pathInSubtree } from '../../db/scope.ts';

type Eb = ExpressionBuilder<Database, 'demands'>;

/**
 * Demands the caller may see: those handled by a unit in scope, those not yet dispatched whose intake unit is
 * in scope, and those where a unit in scope is a co-handler (协办).
 */
export function demandVisible(actor: Actor) {
  return (eb: Eb) => {
    if (actor.scope.all) return sql<boolean>`1 = 1`;
    return eb.or([
      inScope(actor.scope, 'demands.orgPath')(eb),
      eb.and([eb('demands.orgPath', 'is', null), inScope(actor.scope, 'demands.intakePath')(eb)]),
      eb.exists(
        eb
          .selectFrom('demandCoHandlers')
          .select('demandCoHandlers.demandId')
          .whereRef('demandCoHandlers.demandId', '=', 'demands.id')
          .where(inScope(actor.scope, 'demandCoHandlers.orgPath')),
      ),
    ]);
  };
}

/**
 * In a unit's subtree: handled there, or (not yet dispatched) received there. With `likelihood`, SQLite's
 * planner is told the subtree's share of the rows (scope.ts: pathInSubtree), so it walks the received_at
 * index for a big subtree and reads a small one by path.
 */
export function inSubtree(eb: Eb, path: string, likelihood?: number) {
  return eb.or([
    pathInSubtree(eb, 'demands.orgPath', path, likelihood),
    eb.and([eb('demands.orgPath', 'is', null), pathInSubtree(eb, 'demands.intakePath', path, likelihood)]),
  ]);
}

/** Past the 签收 limit while waiting to be accepted, or past the 办理 limit while in hand. */
export function overduePredicate(eb: Eb, now: string) {
  return eb.or([
    eb.and([
      eb('demands.status', '=', 'dispatched'),
      eb.or([eb('demands.acceptDueAt', '<', now), eb('demands.dueAt', '<', now)]),
    ]),
    eb.and([eb('demands.status', '=', 'accepted'), eb('demands.dueAt', '<', now)]),
  ]);
}

/** Which visited demands a 三率 figure counts (every figure opens the list of what it counted). */
export const VISIT_FILTERS = ['valid', 'contacted', 'solved', 'satisfied', 'basically', 'unsatisfied'] as const;
export type VisitFilter = (typeof VISIT_FILTERS)[number];

export interface DemandFilter {
  campaignId?: number;
  orgPath?: string;
  /** The handling unit itself only. */
  orgId?: number;
  status?: string;
  category?: string;
  channel?: string;
  kind?: string;
  overdue?: boolean;
  repeat?: boolean;
  /** Received in [receivedFrom, receivedTo) (instants). */
  receivedFrom?: string;
  receivedTo?: string;
  /** Visited in [visitedFrom, visitedTo) and counted by `visit`. */
  visitedFrom?: string;
  visitedTo?: string;
  visit?: VisitFilter;
  trackingCode?: string;
  cell?: string;
  q?: string;
  now: string;
  /**
   * How to read a subtree's page (list-plan.ts): 'ordered' walks the received_at index newest first and skips
   * rows outside the subtree, 'range' reads the subtree by path and sorts. Undefined: the planner's own choice.
   */
  plan?: ListPlan;
}

/** The one list query: the 诉求台账, the exports and the figures' drill-downs use it, so their numbers agree. */
export function demandQuery(db: Kysely<Database>, actor: Actor, f: DemandFilter) {
  let qb = db.selectFrom('demands');
  if (f.orgPath) {
    const p = f.orgPath;
    const likelihood = f.plan === undefined ? undefined : f.plan === 'ordered' ? 0.999 : 0.001;
    qb = qb.where((eb) => inSubtree(eb, p, likelihood));
  }
  if (!f.orgPath || !coversSubtree(actor.scope, f.orgPath)) qb = qb.where(demandVisible(actor));
  if (f.campaignId) qb = qb.where('demands.campaignId', '=', f.campaignId);
  if (f.orgId) qb = qb.where('demands.orgId', '=', f.orgId);
  if (f.status) qb = qb.where('demands.status', '=', f.status);
  if (f.category) qb = qb.where('demands.category', '=', f.category);
  if (f.channel) qb = qb.where('demands.channel', '=', f.channel);
  if (f.kind) qb = qb.where('demands.kind', '=', f.kind);
  if (f.trackingCode) qb = qb.where('demands.trackingCode', '=', f.trackingCode);
  if (f.cell) qb = qb.where('demands.cell', '=', f.cell);
  if (f.repeat !== undefined)
    qb = f.repeat
      ? qb.where((eb) => eb.or([eb('demands.repeatFlag', '=', 1), eb('demands.repeatOf', 'is not', null)]))
      : qb.where('demands.repeatFlag', '=', 0).where('demands.repeatOf', 'is', null);
  if (f.overdue) qb = qb.where((eb) => overduePredicate(eb, f.now));
  if (f.overdue === false) qb = qb.where((eb) => eb.not(overduePredicate(eb, f.now)));
  if (f.receivedFrom) qb = qb.where('demands.receivedAt', '>=', f.receivedFrom);
  if (f.receivedTo) qb = qb.where('demands.receivedAt', '<', f.receivedTo);
  if (f.visitedFrom) qb = qb.where('demands.visitedAt', '>=', f.visitedFrom);
  if (f.visitedTo) qb = qb.where('demands.visitedAt', '<', f.visitedTo);
  if (f.visit) {
    qb = qb.where('demands.visitedAt', 'is not', null);
    if (f.visit === 'contacted') qb = qb.where('demands.contacted', '=', 1);
    if (f.visit === 'solved') qb = qb.where('demands.solved', '=', 1);
    if (f.visit === 'satisfied' || f.visit === 'basically' || f.visit === 'unsatisfied')
      qb = qb.where('demands.satisfaction', '=', f.visit);
  }
  if (f.q?.trim()) {
    const like = `%${f.q.trim().replace(/[%_\\]/g, '')}%`;
    qb = qb.where((eb) => eb.or([eb('demands.description', 'like', like), eb('demands.address', 'like', like)]));
  }
  return qb;
}

export const demandColumns = [
  'demands.id',
  'demands.campaignId',
  'demands.trackingCode',
  'demands.channel',
  'demands.kind',
  'demands.category',
  'demands.intakeOrgId',
  'demands.intakePath',
  'demands.orgId',
  'demands.orgPath',
  'demands.firstOrgId',
  'demands.description',
  'demands.address',
  'demands.lat',
  'demands.long',
  'demands.cell',
  'demands.name',
  'demands.phone',
  'demands.confidential',
  'demands.status',
  'demands.receivedAt',
  'demands.dispatchedAt',
  'demands.acceptDueAt',
  'demands.returnDueAt',
  'demands.acceptedAt',
  'demands.dueAt',
  'demands.extensionDays',
  'demands.extensionReason',
  'demands.extended',
  'demands.answeredAt',
  'demands.answer',
  'demands.visitedAt',
  'demands.contacted',
  'demands.solved',
  'demands.satisfaction',
  'demands.closedAt',
  'demands.closeReason',
  'demands.returnCount',
  'demands.reopenCount',
  'demands.repeatOf',
  'demands.repeatFlag',
  'demands.problemId',
  'demands.version',
] as const;

export function findDemand(db: Kysely<Database>, actor: Actor, id: number) {
  return demandQuery(db, actor, { now: '' }).select(demandColumns).where('demands.id', '=', id).executeTakeFirst();
}

export type DemandRow = NonNullable<Awaited<ReturnType<typeof findDemand>>>;

export function findDemandAnywhere(db: Kysely<Database>, id: number) {
  return db.selectFrom('demands').select('id').where('id', '=', id).executeTakeFirst();
}

export function findDemandByCode(db: Kysely<Database>, code: string) {
  return db.selectFrom('demands').select(demandColumns).where('trackingCode', '=', code).executeTakeFirst();
}

/** Unit names for a page of demands (handling, intake and first units). */
export async function unitNames(db: Kysely<Database>, ids: Array<number | null>): Promise<Map<number, string>> {
  const unique = [...new Set(ids.filter((i): i is number => i !== null))];
  if (!unique.length) return new Map();
  const rows = await db.selectFrom('orgUnits').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function demandEvents(db: Kysely<Database>, demandId: number) {
  return db
    .selectFrom('demandEvents')
    .select(['id', 'action', 'fromStatus', 'toStatus', 'orgId', 'note', 'actorName', 'at'])
    .where('demandId', '=', demandId)
    .orderBy('id')
    .limit(500)
    .execute();
}

export function coHandlers(db: Kysely<Database>, demandId: number) {
  return db
    .selectFrom('demandCoHandlers')
    .innerJoin('orgUnits', 'orgUnits.id', 'demandCoHandlers.orgId')
    .select(['demandCoHandlers.orgId', 'orgUnits.name'])
    .where('demandCoHandlers.demandId', '=', demandId)
    .execute();
}

/** Demands merged into this one, and the ones flagged as repeats of the same place (linked both ways). */
export function repeatsOf(db: Kysely<Database>, actor: Actor, demandId: number) {
  return db
    .selectFrom('demands')
    .select(['demands.id', 'demands.trackingCode', 'demands.status', 'demands.receivedAt'])
    .where('demands.repeatOf', '=', demandId)
    .where(demandVisible(actor))
    .orderBy('demands.id')
    .limit(100)
    .execute();
}

export function photosOf(db: Kysely<Database>, demandId: number) {
  return db
    .selectFrom('demandPhotos')
    .select(['id', 'mime', 'size'])
    .where('demandId', '=', demandId)
    .orderBy('id')
    .execute();
}

export function categoryByCode(db: Kysely<Database>, code: string) {
  return db.selectFrom('demandCategories').selectAll().where('code', '=', code).executeTakeFirst();
}

export function categoryById(db: Kysely<Database>, id: number) {
  return db.selectFrom('demandCategories').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The catalogue in its order: the categories in use, or with the stopped ones too. */
export function activeCategories(db: Kysely<Database>, includeInactive = false) {
  return db
    .selectFrom('demandCategories')
    .selectAll()
    .$if(!includeInactive, (qb) => qb.where('active', '=', 1))
    .orderBy('sortOrder')
    .orderBy('id')
    .limit(500)
    .execute();
}

/**
 * Candidates for the repeat check: the same category in the block of cells around the place (or the same
 * address when there is no map point), open or closed within the window. Index-backed (demands_repeat,
 * demands_address); at most `limit` rows come back to be measured.
 */
export function repeatCandidates(db: Kysely<Database>, q: RepeatQuery) {
  return repeatCandidateQuery(db, q).execute();
}

export interface RepeatQuery {
  category: string;
  cells: string[] | null;
  address: string;
  since: string;
  closedSince: string;
  limit: number;
}

/** The candidates' query itself (its plan is what the benchmark checks). */
export function repeatCandidateQuery(db: Kysely<Database>, q: RepeatQuery) {
  let qb = db
    .selectFrom('demands')
    .select(['demands.id', 'demands.lat', 'demands.long', 'demands.status', 'demands.trackingCode'])
    .where('demands.category', '=', q.category)
    .where('demands.receivedAt', '>=', q.since)
    .where('demands.repeatOf', 'is', null)
    .where((eb) => eb.or([eb('demands.status', '!=', 'closed'), eb('demands.closedAt', '>=', q.closedSince)]));
  qb = q.cells ? qb.where('demands.cell', 'in', q.cells) : qb.where('demands.address', '=', q.address);
  return qb.orderBy('demands.receivedAt', 'desc').limit(q.limit);
}

export function rateConfigs(db: Kysely<Database>, campaignId: number) {
  return db
    .selectFrom('demandRateConfigs')
    .selectAll()
    .where('campaignId', '=', campaignId)
    .orderBy('effectiveFrom')
    .limit(500)
    .execute();
}

export async function recordEvent(
  db: Kysely<Database>,
  e: {
    demandId: number;
    action: string;
    fromStatus: string;
    toStatus: string;
    orgId: number | null;
    note?: string;
    actorName: string;
    at: string;
  },
) {
  await db
    .insertInto('demandEvents')
    .values({ ...e, note: (e.note ?? '').slice(0, 2000) })
    .execute();
}

/** Every category's name by code (labels on a page of demands; the catalogue is small). */
export async function categoryNames(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('demandCategories').select(['code', 'name']).execute();
  return new Map(rows.map((c) => [c.code, c.name]));
}

export async function trackingCodeOf(db: Kysely<Database>, id: number): Promise<string> {
  return (
    (await db.selectFrom('demands').select('trackingCode').where('id', '=', id).executeTakeFirst())?.trackingCode ?? ''
  );
}

/** Where a photo's bytes are stored (content-addressed by SHA-256). */
export async function photoHash(db: Kysely<Database>, photoId: number): Promise<string | undefined> {
  return (await db.selectFrom('demandPhotos').select('sha256').where('id', '=', photoId).executeTakeFirst())?.sha256;
}

/** A photo uploaded before its demand exists (linked when the demand is submitted). */
export function insertLoosePhoto(
  db: Kysely<Database>,
  photo: { sha256: string; mime: string; size: number; createdAt: string },
) {
  return db.insertInto('demandPhotos').values(photo).returning('id').executeTakeFirstOrThrow();
}
