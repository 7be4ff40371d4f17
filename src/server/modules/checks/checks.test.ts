import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { poolHashOf, runDraw } from './draw.ts';

describeEachDb('#checks', (h) => {
  let campaignId: number;
  beforeAll(async () => {
    campaignId = await fixtureCampaign(h().db, h().fx.units.root.id);
  });

  it('a committed draw is reproducible: the revealed inputs recompute the same units, and tampering is caught', async () => {
    const { call, fx, db } = h();
    const commit = await call('office', 'POST', '/api/v1/checks/draws/commitments', {
      campaignId,
      orgId: fx.units.root.id,
    });
    expect(commit.statusCode, commit.body).toBe(201);
    expect(commit.json().commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(commit.json().secret).toBeNull();
    const pool = [fx.units.branchC.id, fx.units.branchA.id, fx.units.branchB.id];
    const roster = [fx.people.inspector, fx.people.officeHead, fx.people.chief];
    const drawn = await call('office', 'POST', '/api/v1/checks/draws', {
      campaignId,
      commitmentId: commit.json().id,
      poolOrgIds: pool,
      count: 2,
      publicValue: '福彩3D 第2026325期 518',
      rosterIds: roster,
      inspectorsPerUnit: 2,
    });
    expect(drawn.statusCode, drawn.body).toBe(201);
    const d = drawn.json();
    expect(d.drawnOrgIds).toHaveLength(2);
    expect(d.poolHash).toBe(poolHashOf([...pool].sort((a, b) => a - b)));
    // Anyone holding the published inputs gets the same result without asking the server.
    const again = runDraw({
      pool,
      count: 2,
      secret: d.secret,
      publicValue: d.publicValue,
      roster,
      inspectorsPerUnit: 2,
      conflicts: [],
    });
    expect(again.commitment).toBe(commit.json().commitment);
    expect(again.drawnOrgIds).toEqual(d.drawnOrgIds);
    expect(again.seed).toBe(d.seed);

    const verify = await call('office', 'GET', `/api/v1/checks/draws/${d.id}/verify`);
    expect(verify.json().valid).toBe(true);
    const planned = await call('office', 'GET', `/api/v1/checks?drawId=${d.id}`);
    expect(
      planned
        .json()
        .items.map((c: { orgId: number }) => c.orgId)
        .sort(),
    ).toEqual([...d.drawnOrgIds].sort());
    expect(planned.json().items.every((c: { status: string }) => c.status === 'planned')).toBe(true);

    const reuse = await call('office', 'POST', '/api/v1/checks/draws', {
      campaignId,
      commitmentId: d.id,
      poolOrgIds: pool,
      count: 1,
    });
    expect(reuse.statusCode).toBe(409);

    // Swap a pool member behind the draw's back: 验证 no longer agrees.
    await db
      .updateTable('checkDraws')
      .set({ pool: JSON.stringify([fx.units.branchA.id, fx.units.branchB.id, fx.units.brigade.id]) })
      .where('id', '=', d.id)
      .execute();
    const tampered = (await call('office', 'GET', `/api/v1/checks/draws/${d.id}/verify`)).json();
    expect(tampered.valid).toBe(false);
    expect(tampered.parts.poolHash).toBe(false);
  });

  it('不打招呼: the checked unit sees nothing of a planned check, then sees it and its findings as problems once recorded', async () => {
    const { call, fx } = h();
    const plan = await call('office', 'POST', '/api/v1/checks', {
      campaignId,
      orgId: fx.units.branchC.id,
      groupId: fx.group,
      date: '2026-12-01',
      method: 'visit',
      inspectorIds: [fx.people.inspector, fx.people.officeHead],
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const id = plan.json().id;
    expect((await call('outsider', 'GET', `/api/v1/checks/${id}`)).statusCode).toBe(404);
    expect((await call('secretary', 'GET', `/api/v1/checks/${id}`)).statusCode).toBe(404);
    const unseen = await call('outsider', 'GET', '/api/v1/checks?pageSize=200');
    expect(unseen.json().items.map((c: { id: number }) => c.id)).not.toContain(id);
    expect(
      (await call('outsider', 'POST', `/api/v1/checks/${id}/record`, { version: 1, findings: [] })).statusCode,
    ).toBe(404);
    const before = (
      await call('outsider', 'GET', `/api/v1/problems?orgId=${fx.units.branchC.id}&source=supervision`)
    ).json().total;

    const seen = await call('supervisor', 'GET', `/api/v1/checks/${id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().abilities.record).toBe(true);
    const recorded = await call('supervisor', 'POST', `/api/v1/checks/${id}/record`, {
      version: seen.json().version,
      summary: '查阅台账、个别访谈',
      findings: [{ text: '学习笔记内容雷同，存在抄写现象。' }, { text: '整改台账未及时更新；部分问题无责任人。' }],
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const check = recorded.json();
    expect(check.status).toBe('recorded');
    expect(check.findings).toHaveLength(2);
    expect(check.findings.every((f: { problemId: number; problemStatus: string }) => f.problemStatus === 'draft')).toBe(
      true,
    );

    const mine = await call('outsider', 'GET', `/api/v1/checks/${id}`);
    expect(mine.statusCode).toBe(200);
    const problems = await call('outsider', 'GET', `/api/v1/problems?orgId=${fx.units.branchC.id}&source=supervision`);
    expect(problems.json().total).toBe(before + 2);
    const problem = await call('outsider', 'GET', `/api/v1/problems/${check.findings[0].problemId}`);
    expect(problem.json().title).toBe('学习笔记内容雷同，存在抄写现象');
    expect(problem.json().source).toBe('supervision');

    const twice = await call('supervisor', 'POST', `/api/v1/checks/${id}/record`, {
      version: check.version,
      findings: [],
    });
    expect(twice.statusCode).toBe(409);
  });

  // Bad input is a named 400, conflicts of interest (回避) are refused, a stale version is 409 — route by route.
  describe('#checks.draws.create (bad input)', () => {
    it('fails with 400 on count when more units are asked for than the pool holds', async () => {
      const { call, fx } = h();
      const tooMany = await call('office', 'POST', '/api/v1/checks/draws', {
        campaignId,
        orgId: fx.units.root.id,
        poolOrgIds: [fx.units.branchA.id],
        count: 2,
      });
      expect(tooMany.statusCode, tooMany.body).toBe(400);
      expect(tooMany.json().errors[0].path).toBe('count');
    });

    it("fails with 400 on poolOrgIds when the pool lies outside the supervision group's units", async () => {
      const { call, fx } = h();
      const outside = await call('supervisor', 'POST', '/api/v1/checks/draws', {
        campaignId,
        groupId: fx.group,
        poolOrgIds: [fx.units.branchA.id],
        count: 1,
      });
      expect(outside.statusCode, outside.body).toBe(400);
      expect(outside.json().errors[0].path).toBe('poolOrgIds');
    });

    it('fails with 400 when a pool id is beyond the integer range', async () => {
      const huge = await h().call('office', 'POST', '/api/v1/checks/draws', {
        campaignId,
        poolOrgIds: [3_000_000_000],
        count: 1,
      });
      expect(huge.statusCode, huge.body).toBe(400);
    });
  });

  describe('#checks.create (回避)', () => {
    it('fails with 400 naming 回避 when an inspector belongs to the checked unit', async () => {
      const { call, fx } = h();
      const own = await call('office', 'POST', '/api/v1/checks', {
        campaignId,
        orgId: fx.units.branchC.id,
        date: '2026-12-01',
        method: 'documents',
        inspectorIds: [fx.people.officerC, fx.people.inspector],
      });
      expect(own.statusCode, own.body).toBe(400);
      expect(own.json().detail).toContain('回避');
    });
  });

  describe('#checks.recusals.create', () => {
    it('answers 201 when the office registers a 回避 with its reason', async () => {
      const { call, fx } = h();
      const recusal = await call('office', 'POST', '/api/v1/checks/recusals', {
        personId: fx.people.officeHead,
        orgId: fx.units.branchB.id,
        reason: '近亲属任职',
      });
      expect(recusal.statusCode, recusal.body).toBe(201);
    });
  });

  describe('#checks.draws.create (around a 回避)', () => {
    let drawId: number;

    it('fails with 400 not_enough_inspectors when the roster left after the 回避 is too short', async () => {
      const { call, fx } = h();
      // Only two people on the roster and one of them must step aside: branchB cannot get two inspectors.
      const short = await call('office', 'POST', '/api/v1/checks/draws', {
        campaignId,
        orgId: fx.units.root.id,
        poolOrgIds: [fx.units.branchB.id],
        count: 1,
        rosterIds: [fx.people.officeHead, fx.people.inspector],
        inspectorsPerUnit: 2,
      });
      expect(short.statusCode, short.body).toBe(400);
      expect(short.json().code).toBe('not_enough_inspectors');
    });

    it('answers 201 with a third person on the roster, never assigning the one who steps aside', async () => {
      const { call, fx } = h();
      const around = await call('office', 'POST', '/api/v1/checks/draws', {
        campaignId,
        orgId: fx.units.root.id,
        poolOrgIds: [fx.units.branchB.id],
        count: 1,
        rosterIds: [fx.people.officeHead, fx.people.inspector, fx.people.chief],
        inspectorsPerUnit: 2,
      });
      expect(around.statusCode, around.body).toBe(201);
      expect(around.json().drawn[0].inspectors.map((p: { personId: number }) => p.personId)).not.toContain(
        fx.people.officeHead,
      );
      drawId = around.json().id;
    });

    it('#checks.draws.verify publishes that they stepped aside, not why', async () => {
      const { call, fx } = h();
      const verified = await call('office', 'GET', `/api/v1/checks/draws/${drawId}/verify`);
      expect(verified.statusCode, verified.body).toBe(200);
      expect(verified.json().valid).toBe(true);
      expect(verified.json().inputs.conflicts).toContainEqual({
        personId: fx.people.officeHead,
        orgId: fx.units.branchB.id,
        reason: '登记回避',
      });
      expect(verified.body).not.toContain('近亲属任职');
    });
  });

  describe('#checks.record', () => {
    it('fails with 409 when the record is sent at a stale version', async () => {
      const { call, fx } = h();
      const plan = await call('office', 'POST', '/api/v1/checks', {
        campaignId,
        orgId: fx.units.branchA.id,
        date: '2026-12-02',
        method: 'interview',
        inspectorIds: [fx.people.inspector, fx.people.chief],
      });
      expect(plan.statusCode, plan.body).toBe(201);
      const stale = await call('office', 'POST', `/api/v1/checks/${plan.json().id}/record`, {
        version: 7,
        findings: [],
      });
      expect(stale.statusCode, stale.body).toBe(409);
    });
  });
});
