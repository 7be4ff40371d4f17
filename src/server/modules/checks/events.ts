/**
 * What other modules (notifications) can hear from 督促指导: listeners run inside the writer's transaction,
 * so a notification row written by one commits or rolls back with the check itself.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface FindingsRecorded {
  checkId: number;
  campaignId: number;
  /** The checked unit: whose people should hear of the findings. */
  orgId: number;
  orgPath: string;
  date: string;
  method: string;
  findings: Array<{ findingId: number; problemId: number; text: string }>;
  /** Where the web app shows the check. */
  link: string;
}

type Listener = (trx: Kysely<Database>, event: FindingsRecorded) => Promise<void>;
const listeners = new Set<Listener>();

/** Registers a listener for recorded checks with findings; returns a function that removes it. */
export function onFindingsRecorded(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function emitFindingsRecorded(trx: Kysely<Database>, event: FindingsRecorded): Promise<void> {
  for (const l of listeners) await l(trx, event);
}
