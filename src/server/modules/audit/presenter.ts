import type { AuditRow } from './repository.ts';

function parse(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** One audit event with its snapshots parsed back to JSON. */
export function presentAudit(e: AuditRow) {
  return {
    id: e.id,
    at: e.at,
    actorName: e.actorName,
    actorUserId: e.actorUserId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    entityLabel: e.entityLabel,
    before: parse(e.before),
    after: parse(e.after),
  };
}
