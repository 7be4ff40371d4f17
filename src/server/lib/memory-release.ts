/**
 * Gives memory back after a burst of work (an export, an import, the start-up rebuild of the figures).
 *
 * V8 shrinks its heap only through its memory reducer, and that waits for the allocation rate to drop — a
 * rate it samples at garbage collections. An idle Node server collects nothing, so the reducer keeps the last
 * rate it saw (the burst's, "high") and keeps waiting: the young generation and old-space pages a 300,000-row
 * export grew stayed resident for the life of the process (measured: ~500 MB idle 30 s after the city bench's
 * export and import, of which ~60 MB was live). So once the burst is over we collect ourselves, the way V8
 * does when memory runs short ("last resort": a memory-reducing full collection that also shrinks the young
 * generation and releases emptied pages at once) — an ordinary full collection frees the objects but leaves
 * the pages to the reducer, ~10 s later, by when the next burst has often begun.
 *
 * `gc` is V8's own collection function, obtained once by enabling --expose-gc for a fresh context (the flag
 * affects only contexts created after it is set, so nothing else in the process sees a `gc` global).
 */
import v8 from 'node:v8';
import vm from 'node:vm';

/** A burst shorter than this leaves little behind; collecting after every short request would cost more than it frees. */
export const BURST_MS = 1000;
/** Collections at most this often, however many bursts end (a full collection of a big heap is tens of ms). */
const MIN_INTERVAL_MS = 10_000;
/** Delay after the burst, so the reply's socket buffers and the request's objects are garbage by then. */
const SETTLE_MS = 500;

type Collect = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

let collect: Collect | null | undefined;
let scheduled: NodeJS.Timeout | null = null;
let lastRun = 0;

function collector(): Collect | null {
  if (collect !== undefined) return collect;
  try {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as Collect;
  } catch {
    collect = null; // a runtime without it: memory then stays as V8 leaves it
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
  return collect;
}

const collectNow = () => {
  lastRun = Date.now();
  collector()?.({ type: 'major', execution: 'sync', flavor: 'last-resort' });
};

/** Collects at once (start-up, after rebuilding the figures and before the first request). */
export const releaseNow = (): void => collectNow();

/** Asks for one full collection shortly after a burst of work ends (coalesced, rate-limited, never keeps the process alive). */
export function releaseAfterBurst(): void {
  if (scheduled) return;
  const wait = Math.max(SETTLE_MS, lastRun + MIN_INTERVAL_MS - Date.now());
  scheduled = setTimeout(() => {
    scheduled = null;
    collectNow();
  }, wait);
  scheduled.unref();
}
