/** What other modules may use from the audit module (recordAudit lives in record-audit.ts). */
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { entityEvents } from './repository.ts';
import { presentAudit } from './presenter.ts';

export { AuditTimeline } from './schemas.ts';

/**
 * The per-record timeline (newest first) as the caller may see it: events outside the caller's scope
 * (e.g. after the record moved to another unit) are left out. Serve it as `{items}` with the
 * AuditTimeline response schema, after loading the record itself in scope.
 */
export async function auditTimeline(db: Kysely<Database>, actor: Actor, entityType: string, entityId: number) {
  const rows = await entityEvents(db, actor.scope, entityType, entityId);
  return { items: rows.map(presentAudit) };
}
