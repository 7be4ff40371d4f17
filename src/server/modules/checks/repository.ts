import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { ancestorPaths, inScope, pathInSubtree } from '../../db/scope.ts';
import { notFound, outOfScope } from '../../errors.ts';
import { isManager, isOrganiser } from '../../policies/roles.ts';

/** The caller plus the supervision groups they belong to (loaded once per request). */
export interface Viewer {
  actor: Actor;
  groupIds: number[];
}

/** Roles that organise checks: they may see what is planned (never the checked unit itself). */
export const organises = isOrganiser;

/** The paths a planned check or draw must not lie on: the caller's own unit and its ancestors (不打招呼). */
const ownLine = (actor: Actor) => (actor.orgPath ? ancestorPaths(actor.orgPath) : []);

/**
 * Spot checks the caller may see. A recorded check: any caller whose scope holds the unit. A planned one
 * (不打招呼): only organisers — the office in scope, members of the check's group, its creator — and never
 * anyone whose own unit is the checked unit or lies inside it.
 */
export function checkVisible(viewer: Viewer) {
  const { actor, groupIds } = viewer;
  return (eb: ExpressionBuilder<Database, 'spotChecks'>): Expression<SqlBool> => {
    const recorded = eb.and([eb('spotChecks.status', '=', 'recorded'), inScope(actor.scope, 'spotChecks.orgPath')(eb)]);
    if (!organises(actor)) return recorded;
    const organiser: Expression<SqlBool>[] = [eb('spotChecks.createdBy', '=', actor.userId)];
    if (isManager(actor)) organiser.push(inScope(actor.scope, 'spotChecks.orgPath')(eb));
    if (groupIds.length) organiser.push(eb('spotChecks.groupId', 'in', groupIds));
    const own = ownLine(actor);
    const planned = eb.and([
      eb('spotChecks.status', '=', 'planned'),
      eb.or(organiser),
      own.length ? eb('spotChecks.orgPath', 'not in', own) : eb.lit(true),
    ]);
    return eb.or([recorded, planned]);
  };
}

/**
 * Draws the caller may see: a published one (双随机一公开) by anyone signed in; before that only organisers
 * (creator, office over the organising unit, the group's members) whose own unit was not drawn.
 */
export function drawVisible(viewer: Viewer) {
  const { actor, groupIds } = viewer;
  return (eb: ExpressionBuilder<Database, 'checkDraws'>): Expression<SqlBool> => {
    const published = eb('checkDraws.status', '=', 'published');
    if (!organises(actor)) return published;
    const organiser: Expression<SqlBool>[] = [eb('checkDraws.createdBy', '=', actor.userId)];
    if (isManager(actor)) organiser.push(inScope(actor.scope, 'checkDraws.orgPath')(eb));
    if (groupIds.length) organiser.push(eb('checkDraws.groupId', 'in', groupIds));
    const own = ownLine(actor);
    const notDrawn = own.length
      ? eb.not(
          eb.exists(
            eb
              .selectFrom('checkDrawUnits')
              .select('checkDrawUnits.drawId')
              .whereRef('checkDrawUnits.drawId', '=', 'checkDraws.id')
              .where('checkDrawUnits.orgPath', 'in', own),
          ),
        )
      : eb.lit(true);
    return eb.or([published, eb.and([eb.or(organiser), notDrawn])]);
  };
}

export interface CheckFilter {
  campaignId?: number;
  orgPath?: string;
  status?: string;
  drawId?: number;
  method?: string;
  from?: string;
  to?: string;
}

export function checkQuery(db: Kysely<Database>, viewer: Viewer, filter: CheckFilter) {
  let qb = db
    .selectFrom('spotChecks')
    .innerJoin('orgUnits', 'orgUnits.id', 'spotChecks.orgId')
    .where(checkVisible(viewer));
  if (filter.orgPath) {
    const p = filter.orgPath;
    qb = qb.where((eb) => pathInSubtree(eb, 'spotChecks.orgPath', p));
  }
  if (filter.campaignId) qb = qb.where('spotChecks.campaignId', '=', filter.campaignId);
  if (filter.status) qb = qb.where('spotChecks.status', '=', filter.status);
  if (filter.drawId) qb = qb.where('spotChecks.drawId', '=', filter.drawId);
  if (filter.method) qb = qb.where('spotChecks.method', '=', filter.method);
  if (filter.from) qb = qb.where('spotChecks.date', '>=', filter.from);
  if (filter.to) qb = qb.where('spotChecks.date', '<=', filter.to);
  return qb;
}

