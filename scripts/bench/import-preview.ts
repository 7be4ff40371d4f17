/**
 * The 整改台账 import through the preview (issue 15), as the wizard drives it: upload (answered at once),
 * poll until the background read and check are done, confirm, poll until written. Two rows: the preview
 * (upload → ready) and the confirm (confirm → done), each timed end to end with the server's peak RSS.
 */
import type { BenchCtx } from './context.ts';
import { importWorkbook } from './import-file.ts';
import { timed } from './load.ts';
import { peakRssDuring } from './server-process.ts';
import { perSecond, seconds, verdict, type Row } from './table.ts';

const RSS_LIMIT_MB = 400;
const LIMIT_S = 15;
const WORKING = new Set(['reading', 'checking', 'writing']);

interface Preview {
  id: number;
  status: string;
  recordCount: number;
  errorCount: number;
  message: string | null;
  result: { created: number } | null;
}

/** Polls the preview until it leaves the working statuses (every 100 ms, as a wizard would, a bit faster). */
async function untilSettled(ctx: BenchCtx, id: number): Promise<Preview> {
  for (;;) {
    const res = await fetch(`${ctx.server.base}/api/v1/imports/previews/${id}?limit=1`, {
      headers: { cookie: ctx.cookie },
    });
    const preview = (await res.json()) as Preview;
    if (!WORKING.has(preview.status)) return preview;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function runImportPreview(ctx: BenchCtx): Promise<Row[]> {
  const rows = ctx.scale.importRows;
  const file = await importWorkbook(ctx, rows);
  const preview = await peakRssDuring(ctx.server.pid, () =>
    timed(async () => {
      const form = new FormData();
      form.append('campaignId', String(ctx.campaignId));
      form.append('file', new Blob([new Uint8Array(file)]), '整改台账.xlsx');
      const res = await fetch(`${ctx.server.base}/api/v1/imports/rectification/previews`, {
        method: 'POST',
        headers: { cookie: ctx.cookie },
        body: form,
      });
      const started = (await res.json()) as Preview;
      return res.status === 202 ? untilSettled(ctx, started.id) : started;
    }),
  );
  const ready = preview.result.result;
  const confirm = await peakRssDuring(ctx.server.pid, () =>
    timed(async () => {
      const res = await fetch(`${ctx.server.base}/api/v1/imports/previews/${ready.id}/confirm`, {
        method: 'POST',
        headers: { cookie: ctx.cookie, 'idempotency-key': `bench-${ready.id}` },
      });
      return res.status === 202 ? untilSettled(ctx, ready.id) : ((await res.json()) as Preview);
    }),
  );
  const done = confirm.result.result;
  ctx.notes.push(
    `整改台账导入预览：${rows} 行，${ready.recordCount} 个问题，状态 ${ready.status}${ready.message ? `（${ready.message}）` : ''}，错误 ${ready.errorCount}；确认后 ${done.status}，新增 ${done.result?.created ?? 0} 个问题`,
  );
  const row = (label: string, run: typeof preview, ok: boolean): Row => ({
    label: `${label}（${rows} 行）`,
    connections: 1,
    count: 1,
    p50: seconds(run.result.seconds),
    throughput: `${perSecond(rows / run.result.seconds)} 行`,
    rssMb: Math.round(run.peakMb),
    target: `≤ ${LIMIT_S} s，RSS < ${RSS_LIMIT_MB} MB`,
    verdict: verdict(ok && run.result.seconds <= LIMIT_S && run.peakMb < RSS_LIMIT_MB),
  });
  return [
    row('整改台账导入预览', preview, ready.status === 'ready'),
    row('整改台账预览确认', confirm, done.status === 'done' && done.result?.created === ready.recordCount),
  ];
}
