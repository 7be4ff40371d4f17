/**
 * Before anything is timed, every read figure's answer from the honest limit must equal the served route's,
 * field for field (parsed JSON, deep equality): a limit that answers something else measures nothing. A
 * difference stops the run with the first path where the two disagree; test/bench-smoke.test.ts runs this at
 * the tiny scale in CI.
 */
import { isDeepStrictEqual } from 'node:util';
import type { BenchCtx } from './context.ts';
import type { ReadFigure } from './figures.ts';

/** The first path at which two JSON values differ, e.g. "items[3].measures[0].ownerName: 张三 ≠ null". */
export function firstDifference(a: unknown, b: unknown, at = '$'): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = firstDifference(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        Array.isArray(a) ? `${at}[${k}]` : `${at}.${k}`,
      );
      if (d) return d;
    }
  }
  const show = (v: unknown) => JSON.stringify(v)?.slice(0, 120) ?? 'undefined';
  return `${at}: ${show(a)} ≠ ${show(b)}`;
}

async function answer(base: string, path: string, cookie: string): Promise<unknown> {
  const res = await fetch(base + path, { headers: { cookie } });
  const text = await res.text();
  if (!res.ok) throw new Error(`${base}${path}：HTTP ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** Checks every figure; returns the note printed under the table, throws on the first difference. */
export async function checkSameAnswers(ctx: BenchCtx, figures: ReadFigure[]): Promise<string> {
  for (const f of figures) {
    const [served, limit] = await Promise.all([
      answer(ctx.server.base, f.path, ctx.cookie),
      answer(ctx.limit.base, f.path, ctx.cookie),
    ]);
    const difference = firstDifference(served, limit);
    if (difference) throw new Error(`极限路由与服务的回答不同（${f.label}）：服务 ≠ 极限 于 ${difference}`);
  }
  return `同答案核对：${figures.length} 项读取指标，极限路由的 JSON 与服务逐字段相同`;
}
