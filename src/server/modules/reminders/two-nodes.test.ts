/**
 * Two app nodes on one PostgreSQL database run the reminder schedule over the same due items at the same
 * time, each with its own connection pool: every reminder is delivered once, and when one node dies mid-run
 * the other completes the run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/connection.ts';
import { freshDatabase, testDialects, type TestDatabase } from '../../testing/databases.ts';
import { fixtureCampaign, standardFixture, type StandardFixture } from '../../testing/fixture.ts';
import { nowIso } from '../../clock.ts';
import { runReminders } from './run.ts';
import { reminderSources } from './sources.ts';

const TODAY = '2026-11-18'; // a Wednesday
const DUE_TOMORROW = '2026-11-19'; // "before": the 责任人 is reminded
const DUE_YESTERDAY = '2026-11-17'; // "overdue" today: the 责任人 and the 责任领导

describe.runIf(testDialects().includes('postgres'))('#reminders on two nodes [postgres]', () => {
  let tdb: TestDatabase;
  let fx: StandardFixture;
  let nodeA: Db;
  let nodeB: Db;

  /** 10 measures due tomorrow and 10 overdue since today, owners and leaders spread over five accounts. */
  async function seed(db: Db, tag: string) {
    const campaignId = await fixtureCampaign(db, fx.units.root.id);
    const p = fx.people;
    const people = [p.memberA, p.officerA, p.leader, p.officeHead, p.inspector];
    const now = nowIso();
    for (let i = 0; i < 20; i++) {
      const problem = await db
        .insertInto('problems')
        .values({
          campaignId,
          orgId: fx.units.branchA.id,
          orgPath: fx.units.branchA.path,
          personId: null,
          title: `${tag}问题${i}`,
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

  const EXPECTED_PEOPLE = 10 + 10 * 2;
  const EXPECTED_ROBOT_ITEMS = 20;

  async function claims(db: Db) {
    const rows = await db.selectFrom('reminderClaims').select(['userId']).execute();
    return { people: rows.filter((r) => r.userId !== 0).length, robots: rows.filter((r) => r.userId === 0).length };
  }

  /** Items named in the reminder messages, per account: each (item, step) once. */
  async function mentioned(db: Db) {
    const msgs = await db
      .selectFrom('notifications')
      .select(['userId', 'body', 'title'])
      .where('event', '=', 'reminder')
      .execute();
    return msgs.flatMap((m) =>
      (m.body.includes('\n') || m.body.startsWith('- ') ? m.body.split('\n') : [m.title]).map(
        (l) => `${m.userId}:${l}`,
      ),
    );
  }

  beforeAll(async () => {
    tdb = await freshDatabase('postgres');
    fx = await standardFixture(tdb.db);
    await seed(tdb.db, '');
    nodeA = openDatabase(tdb.url, { poolSize: 4 });
    nodeB = openDatabase(tdb.url, { poolSize: 4 });
  });
  afterAll(async () => {
    await nodeA?.destroy();
    await nodeB?.destroy();
    await tdb?.drop();
  });

  it('both nodes run at once: every reminder is claimed and written exactly once', async () => {
    const [a, b] = await Promise.all([
      runReminders(nodeA, { today: TODAY, sources: reminderSources }),
      runReminders(nodeB, { today: TODAY, sources: reminderSources }),
    ]);
    expect(a.sent + b.sent).toBe(EXPECTED_PEOPLE);
    expect(await claims(tdb.db)).toEqual({ people: EXPECTED_PEOPLE, robots: EXPECTED_ROBOT_ITEMS });
    const lines = await mentioned(tdb.db);
    expect(lines).toHaveLength(EXPECTED_PEOPLE);
    expect(new Set(lines).size).toBe(lines.length);
    // Running again on either node sends nothing.
    expect((await runReminders(nodeA, { today: TODAY, sources: reminderSources })).sent).toBe(0);
    expect((await runReminders(nodeB, { today: TODAY, sources: reminderSources })).sent).toBe(0);
  });

  it('one node dies mid-run; the other completes the run and nothing is sent twice', async () => {
    await tdb.db.deleteFrom('notifications').execute();
    await tdb.db.deleteFrom('reminderClaims').execute();
    let done = 0;
    const dying = runReminders(nodeA, {
      today: TODAY,
      sources: reminderSources,
      afterRecipient: () => {
        if (++done === 2) throw new Error('node A killed');
      },
    });
    const surviving = runReminders(nodeB, { today: TODAY, sources: reminderSources });
    const [a, b] = await Promise.allSettled([dying, surviving]);
    expect(a.status).toBe('rejected');
    expect(b.status).toBe('fulfilled');
    expect(await claims(tdb.db)).toEqual({ people: EXPECTED_PEOPLE, robots: EXPECTED_ROBOT_ITEMS });
    const lines = await mentioned(tdb.db);
    expect(lines).toHaveLength(EXPECTED_PEOPLE);
    expect(new Set(lines).size).toBe(lines.length);
  });
});
