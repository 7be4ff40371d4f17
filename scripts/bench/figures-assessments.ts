/**
 * 考核's two figures (issue 13): the finalised ranking page — one page of the 党支部 group's frozen ranking,
 * served against the honest limit (limit/routes-assessments.ts), p95 ≤ 50 ms — and live scoring: every unit
 * of the city on twelve automatic indicators, once per request to the draft's scores page (the preview
 * computes them all before it can rank), ≤ 2 s. The scoring figure has no limit process: its time is the
 * figure queries' (one grouped scan per module), timed in-process too.
 */
import { today } from '../../src/server/clock.ts';
import { computeScores } from '../../src/server/modules/assessments/compute-scores.ts';
import { presentScores } from '../../src/server/modules/assessments/presenter.ts';
import { readScoresPage } from '../../src/server/modules/assessments/read-scores.ts';
import { findAssessment, indicatorsOf } from '../../src/server/modules/assessments/repository.ts';
import type { BenchCtx } from './context.ts';
import { nearLimit, type ReadFigure } from './figures.ts';
import { FINAL_ASSESSMENT, LIVE_ASSESSMENT } from './generate-assessments.ts';
import { loop, quantile } from './load.ts';
import { cpuSeconds } from './server-process.ts';
import { ms, verdict, type Row } from './table.ts';

const SCORING_LIMIT_MS = 2000;

async function assessmentId(ctx: BenchCtx, name: string): Promise<number> {
  return (await ctx.db.selectFrom('assessments').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

const pageOf = { group: 'branch', page: 3, pageSize: 50 };

/** The finalised ranking page as a read figure (server against the honest limit). */
export async function assessmentReadFigures(ctx: BenchCtx): Promise<ReadFigure[]> {
  const id = await assessmentId(ctx, FINAL_ASSESSMENT);
  return [
    {
      name: 'assessment-ranking',
      label: '考核排名页（已定稿，党支部组第 3 页，每页 50）',
      path: `/api/v1/assessments/${id}/scores?group=${pageOf.group}&page=${pageOf.page}&pageSize=${pageOf.pageSize}`,
      // One connection, as the other p95-bound pages (工作台, 人员查询): the page's own latency, not a queue.
      connections: 1,
      inProcess: async () => {
        const a = (await findAssessment(ctx.db, ctx.actor, id))!;
        const [{ results, total }, indicators] = await Promise.all([
          readScoresPage(ctx.db, ctx.actor, a, pageOf),
          indicatorsOf(ctx.db, id),
        ]);
        return { ...presentScores(ctx.actor, a, results, indicators), total };
      },
      target: nearLimit(0.7, 50),
    },
  ];
}

/**
 * Live scoring: requests one after another to the draft's scores page (each scores every unit on the twelve
 * indicators), bounded by --seconds and at least three; latency per request and the server's CPU per request.
 */
export async function runAssessmentScoring(ctx: BenchCtx): Promise<Row> {
  const id = await assessmentId(ctx, LIVE_ASSESSMENT);
  const url = `${ctx.server.base}/api/v1/assessments/${id}/scores?group=branch&page=1&pageSize=50`;
  const headers = { cookie: ctx.cookie };
  const call = async () => {
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    return res.status;
  };
  await call();
  const bounds = { seconds: ctx.bounds.seconds, maxRequests: ctx.bounds.maxRequests };
  const latencies: number[] = [];
  const cpu0 = cpuSeconds(ctx.server.pid);
  let failures = 0;
  const t0 = performance.now();
  while (latencies.length < 3 || (performance.now() - t0) / 1000 < bounds.seconds * ctx.rounds) {
    const t = performance.now();
    if ((await call()) !== 200) failures++;
    latencies.push(performance.now() - t);
    if (latencies.length >= bounds.maxRequests) break;
  }
  const cpuMs = ((cpuSeconds(ctx.server.pid) - cpu0) * 1000) / latencies.length;
  const a = (await findAssessment(ctx.db, ctx.actor, id))!;
  const units = (await computeScores(ctx.db, a, today())).length;
  const inProcess = await loop(1, { seconds: bounds.seconds, maxRequests: 3 }, async () => {
    await computeScores(ctx.db, a, today());
    return 200;
  });
  const p50 = quantile(latencies, 0.5);
  if (failures) ctx.notes.push(`考核实时计分：${failures} 次非 200 响应`);
  ctx.notes.push(
    `考核实时计分：每次请求为 ${units} 个单位按 12 项自动指标计分（6 个模块各一次分组查询，按单位路径向上汇总），服务 CPU ${cpuMs.toFixed(0)} ms/请求`,
  );
  return {
    label: `考核实时计分（${units} 个单位 × 12 项自动指标）`,
    connections: 1,
    count: latencies.length,
    p50: ms(p50),
    p95: ms(quantile(latencies, 0.95)),
    cpu: `${cpuMs.toFixed(0)} / —`,
    inProcess: ms(inProcess.p50),
    target: `p50 ≤ ${SCORING_LIMIT_MS} ms`,
    verdict: verdict(failures === 0 && p50 <= SCORING_LIMIT_MS),
  };
}
