/**
 * The maintained figures (db/subtree-tally.ts) must equal a recount from the records after any mix of
 * writes: problems created, moved along their loop, given measures, deleted; units moved; study sessions
 * and make-ups recorded; and days passing (overdue and the colours depend on today's date).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { multipart, PDF_BYTES } from '../../testing/multipart.ts';
import { addDays, shanghaiDate, today } from '../../clock.ts';
import { colourOf, isOverdue } from '../problems/colour.ts';
import { rebuildTally } from '../../db/subtree-tally.ts';
import { TALLY_SOURCES } from '../../tallies.ts';
import { moveSomeUnit, treeUnits } from '../../testing/random-moves.ts';

type Op =
  | { kind: 'create'; unit: number; measures: number[]; longTerm: boolean }
  | { kind: 'step'; pick: number; choice: number }
  | { kind: 'measure'; pick: number; days: number }
  | { kind: 'move'; unit: number; parent: number }
  | { kind: 'days'; n: number }
  | { kind: 'session'; unit: number; absent: number }
  | { kind: 'makeup'; pick: number };

const ops = {
  create: fc.record({
    kind: fc.constant('create' as const),
    unit: fc.nat(),
    measures: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 3 }),
    longTerm: fc.boolean(),
  }),
  step: fc.record({ kind: fc.constant('step' as const), pick: fc.nat(), choice: fc.nat() }),
  measure: fc.record({ kind: fc.constant('measure' as const), pick: fc.nat(), days: fc.integer({ min: 0, max: 5 }) }),
  move: fc.record({ kind: fc.constant('move' as const), unit: fc.nat(), parent: fc.nat() }),
  days: fc.record({ kind: fc.constant('days' as const), n: fc.integer({ min: 1, max: 4 }) }),
  session: fc.record({ kind: fc.constant('session' as const), unit: fc.nat(), absent: fc.nat() }),
  makeup: fc.record({ kind: fc.constant('makeup' as const), pick: fc.nat() }),
};
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: ops.create },
  { weight: 6, arbitrary: ops.step },
  ...[ops.measure, ops.move, ops.days, ops.session, ops.makeup].map((arbitrary) => ({
    weight: 1,
    arbitrary: arbitrary as fc.Arbitrary<Op>,
  })),
);
/** Every kind of write at least once per run (so no run is vacuous), then a random mix. */
const scenario = fc
  .tuple(
    fc.tuple(ops.create, ops.create, ops.move, ops.step, ops.days, ops.session, ops.makeup),
    fc.array(op, { minLength: 15, maxLength: 30 }),
  )
  .map(([each, rest]) => [...each, ...rest] as Op[]);

