import { expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { permissionMatrix } from '../../testing/permission-matrix.ts';
import { readSheet } from '../../io/xlsx-sheet.ts';
import type { Harness } from '../../testing/harness.ts';
import { addDays } from '../../clock.ts';
import { matterColour, nextMatterStatus } from './lifecycle.ts';

const HEADERS = [
  '序号',
  '实事名称',
  '目标',
  '责任单位',
  '责任人',
  '完成时限',
  '状态',
  '是否逾期',
  '推进情况',
  '办理结果',
  '是否公开',
];

/** The exported 民生实事清单 as header → text rows, read back from the real file. */
async function exported(h: Harness, who: string, query = '') {
  const res = await h.app.inject({
    method: 'GET',
    url: `/api/v1/exports/matters.xlsx${query}`,
    headers: { cookie: await h.cookie(who) },
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('民生实事清单-');
  const { rows, missing } = await readSheet(res.rawPayload, HEADERS);
  expect(missing).toEqual([]);
  return rows.map((r) => Object.fromEntries(HEADERS.map((c) => [c, r.cells[c].text])));
}

interface ListedMatter {
  title: string;
  target: string;
  orgName: string;
  ownerName: string | null;
  dueDate: string;
  statusLabel: string;
  overdue: boolean;
  result: string;
  published: boolean;
  progress: Array<{ date: string; note: string }>;
  progressTotal: number;
}
/** A list row as the export writes it. */
const asSheetRow = (m: ListedMatter, i: number) => ({
  序号: String(i + 1),
  实事名称: m.title,
  目标: m.target,
  责任单位: m.orgName,
  责任人: m.ownerName ?? '',
  完成时限: m.dueDate,
  状态: m.statusLabel,
  是否逾期: m.overdue ? '逾期' : '',
  推进情况: [
    ...m.progress.map((p) => `${p.date} ${p.note}`),
    ...(m.progressTotal > m.progress.length
      ? [`……共 ${m.progressTotal} 条进展，此处列最近 ${m.progress.length} 条`]
      : []),
  ].join('\n'),
  办理结果: m.result,
  是否公开: m.published ? '公开' : '',
});

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

  it('exports the 民生实事清单 as .xlsx: the list on screen, its filters and scope, cell for cell', async () => {
    const { call, fx } = h();
    for (const [orgId, title, dueDate] of [
      [fx.units.branchB.id, '老旧小区加装电梯', '2027-06-30'],
      [fx.units.branchA.id, '农贸市场提升改造', '2027-03-31'],
    ] as const) {
      const res = await call('office', 'POST', '/api/v1/matters', { campaignId: ids.campaign, orgId, title, dueDate });
      expect(res.statusCode, res.body).toBe(201);
    }
    const list = async (who: string, qs = '') =>
      (await call(who, 'GET', `/api/v1/matters?pageSize=200${qs}`)).json().items as ListedMatter[];

    const all = await list('office');
    expect(all.length).toBe(3);
    expect(await exported(h(), 'office')).toEqual(all.map(asSheetRow));
    expect((await exported(h(), 'office')).find((r) => r.实事名称 === '背街小巷路灯全覆盖')).toMatchObject({
      责任人: '赵立新',
      状态: '已完成',
      推进情况: '2026-11-01 已完成 60 盏',
      办理结果: '新增路灯 126 盏',
      是否公开: '公开',
    });

    const atA = `&orgId=${fx.units.branchA.id}&status=planned`;
    const filtered = await exported(h(), 'office', `?${atA.slice(1)}`);
    expect(filtered).toEqual((await list('office', atA)).map(asSheetRow));
    expect(filtered.map((r) => r.实事名称)).toEqual(['农贸市场提升改造']);

    // The unit's officer exports the unit's matters only, as its list shows them.
    const unit = await exported(h(), 'officer');
    expect(unit).toEqual((await list('officer')).map(asSheetRow));
    expect(unit.map((r) => r.实事名称).sort()).toEqual(['农贸市场提升改造', '背街小巷路灯全覆盖'].sort());
    expect((await call('officer', 'GET', `/api/v1/exports/matters.xlsx?orgId=${fx.units.branchB.id}`)).statusCode).toBe(
      404,
    );
  });

  it('no progress note is dropped unsaid: the newest shown with the total, every note a page away', async () => {
    const { call, db, fx } = h();
    const make = async (title: string) => {
      const res = await call('office', 'POST', '/api/v1/matters', {
        campaignId: ids.campaign,
        orgId: fx.units.branchA.id,
        title,
        dueDate: '2099-12-31',
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: number; version: number };
    };
    const busy = await make('雨污分流改造');
    const quiet = await make('社区食堂');
    // More notes than the old shared cap of 2,000, all newer than the quiet matter's three.
    const BUSY = 2050;
    const busyNotes = Array.from({ length: BUSY }, (_, i) => ({
      matterId: busy.id,
      date: addDays('2026-04-01', i % 200),
      note: `第 ${i + 1} 次推进`,
      attachmentId: null,
      authorName: '测试',
      createdAt: '2026-11-01T00:00:00.000Z',
    }));
    for (let i = 0; i < busyNotes.length; i += 400)
      await db
        .insertInto('matterProgress')
        .values(busyNotes.slice(i, i + 400))
        .execute();
    for (const date of ['2025-03-01', '2025-03-02', '2025-03-03'])
      expect(
        (await call('office', 'POST', `/api/v1/matters/${quiet.id}/progress`, { date, note: `食堂 ${date}` }))
          .statusCode,
      ).toBe(200);

    const listed = (await call('office', 'GET', `/api/v1/matters?pageSize=200&campaignId=${ids.campaign}`)).json()
      .items as Array<ListedMatter & { id: number; progress: Array<{ id: number; date: string }> }>;
    const b = listed.find((m) => m.id === busy.id)!;
    const q = listed.find((m) => m.id === quiet.id)!;
    expect(b.progressTotal).toBe(BUSY);
    expect(b.progress).toHaveLength(50);
    expect(q.progressTotal).toBe(3);
    expect(q.progress.map((p) => p.date)).toEqual(['2025-03-03', '2025-03-02', '2025-03-01']);

    // Every note of the busy matter, page by page, newest first, each once; the first 50 are the ones shown.
    const seen: Array<{ id: number; date: string }> = [];
    for (let page = 1; ; page++) {
      const res = await call('office', 'GET', `/api/v1/matters/${busy.id}/progress?page=${page}&pageSize=200`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ total: BUSY, page, pageSize: 200 });
      seen.push(...body.items);
      if (body.items.length < 200) break;
    }
    expect(seen).toHaveLength(BUSY);
    expect(new Set(seen.map((n) => n.id)).size).toBe(BUSY);
    const order = [...seen].sort((x, y) => (x.date === y.date ? y.id - x.id : x.date < y.date ? 1 : -1));
    expect(seen.map((n) => n.id)).toEqual(order.map((n) => n.id));
    expect(seen.slice(0, 50)).toEqual(b.progress);

    // The export says what it leaves out; so does the public list.
    const sheet = await exported(h(), 'office', `?campaignId=${ids.campaign}`);
    expect(sheet.find((r) => r.实事名称 === '雨污分流改造')?.推进情况).toContain(
      `……共 ${BUSY} 条进展，此处列最近 50 条`,
    );
    expect(sheet.find((r) => r.实事名称 === '社区食堂')?.推进情况).not.toContain('……');
    await call('office', 'PATCH', `/api/v1/matters/${busy.id}`, {
      version: (await call('office', 'GET', `/api/v1/matters/${busy.id}`)).json().version,
      published: true,
    });
    const pub = (await call(null, 'GET', '/api/v1/public/matters')).json();
    expect(pub).toMatchObject({ page: 1, pageSize: 20, total: 2 });
    const shown = pub.items.find((m: { id: number }) => m.id === busy.id);
    expect(shown.progressTotal).toBe(BUSY);
    expect(shown.progress).toEqual(
      b.progress.slice(0, 10).map((p) => ({ date: p.date, note: (p as { note: string }).note })),
    );
    expect((await call('officer', 'GET', `/api/v1/matters/${busy.id}/progress`)).statusCode).toBe(200);
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
      label: "page a matter's progress notes",
      method: 'GET',
      url: () => `/api/v1/matters/${ids.matter}/progress`,
      expect: { admin: 200, office: 200, secretary: 200, officer: 200 },
      otherwise: 404,
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
      label: 'export the 民生实事清单',
      method: 'GET',
      url: () => '/api/v1/exports/matters.xlsx',
      expect: {},
      otherwise: 200,
    },
    {
      label: 'export the 民生实事清单 of branchB',
      method: 'GET',
      url: (fx) => `/api/v1/exports/matters.xlsx?orgId=${fx.units.branchB.id}&published=false`,
      expect: { admin: 200, office: 200, secretary: 200, leader: 200 },
      otherwise: 404,
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
