import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AuditEventTable } from './tables.ts';
import { inScope, type Scope } from '../../db/scope.ts';
import { addDays } from '../../clock.ts';

export type AuditRow = Selectable<AuditEventTable>;

export interface AuditFilter {
  entityType?: string;
  entityId?: number;
  actorUserId?: number;
  action?: string;
  q?: string;
  /** Calendar dates in Asia/Shanghai, both inclusive. */
  from?: string;
  to?: string;
}

/** Start of a Shanghai calendar day as a UTC ISO instant (audit `at` is stored in UTC). */
const dayStart = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();

/**
 * Events in scope matching the filter. Scope follows the event's org_path; events without one (system
 * settings, accounts) match only the all-scope, since a null path satisfies no range predicate.
 */
export function auditQuery(db: Kysely<Database>, scope: Scope, filter: AuditFilter) {
  let qb = db.selectFrom('auditEvents').where(inScope(scope, 'auditEvents.orgPath'));
  if (filter.entityType) qb = qb.where('auditEvents.entityType', '=', filter.entityType);
  if (filter.entityId !== undefined) qb = qb.where('auditEvents.entityId', '=', filter.entityId);
  if (filter.actorUserId !== undefined) qb = qb.where('auditEvents.actorUserId', '=', filter.actorUserId);
  if (filter.action) qb = qb.where('auditEvents.action', '=', filter.action);
  const q = filter.q?.trim().replace(/[%_\\]/g, '');
  if (q) qb = qb.where('auditEvents.entityLabel', 'like', `%${q}%`);
  if (filter.from) qb = qb.where('auditEvents.at', '>=', dayStart(filter.from));
  if (filter.to) qb = qb.where('auditEvents.at', '<', dayStart(addDays(filter.to, 1)));
  return qb;
}

/** The caller-visible events of one record, newest first (bounded: a timeline, not an export). */
export function entityEvents(db: Kysely<Database>, scope: Scope, entityType: string, entityId: number, limit = 200): Promise<AuditRow[]> {
  return auditQuery(db, scope, { entityType, entityId }).selectAll().orderBy('auditEvents.id', 'desc').limit(limit).execute();
}
