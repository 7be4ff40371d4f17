import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { inScope, type Scope } from '../../db/scope.ts';

export interface AuditFilter {
  entityType?: string;
  entityId?: number;
  actorUserId?: number;
  action?: string;
  q?: string;
  from?: string;
  to?: string;
}

/**
 * Audit events the caller may see: those of records in their scope. Events tied to no unit (accounts,
 * system actions) are for the admin only, which the scope predicate already implies (null matches no range).
 */
export function auditQuery(db: Kysely<Database>, scope: Scope, filter: AuditFilter) {
  let qb = db.selectFrom('auditEvents').where(inScope(scope, 'auditEvents.orgPath'));
  if (filter.entityType) qb = qb.where('entityType', '=', filter.entityType);
  if (filter.entityId) qb = qb.where('entityId', '=', filter.entityId);
  if (filter.actorUserId) qb = qb.where('actorUserId', '=', filter.actorUserId);
  if (filter.action) qb = qb.where('action', '=', filter.action);
  if (filter.q?.trim()) qb = qb.where('entityLabel', 'like', `%${filter.q.trim().replace(/[%_\\]/g, '')}%`);
  // Dates are Asia/Shanghai calendar days; stored instants are UTC.
  if (filter.from) qb = qb.where('at', '>=', new Date(`${filter.from}T00:00:00+08:00`).toISOString());
  if (filter.to)
    qb = qb.where('at', '<', new Date(new Date(`${filter.to}T00:00:00+08:00`).getTime() + 86_400_000).toISOString());
  return qb;
}

export const auditColumns = [
  'id',
  'at',
  'actorUserId',
  'actorName',
  'action',
  'entityType',
  'entityId',
  'entityLabel',
  'before',
  'after',
] as const;
