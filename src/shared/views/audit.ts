/** What the 审计 routes answer, as TypeBox: the server serialises with these, the web takes their Static types. */
import { Type, type Static } from 'typebox';

/** A recorded snapshot: any JSON the command recorded (an object, or null when there was none). */
const Snapshot = Type.Unsafe<Record<string, unknown> | null>(Type.Unknown());

/** One entry of the audit trail. */
export const AuditEvent = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorUserId: Type.Union([Type.Integer(), Type.Null()]),
  actorName: Type.String(),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.Integer(),
  entityLabel: Type.String(),
  before: Snapshot,
  after: Snapshot,
});

/** One record's history, newest first. */
export const AuditTimeline = Type.Object({ items: Type.Array(AuditEvent) });

export type AuditEventT = Static<typeof AuditEvent>;
export type AuditTimelineT = Static<typeof AuditTimeline>;
