/**
 * Runs one read figure: rounds that alternate the server under test and the honest limit (each its own
 * process, driven alike), then the route's own SQL in-process and, where the route reads maintained figures,
 * the same answer counted live. Throughputs are medians of the rounds with their spread; CPU per request is
 * each process's own CPU time (/proc/<pid>/stat) over the requests it answered.
 */
import type { BenchCtx } from './context.ts';
import type { ReadFigure } from './figures.ts';
import { drive, loop, quantile, type Timing } from './load.ts';
import { cpuSeconds, peakRssDuring, type ServerProcess } from './server-process.ts';
import { ms, perSecond, verdict, type Row } from './table.ts';

const WARM_UP = 5;

/** A few requests first, so the first measured ones do not pay for JIT compilation and cold caches. */
async function warmUp(url: string, headers: Record<string, string>) {
  for (let i = 0; i < WARM_UP; i++) await fetch(url, { headers }).then((r) => r.arrayBuffer());
}

export const codesOf = (t: Timing) =>
  Object.entries(t.failureCodes)
    .map(([code, n]) => `${code}×${n}`)
    .join('、');

export interface Phase {
  timing: Timing;
  /** Milliseconds of the process's CPU per answered request. */
  cpuMs: number;
  latencies: number[];
}

/** Drives one process at `path` and measures its CPU meanwhile. */
export async function phase(ctx: BenchCtx, process: ServerProcess, path: string, connections: number): Promise<Phase> {
  const latencies: number[] = [];
  const cpu0 = cpuSeconds(process.pid);
  const timing = await drive(process.base + path, connections, ctx.bounds, { cookie: ctx.cookie }, undefined, (l) =>
    latencies.push(l),
  );
  const cpuMs = ((cpuSeconds(process.pid) - cpu0) * 1000) / Math.max(1, timing.count);
  return { timing, cpuMs, latencies };
}

/** Median and spread of a figure over rounds, e.g. "312/s（298–330）". */
export function spread(values: number[], format: (v: number) => string): string {
  if (values.length < 2) return format(values[0]);
  return `${format(quantile(values, 0.5))}（${format(Math.min(...values))}–${format(Math.max(...values))}）`;
}

const median = (values: number[]) => quantile(values, 0.5);
const cpu = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(1));

async function p50Of(ctx: BenchCtx, work: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARM_UP; i++) await work();
  const t = await loop(1, ctx.bounds, async () => {
    await work();
    return 200;
  });
  return t.p50;
}

export async function runReadFigure(ctx: BenchCtx, figure: ReadFigure): Promise<Row> {
  const headers = { cookie: ctx.cookie };
  await warmUp(ctx.server.base + figure.path, headers);
  await warmUp(ctx.limit.base + figure.path, headers);
  const served: Phase[] = [];
  const limit: Phase[] = [];
  let peak = 0;
  for (let round = 0; round < ctx.rounds; round++) {
    const { result, peakMb } = await peakRssDuring(ctx.server.pid, () =>
      phase(ctx, ctx.server, figure.path, figure.connections),
    );
    served.push(result);
    peak = Math.max(peak, peakMb);
    limit.push(await phase(ctx, ctx.limit, figure.path, figure.connections));
  }
  const all = served.flatMap((p) => p.latencies);
  const failures = served.reduce((s, p) => s + p.timing.failures, 0);
  for (const [who, phases] of [
    ['服务', served],
    ['极限', limit],
  ] as const) {
    const bad = phases.filter((p) => p.timing.failures);
    if (bad.length)
      ctx.notes.push(`${figure.label}（${who}）：非 2xx 响应 ${bad.map((p) => codesOf(p.timing)).join('、')}`);
  }
  const rate = (phases: Phase[]) => phases.map((p) => p.timing.perSecond);
  const cpus = (phases: Phase[]) => phases.map((p) => p.cpuMs);
  const ratios = {
    throughput: median(rate(served)) / median(rate(limit)),
    cpu: median(cpus(limit)) / median(cpus(served)),
  };
  const inProcess = await p50Of(ctx, figure.inProcess);
  const live = figure.live ? await p50Of(ctx, figure.live) : undefined;
  const timing = { ...served[0].timing, failures, p95: quantile(all, 0.95) };
  return {
    label: figure.label,
    connections: figure.connections,
    count: served.reduce((s, p) => s + p.timing.count, 0),
    p50: ms(quantile(all, 0.5)),
    p95: ms(timing.p95),
    throughput: spread(rate(served), perSecond),
    limit: spread(rate(limit), perSecond),
    ratio: `${ratios.throughput.toFixed(2)}（CPU ${ratios.cpu.toFixed(2)}）`,
    cpu: `${cpu(median(cpus(served)))} / ${cpu(median(cpus(limit)))}`,
    inProcess: ms(inProcess),
    live: live === undefined ? undefined : ms(live),
    rssMb: Math.round(peak),
    target: figure.target.text,
    verdict: verdict(figure.target.met(timing, ratios)),
  };
}
