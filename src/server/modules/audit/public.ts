/** What other modules use from the audit trail: recordAudit (record-audit.ts) and the per-record timeline. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { FULL_SCOPE } from '../../db/scope.ts';
import { auditColumns, auditQuery } from './repository.ts';
import { presentAuditEvent } from './presenter.ts';

/** The ids among `ids` that the caller may see: the owning module's own visibility rule, in bulk. */
export type VisibleIds = (db: Kysely<Database>, actor: Actor, ids: number[]) => Promise<Set<number>>;

const subjects = new Map<string, VisibleIds>();

/**
 * A module whose records may be seen beyond the unit path the audit trail stored (a task by its responsible
 * units, a problem by a measure's 责任领导) says so here: whoever may see the record may read its history.
 */
export function registerTimelineSubject(entityType: string, visibleIds: VisibleIds): void {
  subjects.set(entityType, visibleIds);
}

/**
 * The newest-first history of one record: all of it when the owning module says the caller may see the
 * record, otherwise as far as the caller's scope reaches.
 */
export async function recordTimeline(
  db: Kysely<Database>,
  actor: Actor,
  entityType: string,
  entityId: number,
  limit = 200,
) {
  const visible = (await subjects.get(entityType)?.(db, actor, [entityId]))?.has(entityId) ?? false;
  const rows = await auditQuery(db, visible ? FULL_SCOPE : actor.scope, { entityType, entityId })
    .select(auditColumns)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(presentAuditEvent);
}

/** The account that last did `action` to a record (e.g. who applied for 销号), for telling them the outcome. */
export async function lastActorOf(
  db: Kysely<Database>,
  entityType: string,
  entityId: number,
  action: string,
): Promise<number | null> {
  const row = await db
    .selectFrom('auditEvents')
    .select('actorUserId')
    .where('entityType', '=', entityType)
    .where('entityId', '=', entityId)
    .where('action', '=', action)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.actorUserId ?? null;
}
