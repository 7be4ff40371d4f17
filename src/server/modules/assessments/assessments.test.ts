/** 考核 end to end on both databases: build, preview, 自评 and review, veto, finalise (frozen), publish, export. */
import { beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describeEachDb } from '../../testing/harness.ts';
import { expectOfficialLayout, paragraphsOf } from '../../testing/official-layout.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { today } from '../../clock.ts';

type Json = Record<string, any>;

/** The calendar quarter holding today, so the 三会一课 requirement is one quarter's. */
function thisQuarter() {
  const d = today();
  const q = Math.floor((Number(d.slice(5, 7)) - 1) / 3);
  const end = new Date(Date.UTC(Number(d.slice(0, 4)), q * 3 + 3, 0)).toISOString().slice(0, 10);
  return { from: `${d.slice(0, 4)}-${String(q * 3 + 1).padStart(2, '0')}-01`, to: end };
}

describeEachDb('assessments', (h) => {
  let campaignId = 0;
  let a: Json;
  const period = thisQuarter();
  const byName = (indicators: Json[], name: string) => indicators.find((i) => i.name === name)!.id as number;
  const scores = async (who: string) => (await h().call(who, 'GET', `/api/v1/assessments/${a.id}/scores`)).json();

  beforeAll(async () => {
    const { db, fx, call } = h();
    campaignId = await fixtureCampaign(db, fx.units.root.id);
    // branchA: 2 of 3 present at its 党课; branchB: its one member present at a 支委会; branchC: nothing.
    const session = (who: string, orgId: number, kind: string, attendance: Json[]) =>
      call(who, 'POST', '/api/v1/study/sessions', {
        campaignId,
        orgId,
        kind,
        mode: 'leader',
        date: today(),
        hours: 2,
        topic: '学习',
        attendance,
      });
    expect(
      (
        await session('officer', fx.units.branchA.id, 'party_lecture', [
          { personId: fx.people.officerA, status: 'present' },
          { personId: fx.people.memberA, status: 'present' },
          { personId: fx.people.memberA2, status: 'absent', reason: '出差' },
        ])
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await session('office', fx.units.branchB.id, 'committee_meeting', [
          { personId: fx.people.officerB, status: 'present' },
        ])
      ).statusCode,
    ).toBe(201);
  });

  it('the office builds an assessment; bad trees are 400s naming the field', async () => {
    const { fx, call } = h();
    const body = {
      campaignId,
      orgId: fx.units.root.id,
      name: '党支部考核',
      period: '本季度',
      periodFrom: period.from,
      periodTo: period.to,
      groups: [{ key: 'branch' }, { key: 'general_branch' }],
      starLevels: [
        { stars: 5, minScore: 40, quota: 0.34 },
        { stars: 3, minScore: 0 },
      ],
      areas: [
        {
          name: '理论学习',
          indicators: [
            {
              name: '出勤率',
              kind: 'auto',
              maxPoints: 40,
              source: 'study.attendanceRate',
              rule: { type: 'linear', from: 0.5, to: 1 },
            },
            {
              name: '三会一课',
              kind: 'auto',
              maxPoints: 10,
              source: 'study.meetingsMissed',
              rule: { type: 'deduct', per: 0.5 },
            },
          ],
        },
        {
          name: '加分与否决',
          indicators: [
            { name: '创新项目', kind: 'bonus', maxPoints: 5 },
            { name: '违纪违法', kind: 'veto', maxPoints: 0 },
          ],
        },
      ],
    };
    const bad = await call('office', 'POST', '/api/v1/assessments', {
      ...body,
      areas: [{ name: '理论学习', indicators: [{ name: '出勤率', kind: 'auto', maxPoints: 40 }] }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('areas.0.indicators.0');
    expect(bad.json().detail).toContain('数据来源');
    const flat = await call('office', 'POST', '/api/v1/assessments', {
      ...body,
      areas: [
        {
          name: '理论学习',
          indicators: [
            {
              name: '出勤率',
              kind: 'auto',
              maxPoints: 40,
              source: 'study.attendanceRate',
              rule: { type: 'linear', from: 1, to: 1 },
            },
          ],
        },
      ],
    });
    expect(flat.statusCode).toBe(400);
    const unknown = await call('office', 'POST', '/api/v1/assessments', {
      ...body,
      areas: [
        {
          name: '领域',
          indicators: [{ name: '某', kind: 'auto', maxPoints: 5, source: 'nope.x', rule: { type: 'deduct', per: 1 } }],
        },
      ],
    });
    expect(unknown.statusCode).toBe(400);
    const backwards = await call('office', 'POST', '/api/v1/assessments', { ...body, periodTo: '2000-01-01' });
    expect(backwards.json().errors[0].path).toBe('periodTo');
    const huge = await call('office', 'POST', '/api/v1/assessments', { ...body, orgId: 2 ** 31 });
    expect(huge.statusCode).toBe(400);
    expect((await call('officer', 'POST', '/api/v1/assessments', body)).statusCode).toBe(403);

    const res = await call('office', 'POST', '/api/v1/assessments', body);
    expect(res.statusCode, res.body).toBe(201);
    a = res.json();
    expect(a.status).toBe('draft');
    expect(a.areas.map((x: Json) => x.name)).toEqual(['理论学习', '加分与否决']);
    expect(a.abilities).toMatchObject({ update: true, finalise: true, publish: false });
  });

  it('previews live scores ranked within each group; a unit without data is listed apart', async () => {
    const { fx } = h();
    const s = await scores('office');
    const row = (id: number) => s.items.find((i: Json) => i.orgId === id);
    // branchA: attendance 2/3 → 40 × (2/3 − 0.5) / 0.5 = 13.33; 三会一课 8 required, 1 held → 10 − 7 × 0.5 = 6.5.
    expect(row(fx.units.branchA.id)).toMatchObject({ score: 19.83, rank: 2, groupSize: 3, stars: 3, group: 'branch' });
    expect(row(fx.units.branchB.id)).toMatchObject({ score: 46.5, rank: 1, stars: 5 });
    // branchC held nothing: no attendance figure, 8 meetings missed → 6 points.
    expect(row(fx.units.branchC.id)).toMatchObject({ score: 6, rank: 3, stars: 3 });
    expect(s.unscored.map((u: Json) => u.orgId)).toEqual([fx.units.brigade.id]);
    expect(s.unscored[0]).toMatchObject({ rank: null, score: null, stars: null });
    const att = row(fx.units.branchA.id).parts.find(
      (p: Json) => p.indicatorId === byName(a.areas[0].indicators, '出勤率'),
    );
    expect(att.value).toBeCloseTo(2 / 3);
    expect(att.evidence).toContain(`/study?campaignId=${campaignId}&orgId=${fx.units.branchA.id}`);
  });

  it('a branch claims a 加分 item (自评); it counts once the office accepts it', async () => {
    const { fx, call } = h();
    const bonus = byName(a.areas[1].indicators, '创新项目');
    const claim = await call('officer', 'POST', `/api/v1/assessments/${a.id}/entries`, {
      indicatorId: bonus,
      orgId: fx.units.branchA.id,
      points: 3,
      reason: '“党建+城管”创新项目获市级表彰',
    });
    expect(claim.statusCode, claim.body).toBe(201);
    expect(claim.json().status).toBe('pending');
    expect(
      (
        await call('officer', 'POST', `/api/v1/assessments/${a.id}/entries`, {
          indicatorId: bonus,
          orgId: fx.units.branchB.id,
          points: 3,
          reason: '越权',
        })
      ).statusCode,
    ).toBe(403);
    expect((await scores('office')).items.find((i: Json) => i.orgId === fx.units.branchA.id).score).toBe(19.83);
    const url = `/api/v1/assessments/${a.id}/entries/${claim.json().id}/review`;
    expect((await call('officer', 'POST', url, { accept: true, version: 1 })).statusCode).toBe(403);
    expect((await call('office', 'POST', url, { accept: true, version: 2 })).statusCode).toBe(409);
    const ok = await call('office', 'POST', url, { accept: true, note: '属实', version: 1 });
    expect(ok.json().status).toBe('accepted');
    expect((await call('office', 'POST', url, { accept: false, version: 2 })).statusCode).toBe(409);
    expect((await scores('office')).items.find((i: Json) => i.orgId === fx.units.branchA.id).score).toBe(22.83);
  });

  it('a 一票否决 cancels the rating whatever the score', async () => {
    const { fx, call } = h();
    const veto = byName(a.areas[1].indicators, '违纪违法');
    const res = await call('office', 'POST', `/api/v1/assessments/${a.id}/entries`, {
      indicatorId: veto,
      orgId: fx.units.branchB.id,
      points: 0,
      reason: '支部委员受到党纪处分',
    });
    expect(res.json().status).toBe('accepted');
    const b = (await scores('office')).items.find((i: Json) => i.orgId === fx.units.branchB.id);
    expect(b).toMatchObject({ score: 46.5, rank: 1, vetoed: true, stars: 0 });
  });

  it('a unit sees only its own score until the ranking is published', async () => {
    const { fx } = h();
    const mine = await scores('officer');
    expect(mine.items.map((i: Json) => i.orgId)).toEqual([fx.units.branchA.id]);
    expect(mine.items[0]).toMatchObject({ rank: 2, groupSize: 3 });
    expect((await scores('outsider')).items.map((i: Json) => i.orgId)).toEqual([fx.units.branchC.id]);
    expect((await h().call('member', 'GET', `/api/v1/assessments/${a.id}/scores`)).statusCode).toBe(404);
  });

  it('定稿 freezes scores and names; later records change nothing; then the ranking is published', async () => {
    const { fx, call, db } = h();
    expect(
      (
        await call('officer', 'POST', `/api/v1/assessments/${a.id}/transitions`, {
          action: 'finalise',
          version: a.version,
        })
      ).statusCode,
    ).toBe(403);
    const fin = await call('office', 'POST', `/api/v1/assessments/${a.id}/transitions`, {
      action: 'finalise',
      version: a.version,
    });
    expect(fin.statusCode, fin.body).toBe(200);
    a = fin.json();
    expect(a).toMatchObject({ status: 'final', published: false });
    const before = await scores('office');
    // Records and names change afterwards: a perfect session in branchA, branchA renamed.
    await call('officer', 'POST', '/api/v1/study/sessions', {
      campaignId,
      orgId: fx.units.branchA.id,
      kind: 'members_meeting',
      mode: 'leader',
      date: today(),
      hours: 1,
      topic: '党员大会',
      attendance: [{ personId: fx.people.memberA2, status: 'present' }],
    });
    await db.updateTable('orgUnits').set({ name: '改名后的支部' }).where('id', '=', fx.units.branchA.id).execute();
    const after = await scores('office');
    expect(after).toEqual(before);
    expect(after.items.find((i: Json) => i.orgId === fx.units.branchA.id).orgName).toBe('办公室党支部');
    // The ranking page: one group by page in rank order, the same rows as the whole answer, and its units
    // without data; a group the assessment does not have is a 400 naming the field.
    const ranked = before.items.filter((i: Json) => i.group === 'branch');
    const page = async (n: number) =>
      (await call('office', 'GET', `/api/v1/assessments/${a.id}/scores?group=branch&page=${n}&pageSize=2`)).json();
    const [p1, p2] = [await page(1), await page(2)];
    expect(p1).toMatchObject({ total: ranked.length, page: 1, pageSize: 2 });
    expect([...p1.items, ...p2.items]).toEqual(ranked);
    expect(p1.unscored).toEqual(before.unscored.filter((i: Json) => i.group === 'branch'));
    const bad = await call('office', 'GET', `/api/v1/assessments/${a.id}/scores?group=nope`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('考核分组');
    expect(
      (await call('office', 'PATCH', `/api/v1/assessments/${a.id}`, { version: a.version, name: '改' })).statusCode,
    ).toBe(409);
    expect(
      (
        await call('office', 'POST', `/api/v1/assessments/${a.id}/transitions`, {
          action: 'finalise',
          version: a.version,
        })
      ).statusCode,
    ).toBe(409);
    const pub = await call('office', 'POST', `/api/v1/assessments/${a.id}/transitions`, {
      action: 'publish',
      version: a.version,
    });
    expect(pub.json().published).toBe(true);
    const seen = await scores('officer');
    expect(seen.items).toHaveLength(3);
    expect(seen.items.find((i: Json) => i.orgId === fx.units.branchB.id).parts).toEqual([]);
    expect(seen.items.find((i: Json) => i.orgId === fx.units.branchA.id).parts.length).toBe(4);
  });

  it('exports the ranking as .xlsx with the frozen names and one column per indicator', async () => {
    const { call } = h();
    const res = await call('office', 'GET', `/api/v1/exports/assessment.xlsx?assessmentId=${a.id}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const text = wb.worksheets[0].getSheetValues().map((r) => (Array.isArray(r) ? r.join('|') : ''));
    const joined = text.join('\n');
    expect(joined).toContain('市容科党支部');
    expect(joined).toContain('办公室党支部');
    expect(joined).toContain('出勤率（40分）');
    expect(joined).toContain('无数据');
    expect((await call('member', 'GET', `/api/v1/exports/assessment.xlsx?assessmentId=${a.id}`)).statusCode).toBe(404);
  });

  it('exports the per-indicator sheet: every unit and indicator with its figure, points and evidence, as the scores show them', async () => {
    const { call } = h();
    const res = await call('office', 'GET', `/api/v1/exports/assessment-indicators.xlsx?assessmentId=${a.id}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0].getSheetValues().filter(Array.isArray) as unknown[][];
    const served = await scores('office');
    const parts = [...served.items, ...served.unscored].flatMap((u: Json) =>
      u.parts.map((p: Json) => ({ org: u.orgName, ...p })),
    );
    // A title row, the header, then one row per unit and indicator in the order of the scores.
    const body = rows.slice(2);
    expect(parts.length).toBeGreaterThan(3);
    expect(body).toHaveLength(parts.length);
    for (const [i, p] of parts.entries()) {
      expect(body[i][2]).toBe(p.org);
      expect(String(body[i][11])).toBe(p.evidence);
      if (p.points !== null && body[i][10] !== '否决' && body[i][10] !== '—') expect(body[i][10]).toBe(p.points);
    }
    expect(
      (await call('member', 'GET', `/api/v1/exports/assessment-indicators.xlsx?assessmentId=${a.id}`)).statusCode,
    ).toBe(404);
  });

  it('exports a 通报 .docx in the GB/T 9704 layout whose tables are the ranking of each group, with stars', async () => {
    const { call } = h();
    const res = await call('office', 'GET', `/api/v1/exports/assessment-bulletin.docx?assessmentId=${a.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const bytes = new Uint8Array(res.rawPayload);
    const { paragraphs } = expectOfficialLayout(bytes, {
      masthead: '考核结果通报',
      number: '本季度',
      title: '关于党支部考核结果的通报',
      distribution: ['发：各参评单位'],
    });
    const texts = paragraphs.map((p) => p.text);
    expect(texts).toContain('一、党支部（3个单位参与排名）');
    const doc = strFromU8(unzipSync(bytes)['word/document.xml']);
    // Every table but the last (the 版记) is a group's ranking: its rows are the scores page's, in rank order.
    const tables = [...doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) => t[0]).slice(0, -1);
    const rowsOf = (tbl: string) =>
      [...tbl.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((tr) =>
        [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) =>
          paragraphsOf(tc[0])
            .map((p) => p.text)
            .join(''),
        ),
      );
    const s = await scores('office');
    const stars = (r: Json) => (r.vetoed ? '一票否决' : r.stars ? '★'.repeat(r.stars) : '—');
    const expected = a.groups
      .map((g: Json) => s.items.filter((r: Json) => r.group === g.key))
      .filter((items: Json[]) => items.length)
      .map((items: Json[]) => [
        ['名次', '单位', '得分', '星级'],
        ...items.map((r: Json) => [String(r.rank), r.orgName, String(r.score), stars(r)]),
      ]);
    expect(tables.map(rowsOf)).toEqual(expected);
    expect(expected[0].slice(1).map((r: string[]) => r[0])).toEqual(['1', '2', '3']);
    expect(expected[0].flat()).toContain('一票否决');
    expect(expected[0].flat().some((c: string) => /^★+$/.test(c))).toBe(true);
    // The header row repeats on every page; a unit of another branch sees only its own row.
    expect(tables[0]).toContain('<w:tblHeader/>');
    const denied = await call('member', 'GET', `/api/v1/exports/assessment-bulletin.docx?assessmentId=${a.id}`);
    expect(denied.statusCode).toBe(404);
  });
});
