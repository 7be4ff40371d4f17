import { expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { emitFindingsRecorded } from '../checks/events.ts';
import { emitBulletinPublished } from '../bulletins/events.ts';

describeEachDb('#notifications from other modules’ events', (h) => {
  const inbox = async (who: string) =>
    (await h().call(who, 'GET', '/api/v1/notifications?unread=true')).json<{ items: Array<Record<string, string>> }>()
      .items;

  it('spot-check findings reach the checked unit’s officers and 第一责任人; a bulletin the 第一责任人 below its unit', async () => {
    const { db, fx } = h();
    const campaignId = await fixtureCampaign(db, fx.units.root.id);
    await db
      .updateTable('orgUnits')
      .set({ secretaryId: fx.people.memberA })
      .where('id', '=', fx.units.branchA.id)
      .execute();
    await db
      .updateTable('orgUnits')
      .set({ secretaryId: fx.people.officerC })
      .where('id', '=', fx.units.branchC.id)
      .execute();
    await db.transaction().execute((trx) =>
      emitFindingsRecorded(trx, {
        checkId: 1,
        campaignId,
        orgId: fx.units.branchA.id,
        orgPath: fx.units.branchA.path,
        date: '2026-11-20',
        method: 'random',
        findings: [{ findingId: 1, problemId: 1, text: '三会一课记录不全' }],
        link: '/checks?open=1',
      }),
    );
    for (const who of ['officer', 'member'])
      expect(
        (await inbox(who)).find((m) => m.event === 'check_findings'),
        who,
      ).toMatchObject({
        title: '督导检查发现 1 个问题（2026-11-20）',
        body: '- 三会一课记录不全',
        link: '/checks?open=1',
      });
    expect((await inbox('outsider')).some((m) => m.event === 'check_findings')).toBe(false);

    await db.transaction().execute((trx) =>
      emitBulletinPublished(trx, {
        bulletinId: 1,
        campaignId,
        numberLabel: '第3期',
        title: '整改工作推进情况',
        orgId: fx.units.committee.id,
        orgPath: fx.units.committee.path,
        reportOrgId: null,
        link: '/bulletins?open=1',
      }),
    );
    expect((await inbox('member')).find((m) => m.event === 'bulletin_published')?.title).toBe(
      '简报第3期：整改工作推进情况',
    );
    expect((await inbox('outsider')).some((m) => m.event === 'bulletin_published')).toBe(false);
  });
});