export const checkColumns = [
  'spotChecks.id',
  'spotChecks.campaignId',
  'spotChecks.orgId',
  'orgUnits.name as orgName',
  'spotChecks.orgPath',
  'spotChecks.groupId',
  'spotChecks.drawId',
  'spotChecks.date',
  'spotChecks.method',
  'spotChecks.status',
  'spotChecks.inspectorIds',
  'spotChecks.summary',
  'spotChecks.createdBy',
  'spotChecks.recordedAt',
  'spotChecks.version',
] as const;

export function findCheck(db: Kysely<Database>, viewer: Viewer, id: number) {
  return checkQuery(db, viewer, {}).select(checkColumns).where('spotChecks.id', '=', id).executeTakeFirst();
}

/**
 * A check for a write: 404 when unknown or still planned out of sight (不打招呼 — a 403 would tell the unit a
 * check is coming), 403 when recorded but outside the caller's scope.
 */
export async function loadCheckForWrite(db: Kysely<Database>, viewer: Viewer, id: number): Promise<CheckRow> {
  const check = await findCheck(db, viewer, id);
  if (check) return check;
  const any = await db.selectFrom('spotChecks').select('status').where('id', '=', id).executeTakeFirst();
  if (any?.status === 'recorded') throw outOfScope();
  throw notFound('检查');
}

export type CheckRow = NonNullable<Awaited<ReturnType<typeof findCheck>>>;

export function findingsOf(db: Kysely<Database>, checkIds: number[]) {
  if (!checkIds.length) return Promise.resolve([]);
  return db
    .selectFrom('spotCheckFindings')
    .select(['id', 'checkId', 'text', 'problemId'])
    .where('checkId', 'in', checkIds)
    .orderBy('id')
    .execute();
}

export function drawQuery(db: Kysely<Database>, viewer: Viewer, filter: { campaignId?: number }) {
  let qb = db.selectFrom('checkDraws').where(drawVisible(viewer));
  if (filter.campaignId) qb = qb.where('checkDraws.campaignId', '=', filter.campaignId);
  return qb;
}

export function findDraw(db: Kysely<Database>, viewer: Viewer, id: number) {
  return drawQuery(db, viewer, {}).selectAll('checkDraws').where('checkDraws.id', '=', id).executeTakeFirst();
}

/** A draw for a write: like a planned check, an unpublished draw out of sight is 404 (不打招呼), a published one 403. */
export async function loadDrawForWrite(db: Kysely<Database>, viewer: Viewer, id: number): Promise<DrawRow> {
  const draw = await findDraw(db, viewer, id);
  if (draw) return draw;
  const any = await db.selectFrom('checkDraws').select('status').where('id', '=', id).executeTakeFirst();
  if (any?.status === 'published') throw outOfScope();
  throw notFound('抽查');
}

export type DrawRow = NonNullable<Awaited<ReturnType<typeof findDraw>>>;

/** Units with a recorded check on or after `since` (excluded from a new pool). */
export async function recentlyCheckedUnitIds(db: Kysely<Database>, campaignId: number, since: string) {
  const rows = await db
    .selectFrom('spotChecks')
    .select('orgId')
    .distinct()
    .where('campaignId', '=', campaignId)
    .where('status', '=', 'recorded')
    .where('date', '>=', since)
    .execute();
  return new Set(rows.map((r) => r.orgId));
}

export function recusalsOf(db: Kysely<Database>, personIds: number[]) {
  if (!personIds.length) return Promise.resolve([]);
  return db
    .selectFrom('checkRecusals')
    .select(['personId', 'orgId', 'reason'])
    .where('personId', 'in', personIds)
    .execute();
}
