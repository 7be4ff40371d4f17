/** Load and timing helpers: autocannon against a URL, or a loop of calls, both bounded in time and in count. */
import autocannon from 'autocannon';

export interface Bounds {
  seconds: number;
  maxRequests: number;
}

export interface Timing {
  count: number;
  /** Responses outside 2xx (or calls that threw). */
  failures: number;
  /** Status codes of the failures, e.g. {404: 120}. */
  failureCodes: Record<string, number>;
  p50: number;
  p95: number;
  /** Successful requests per second of wall time. */
  perSecond: number;
  wallSeconds: number;
}

/** The q-quantile (0–1) of a list of milliseconds, nearest rank. */
export function quantile(values: number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

function timingOf(latencies: number[], ok: number, failureCodes: Record<string, number>, wallSeconds: number): Timing {
  const failures = Object.values(failureCodes).reduce((s, n) => s + n, 0);
  return {
    count: ok + failures,
    failures,
    failureCodes,
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    perSecond: ok / wallSeconds,
    wallSeconds,
  };
}

/**
 * Drives `url` with autocannon; latencies are every response's own time (autocannon reports no p95 itself).
 * `requests` lets each connection build its requests and read its responses (stateful load, e.g. versions).
 */
export async function drive(
  url: string,
  connections: number,
  bounds: Bounds,
  headers: Record<string, string> = {},
  requests?: autocannon.Request[],
  onLatency?: (ms: number) => void,
): Promise<Timing> {
  const latencies: number[] = [];
  const failureCodes: Record<string, number> = {};
  let ok = 0;
  const t0 = performance.now();
  // Without a callback autocannon returns its event emitter, made thenable; the typings only know the promise.
  const instance = autocannon({
    url,
    connections,
    duration: bounds.seconds,
    maxOverallRequests: Math.max(bounds.maxRequests, connections),
    headers,
    ...(requests ? { requests } : {}),
  }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    onLatency?.(ms);
    if (status >= 200 && status < 300) ok++;
    else failureCodes[status] = (failureCodes[status] ?? 0) + 1;
  });
  instance.on('reqError', () => {
    failureCodes.error = (failureCodes.error ?? 0) + 1;
  });
  await instance;
  return timingOf(latencies, ok, failureCodes, (performance.now() - t0) / 1000);
}

/**
 * Runs `call` from `workers` concurrent loops until the time or the count runs out. Each worker gets its index
 * and how many calls it has made; a call returns the HTTP status it saw (or throws, counted as a failure).
 */
export async function loop(
  workers: number,
  bounds: Bounds,
  call: (worker: number, n: number) => Promise<number>,
): Promise<Timing> {
  const latencies: number[] = [];
  const failureCodes: Record<string, number> = {};
  let ok = 0;
  let started = 0;
  const t0 = performance.now();
  const end = t0 + bounds.seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let n = 0; performance.now() < end && started < bounds.maxRequests; n++) {
        started++;
        const s = performance.now();
        let status: number | string;
        try {
          status = await call(w, n);
        } catch (error) {
          status = (error as { statusCode?: number }).statusCode ?? 'error';
        }
        latencies.push(performance.now() - s);
        if (typeof status === 'number' && status >= 200 && status < 300) ok++;
        else failureCodes[status] = (failureCodes[status] ?? 0) + 1;
      }
    }),
  );
  return timingOf(latencies, ok, failureCodes, (performance.now() - t0) / 1000);
}

/** Times one piece of work and returns its result with the seconds it took. */
export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const t0 = performance.now();
  const result = await work();
  return { result, seconds: (performance.now() - t0) / 1000 };
}
