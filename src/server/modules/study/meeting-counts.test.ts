/**
 * 三会一课 held per unit, quarter and kind (meeting-counts.ts) against a direct count: random sessions of the
 * required kinds on random past days (across quarters), some corrected to another kind or day, units moved
 * and days passing — the kept counts equal a grouping of the sessions, a rebuild gives the same rows, and the
 * 预警 "behind its quarter" for every unit equals the total of the list it opens and a recount from the
 * sessions with expectedSoFar — on both databases. Units also change type, are added, and are deactivated and
 * reactivated, since the 三会一课 tally (meeting-tally.ts) counts units by type and whether they are active;
 * a rebuild of that tally gives the same rows.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { addDays, today } from '../../clock.ts';
import { rebuildMeetingCounts } from './meeting-counts.ts';
import { meetingTally } from './meeting-tally.ts';
import { rebuildTally } from '../../db/subtree-tally.ts';
import { expectedSoFar, quarterSoFar } from './meetings-behind.ts';
import { moveSomeUnit } from '../../testing/random-moves.ts';

const KINDS = ['members_meeting', 'committee_meeting', 'group_meeting', 'party_lecture'];

type Op =
  | { kind: 'session'; unit: number; back: number; meeting: number }
  | { kind: 'correct'; pick: number; back: number; meeting: number }
  | { kind: 'move'; unit: number; parent: number }
  | { kind: 'days'; n: number }
  | { kind: 'retype'; unit: number; type: number }
  | { kind: 'add'; parent: number; type: number }
  | { kind: 'toggle'; unit: number };

const TYPES = ['branch', 'general_branch', 'party_committee'];

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('session' as const),
      unit: fc.nat(),
      back: fc.nat(120),
      meeting: fc.nat(KINDS.length - 1),
    }),
    weight: 5,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('correct' as const),
      pick: fc.nat(),
      back: fc.nat(120),
      meeting: fc.nat(KINDS.length - 1),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('move' as const), unit: fc.nat(), parent: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('days' as const), n: fc.integer({ min: 1, max: 30 }) }), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constant('retype' as const), unit: fc.nat(), type: fc.nat(TYPES.length - 1) }),
    weight: 1,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('add' as const), parent: fc.nat(), type: fc.nat(TYPES.length - 1) }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('toggle' as const), unit: fc.nat() }), weight: 1 },
);

describeEachDb('study: 三会一课 counts per quarter equal a direct count', (h) => {
  let campaignId = 0;
  afterAll(() => {
    delete process.env.TAIZHANG_TODAY;
  });
  beforeAll(async () => {
    campaignId = await fixtureCampaign(h().db, h().fx.units.root.id);
  });

  const admin = (method: string, url: string, body?: unknown) => h().call('admin', method, url, body);
  const units = () =>
    h()
      .db.selectFrom('orgUnits')
      .select(['id', 'path', 'parentId', 'version', 'type', 'active'])
      .orderBy('id')
      .execute();

  async function apply(o: Op): Promise<void> {
    const { db } = h();
    const all = await units();
    switch (o.kind) {
      case 'session': {
        const unit = all[o.unit % all.length];
        const person = await db
          .selectFrom('people')
          .select('id')
          .where('orgPath', '>=', unit.path)
          .where('orgPath', '<', `${unit.path.slice(0, -1)}0`)
          .orderBy('id')
          .executeTakeFirst();
        if (!person) return;
        const res = await admin('POST', '/api/v1/study/sessions', {
          campaignId,
          orgId: unit.id,
          kind: KINDS[o.meeting],
          mode: 'exchange',
          date: addDays(today(), -o.back),
          hours: 2,
          topic: '三会一课',
          attendance: [{ personId: person.id, status: 'present' }],
        });
        expect(res.statusCode, res.body).toBe(201);
        return;
      }
      case 'correct': {
        const sessions = await db.selectFrom('studySessions').select('id').orderBy('id').execute();
        if (!sessions.length) return;
        const s = (await admin('GET', `/api/v1/study/sessions/${sessions[o.pick % sessions.length].id}`)).json();
        // A unit move may have taken an attendee out of the session's unit: a correction keeps those still in it.
        const unitPath = all.find((u) => u.id === s.orgId)!.path;
        const attendance = await db
          .selectFrom('sessionAttendance')
          .innerJoin('people', 'people.id', 'sessionAttendance.personId')
          .select(['sessionAttendance.personId', 'sessionAttendance.status'])
          .where('sessionAttendance.sessionId', '=', s.id)
          .where('people.orgPath', '>=', unitPath)
          .where('people.orgPath', '<', `${unitPath.slice(0, -1)}0`)
          .execute();
        if (!attendance.length) return;
        const res = await admin('PATCH', `/api/v1/study/sessions/${s.id}`, {
          version: s.version,
          kind: KINDS[o.meeting],
          mode: s.mode,
          date: addDays(today(), -o.back),
          hours: s.hours,
          topic: s.topic,
          attendance: attendance.map((a) => ({ personId: a.personId, status: 'present' })),
        });
        expect(res.statusCode, res.body).toBe(200);
        return;
      }
      case 'move':
        return moveSomeUnit(h(), all, o);
      case 'days':
        process.env.TAIZHANG_TODAY = addDays(today(), o.n);
        return;
      case 'retype': {
        const unit = all[o.unit % all.length];
        const res = await admin('PATCH', `/api/v1/orgs/${unit.id}`, { version: unit.version, type: TYPES[o.type] });
        expect(res.statusCode, res.body).toBe(200);
        return;
      }
      case 'add': {
        const parent = all.filter((u) => u.active === 1)[o.parent % all.filter((u) => u.active === 1).length];
        const res = await admin('POST', '/api/v1/orgs', { parentId: parent.id, name: '新支部', type: TYPES[o.type] });
        expect(res.statusCode, res.body).toBe(201);
        return;
      }
      case 'toggle': {
        // Only a unit with no active children or people may be deactivated (the ones 'add' made).
        const unit = all[o.unit % all.length];
        const action = unit.active === 1 ? 'deactivate' : 'activate';
        const res = await admin('POST', `/api/v1/orgs/${unit.id}/${action}`, { version: unit.version });
        expect([200, 400, 409, 422], res.body).toContain(res.statusCode);
        return;
      }
    }
  }

  const counts = () =>
    h()
      .db.selectFrom('studyMeetingCounts')
      .select(['orgId', 'quarter', 'kind', 'n'])
      .where('n', '!=', 0)
      .orderBy('orgId')
      .orderBy('quarter')
      .orderBy('kind')
      .execute();

  async function expectCountsMatch() {
    const { db } = h();
    const sessions = await db.selectFrom('studySessions').select(['orgId', 'kind', 'date']).execute();
    const quarterOf = (d: string) => `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
    const direct = new Map<string, number>();
    for (const s of sessions) {
      const k = `${s.orgId}|${quarterOf(s.date)}|${s.kind}`;
      direct.set(k, (direct.get(k) ?? 0) + 1);
    }
    const kept = await counts();
    expect(new Map(kept.map((c) => [`${c.orgId}|${c.quarter}|${c.kind}`, Number(c.n)]))).toEqual(direct);

    // The warning, per unit, against the rule recomputed from the sessions themselves.
    const day = today();
    const q = quarterSoFar(day);
    const requirements = await db.selectFrom('meetingRequirements').selectAll().execute();
    const all = await units();
    for (const u of all) {
      let behind = 0;
      for (const v of all.filter((x) => x.path.startsWith(u.path) && x.active === 1)) {
        let short = 0;
        for (const r of requirements.filter((r) => r.orgType === v.type)) {
          const due = expectedSoFar(r.perQuarter, q.elapsed, q.length);
          const held = sessions.filter(
            (s) => s.orgId === v.id && s.kind === r.kind && s.date >= q.from && s.date <= day,
          ).length;
          short += Math.max(0, due - held);
        }
        if (short >= 1) behind++;
      }
      const res = await admin(
        'GET',
        `/api/v1/warnings?campaignId=${campaignId}&orgId=${u.id}&kind=study_meetings_behind`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const item = res.json().items[0];
      expect(item.count, `unit ${u.id} on ${day}`).toBe(behind);
      expect(item.count).toBe((await admin('GET', item.api)).json().total);
    }
  }

  it('after random sessions, corrections, unit moves and days passing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 3, maxLength: 12 }), async (run) => {
        for (const o of run) await apply(o);
        await expectCountsMatch();
      }),
      { numRuns: 6, endOnFailure: true },
    );
    expect((await counts()).length).toBeGreaterThan(0);
  });

  const unitTally = () =>
    h()
      .db.selectFrom('unitMeetingTallies')
      .selectAll()
      .where('n', '!=', 0)
      .orderBy(['orgId', 'orgType', 'active', 'quarter', 'held'])
      .execute();

  it('the kept counts equal a rebuild from scratch', async () => {
    const kept = await counts();
    const keptUnits = await unitTally();
    expect(keptUnits.length).toBeGreaterThan(0);
    await h()
      .db.transaction()
      .execute(async (trx) => {
        await rebuildMeetingCounts(trx);
        await rebuildTally(trx, meetingTally);
      });
    expect(await counts()).toEqual(kept);
    expect(await unitTally()).toEqual(keptUnits);
  });
});
