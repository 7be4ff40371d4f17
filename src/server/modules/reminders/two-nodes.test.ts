/**
 * Two app nodes — two separate Node processes (src/server/testing/app-node.ts), each with its own connection —
 * on one PostgreSQL database and on one SQLite file run the day's reminders and drain the group robot's outbox
 * over the same due items at the same time. Every reminder reaches each person once and the (signing) mock
 * robot once; when one node is killed mid-run the other completes the run.
 *
 * The test fails without the once-only mechanism: with the claim insert in run.ts made unconditional, both
 * nodes write every reminder (people and robot) and the "exactly once" assertions below see each twice.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection.ts';
import { buildApp, type App } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { freshDatabase, testDialects, type TestDatabase } from '../../testing/databases.ts';
import { FIXTURE_PASSWORD, fixtureCampaign, standardFixture, type StandardFixture } from '../../testing/fixture.ts';
import { startMockRobot, type MockRobot } from '../../testing/mock-robot.ts';
import { nowIso } from '../../clock.ts';

const TODAY = '2026-11-18'; // a Wednesday
const DUE_TOMORROW = '2026-11-19'; // "before": the 责任人 is reminded
const DUE_YESTERDAY = '2026-11-17'; // "overdue" today: the 责任人 and the 责任领导
const ITEMS = 20;
const EXPECTED_PEOPLE = 10 + 10 * 2;
const TOKEN = 'dt-two-nodes-token';
const SECRET = 'SECtwo-nodes-signing-secret';
const KEY = randomBytes(32).toString('base64');
const NODE_SCRIPT = path.resolve(import.meta.dirname, '../../testing/app-node.ts');

interface NodeReport {
  node: string;
  sent: number;
  robotMessages: number;
  robotsSent: number;
  startedAt: number;
  remindersDoneAt: number;
}

/** A started app node process: `go()` releases it; `recipients` counts the recipients it has committed. */
function startNode(url: string, name: string, pauseMs: number) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [NODE_SCRIPT, url, TODAY, name], {
    env: {
      ...process.env,
      TAIZHANG_SECRET_KEY: KEY,
      TAIZHANG_PUBLIC_URL: 'http://tz.example',
      APP_NODE_PAUSE_MS: String(pauseMs),
    },
  });
  let out = '';
  let err = '';
  const listeners: Array<() => void> = [];
  const state = { recipients: 0 };
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    out += chunk;
    state.recipients = out.split('\n').filter((l) => l.startsWith('recipient ')).length;
    for (const l of listeners) l();
  });
  child.stderr.on('data', (chunk: string) => {
    err += chunk;
  });
  const until = (cond: () => boolean) =>
    new Promise<void>((resolve, reject) => {
      if (cond()) return resolve();
      listeners.push(() => cond() && resolve());
      child.on('exit', () => (cond() ? resolve() : reject(new Error(`${name} exited: ${err}`))));
    });
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    state,
    ready: () => until(() => out.includes('ready\n')),
    afterRecipients: (n: number) => until(() => state.recipients >= n),
    go: () => child.stdin.write('go\n'),
    kill: () => child.kill('SIGKILL'),
    /** The node's final report (it must have exited normally). */
    report: async (): Promise<NodeReport> => {
      const { code } = await exited;
      expect(code, err).toBe(0);
      return JSON.parse(out.trim().split('\n').at(-1)!);
    },
    exited,
  };
}

