/**
 * Problem transitions per second through POST /api/v1/problems/{id}/transitions. The pool is the in-progress
 * problems whose measures are all done and whose evidence is on file; each is cycled 申请销号 (submit) →
 * 退回 (reject) → submit …, carrying the version every response returns, so every request is a valid
 * transition that writes its audit record in the same transaction. The reference runs the same command
 * in-process (no HTTP, no session lookup, no detail view).
 */
import {
  transitionProblem,
  type TransitionInput,
} from '../../src/server/modules/problems/commands/transition-problem.ts';
import type { BenchCtx } from './context.ts';
import type autocannon from 'autocannon';
import { drive, loop } from './load.ts';
import { codesOf } from './run-read.ts';
import { cpuSeconds, peakRssDuring } from './server-process.ts';
import { ms, perSecond, verdict, type Row } from './table.ts';

const CONNECTIONS = 10;
const TARGET_PER_SECOND = 500;

interface Cycled {
  id: number;
  version: number;
  status: string;
}

const nextInput = (p: Cycled): TransitionInput =>
  p.status === 'in_progress'
    ? { action: 'submit', version: p.version, effect: '整改措施全部完成，群众满意度明显提升' }
    : { action: 'reject', version: p.version, reason: '佐证材料不够充分，请补充后再申请销号' };

async function pool(ctx: BenchCtx): Promise<Cycled[]> {
  const rows = await ctx.db
    .selectFrom('problems')
    .select(['problems.id', 'problems.version', 'problems.status'])
    .where('problems.campaignId', '=', ctx.campaignId)
    .where('problems.status', '=', 'in_progress')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('problemEvidence')
          .select('problemEvidence.id')
          .whereRef('problemEvidence.problemId', '=', 'problems.id'),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('problemMeasures')
            .select('problemMeasures.id')
            .whereRef('problemMeasures.problemId', '=', 'problems.id')
            .where('problemMeasures.status', '=', 'open'),
        ),
      ),
    )
    .orderBy('problems.id')
    .execute();
  return rows.map((r) => ({ id: r.id, version: r.version, status: r.status }));
}

const auditCount = async (ctx: BenchCtx) =>
  Number(
    (
      await ctx.db
        .selectFrom('auditEvents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('entityType', '=', 'problem')
        .executeTakeFirstOrThrow()
    ).n,
  );

const versionSum = async (ctx: BenchCtx, problems: Cycled[]) => {
  let sum = 0;
  for (let i = 0; i < problems.length; i += 500) {
    const ids = problems.slice(i, i + 500).map((p) => p.id);
    sum += Number(
      (
        await ctx.db
          .selectFrom('problems')
          .select((eb) => eb.fn.sum<number>('version').as('v'))
          .where('id', 'in', ids)
          .executeTakeFirstOrThrow()
      ).v,
    );
  }
  return sum;
};

export async function runTransitions(ctx: BenchCtx): Promise<Row> {
  const problems = await pool(ctx);
  const workers = Math.min(CONNECTIONS, problems.length);
  if (!workers) throw new Error('合成城市中没有可流转的问题（整改中、措施全部完成且有佐证）');
  const owned = Array.from({ length: workers }, (_, w) => problems.filter((_, i) => i % workers === w));
  const before = await auditCount(ctx);
  const versionsBefore = await versionSum(ctx, problems);
  let firstError = '';
  // autocannon drives the server (its HTTP client is far cheaper than fetch, which could not keep the server
  // busy). A request takes the next problem of the pool that has no request in flight; the response, found by
  // the id it carries, brings the new version and status back and frees the problem.
  const byId = new Map(problems.map((p) => [p.id, p]));
  const inFlight = new Set<number>();
  let cursor = 0;
  const requests = [
    {
      method: 'POST',
      setupRequest: (req: autocannon.Request) => {
        if (inFlight.size >= problems.length) throw new Error('可流转的问题都在处理中（失败的请求占住了问题）');
        let p = problems[cursor++ % problems.length];
        while (inFlight.has(p.id)) p = problems[cursor++ % problems.length];
        inFlight.add(p.id);
        return { ...req, path: `/api/v1/problems/${p.id}/transitions`, body: JSON.stringify(nextInput(p)) };
      },
      onResponse: (status: number, body: string) => {
        const row = JSON.parse(body) as { id?: number; version: number; status: string };
        if (status >= 200 && status < 300 && row.id) {
          Object.assign(byId.get(row.id)!, { version: row.version, status: row.status });
          inFlight.delete(row.id);
        } else firstError ||= `${status} ${body.slice(0, 300)}`;
      },
    },
  ] as unknown as autocannon.Request[];
  const cpu0 = cpuSeconds(ctx.server.pid);
  const { result: server, peakMb } = await peakRssDuring(ctx.server.pid, () =>
    drive(
      `${ctx.server.base}/api/v1/problems`,
      workers,
      ctx.bounds,
      { cookie: ctx.cookie, 'content-type': 'application/json' },
      requests,
    ),
  );
  const cpuMs = ((cpuSeconds(ctx.server.pid) - cpu0) * 1000) / Math.max(1, server.count);
  // Every transition bumps its problem's version once: counted in the database, so requests still in flight
  // when the load generator stopped count too — once they have finished (on a busy machine a transition can
  // take seconds), i.e. once two readings half a second apart agree.
  const reading = async () => [(await auditCount(ctx)) - before, (await versionSum(ctx, problems)) - versionsBefore];
  let [written, succeeded] = await reading();
  for (let settled = false, tries = 0; !settled && tries < 20; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [w, v] = await reading();
    settled = w === written && v === succeeded;
    [written, succeeded] = [w, v];
  }
  ctx.notes.push(
    `状态流转：成功 ${succeeded} 次，审计记录增加 ${written} 条${written === succeeded ? '（一一对应）' : '（不一致！）'}`,
  );
  if (server.failures)
    ctx.notes.push(`状态流转：${server.failures} 个失败响应（${codesOf(server)}），首个：${firstError}`);

  const command = { db: ctx.db, actor: ctx.actor };
  const reference = await loop(workers, ctx.bounds, async (w, n) => {
    const p = owned[w][n % owned[w].length];
    const { problem: row } = await transitionProblem(command, p.id, nextInput(p));
    Object.assign(p, { version: row.version, status: row.status });
    return 200;
  });
  return {
    label: '问题状态流转（申请销号/退回，含审计）',
    connections: workers,
    count: server.count,
    p50: ms(server.p50),
    p95: ms(server.p95),
    throughput: perSecond(server.perSecond),
    cpu: `${cpuMs.toFixed(2)} / —`,
    inProcess: `${ms(reference.p50)}（${perSecond(reference.perSecond)}）`,
    rssMb: Math.round(peakMb),
    target: `≥ ${TARGET_PER_SECOND}/s`,
    verdict: verdict(server.failures === 0 && written === succeeded && server.perSecond >= TARGET_PER_SECOND),
  };
}
