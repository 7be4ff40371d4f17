/**
 * The maintained 三率 against a direct count: random histories driven through the API (every step a real
 * command, so every writer keeps its tally), then spread over months by moving their instants (as an import
 * of an office's old ledger does), and compared with the same counts over the demands themselves for random
 * periods and units — on both databases. The rebuild gives the very rows the writers maintained.
 */
import { expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { loadActor } from '../../auth/actor.ts';
import { readSheet } from '../../io/xlsx-sheet.ts';
import { rebuildTally } from '../../db/subtree-tally.ts';
import { addDays, nowIso, today as todayInZone } from '../../clock.ts';
import { liveCounts } from './figures.ts';
import { afterDemandWrite, demandTally, talliedCounts } from './tally.ts';
import { demandListTally } from './list-plan.ts';
import { demandQuery } from './repository.ts';
import { countOverdueDemands } from './warnings.ts';
import { fetchPage } from '../../db/page.ts';

const CATEGORIES = ['sanitation', 'street_light', 'noise', 'fire_lane'];
const SATISFACTION = ['satisfied', 'basically', 'unsatisfied'] as const;

async function act(h: Harness, who: string, id: number, body: Record<string, unknown>) {
  const current = (await h.call('office', 'GET', `/api/v1/demands/${id}`)).json();
  return h.call(who, 'POST', `/api/v1/demands/${id}/transitions`, { version: current.version, ...body });
}

describeEachDb('demands: maintained 三率 equal a direct count', (h) => {
  let campaignId = 0;
  const ids: number[] = [];

  it('random histories through the API, spread over months', async () => {
    campaignId = await fixtureCampaign(h().db, h().fx.units.root.id);
    const { units } = h().fx;
    const handler = (orgId: number) => (orgId === units.branchA.id ? 'officer' : 'outsider');
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          category: fc.constantFrom(...CATEGORIES),
          intake: fc.constantFrom(units.root.id, units.branchA.id, units.committee.id),
          withCampaign: fc.boolean(),
          to: fc.constantFrom(units.branchA.id, units.branchC.id),
          steps: fc.integer({ min: 0, max: 7 }),
          satisfaction: fc.constantFrom(...SATISFACTION),
          contacted: fc.boolean(),
          solved: fc.boolean(),
          returned: fc.boolean(),
          reopen: fc.boolean(),
        }),
        async (p) => {
          const res = await h().call('office', 'POST', '/api/v1/demands', {
            channel: 'hotline',
            kind: 'complaint',
            category: p.category,
            description: '随机历史',
            address: `测试路 ${ids.length} 号`,
            orgId: p.intake,
            ...(p.withCampaign ? { campaignId } : {}),
          });
          expect(res.statusCode, res.body).toBe(201);
          const id = res.json().id as number;
          ids.push(id);
          const plan: Array<[string, Record<string, unknown>]> = [
            ['office', { action: 'dispatch', orgId: p.to }],
            ...(p.returned
              ? ([
                  [handler(p.to), { action: 'return', reason: '非本单位职责' }],
                  ['office', { action: 'dispatch', orgId: p.to }],
                ] as Array<[string, Record<string, unknown>]>)
              : []),
            [handler(p.to), { action: 'accept' }],
            [handler(p.to), { action: 'answer', answer: '已处理' }],
            ['office', { action: 'visit', satisfaction: p.satisfaction, contacted: p.contacted, solved: p.solved }],
            p.satisfaction === 'unsatisfied' && p.reopen
              ? ['office', { action: 'reopen' }]
              : ['office', { action: 'close', reason: '群众认可' }],
          ];
          for (const [who, body] of plan.slice(0, p.steps)) {
            const step = await act(h(), who, id, body);
            expect(step.statusCode, step.body).toBe(200);
          }
        },
      ),
      { numRuns: 40, seed: 11 },
    );
    // Spread the instants over four months around today, some of the open deadlines into the current hour.
    const now = Date.now();
    const hour = 3600_000;
    const shift = fc.sample(fc.integer({ min: -120 * 24, max: 0 }), { numRuns: ids.length, seed: 5 });
    await h()
      .db.transaction()
      .execute(async (trx) => {
        for (const [i, id] of ids.entries()) {
          const base = now + shift[i] * hour;
          const at = (h: number) => new Date(base + h * hour).toISOString();
          const dueNow = new Date(now - (i % 3) * 60_000 - 1000).toISOString();
          await sql`update demands set
            received_at = ${at(0)},
            accept_due_at = case when accept_due_at is null then null else ${i % 4 === 0 ? dueNow : at(24)} end,
            due_at = case when due_at is null then null else ${i % 5 === 0 ? dueNow : at(7 * 24 + (i % 48))} end,
            visited_at = case when visited_at is null then null else ${at(30 + (i % 200))} end
            where id = ${id}`.execute(trx);
        }
        await afterDemandWrite(trx, ids);
      });
  }, 240_000);

  it('for random units and periods, the tallies answer what a count over the demands answers', async () => {
    const { units, users } = h().fx;
    const actor = (await loadActor(h().db, users.office))!;
    const all = [units.root, units.committee, units.branchA, units.branchB, units.brigade, units.branchC];
    const today = todayInZone();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...all),
        fc.integer({ min: -130, max: 5 }),
        fc.integer({ min: 0, max: 100 }),
        fc.boolean(),
        async (unit, start, length, byCampaign) => {
          const period = { from: addDays(today, start), to: addDays(today, start + length) };
          const now = nowIso();
          const f = { orgPath: unit.path, now, ...(byCampaign ? { campaignId } : {}) };
          const live = await liveCounts(h().db, actor, f, period);
          const tallied = await talliedCounts(h().db, {
            campaignId: byCampaign ? campaignId : undefined,
            units: [unit],
            ...period,
            now,
          });
          expect(tallied.get(unit.id)).toEqual(live);
          // The 预警 count for one subtree reads the same tally and due indexes.
          const warned = await countOverdueDemands(
            h().db,
            actor,
            { campaignId: byCampaign ? campaignId : undefined, orgId: unit.id, orgPath: unit.path },
            now,
          );
          expect(warned).toBe(live.overdue);
        },
      ),
      { numRuns: 60, seed: 3 },
    );
    // Something was counted in each part, so the comparison could fail.
    const wide = await liveCounts(
      h().db,
      actor,
      { orgPath: units.root.path, now: nowIso() },
      {
        from: addDays(today, -200),
        to: today,
      },
    );
    expect(wide.received).toBe(ids.length);
    expect(wide.counts.valid).toBeGreaterThan(0);
    expect(wide.overdue).toBeGreaterThan(0);
  });

  it('the 诉求台账 takes its total from the tallies and its page by either plan: both equal a count and the planner’s own page', async () => {
    const { units, users } = h().fx;
    const actor = (await loadActor(h().db, users.office))!;
    const all = [units.root, units.committee, units.branchA, units.branchB, units.brigade, units.branchC];
    const statuses = [undefined, 'received', 'dispatched', 'accepted', 'answered', 'closed'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...all),
        fc.constantFrom(...statuses),
        fc.boolean(),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(3, 10),
        async (unit, status, byCampaign, page, pageSize) => {
          const qs = new URLSearchParams({ orgId: String(unit.id), page: String(page), pageSize: String(pageSize) });
          if (status) qs.set('status', status);
          if (byCampaign) qs.set('campaignId', String(campaignId));
          const listed = (await h().call('office', 'GET', `/api/v1/demands?${qs}`)).json();
          const filter = {
            orgPath: unit.path,
            status,
            campaignId: byCampaign ? campaignId : undefined,
            now: nowIso(),
          };
          const tallied = await demandListTally(h().db, actor, filter, page, pageSize);
          expect(tallied).toBeDefined();
          const direct = await fetchPage(
            demandQuery(h().db, actor, filter),
            (qb) => qb.select('demands.id').orderBy('demands.receivedAt', 'desc').orderBy('demands.id', 'desc'),
            page,
            pageSize,
          );
          expect(listed.total).toBe(direct.total);
          expect(listed.items.map((d: { id: number }) => d.id)).toEqual(direct.items.map((d) => d.id));
          // Either plan reads the same page.
          for (const plan of ['ordered', 'range'] as const) {
            const planned = await fetchPage(
              demandQuery(h().db, actor, { ...filter, plan }),
              (qb) => qb.select('demands.id').orderBy('demands.receivedAt', 'desc').orderBy('demands.id', 'desc'),
              page,
              pageSize,
            );
            expect(planned).toEqual(direct);
          }
        },
      ),
      { numRuns: 40, seed: 23 },
    );
    // A filter that is no tally dimension is counted.
    expect(await demandListTally(h().db, actor, { orgPath: units.root.path, q: '随机', now: nowIso() }, 1, 20)).toBe(
      undefined,
    );
  });

  it('the figures route and the ranking read the tallies and agree with the lists they open', async () => {
    const { units } = h().fx;
    const today = todayInZone();
    const from = addDays(today, -60);
    const fig = (
      await h().call('office', 'GET', `/api/v1/demands/figures?orgId=${units.root.id}&from=${from}&to=${today}`)
    ).json();
    for (const key of ['received', 'valid', 'contacted', 'solved', 'satisfied', 'overdue'] as const) {
      const list = (
        await h().call('office', 'GET', `/api/v1/demands${fig.links[key].slice('/demands'.length)}`)
      ).json();
      expect(list.total, key).toBe(fig[key]);
    }
    const ranking = (
      await h().call('office', 'GET', `/api/v1/demands/figures/units?orgId=${units.root.id}&from=${from}&to=${today}`)
    ).json();
    for (const row of ranking.items) {
      const one = (
        await h().call('office', 'GET', `/api/v1/demands/figures?orgId=${row.orgId}&from=${from}&to=${today}`)
      ).json();
      expect([row.received, row.valid, row.overdue, row.score]).toEqual([
        one.received,
        one.valid,
        one.overdue,
        one.score,
      ]);
    }
    // The ranking as .xlsx: the same units, ranks and scores.
    const file = await h().app.inject({
      url: `/api/v1/exports/demand-ranking.xlsx?orgId=${units.root.id}&from=${from}&to=${today}`,
      headers: { cookie: await h().cookie('office') },
    });
    expect(file.statusCode, file.body).toBe(200);
    const sheet = await readSheet(file.rawPayload, ['名次', '单位', '综合得分']);
    expect(sheet.missing).toEqual([]);
    expect(sheet.rows.map((r) => [r.cells['单位'].text, r.cells['名次'].text, r.cells['综合得分'].text])).toEqual(
      ranking.items.map((r: { name: string; rank: number | null; score: number | null }) => [
        r.name,
        r.rank === null ? '—' : String(r.rank),
        r.score === null ? '无数据' : String(r.score),
      ]),
    );
  });

  it('a rebuild from the demands gives the rows the writers maintained', async () => {
    const snapshot = () =>
      h()
        .db.selectFrom('demandTallies')
        .selectAll()
        .where('n', '!=', 0)
        .orderBy('orgId')
        .orderBy('campaignId')
        .orderBy('receivedDay')
        .orderBy('visitDay')
        .orderBy('status')
        .orderBy('dueHour')
        .execute();
    const maintained = await snapshot();
    expect(maintained.length).toBeGreaterThan(0);
    await h()
      .db.transaction()
      .execute((trx) => rebuildTally(trx, demandTally));
    expect(await snapshot()).toEqual(maintained);
  });
});
