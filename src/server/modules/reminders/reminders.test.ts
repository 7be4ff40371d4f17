import { beforeAll, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { addDays } from '../../clock.ts';
import { runReminders } from './run.ts';
import { reminderSources } from './sources.ts';

/** Every reminder message so far: (day it was claimed, account, step) from the claims, and the messages. */
async function sentLog(db: Kysely<Database>, itemIds: number[]) {
  const claims = await db
    .selectFrom('reminderClaims')
    .innerJoin('users', 'users.id', 'reminderClaims.userId')
    .select(['reminderClaims.date', 'users.username', 'reminderClaims.step', 'reminderClaims.itemId'])
    .where('reminderClaims.itemId', 'in', itemIds)
    .orderBy('reminderClaims.id')
    .execute();
  return claims.map((c) => `${c.date} ${c.username} ${c.step}`);
}

/** A measure of a new problem in 支部A, owned by `member`, led by `leader`, with the given deadline. */
export async function measureDue(h: Harness, campaignId: number, deadline: string, title = '学习走过场') {
  const { call, fx } = h;
  // Recorded well before the deadline (a deadline may not lie in the past when it is set).
  process.env.TAIZHANG_TODAY = '2026-09-01';
  const res = await call('officer', 'POST', '/api/v1/problems', {
    campaignId,
    orgId: fx.units.branchA.id,
    title,
    description: '集中学习流于形式',
    source: 'self_found',
    category: '理论学习',
    rootCauses: ['ideological'],
    kind: 'immediate',
    measures: [{ content: '建立学习督查制度', ownerId: fx.people.memberA, leaderId: fx.people.leader, deadline }],
  });
  delete process.env.TAIZHANG_TODAY;
  expect(res.statusCode, res.body).toBe(201);
  return res.json().measures[0].id as number;
}

const rule = (days: number) => ({ enabled: true, beforeDays: days, chiefAfterDays: days, upAfterDays: days });

describeEachDb('#reminders', (h) => {
  let campaignId: number;
  beforeAll(async () => {
    const { db, fx } = h();
    campaignId = await fixtureCampaign(db, fx.units.root.id);
    // 第一责任人: 支部A's is its officer; the 机关党委 above it is led by the office head (上追一级).
    await db
      .updateTable('orgUnits')
      .set({ secretaryId: fx.people.officerA })
      .where('id', '=', fx.units.branchA.id)
      .execute();
    await db
      .updateTable('orgUnits')
      .set({ secretaryId: fx.people.officeHead })
      .where('id', '=', fx.units.committee.id)
      .execute();
  });

  it('across the 2026 Mid-Autumn and National Day holidays: each step once, to the right people, on working days', async () => {
    const { db } = h();
    // Due Wednesday 30 September; 1–7 October are holidays and Saturday 10 October a make-up workday.
    const measureId = await measureDue(h(), campaignId, '2026-09-30');
    for (let day = '2026-09-20'; day <= '2026-10-20'; day = addDays(day, 1)) {
      await runReminders(db, { today: day, sources: reminderSources });
      // A restart on the same day (or a second node) sends nothing new.
      const again = await runReminders(db, { today: day, sources: reminderSources });
      expect(again.sent, day).toBe(0);
    }
    expect(await sentLog(db, [measureId])).toEqual([
      // three working days before: 29, 28 and 24 September (the 25th is Mid-Autumn, then a weekend)
      '2026-09-24 member before',
      // the first working day after the deadline is 8 October: the 责任人 and the 分管领导 (责任领导)
      '2026-10-08 leader overdue',
      '2026-10-08 member overdue',
      // two working days later — 9 and the make-up Saturday 10 October — the unit's 第一责任人
      '2026-10-10 officer chief',
      // three more (12, 13, 14 October): the upper unit's 第一责任人
      '2026-10-14 office up',
    ]);
    const msgs = await db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.userId')
      .select(['users.username', 'notifications.title', 'notifications.link'])
      .where('notifications.event', '=', 'reminder')
      .orderBy('notifications.id')
      .execute();
    expect(msgs.map((m) => m.username)).toEqual(['member', 'leader', 'member', 'officer', 'office']);
    expect(msgs[0].title).toBe('整改措施即将到期：学习走过场：建立学习督查制度');
    expect(msgs[3].title).toContain('报第一责任人');
    expect(msgs[0].link).toMatch(/^\/problems\?open=\d+&action=progress$/);
  });

  it('a day’s reminders reach a person as one digest; done measures and closed problems are not reminded', async () => {
    const { db, call } = h();
    const day = '2026-11-16'; // a Monday
    const ids = [
      await measureDue(h(), campaignId, '2026-11-17', '甲'),
      await measureDue(h(), campaignId, '2026-11-18', '乙'),
      await measureDue(h(), campaignId, '2026-11-18', '丙'),
    ];
    const p = (await call('officer', 'GET', `/api/v1/problems?campaignId=${campaignId}&pageSize=200`)).json();
    const third = p.items.find((x: { title: string }) => x.title === '丙');
    const detail = (await call('officer', 'GET', `/api/v1/problems/${third.id}`)).json();
    await call('member', 'PATCH', `/api/v1/problems/${third.id}/measures/${detail.measures[0].id}`, {
      status: 'done',
      version: detail.measures[0].version,
    });
    const before = await db.selectFrom('notifications').select('id').where('event', '=', 'reminder').execute();
    const r = await runReminders(db, { today: day, sources: reminderSources });
    expect(r).toMatchObject({ sent: 2, messages: 1 });
    const digest = await db
      .selectFrom('notifications')
      .selectAll()
      .where('event', '=', 'reminder')
      .where(
        'id',
        'not in',
        before.map((b) => b.id),
      )
      .execute();
    expect(digest).toHaveLength(1);
    expect(digest[0].title).toBe('时限提醒：2 项整改措施临期或逾期');
    expect(digest[0].body).toContain('甲');
    expect(digest[0].body).toContain('乙');
    expect(digest[0].body).not.toContain('丙');
    expect(await sentLog(db, ids)).toEqual(['2026-11-16 member before', '2026-11-16 member before']);
  });

  it('a campaign’s own rule, set through the API, changes the days; a disabled rule sends nothing', async () => {
    const { db, call } = h();
    const id = await measureDue(h(), campaignId, '2026-12-18', '丁'); // a Friday
    const url = `/api/v1/campaigns/${campaignId}/reminder-rule`;
    const initial = (await call('office', 'GET', url)).json();
    expect(initial).toMatchObject({ isDefault: true, beforeDays: 3, chiefAfterDays: 2, upAfterDays: 3, version: 0 });
    expect(initial.abilities.update).toBe(true);
    const bad = await call('office', 'PUT', url, { ...rule(1), beforeDays: 31, version: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toContain('beforeDays');
    expect((await call('office', 'GET', url)).json().isDefault).toBe(true); // nothing written
    const saved = await call('office', 'PUT', url, { ...rule(1), version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ isDefault: false, beforeDays: 1, version: 1 });
    // A second writer with the stale "defaults" version is refused, and the rule stays as saved.
    expect((await call('admin', 'PUT', url, { ...rule(5), version: 0 })).statusCode).toBe(409);
    expect((await call('secretary', 'PUT', url, { ...rule(5), version: 1 })).statusCode).toBe(403);
    await runReminders(db, { today: '2026-12-16', sources: reminderSources });
    expect(await sentLog(db, [id])).toEqual([]);
    await runReminders(db, { today: '2026-12-17', sources: reminderSources });
    expect(await sentLog(db, [id])).toEqual(['2026-12-17 member before']);
    const off = await call('admin', 'PUT', url, { ...rule(1), enabled: false, version: 1 });
    expect(off.json()).toMatchObject({ enabled: false, version: 2 });
    await runReminders(db, { today: '2026-12-21', sources: reminderSources });
    expect(await sentLog(db, [id])).toEqual(['2026-12-17 member before']);
    const audit = (await call('admin', 'GET', '/api/v1/audit?entityType=reminder_rule')).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(['update', 'create']);
    await db.deleteFrom('reminderRules').where('campaignId', '=', campaignId).execute();
  });
});
