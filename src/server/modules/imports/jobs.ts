/**
 * Background work of the previews, in this process: started after the request is answered, each a chain of
 * awaits that yields to the event loop between slices (pipeline.ts yieldToLoop), so other requests go on
 * while a 50,000-row file is checked. The checked records of the latest previews stay in memory for the
 * records table; on a miss (evicted, or after a restart) they are read again from the stored file.
 */
import type { LedgerRecord } from '../../io/ledger/types.ts';
import type { ImportCellError } from './definition.ts';
import { errorsByRow } from './presenter.ts';
import { releaseAfterBurst } from '../../lib/memory-release.ts';

/** How often the progress of a preview is written (the wizard polls about once a second). */
export const PROGRESS_MS = 300;

const running = new Set<Promise<void>>();

/** Runs `work` after the current request; `work` handles its own failures (it marks the preview failed). */
export function inBackground(work: () => Promise<void>): void {
  const job: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
    .then(work)
    .catch(() => undefined)
    .finally(() => {
      running.delete(job);
      releaseAfterBurst(); // reading and checking a big file grew the heap
    });
  running.add(job);
}

/** Resolves when no background work is left (app close, tests). */
export async function backgroundSettled(): Promise<void> {
  while (running.size) await Promise.allSettled([...running]);
}

export interface CheckedRecords {
  records: LedgerRecord[];
  errors: Map<string, ImportCellError[]>;
}

/** Previews whose records are kept: a 50,000-row preview's records are tens of MB. */
const KEPT = 2;
const kept = new Map<number, CheckedRecords>();

export function keepRecords(id: number, records: LedgerRecord[], errors: ImportCellError[]): void {
  kept.delete(id);
  kept.set(id, { records, errors: errorsByRow(errors) });
  while (kept.size > KEPT) kept.delete(kept.keys().next().value!);
}

export const keptRecords = (id: number) => kept.get(id);
export const forgetRecords = (id: number) => kept.delete(id);

/**
 * Progress written at most every `ms`: `push` is called as often as the work likes, `settled` waits for the
 * last write (so a final status update is never overtaken by a late progress write).
 */
export function progressWriter(ms: number, write: (value: number) => Promise<unknown>) {
  let last = 0;
  let pending: Promise<unknown> = Promise.resolve();
  return {
    push(value: number) {
      const now = Date.now();
      if (now - last < ms) return;
      last = now;
      pending = pending.then(() => write(value)).catch(() => undefined);
    },
    settled: () => pending,
  };
}
