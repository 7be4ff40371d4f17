/**
 * 工作看板's 接诉即办 figures are GET /demands/figures of the same unit and period (the campaign's current
 * assessment month), for the subtree and every child unit, and each count is the total of the list it opens —
 * on both databases, for a caller who sees whole subtrees (the tallies) and one who sees part (counted live).
 */
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { syncTallies } from '../../db/subtree-tally.ts';
import { demandTally } from '../demands/public.ts';

type Json = Record<string, any>;
const COUNTS = ['received', 'valid', 'contacted', 'solved', 'satisfied', 'basically', 'overdue'] as const;

async function act(h: Harness, who: string, id: number, body: Record<string, unknown>) {
  const current = (await h.call('office', 'GET', `/api/v1/demands/${id}`)).json();
  const res = await h.call(who, 'POST', `/api/v1/demands/${id}/transitions`, { version: current.version, ...body });
  expect(res.statusCode, res.body).toBe(200);
}

describeEachDb('dashboard: 接诉即办 figures', (h) => {
  let campaignId = 0;

  beforeAll(async () => {
    const { units } = h().fx;
    campaignId = await fixtureCampaign(h().db, units.root.id);
    const handler = (orgId: number) => (orgId === units.branchA.id ? 'officer' : 'outsider');
    // [handling unit, how far it goes, satisfaction, contacted, solved]
    const plan: Array<[number, number, string, boolean, boolean]> = [
      [units.branchA.id, 5, 'satisfied', true, true],
      [units.branchA.id, 5, 'basically', true, false],
      [units.branchA.id, 1, '', false, false],
      [units.branchB.id, 1, '', false, false],
      [units.branchC.id, 5, 'unsatisfied', false, false],
      [units.branchC.id, 2, '', false, false],
      [0, 0, '', false, false],
    ];
    const overdue: number[] = [];
    for (const [i, [orgId, steps, satisfaction, contacted, solved]] of plan.entries()) {
      const res = await h().call('office', 'POST', '/api/v1/demands', {
        campaignId,
        channel: 'hotline',
        kind: 'complaint',
        category: 'sanitation',
        description: `看板诉求 ${i}`,
        address: `看板路 ${i} 号`,
        orgId: units.root.id,
      });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id as number;
      const who = handler(orgId);
      const moves: Array<[string, Record<string, unknown>]> = [
        ['office', { action: 'dispatch', orgId }],
        [who, { action: 'accept' }],
        [who, { action: 'answer', answer: '已处理' }],
        ['office', { action: 'visit', satisfaction, contacted, solved }],
        ['office', { action: 'close', reason: '群众认可' }],
      ];
      for (const [actor, body] of moves.slice(0, steps)) await act(h(), actor, id, body);
      if (steps > 0 && steps < 3) overdue.push(id);
    }
    // The open ones fall due a day ago: overdue, as the tallies count every hour already past.
    const past = new Date(Date.now() - 86400_000).toISOString();
    await h()
      .db.transaction()
      .execute(async (trx) => {
        await sql`update demands set accept_due_at = ${past}, due_at = ${past} where id in (${sql.join(overdue)})`.execute(
          trx,
        );
        await syncTallies(trx, demandTally, overdue);
      });
  });

  const get = async (who: string, url: string) => {
    const res = await h().call(who, 'GET', url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Json;
  };

  // leader sees units it guides (分管) only, not whole subtrees: its figures are counted live.
  for (const who of ['office', 'officer', 'supervisor', 'leader']) {
    it(`${who}: the subtree's and each child's figures equal GET /demands/figures, each count the total of its list`, async () => {
      const board = await get(who, `/api/v1/dashboard?campaignId=${campaignId}`);
      const rows = [{ orgId: board.unit.id, demands: board.demands }, ...board.children];
      let compared = 0;
      for (const row of rows) {
        const res = await h().call(who, 'GET', `/api/v1/demands/figures?campaignId=${campaignId}&orgId=${row.orgId}`);
        // A unit shown only as the way down to what the caller sees has no figures page of its own.
        if (res.statusCode === 404) continue;
        expect(row.demands, `${who} ${row.orgId}`).toEqual(res.json());
        compared++;
        for (const key of COUNTS) {
          const list = await get(who, `/api/v1${row.demands.links[key]}&pageSize=1`);
          expect(list.total, `${who} ${row.orgId} ${key}`).toBe(row.demands[key]);
        }
      }
      expect(compared).toBeGreaterThan(0);
      if (who === 'office') {
        expect(board.demands).toMatchObject({
          received: 7,
          valid: 3,
          contacted: 2,
          solved: 1,
          satisfied: 1,
          overdue: 3,
        });
        expect(board.demands.satisfactionRate).toBeCloseTo((1 + 0.9) / 3, 4);
        const byUnit = new Map(board.children.map((c: Json) => [c.orgName, c.demands]));
        expect(byUnit.get('机关党委')).toMatchObject({ received: 4, valid: 2, overdue: 2 });
        expect(byUnit.get('执法支队党总支')).toMatchObject({ received: 2, valid: 1, responseRate: 0, overdue: 1 });
      }
    });
  }

  it('a unit whose subtree had nothing followed up shows 无数据 (null), not 0', async () => {
    const board = await get('office', `/api/v1/dashboard?campaignId=${campaignId}&orgId=${h().fx.units.branchB.id}`);
    expect(board.demands).toMatchObject({ received: 1, valid: 0, responseRate: null, satisfactionRate: null });
  });
});
