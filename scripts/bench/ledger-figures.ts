/**
 * The 整改台账 round trip at scale: the export of the whole city (one row per measure) and the import of a
 * generated ledger through the real multipart route. Each is one timed request, end to end, with the server's
 * peak RSS meanwhile.
 */
import { judgeDates } from '../../src/server/modules/problems/presenter.ts';
import { warningDaysOf } from '../../src/server/modules/problems/repository.ts';
import { ledgerBatches } from '../../src/server/modules/problems/ledgers.ts';
import type { BenchCtx } from './context.ts';
import { timed } from './load.ts';
import { importWorkbook } from './import-file.ts';
import { peakRssDuring } from './server-process.ts';
import { perSecond, seconds, verdict, type Row } from './table.ts';

const RSS_LIMIT_MB = 400;
const EXPORT_LIMIT_S = 10;
const IMPORT_LIMIT_S = 15;

const count = async (ctx: BenchCtx, table: 'problems' | 'problemMeasures') =>
  Number(
    (
      await ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

export async function runExport(ctx: BenchCtx): Promise<Row> {
  const url = `${ctx.server.base}/api/v1/exports/rectification.xlsx?campaignId=${ctx.campaignId}`;
  const { result, peakMb } = await peakRssDuring(ctx.server.pid, () =>
    timed(async () => {
      const res = await fetch(url, { headers: { cookie: ctx.cookie } });
      return { status: res.status, bytes: (await res.arrayBuffer()).byteLength };
    }),
  );
  const dates = judgeDates(await warningDaysOf(ctx.db, ctx.campaignId));
  const reference = await timed(async () => {
    let rows = 0;
    let problems = 0;
    for await (const batch of ledgerBatches(ctx.db, ctx.actor, { campaignId: ctx.campaignId }, dates)) {
      rows += batch.length;
      problems = batch[batch.length - 1].no;
    }
    return { rows, problems };
  });
  const { rows, problems } = reference.result;
  const ok = result.result.status === 200;
  ctx.notes.push(
    `整改台账导出：${problems} 个问题、${rows} 行，文件 ${(result.result.bytes / 1024 / 1024).toFixed(1)} MB，HTTP ${result.result.status}`,
  );
  return {
    label: `整改台账导出（${problems} 个问题，${rows} 行）`,
    connections: 1,
    count: 1,
    p50: seconds(result.seconds),
    throughput: `${perSecond(rows / result.seconds)} 行`,
    inProcess: `${seconds(reference.seconds)}（仅查询）`,
    rssMb: Math.round(peakMb),
    target: `≤ ${EXPORT_LIMIT_S} s，RSS < ${RSS_LIMIT_MB} MB`,
    verdict: verdict(ok && result.seconds <= EXPORT_LIMIT_S && peakMb < RSS_LIMIT_MB),
  };
}

export async function runImport(ctx: BenchCtx): Promise<Row> {
  const rows = ctx.scale.importRows;
  const file = await importWorkbook(ctx, rows);
  const before = { problems: await count(ctx, 'problems'), measures: await count(ctx, 'problemMeasures') };
  const { result, peakMb } = await peakRssDuring(ctx.server.pid, () =>
    timed(async () => {
      const form = new FormData();
      form.append('campaignId', String(ctx.campaignId));
      form.append('file', new Blob([new Uint8Array(file)]), '整改台账.xlsx');
      const res = await fetch(`${ctx.server.base}/api/v1/imports/rectification`, {
        method: 'POST',
        headers: { cookie: ctx.cookie },
        body: form,
      });
      return { status: res.status, body: await res.text() };
    }),
  );
  const added = {
    problems: (await count(ctx, 'problems')) - before.problems,
    measures: (await count(ctx, 'problemMeasures')) - before.measures,
  };
  const ok = result.result.status === 200 && added.measures === rows;
  ctx.notes.push(
    `整改台账导入：${rows} 行（${(file.length / 1024 / 1024).toFixed(1)} MB），HTTP ${result.result.status} ${result.result.body.slice(0, 200)}；新增 ${added.problems} 个问题、${added.measures} 条措施`,
  );
  return {
    label: `整改台账导入（${rows} 行）`,
    connections: 1,
    count: 1,
    p50: seconds(result.seconds),
    throughput: `${perSecond(rows / result.seconds)} 行`,
    rssMb: Math.round(peakMb),
    target: `≤ ${IMPORT_LIMIT_S} s，RSS < ${RSS_LIMIT_MB} MB`,
    verdict: verdict(ok && result.seconds <= IMPORT_LIMIT_S && peakMb < RSS_LIMIT_MB),
  };
}
