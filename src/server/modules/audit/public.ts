/** What other modules use from the audit trail: recordAudit (record-audit.ts) and the per-record timeline. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Scope } from '../../db/scope.ts';
import { auditColumns, auditQuery } from './repository.ts';
import { presentAuditEvent } from './presenter.ts';

/** The newest-first history of one record, as far as the caller's scope reaches. */
export async function recordTimeline(
  db: Kysely<Database>,
  scope: Scope,
  entityType: string,
  entityId: number,
  limit = 200,
) {
  const rows = await auditQuery(db, scope, { entityType, entityId })
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
