import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { addDays, today } from '../../clock.ts';

describeEachDb('#problems.measures', (h) => {
  let problemId: number;
  beforeAll(async () => {
    const { db, fx, call } = h();
    const campaignId = await fixtureCampaign(db, fx.units.root.id);
    const res = await call('officer', 'POST', '/api/v1/problems', {
      campaignId,
      orgId: fx.units.branchA.id,
      title: '措施接口测试问题',
      source: 'self_found',
      kind: 'immediate',
    });
    expect(res.statusCode, res.body).toBe(201);
    problemId = res.json().id;
  });

  describe('POST /problems/{id}/measures', () => {
    it('answers 201 with the created measure: its id, version and fields, as the problem then lists it', async () => {
      const { call, fx } = h();
      const deadline = addDays(today(), 5);
      const res = await call('officer', 'POST', `/api/v1/problems/${problemId}/measures`, {
        content: '建立周例会制度',
        ownerId: fx.people.memberA,
        deadline,
      });
      expect(res.statusCode, res.body).toBe(201);
      const created = res.json();
      expect(created).toMatchObject({
        content: '建立周例会制度',
        ownerId: fx.people.memberA,
        deadline,
        status: 'open',
      });
      expect(created.id).toBeGreaterThan(0);
      expect(created.version).toBe(1);
      expect(created.overdue).toBe(false);
      const problem = await call('officer', 'GET', `/api/v1/problems/${problemId}`);
      expect(problem.statusCode).toBe(200);
      expect(problem.json().measures).toContainEqual(created);
    });

    it('lets the caller edit the new measure with the version it was given', async () => {
      const { call } = h();
      const created = (
        await call('officer', 'POST', `/api/v1/problems/${problemId}/measures`, {
          content: '措施初稿',
          deadline: addDays(today(), 9),
        })
      ).json();
      const res = await call('officer', 'PATCH', `/api/v1/problems/${problemId}/measures/${created.id}`, {
        version: created.version,
        content: '措施定稿',
      });
      expect(res.statusCode, res.body).toBe(200);
    });

    it('fails with 403 for a member who may not add measures, and creates nothing', async () => {
      const { call } = h();
      const before = (await call('officer', 'GET', `/api/v1/problems/${problemId}`)).json().measures.length;
      const res = await call('member', 'POST', `/api/v1/problems/${problemId}/measures`, {
        content: '越权措施',
        deadline: addDays(today(), 3),
      });
      expect(res.statusCode, res.body).toBe(403);
      expect((await call('officer', 'GET', `/api/v1/problems/${problemId}`)).json().measures).toHaveLength(before);
    });
  });
});
