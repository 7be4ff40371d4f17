import type { Generated } from 'kysely';

export interface AuditEventTable {
  id: Generated<number>;
  at: string;
  actorUserId: number | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: number;
  entityLabel: Generated<string>;
  orgPath: string | null;
  /** JSON snapshots. */
  before: string | null;
  after: string | null;
}

export interface AuditTables {
  auditEvents: AuditEventTable;
}
