import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { readSheet } from '../../io/xlsx-sheet.ts';
import { workbookOf, type Cell } from '../../testing/ledger-corpus.ts';
import { confirmed, importOneStep, previewOf, settled } from '../../testing/ledger-import.ts';

/** A 签到表 as a branch prints it: a title, a 时间/地点 line, signatures and ticks, a 请假原因 column, a total row. */
const signInSheet = (rows: Cell[][]) =>
  workbookOf({
    name: '签到表',
    rows: [
      ['办公室党支部主题党日签到表', null, null, null, null],
      ['时间：2026年11月1日', null, '地点：三楼会议室', null, null],
      ['序号', '姓　名', '职务', '本人签名', '请假原因'],
      ...rows,
      [],
      ['合计', '应到3人，实到2人', null, null, null],
    ],
    merges: ['A1:E1'],
  });

describeEachDb('study: 签到表 import and export', (h) => {
  let sessionId = 0;
  beforeAll(async () => {
    const { db, fx, call } = h();
    const campaignId = await fixtureCampaign(db, fx.units.root.id);
    const res = await call('officer', 'POST', '/api/v1/study/sessions', {
      campaignId,
      orgId: fx.units.branchA.id,
      kind: 'members_meeting',
      mode: 'exchange',
      date: '2026-11-01',
      hours: 2,
      topic: '主题党日',
      attendance: [],
    });
    expect(res.statusCode, res.body).toBe(201);
    sessionId = res.json().id;
  });
  const target = () => ({ sessionId: String(sessionId) });
  const attendance = async () =>
    (await h().db.selectFrom('sessionAttendance').selectAll().where('sessionId', '=', sessionId).execute())
      .map((a) => `${a.personId}:${a.status}:${a.reason}`)
      .sort();

  it('reads a printed sign-in sheet: signatures and ticks are present, a blank signature with a reason absent', async () => {
    const { fx, call } = h();
    const file = await signInSheet([
      [1, '赵立新', '支部书记', '赵立新', null],
      [2, '孙　晓雨', '科员', '√', null],
      [3, '钱多多', '科员', null, '外出执法'],
    ]);
    const res = await importOneStep(h(), 'officer', 'attendance', file, target());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 3, updated: 0 });
    expect(await attendance()).toEqual(
      [
        `${fx.people.officerA}:present:`,
        `${fx.people.memberA}:present:`,
        `${fx.people.memberA2}:absent:外出执法`,
      ].sort(),
    );
    const makeups = (await call('officer', 'GET', `/api/v1/study/makeups?sessionId=${sessionId}`)).json().items;
    expect(makeups.map((m: { personId: number }) => m.personId)).toEqual([fx.people.memberA2]);
  });

  it('refuses a session out of the caller’s hands (403) or unknown (404) before reading the file', async () => {
    const file = await signInSheet([[1, '赵立新', null, '√', null]]);
    expect((await importOneStep(h(), 'outsider', 'attendance', file, target())).statusCode).toBe(403);
    expect((await importOneStep(h(), 'officer', 'attendance', file, { sessionId: '999999' })).statusCode).toBe(404);
    expect((await importOneStep(h(), 'member', 'attendance', file, target())).statusCode).toBe(403);
  });

  it('asks which namesake signed, then replaces the attendance with the pick', async () => {
    const { fx } = h();
    const twin = await fx.writer.person(fx.units.branchA, '钱多多', '干事');
    const file = await signInSheet([
      [1, '赵立新', null, '√', null],
      [2, '钱多多', null, '√', null],
      [3, '孙晓雨', null, '√', null],
    ]);
    const direct = await importOneStep(h(), 'officer', 'attendance', file, target());
    expect(direct.statusCode).toBe(422);
    expect(direct.json().errors).toEqual([expect.objectContaining({ row: 5, column: '姓名' })]);
    const preview = await previewOf(h(), 'officer', 'attendance', file, target());
    expect(preview.ambiguities).toEqual([
      {
        field: 'name',
        column: '姓名',
        text: '钱多多',
        rows: [5],
        candidates: expect.arrayContaining([
          { id: fx.people.memberA2, label: '钱多多（办公室党支部）' },
          { id: twin, label: '钱多多（办公室党支部）' },
        ]),
      },
    ]);
    await h().call('officer', 'PATCH', `/api/v1/imports/previews/${preview.id}`, {
      resolutions: [{ field: 'name', text: '钱多多', id: twin }],
    });
    expect(await settled(h(), 'officer', preview.id)).toMatchObject({ status: 'ready' });
    expect(await confirmed(h(), 'officer', preview.id)).toMatchObject({ status: 'done', result: { created: 3 } });
    expect(await attendance()).toEqual(
      [`${fx.people.officerA}:present:`, `${twin}:present:`, `${fx.people.memberA}:present:`].sort(),
    );
  });

  it('exports the session’s 签到表 as the caller may see it: the whole roster for officers, a member’s own line', async () => {
    const { app, cookie } = h();
    const get = async (who: string) =>
      readSheet(
        (
          await app.inject({
            method: 'GET',
            url: `/api/v1/exports/attendance.xlsx?sessionId=${sessionId}`,
            headers: { cookie: await cookie(who) },
          })
        ).rawPayload,
        ['姓名', '签到', '缺席原因'],
      );
    const officer = await get('officer');
    expect(officer.rows.map((r) => `${r.cells.姓名.text}:${r.cells.签到.text}`).sort()).toEqual(
      ['赵立新:出席', '钱多多:出席', '孙晓雨:出席'].sort(),
    );
    expect((await get('member')).rows.map((r) => r.cells.姓名.text)).toEqual(['孙晓雨']);
  });
});
