/**
 * What other modules (notifications) can hear from 简报: listeners run inside the issuing transaction, so
 * whatever they write commits or rolls back with the bulletin.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface BulletinPublished {
  bulletinId: number;
  campaignId: number;
  /** "第3期" / "增刊第1期". */
  numberLabel: string;
  title: string;
  /** The issuing unit: the bulletin is published to it and every unit under it. */
  orgId: number;
  orgPath: string;
  /** 上报: the upper unit that also receives it, if any. */
  reportOrgId: number | null;
  /** Where the web app shows it; the Word file is at `/api/v1/bulletins/{id}.docx`. */
  link: string;
}

type Listener = (trx: Kysely<Database>, event: BulletinPublished) => Promise<void>;
const listeners = new Set<Listener>();

/** Registers a listener for issued bulletins; returns a function that removes it. */
export function onBulletinPublished(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function emitBulletinPublished(trx: Kysely<Database>, event: BulletinPublished): Promise<void> {
  for (const l of listeners) await l(trx, event);
}
