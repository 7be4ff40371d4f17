import { expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { permissionMatrix } from '../../testing/permission-matrix.ts';
import { matterColour, nextMatterStatus } from './lifecycle.ts';

const ids = { campaign: 0, matter: 0 };

describeEachDb('matters: 民生实事', (h) => {
  it('a unit keeps a matter: progress with evidence, result, published on the public list without personal data', async () => {
    ids.campaign = await fixtureCampaign(h().db, h().fx.units.root.id);
    const created = await h().call('officer', 'POST', '/api/v1/matters', {
      campaignId: ids.campaign,
      orgId: h().fx.units.branchA.id,
      ownerId: h().fx.people.officerA,
      title: '背街小巷路灯全覆盖',
      target: '年内新增路灯 120 盏',
      dueDate: '2020-01-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    const m = created.json();
    ids.matter = m.id;
    expect(m).toMatchObject({ status: 'planned', overdue: true, colour: 'red', ownerName: '赵立新' });
    const noted = await h().call('officer', 'POST', `/api/v1/matters/${m.id}/progress`, {
      date: '2026-11-01',
      note: '已完成 60 盏',
    });
    expect(noted.json()).toMatchObject({ status: 'in_progress', progress: [{ note: '已完成 60 盏' }] });
    const v = noted.json().version;
    expect(
      (await h().call('officer', 'PATCH', `/api/v1/matters/${m.id}`, { version: v, action: 'finish' })).statusCode,
    ).toBe(409);
    expect(
      (await h().call('officer', 'PATCH', `/api/v1/matters/${m.id}`, { version: v, published: true })).statusCode,
    ).toBe(403);
    const done = await h().call('officer', 'PATCH', `/api/v1/matters/${m.id}`, {
      version: v,
      action: 'finish',
      result: '新增路灯 126 盏',
    });
    expect(done.json()).toMatchObject({ status: 'done', colour: 'green', overdue: false });
    expect((await h().call(null, 'GET', '/api/v1/public/matters')).json().items).toHaveLength(0);
    await h().call('office', 'PATCH', `/api/v1/matters/${m.id}`, { version: done.json().version, published: true });
    const pub = await h().call(null, 'GET', '/api/v1/public/matters');
    expect(pub.json().items).toMatchObject([
      { title: '背街小巷路灯全覆盖', result: '新增路灯 126 盏', progress: [{ note: '已完成 60 盏' }] },
    ]);
    expect(pub.body).not.toContain('赵立新');
    expect(pub.body).not.toContain('officer');
    const overdue = (
      await h().call('office', 'GET', `/api/v1/matters?overdue=true&orgId=${h().fx.units.branchA.id}`)
    ).json();
    expect(overdue.total).toBe(0);
  });

  it('the lifecycle and the colours are pure', () => {
    expect(nextMatterStatus('planned', 'finish', '').ok).toBe(false);
    expect(nextMatterStatus('in_progress', 'finish', '结果').ok).toBe(true);
    expect(nextMatterStatus('done', 'start', '').ok).toBe(false);
    expect(matterColour({ status: 'in_progress', dueDate: '2026-12-05' }, '2026-12-01', '2026-12-08')).toBe('yellow');
    expect(matterColour({ status: 'in_progress', dueDate: '2026-12-25' }, '2026-12-01', '2026-12-08')).toBe('blue');
  });

  permissionMatrix(h, [
    { label: 'list matters', method: 'GET', url: () => '/api/v1/matters', expect: {}, otherwise: 200 },
    {
      label: 'read a matter of branchA',
      method: 'GET',
      url: () => `/api/v1/matters/${ids.matter}`,
      expect: { admin: 200, office: 200, secretary: 200, officer: 200 },
      otherwise: 404,
    },
    {
      label: 'add a matter at branchA',
      method: 'POST',
      url: () => '/api/v1/matters',
      body: (hh) => ({
        campaignId: ids.campaign,
        orgId: hh.fx.units.branchA.id,
        title: '加装电梯',
        dueDate: '2027-06-30',
      }),
      expect: { admin: 201, office: 201, secretary: 201, officer: 201 },
      otherwise: 403,
    },
    {
      label: 'note progress on a finished matter',
      method: 'POST',
      url: () => `/api/v1/matters/${ids.matter}/progress`,
      body: () => ({ date: '2026-11-02', note: '补充' }),
      expect: {},
      otherwise: 403,
    },
    {
      label: 'edit with a stale version',
      method: 'PATCH',
      url: () => `/api/v1/matters/${ids.matter}`,
      body: () => ({ version: 1, title: '改名' }),
      expect: { admin: 409, office: 409, secretary: 409, officer: 409 },
      otherwise: 403,
    },
  ]);
});
