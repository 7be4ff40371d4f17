/** An audit event with its snapshots parsed back to JSON. */
export function presentAuditEvent(e: {
  id: number;
  at: string;
  actorUserId: number | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: number;
  entityLabel: string;
  before: string | null;
  after: string | null;
}) {
  return { ...e, before: e.before ? JSON.parse(e.before) : null, after: e.after ? JSON.parse(e.after) : null };
}