for (const dialect of testDialects()) {
  describe(`#reminders on two app nodes (two processes) [${dialect}]`, () => {
    let tdb: TestDatabase;
    let fx: StandardFixture;
    let app: App;
    let robot: MockRobot;

    /** 10 measures due tomorrow and 10 overdue since today, owners and leaders spread over five accounts. */
    async function seed(db: Db) {
      const campaignId = await fixtureCampaign(db, fx.units.root.id);
      const p = fx.people;
      const people = [p.memberA, p.officerA, p.leader, p.officeHead, p.inspector];
      const now = nowIso();
      for (let i = 0; i < ITEMS; i++) {
        const problem = await db
          .insertInto('problems')
          .values({
            campaignId,
            orgId: fx.units.branchA.id,
            orgPath: fx.units.branchA.path,
            personId: null,
            title: `问题${i}`,
            source: 'self_found',
            kind: 'immediate',
            status: 'in_progress',
            escalatedFromId: null,
            specialItemId: null,
            institutionId: null,
            sourceRefType: null,
            sourceRefId: null,
            dueDate: null,
            submittedAt: null,
            closedAt: null,
            createdBy: null,
            createdAt: now,
            updatedAt: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db
          .insertInto('problemMeasures')
          .values({
            problemId: problem.id,
            content: `措施${i}`,
            ownerOrgId: fx.units.branchA.id,
            ownerId: people[i % 5],
            leaderId: people[(i + 1) % 5],
            deadline: i < 10 ? DUE_TOMORROW : DUE_YESTERDAY,
            doneAt: null,
            createdAt: now,
            updatedAt: now,
          })
          .execute();
      }
    }

    /** Each (account, item, step) named in a reminder message; a digest names one per line. */
    async function mentioned() {
      const msgs = await tdb.db
        .selectFrom('notifications')
        .select(['userId', 'body', 'title'])
        .where('event', '=', 'reminder')
        .execute();
      return msgs.flatMap((m) =>
        (m.body.startsWith('- ') ? m.body.split('\n') : [m.title]).map((l) => `${m.userId}:${l}`),
      );
    }

    /** What the mock robot accepted (it answers 310000 to anything not signed with SECRET). */
    const robotTitles = () => robot.received.filter((r) => r.token === TOKEN).map((r) => r.body.markdown.title!);

    async function reset() {
      await tdb.db.deleteFrom('notifications').execute();
      await tdb.db.deleteFrom('reminderClaims').execute();
      await tdb.db.deleteFrom('webhookDeliveries').execute();
      robot.received.length = 0;
    }

    async function expectEachOnce() {
      const claims = await tdb.db.selectFrom('reminderClaims').select('userId').execute();
      expect(claims.filter((c) => c.userId !== 0)).toHaveLength(EXPECTED_PEOPLE);
      expect(claims.filter((c) => c.userId === 0)).toHaveLength(ITEMS);
      const lines = await mentioned();
      expect(lines).toHaveLength(EXPECTED_PEOPLE);
      expect(new Set(lines).size).toBe(EXPECTED_PEOPLE);
      const titles = robotTitles();
      expect(titles).toHaveLength(ITEMS);
      expect(new Set(titles).size).toBe(ITEMS);
      const log = await tdb.db.selectFrom('webhookDeliveries').select('status').execute();
      expect(log.map((d) => d.status)).toEqual(Array(ITEMS).fill('sent'));
    }

    beforeAll(async () => {
      tdb = await freshDatabase(dialect);
      fx = await standardFixture(tdb.db);
      await seed(tdb.db);
      robot = await startMockRobot({ [TOKEN]: SECRET });
      app = await buildApp({
        db: tdb.db,
        config: { ...loadConfig({ TAIZHANG_SECRET_KEY: KEY }), databaseUrl: tdb.url },
      });
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: 'office', password: FIXTURE_PASSWORD },
      });
      const cookie = `tz_session=${login.cookies.find((c) => c.name === 'tz_session')!.value}`;
      // The office connects a signed DingTalk robot to the whole tree, for reminders.
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/webhooks',
        headers: { cookie },
        payload: {
          orgId: fx.units.root.id,
          kind: 'dingtalk',
          name: '整改提醒群',
          url: `${robot.base}/robot/send?access_token=${TOKEN}`,
          secret: SECRET,
          events: ['reminder'],
        },
      });
      expect(res.statusCode, res.body).toBe(201);
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await robot?.close();
      await tdb?.drop();
    });

    it('both nodes run at once: every reminder reaches each person and the signed robot exactly once', async () => {
      const a = startNode(tdb.url, 'node-a', 30);
      const b = startNode(tdb.url, 'node-b', 30);
      await Promise.all([a.ready(), b.ready()]);
      a.go();
      b.go();
      const [ra, rb] = await Promise.all([a.report(), b.report()]);
      // The two runs really overlapped (otherwise this would prove nothing about concurrency).
      expect(ra.startedAt < rb.remindersDoneAt && rb.startedAt < ra.remindersDoneAt).toBe(true);
      expect(ra.sent + rb.sent).toBe(EXPECTED_PEOPLE);
      expect(ra.robotMessages + rb.robotMessages).toBe(ITEMS);
      expect(ra.robotsSent + rb.robotsSent).toBe(ITEMS);
      await expectEachOnce();
      // Every robot post was a DingTalk markdown message with a link into Taizhang.
      for (const r of robot.received) expect(r.body.markdown.text).toContain('http://tz.example/problems?open=');

      // A second tick on both nodes (a restart, the next hour) sends nothing more.
      const a2 = startNode(tdb.url, 'node-a', 0);
      const b2 = startNode(tdb.url, 'node-b', 0);
      await Promise.all([a2.ready(), b2.ready()]);
      a2.go();
      b2.go();
      const again = await Promise.all([a2.report(), b2.report()]);
      expect(again.map((r) => r.sent + r.robotMessages + r.robotsSent)).toEqual([0, 0]);
      await expectEachOnce();
    }, 120_000);

    it('one node is killed mid-run; the other completes the run and nothing is sent twice', async () => {
      await reset();
      const dying = startNode(tdb.url, 'node-a', 200);
      const surviving = startNode(tdb.url, 'node-b', 60);
      await Promise.all([dying.ready(), surviving.ready()]);
      // The dying node gets a head start: its first recipient's reminders are committed when it is killed
      // (SIGKILL, in the pause after that recipient), while the surviving node is already running.
      dying.go();
      await dying.afterRecipients(1);
      surviving.go();
      dying.kill();
      expect((await dying.exited).signal).toBe('SIGKILL');
      const r = await surviving.report();
      expect(r.sent).toBeGreaterThan(0);
      expect(r.sent).toBeLessThan(EXPECTED_PEOPLE); // the killed node had committed some before it died
      await expectEachOnce();
    }, 120_000);
  });
}