describeEachDb('#maintained figures', (h) => {
  let campaignId: number;
  let attachmentId: number;
  const realToday = today();
  afterAll(() => {
    delete process.env.TAIZHANG_TODAY;
  });

  beforeAll(async () => {
    const { db, fx, app, call } = h();
    campaignId = await fixtureCampaign(db, fx.units.root.id);
    // Two more levels, so moves re-home deeper subtrees.
    const grp = (
      await call('admin', 'POST', '/api/v1/orgs', { parentId: fx.units.branchC.id, name: '执法一中队', type: 'other' })
    ).json();
    expect(grp.id, JSON.stringify(grp)).toBeTypeOf('number');
    const body = multipart({ name: '佐证.pdf', content: PDF_BYTES, type: 'application/pdf' });
    const file = await app.inject({
      method: 'POST',
      url: '/api/v1/attachments',
      payload: body.payload,
      headers: { ...body.headers, cookie: await h().cookie('admin') },
    });
    attachmentId = file.json().id;
  });

  const admin = (method: string, url: string, body?: unknown) => h().call('admin', method, url, body);
  const units = () => treeUnits(h());

  async function apply(o: Op): Promise<void> {
    const { db, fx } = h();
    const all = await units();
    const problems = await db
      .selectFrom('problems')
      .select(['id', 'status', 'version', 'escalatedFromId'])
      .where('campaignId', '=', campaignId)
      .orderBy('id')
      .execute();
    const pickProblem = (n: number) => (problems.length ? problems[n % problems.length] : undefined);
    switch (o.kind) {
      case 'create': {
        const unit = all[o.unit % all.length];
        const res = await admin('POST', '/api/v1/problems', {
          campaignId,
          orgId: unit.id,
          title: '服务群众“最后一公里”不畅通',
          source: 'self_found',
          kind: o.longTerm ? 'long_term' : 'immediate',
          measures: o.measures.map((d, i) => ({
            content: `措施${i + 1}`,
            ownerOrgId: unit.id,
            deadline: addDays(today(), d),
          })),
        });
        expect(res.statusCode, res.body).toBe(201);
        return;
      }
      case 'step': {
        const p = pickProblem(o.pick);
        if (!p) return;
        const measures = await db
          .selectFrom('problemMeasures')
          .select(['id', 'status', 'version'])
          .where('problemId', '=', p.id)
          .orderBy('id')
          .execute();
        const open = measures.find((m) => m.status === 'open');
        const t = (action: string, extra: object = {}) =>
          admin('POST', `/api/v1/problems/${p.id}/transitions`, { action, version: p.version, ...extra });
        let res;
        if (p.status === 'draft' && !measures.length)
          res = await admin('POST', `/api/v1/problems/${p.id}/measures`, {
            content: '上级承接措施',
            deadline: addDays(today(), o.choice % 5),
          });
        else if (p.status === 'draft')
          res =
            o.choice % 3 === 0
              ? await admin('DELETE', `/api/v1/problems/${p.id}?version=${p.version}`)
              : await t('confirm');
        else if (p.status === 'in_progress' && o.choice % 4 === 0) res = await t('escalate');
        else if (p.status === 'in_progress' && open)
          res = await admin('PATCH', `/api/v1/problems/${p.id}/measures/${open.id}`, {
            status: 'done',
            version: open.version,
          });
        else if (p.status === 'in_progress')
          res = await t('submit', { effect: '已整改到位', attachmentIds: [attachmentId] });
        else if (p.status === 'submitted')
          res = o.choice % 2 ? await t('approve') : await t('reject', { reason: '成效不明显' });
        else return;
        // Escalating twice or from the top unit, or deleting a problem that was escalated on, is refused; anything else must work.
        if (res.statusCode === 409 && /已上报|顶级单位|不能删除/.test(res.json().detail)) return;
        expect(res.statusCode, res.body).toBeLessThan(300);
        return;
      }
      case 'measure': {
        const p = pickProblem(o.pick);
        if (!p || (p.status !== 'draft' && p.status !== 'in_progress')) return;
        const res = await admin('POST', `/api/v1/problems/${p.id}/measures`, {
          content: '补充措施',
          deadline: addDays(today(), o.days),
        });
        expect(res.statusCode, res.body).toBe(201);
        return;
      }
      case 'move':
        return moveSomeUnit(h(), all, o);
      case 'days':
        process.env.TAIZHANG_TODAY = addDays(today(), o.n);
        return;
      case 'session': {
        const unit = all[o.unit % all.length];
        const people = await db
          .selectFrom('people')
          .select('id')
          .where('orgPath', '>=', unit.path)
          .where('orgPath', '<', `${unit.path.slice(0, -1)}0`)
          .orderBy('id')
          .execute();
        if (!people.length) return;
        const absentee = people[o.absent % people.length].id;
        const attendance = people.map((p) =>
          p.id === absentee && o.absent % 3 !== 0
            ? { personId: p.id, status: 'absent', reason: '出差' }
            : { personId: p.id, status: 'present' },
        );
        const res = await admin('POST', '/api/v1/study/sessions', {
          campaignId,
          orgId: unit.id,
          kind: 'members_meeting',
          mode: 'exchange',
          date: today(),
          hours: 2,
          topic: '专题学习',
          attendance,
        });
        expect(res.statusCode, res.body).toBe(201);
        return;
      }
      case 'makeup': {
        const items = await db.selectFrom('makeupItems').select(['id', 'status', 'version']).orderBy('id').execute();
        if (!items.length) return;
        const m = items[o.pick % items.length];
        const res = await admin(
          'PATCH',
          `/api/v1/study/makeups/${m.id}`,
          m.status === 'open'
            ? { status: 'done', version: m.version, madeUpDate: today() }
            : { status: 'open', version: m.version },
        );
        expect(res.statusCode, res.body).toBeLessThan(300);
        void fx;
        return;
      }
    }
  }

  /** The figures recounted from the records in JavaScript, with the colour rule's own code. */
  async function recount(unitPath: string) {
    const { db } = h();
    const t = today();
    const yellowUntil = addDays(t, 7);
    const problems = await db.selectFrom('problems').selectAll().where('campaignId', '=', campaignId).execute();
    const measures = await db
      .selectFrom('problemMeasures')
      .select(['problemId', 'deadline', 'status', 'doneAt'])
      .execute();
    const mine = problems.filter((p) => p.orgPath.startsWith(unitPath));
    const zero = { draft: 0, in_progress: 0, submitted: 0, closed: 0 } as Record<string, number>;
    const out = {
      total: 0,
      closed: 0,
      cleared: 0,
      onTime: 0,
      overdue: 0,
      escalated: 0,
      byStatus: { ...zero },
      byColour: { red: 0, yellow: 0, green: 0, blue: 0, none: 0 } as Record<string, number>,
    };
    for (const p of mine) {
      const ms = measures.filter((m) => m.problemId === p.id);
      const open = ms
        .filter((m) => m.status === 'open')
        .map((m) => m.deadline)
        .sort();
      const judged = { status: p.status, kind: p.kind, dueDate: open[0] ?? null };
      out.total++;
      out.byStatus[p.status]++;
      out.byColour[colourOf(judged, t, yellowUntil)]++;
      if (p.status === 'closed') out.closed++;
      if (p.status === 'closed' && p.kind === 'immediate') out.cleared++;
      if (p.status === 'closed' && ms.every((m) => !m.doneAt || shanghaiDate(new Date(m.doneAt)) <= m.deadline))
        out.onTime++;
      if (isOverdue(judged, t)) out.overdue++;
      if (p.escalatedFromId !== null) out.escalated++;
    }
    const sessions = await db
      .selectFrom('studySessions')
      .select(['id', 'orgPath'])
      .where('campaignId', '=', campaignId)
      .execute();
    const attendance = await db.selectFrom('sessionAttendance').selectAll().execute();
    const makeups = await db.selectFrom('makeupItems').select(['sessionId', 'personId', 'status']).execute();
    const ids = new Set(sessions.filter((s) => s.orgPath.startsWith(unitPath)).map((s) => s.id));
    const att = attendance.filter((a) => ids.has(a.sessionId));
    const uncovered = new Set(
      att
        .filter(
          (a) =>
            a.status === 'absent' &&
            !makeups.some((m) => m.sessionId === a.sessionId && m.personId === a.personId && m.status === 'done'),
        )
        .map((a) => a.sessionId),
    );
    const present = att.filter((a) => a.status === 'present').length;
    const study = {
      sessions: ids.size,
      attendanceRate: att.length ? present / att.length : 0,
      coverage: ids.size ? (ids.size - uncovered.size) / ids.size : 0,
      uncoveredSessions: uncovered.size,
      openMakeups: makeups.filter((m) => ids.has(m.sessionId) && m.status === 'open').length,
    };
    return { problems: out, study };
  }

  async function expectFiguresMatch(): Promise<void> {
    for (const unit of await units()) {
      const res = await admin('GET', `/api/v1/dashboard?campaignId=${campaignId}&orgId=${unit.id}`);
      expect(res.statusCode, res.body).toBe(200);
      const shown = res.json();
      const truth = await recount(unit.path);
      expect({ unit: unit.path, problems: shown.problems }).toEqual({ unit: unit.path, problems: truth.problems });
      expect(shown.study.sessions).toBe(truth.study.sessions);
      expect(shown.study.openMakeups).toBe(truth.study.openMakeups);
      expect(shown.study.uncoveredSessions).toBe(truth.study.uncoveredSessions);
      expect(shown.study.attendanceRate).toBeCloseTo(truth.study.attendanceRate, 10);
      expect(shown.study.coverage).toBeCloseTo(truth.study.coverage, 10);
    }
  }

  it('equal a recount after random creates, transitions, deletions, unit moves, study records and days passing', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (run) => {
        for (const o of run) await apply(o);
        await expectFiguresMatch();
      }),
      { numRuns: 4, endOnFailure: true },
    );
    // Units moved and days passed, so the check above was not vacuous.
    const { db } = h();
    expect(
      Number(
        (
          await db
            .selectFrom('auditEvents')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('action', '=', 'move')
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBeGreaterThan(0);
    expect(today() > realToday).toBe(true);
  });

  it('agree with a rebuild from scratch (rows counted down to zero aside), and the per-unit 整改统计 reads the same numbers', async () => {
    const { db } = h();
    const snapshot = async () => ({
      problems: await db
        .selectFrom('problemTallies')
        .selectAll()
        .where('n', '!=', 0)
        .orderBy('orgId')
        .orderBy('campaignId')
        .orderBy('status')
        .orderBy('kind')
        .orderBy('dueDate')
        .orderBy('escalated')
        .orderBy('onTime')
        .execute(),
      study: await db
        .selectFrom('studyTallies')
        .selectAll()
        .where('sessions', '!=', 0)
        .orderBy('orgId')
        .orderBy('campaignId')
        .orderBy('kind')
        .orderBy('uncoveredOn')
        .execute(),
    });
    const maintained = await snapshot();
    expect(maintained.problems.length).toBeGreaterThan(0);
    for (const src of TALLY_SOURCES) await db.transaction().execute((trx) => rebuildTally(trx, src));
    expect(await snapshot()).toEqual(maintained);

    const root = (await units())[0];
    const figures = (await admin('GET', `/api/v1/problems/figures?campaignId=${campaignId}&orgId=${root.id}`)).json();
    const truth = await recount(root.path);
    expect(figures.total.figures).toEqual({
      total: truth.problems.total,
      closed: truth.problems.closed,
      cleared: truth.problems.cleared,
      onTime: truth.problems.onTime,
      overdue: truth.problems.overdue,
      escalated: truth.problems.escalated,
    });
    const sum = figures.rows.reduce((s: number, r: { figures: { total: number } }) => s + r.figures.total, 0);
    expect(sum).toBe(truth.problems.total);
  });

  it('stays exact when many writers update the tally rows of their common ancestors at once', async () => {
    const { fx } = h();
    const writers = [fx.units.branchA, fx.units.branchB, fx.units.branchC, fx.units.committee, fx.units.brigade];
    const drafts = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        admin('POST', '/api/v1/problems', {
          campaignId,
          orgId: writers[i % writers.length].id,
          title: `并发登记${i}`,
          source: 'self_found',
          kind: i % 2 ? 'long_term' : 'immediate',
          measures: [{ content: '措施', deadline: addDays(today(), i % 4) }],
        }),
      ),
    );
    expect(drafts.map((r) => r.statusCode)).toEqual(drafts.map(() => 201));
    const confirmed = await Promise.all(
      drafts.map((r) =>
        admin('POST', `/api/v1/problems/${r.json().id}/transitions`, { action: 'confirm', version: r.json().version }),
      ),
    );
    expect(confirmed.map((r) => r.statusCode)).toEqual(confirmed.map(() => 200));
    const root = (await units())[0];
    const shown = (await admin('GET', `/api/v1/dashboard?campaignId=${campaignId}&orgId=${root.id}`)).json();
    expect(shown.problems).toEqual((await recount(root.path)).problems);
  });

  it('counts live, and as the list does, for a caller who sees only part of a subtree', async () => {
    const { call } = h();
    const root = (await units())[0];
    // The leader sees the root unit itself and the branch they guide (分管), not the whole tree.
    const shown = await call('leader', 'GET', `/api/v1/dashboard?campaignId=${campaignId}&orgId=${root.id}`);
    expect(shown.statusCode, shown.body).toBe(200);
    const list = (
      await call('leader', 'GET', `/api/v1/problems?campaignId=${campaignId}&orgId=${root.id}&pageSize=1`)
    ).json();
    const overdue = (
      await call('leader', 'GET', `/api/v1/problems?campaignId=${campaignId}&orgId=${root.id}&overdue=true&pageSize=1`)
    ).json();
    expect(shown.json().problems.total).toBe(list.total);
    expect(shown.json().problems.overdue).toBe(overdue.total);
    expect(shown.json().problems.total).toBeLessThan((await recount(root.path)).problems.total);
    expect(shown.json().study.sessions).toBeLessThanOrEqual((await recount(root.path)).study.sessions);
  });

  it('gives the 问题清单 the maintained total for filters that are tally dimensions, equal to the rows it lists', async () => {
    for (const unit of await units()) {
      const truth = (await recount(unit.path)).problems;
      const cases: Array<[string, number]> = [
        ...Object.entries(truth.byStatus).map(([status, n]) => [`status=${status}`, n] as [string, number]),
        ...Object.entries(truth.byColour).map(([colour, n]) => [`colour=${colour}`, n] as [string, number]),
        ['overdue=true', truth.overdue],
        ['overdue=false', truth.total - truth.overdue],
        ['escalated=true', truth.escalated],
      ];
      for (const [query, expected] of cases) {
        const page = (
          await admin('GET', `/api/v1/problems?campaignId=${campaignId}&orgId=${unit.id}&${query}&pageSize=100`)
        ).json();
        expect({ unit: unit.path, query, total: page.total, listed: page.items.length }).toEqual({
          unit: unit.path,
          query,
          total: expected,
          listed: expected,
        });
      }
    }
  });
});
