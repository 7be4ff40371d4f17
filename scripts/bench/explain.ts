/**
 * `node scripts/bench/explain.ts --scale small|city`: the query plans of the problem list (root and a branch:
 * the page and its count) and of the person search by initials, on the last run's copy of the city — the
 * SQL built by the same repository functions the routes use, each with its median time over 7 runs (`--sql` prints
 * the SQL too). PostgreSQL when DATABASE_URL=postgres://…
 */
import path from 'node:path';
import { CompiledQuery, type Compilable } from 'kysely';
import { loadActor } from '../../src/server/auth/actor.ts';
import { dialectOf, openDatabase } from '../../src/server/db/connection.ts';
import { judgeDates } from '../../src/server/modules/problems/presenter.ts';
import { problemListOrder, problemQuery, warningDaysOf } from '../../src/server/modules/problems/repository.ts';
import { peopleListRows, peopleQuery } from '../../src/server/modules/people/repository.ts';
import { BENCH_USER } from './generate.ts';
import { SCALES } from './scales.ts';

const i = process.argv.indexOf('--scale');
const scale = SCALES[i >= 0 ? process.argv[i + 1] : 'small'];
const verbose = process.argv.includes('--sql');
const pgUrl =
  process.env.DATABASE_URL && dialectOf(process.env.DATABASE_URL) === 'postgres' ? process.env.DATABASE_URL : null;
const url = pgUrl ? pgUrl.replace(/\/([^/?]+)(\?|$)/, '/$1_run$2') : path.resolve('.bench', `${scale.name}-run.sqlite`);
const db = openDatabase(url);
try {
  const user = await db.selectFrom('users').select('id').where('username', '=', BENCH_USER).executeTakeFirstOrThrow();
  const actor = (await loadActor(db, user.id))!;
  const campaignId = (await db.selectFrom('campaigns').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  const branch = await db
    .selectFrom('orgUnits')
    .select('path')
    .where('depth', '=', scale.fanout.length)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const dates = judgeDates(await warningDaysOf(db, campaignId));
  const list = (orgPath?: string) => problemQuery(db, actor, { campaignId, status: 'in_progress', orgPath }, dates);
  const queries: Array<[string, Compilable]> = [
    ['问题清单（全市）第 3 页', problemListOrder(list().select('problems.id'), 'dueDate').limit(50).offset(100)],
    ['问题清单（全市）总数', list().select((eb) => eb.fn.countAll().as('total'))],
    ['问题清单（支部）第 1 页', problemListOrder(list(branch.path).select('problems.id'), 'dueDate').limit(50)],
    ['问题清单（支部）总数', list(branch.path).select((eb) => eb.fn.countAll().as('total'))],
    ['人员查询 zw', peopleListRows(peopleQuery(db, actor.scope, { q: 'zw' })).limit(20)],
    ['人员查询 zw 总数', peopleQuery(db, actor.scope, { q: 'zw' }).select((eb) => eb.fn.countAll().as('total'))],
  ];
  for (const [label, query] of queries) {
    const compiled = query.compile();
    const prefix = pgUrl ? 'explain (analyze, costs off, timing off) ' : 'explain query plan ';
    const plan = await db.executeQuery(CompiledQuery.raw(prefix + compiled.sql, [...compiled.parameters]));
    const times: number[] = [];
    for (let n = 0; n < 7; n++) {
      const t0 = performance.now();
      await db.executeQuery(compiled);
      times.push(performance.now() - t0);
    }
    const median = times.sort((a, b) => a - b)[3];
    console.log(
      `\n## ${label}（中位 ${median.toFixed(1)} ms）\n${verbose ? `${compiled.sql}\n` : ''}${plan.rows
        .map((r) =>
          Object.values(r as object)
            .filter((v) => typeof v === 'string')
            .join(' '),
        )
        .join('\n')}`,
    );
  }
} finally {
  await db.destroy();
}
