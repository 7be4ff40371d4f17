import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { nowIso } from '../../clock.ts';
import { insertMany } from '../../db/insert-many.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: number;
  entityLabel?: string;
  /** Path of the unit the record belongs to, so the audit trail is scoped like the record. */
  orgPath: string | null;
  before?: unknown;
  after?: unknown;
}

function snapshot(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value);
}

function auditRow(actor: Actor | null, entry: AuditEntry, at: string) {
  return {
    at,
    actorUserId: actor?.userId ?? null,
    actorName: actor ? actor.displayName : '系统',
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    entityLabel: entry.entityLabel ?? '',
    orgPath: entry.orgPath,
    before: snapshot(entry.before),
    after: snapshot(entry.after),
  };
}

/** Records who did what, before and after. Call it inside the same transaction as the change. */
export async function recordAudit(db: Kysely<Database>, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('auditEvents')
    .values(auditRow(actor, entry, nowIso()))
    .execute();
}

/** One record per entry, written with multi-row inserts (imports write thousands at once). */
export async function recordAudits(db: Kysely<Database>, actor: Actor | null, entries: AuditEntry[]): Promise<void> {
  const at = nowIso();
  await insertMany(
    db,
    'auditEvents',
    entries.map((entry) => auditRow(actor, entry, at)),
    { returnIds: false },
  );
}

/** Only the fields that differ, for compact before/after snapshots of an update. */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    if (after[key] !== undefined && JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
