/** Runs one read figure: the server under load, then the same SQL in-process, then the bare route. */
import type { BenchCtx } from './context.ts';
import type { ReadFigure } from './figures.ts';
import { drive, loop, type Timing } from './load.ts';
import { peakRssDuring } from './server-process.ts';
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

export async function runReadFigure(ctx: BenchCtx, figure: ReadFigure, bareBase: string): Promise<Row> {
  const url = ctx.server.base + figure.path;
  const headers = { cookie: ctx.cookie };
  await warmUp(url, headers);
  const { result: server, peakMb } = await peakRssDuring(ctx.server.pid, () =>
    drive(url, figure.connections, ctx.bounds, headers),
  );
  for (let i = 0; i < WARM_UP; i++) await figure.reference();
  const reference = await loop(1, ctx.bounds, async () => {
    await figure.reference();
    return 200;
  });
  const bareUrl = `${bareBase}/bare/${figure.name}`;
  await warmUp(bareUrl, {});
  const bare = await drive(bareUrl, figure.connections, ctx.bounds);
  const missing =
    server.failures > 0 && server.failures === server.count && Object.keys(server.failureCodes).join() === '404';
  if (server.failures)
    ctx.notes.push(
      `${figure.label}：${server.failures} 个非 2xx 响应（${codesOf(server)}）${missing ? '：接口尚未上线' : ''}`,
    );
  return {
    label: figure.label,
    connections: figure.connections,
    count: server.count,
    p50: ms(server.p50),
    p95: ms(server.p95),
    throughput: perSecond(server.perSecond),
    inProcess: ms(reference.p50),
    bare: perSecond(bare.perSecond),
    ratio: bare.perSecond ? (server.perSecond / bare.perSecond).toFixed(2) : '—',
    rssMb: Math.round(peakMb),
    target: figure.target?.text,
    verdict: figure.target ? (missing ? '接口未上线（404）' : verdict(figure.target.met(server, bare))) : undefined,
  };
}
