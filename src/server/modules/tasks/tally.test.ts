/**
 * The 重点任务 figures a caller who sees the subtree whole gets (the tasks page's summary line, the dashboard,
 * 预警) come from the maintained tally. After random tasks and sub-tasks, nodes done, weekly updates, 责任单位
 * changed, units moved and days passing, every unit's figures equal a count over the tasks themselves (the
 * list's own query) — with and without 仅重点任务, on both databases; a rebuild gives the very rows the writers
 * maintained.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { multipart, PDF_BYTES } from '../../testing/multipart.ts';
import { moveSomeUnit, treeUnits } from '../../testing/random-moves.ts';
import { WHOLE_ROOT } from '../../lib/warning-kind.ts';
import { addDays, today } from '../../clock.ts';
import { weekOf } from '../../../shared/iso-week.ts';
import { liveTaskFigures } from './figures.ts';
import { thresholdsOf } from './repository.ts';
import { rebuildTaskTally } from './tally.ts';

type Op =
  | { kind: 'task'; lead: number; units: number[]; start: number; length: number; nodes: number[] }
  | { kind: 'split'; pick: number; lead: number; start: number }
  | { kind: 'node'; pick: number }
  | { kind: 'report'; pick: number; progress: number }
  | { kind: 'units'; pick: number; units: number[] }
  | { kind: 'move'; unit: number; parent: number }
  | { kind: 'days'; n: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('task' as const),
      lead: fc.nat(),
      units: fc.array(fc.nat(), { maxLength: 2 }),
      start: fc.integer({ min: -30, max: 10 }),
      length: fc.integer({ min: 5, max: 60 }),
      // Node dates as shares of the task's length; none plans the task to be split instead.
      nodes: fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 3 }),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('split' as const),
      pick: fc.nat(),
      lead: fc.nat(),
      start: fc.integer({ min: 0, max: 5 }),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('node' as const), pick: fc.nat() }), weight: 3 },
  {
    arbitrary: fc.record({ kind: fc.constant('report' as const), pick: fc.nat(), progress: fc.nat(100) }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('units' as const),
      pick: fc.nat(),
      units: fc.array(fc.nat(), { maxLength: 2 }),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('move' as const), unit: fc.nat(), parent: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('days' as const), n: fc.integer({ min: 1, max: 12 }) }), weight: 2 },
);

describeEachDb('tasks: figures from the tally equal a count over the tasks', (h) => {
  let campaignId = 0;
  let evidence = 0;
  afterAll(() => {
    delete process.env.TAIZHANG_TODAY;
  });
  beforeAll(async () => {
    campaignId = await fixtureCampaign(h().db, h().fx.units.root.id);
  });

  const admin = (method: string, url: string, body?: unknown) => h().call('admin', method, url, body);
  const ok = (res: { statusCode: number; body: string }) => expect(res.statusCode, res.body).toBeLessThan(300);

  async function upload(): Promise<number> {
    const body = multipart({ name: '佐证.pdf', content: PDF_BYTES, type: 'application/pdf' });
    const res = await h().app.inject({
      method: 'POST',
      url: '/api/v1/attachments',
      payload: body.payload,
      headers: { ...body.headers, cookie: await h().cookie('admin') },
    });
    ok(res);
    return res.json().id;
  }

  const tasks = () =>
    h().db.selectFrom('tasks').select(['id', 'version', 'startDate', 'endDate', 'done']).orderBy('id').execute();

  async function apply(o: Op): Promise<void> {
    const all = await treeUnits(h());
    const unitIds = (picks: number[]) => [...new Set(picks.map((p) => all[p % all.length].id))];
    const existing = await tasks();
    const picked = (pick: number) => existing[pick % existing.length];
    switch (o.kind) {
      case 'task': {
        const startDate = addDays(today(), o.start);
        const endDate = addDays(startDate, o.length);
        return ok(
          await admin('POST', '/api/v1/tasks', {
            campaignId,
            orgId: all[o.lead % all.length].id,
            title: '重点任务',
            startDate,
            endDate,
            responsibleOrgIds: unitIds(o.units),
            milestones: o.nodes.map((share, i) => ({
              title: `节点${i + 1}`,
              plannedDate: addDays(startDate, Math.round((o.length * share) / 100)),
              weight: i + 1,
            })),
          }),
        );
      }
      case 'split': {
        if (!existing.length) return;
        const parent = picked(o.pick);
        const milestones = await h()
          .db.selectFrom('taskMilestones')
          .select('id')
          .where('taskId', '=', parent.id)
          .execute();
        // A task is planned by nodes or by sub-tasks, and a done one is not split.
        if (milestones.length || parent.done) return;
        const startDate = parent.startDate;
        return ok(
          await admin('POST', '/api/v1/tasks', {
            campaignId,
            parentId: parent.id,
            orgId: all[o.lead % all.length].id,
            title: '子任务',
            startDate,
            endDate: parent.endDate,
            milestones: [{ title: '完成', plannedDate: addDays(startDate, o.start), weight: 1 }],
          }),
        );
      }
      case 'node': {
        const open = await h()
          .db.selectFrom('taskMilestones')
          .select(['id', 'taskId', 'version'])
          .where('doneAt', 'is', null)
          .orderBy('id')
          .execute();
        if (!open.length) return;
        const m = open[o.pick % open.length];
        evidence ||= await upload();
        return ok(
          await admin('PATCH', `/api/v1/tasks/${m.taskId}/milestones/${m.id}`, {
            version: m.version,
            done: true,
            attachmentIds: [evidence],
          }),
        );
      }
      case 'report': {
        if (!existing.length) return;
        const t = picked(o.pick);
        const res = await admin('POST', `/api/v1/tasks/${t.id}/updates`, {
          week: weekOf(today()),
          progress: o.progress / 100,
          note: '本周推进',
        });
        // A done task (403) or one split into sub-tasks (409) takes no update; nothing was written then.
        if (res.statusCode !== 403 && res.statusCode !== 409) ok(res);
        return;
      }
      case 'units': {
        if (!existing.length) return;
        const t = picked(o.pick);
        return ok(
          await admin('PATCH', `/api/v1/tasks/${t.id}`, { version: t.version, responsibleOrgIds: unitIds(o.units) }),
        );
      }
      case 'move':
        return moveSomeUnit(h(), all, o);
      case 'days':
        process.env.TAIZHANG_TODAY = addDays(today(), o.n);
        return;
    }
  }

  async function expectFiguresMatch(): Promise<number> {
    const t = await thresholdsOf(h().db, campaignId);
    let counted = 0;
    for (const u of await treeUnits(h())) {
      for (const topLevel of [false, true]) {
        const res = await admin(
          'GET',
          `/api/v1/tasks/figures?campaignId=${campaignId}&orgId=${u.id}&topLevel=${topLevel}`,
        );
        expect(res.statusCode, res.body).toBe(200);
        const live = await liveTaskFigures(h().db, WHOLE_ROOT, { campaignId, orgPath: u.path, topLevel }, today(), t);
        expect(res.json(), `unit ${u.id} on ${today()}, 仅重点任务 ${topLevel}`).toEqual(live);
        counted += live.behind + live.stale + live.yellow + live.red;
      }
    }
    // The dashboard reads the same tally for the unit and each of its children.
    const root = h().fx.units.root;
    const board = await admin('GET', `/api/v1/dashboard?campaignId=${campaignId}&orgId=${root.id}`);
    expect(board.statusCode, board.body).toBe(200);
    expect(board.json().tasks).toEqual(
      await liveTaskFigures(h().db, WHOLE_ROOT, { campaignId, orgPath: root.path }, today(), t),
    );
    for (const child of board.json().children as Array<{ orgId: number; tasks: unknown }>) {
      const path = (await treeUnits(h())).find((u) => u.id === child.orgId)!.path;
      expect(child.tasks).toEqual(await liveTaskFigures(h().db, WHOLE_ROOT, { campaignId, orgPath: path }, today(), t));
    }
    return counted;
  }

  it('after random tasks, nodes, updates, 责任单位 changes, unit moves and days passing', async () => {
    let warned = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 3, maxLength: 12 }), async (run) => {
        for (const o of run) await apply(o);
        warned += await expectFiguresMatch();
      }),
      { numRuns: 6, endOnFailure: true },
    );
    // Some task was behind, yellow, red or 未更新 at some check, so the comparison was not vacuous.
    expect(warned).toBeGreaterThan(0);
  });

  it('the maintained rows equal a rebuild from scratch', async () => {
    const { db } = h();
    const snapshot = () =>
      db
        .selectFrom('taskTallies')
        .selectAll()
        .where('n', '!=', 0)
        .orderBy(['orgId', 'campaignId', 'topLevel', 'event', 'day', 'day2'])
        .execute();
    const maintained = await snapshot();
    expect(maintained.length).toBeGreaterThan(0);
    await db.transaction().execute((trx) => rebuildTaskTally(trx));
    expect(await snapshot()).toEqual(maintained);
  });
});
