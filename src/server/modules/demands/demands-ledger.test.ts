import { expect, it } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { readSheet } from '../../io/xlsx-sheet.ts';

const COLUMNS = ['查询码', '诉求内容', '诉求人', '联系电话', '办理状态', '承办单位'];

async function file(h: Harness, extra: Record<string, unknown>) {
  const res = await h.call('office', 'POST', '/api/v1/demands', {
    channel: 'hotline',
    kind: 'complaint',
    category: 'sanitation',
    description: '小区门口垃圾三天没人清运',
    address: '人民路 12 号',
    name: '陈小明',
    phone: '13912345678',
    orgId: h.fx.units.root.id,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; trackingCode: string };
}

async function exported(h: Harness, who: string, query = '') {
  const res = await h.app.inject({
    method: 'GET',
    url: `/api/v1/exports/demands.xlsx${query}`,
    headers: { cookie: await h.cookie(who) },
  });
  expect(res.statusCode, res.body).toBe(200);
  const { rows, missing } = await readSheet(res.rawPayload, COLUMNS);
  expect(missing).toEqual([]);
  // Never the phone in clear, whoever exports.
  expect(JSON.stringify(rows)).not.toContain('13912345678');
  return rows.map((r) => Object.fromEntries(COLUMNS.map((c) => [c, r.cells[c].text])));
}

describeEachDb('demands: 群众诉求台账 export and template', (h) => {
  it('exports the list on screen with its filters; the complainant masked, hidden where the list hides them', async () => {
    const { call, fx } = h();
    const open = await file(h(), { description: '路灯不亮' });
    const secret = await file(h(), { description: '反映执法人员态度', confidential: true });
    const d = (await call('office', 'GET', `/api/v1/demands/${secret.id}`)).json();
    const sent = await call('office', 'POST', `/api/v1/demands/${secret.id}/transitions`, {
      action: 'dispatch',
      version: d.version,
      orgId: fx.units.branchA.id,
    });
    expect(sent.statusCode, sent.body).toBe(200);

    const all = await exported(h(), 'office');
    const list = (await call('office', 'GET', '/api/v1/demands?pageSize=200')).json().items;
    expect(all.map((r) => r.查询码)).toEqual(list.map((x: { trackingCode: string }) => x.trackingCode));
    expect(all.find((r) => r.查询码 === open.trackingCode)).toMatchObject({
      诉求人: '陈**',
      联系电话: '139****5678',
      办理状态: '已受理',
    });

    const dispatched = await exported(h(), 'office', '?status=dispatched');
    expect(dispatched.map((r) => r.查询码)).toEqual([secret.trackingCode]);
    expect(dispatched[0]).toMatchObject({ 承办单位: '办公室党支部', 诉求人: '陈**' });

    // The handling unit sees the demand but not a confidential complainant.
    const unit = await exported(h(), 'officer');
    expect(unit.map((r) => r.查询码)).toEqual([secret.trackingCode]);
    expect(unit[0]).toMatchObject({ 诉求人: '', 联系电话: '' });
  });

  it('offers a template with the columns an import reads', async () => {
    const res = await h().app.inject({
      method: 'GET',
      url: '/api/v1/exports/demands-template.xlsx',
      headers: { cookie: await h().cookie('officer') },
    });
    const { rows, missing } = await readSheet(res.rawPayload, ['诉求内容', '来源渠道', '诉求类别', '联系电话']);
    expect(missing).toEqual([]);
    expect(rows).toEqual([]);
  });
});
