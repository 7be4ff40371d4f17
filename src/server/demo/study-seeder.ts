import type { Db } from '../db/connection.ts';
import { addDays, nowIso } from '../clock.ts';
import type { DemoSeeder } from './demo-seeder.ts';
import { seededRandom } from './prng.ts';
import { rosterOf } from '../../shared/study-enums.ts';

const SESSIONS: Array<[string, string, number, string]> = [
  ['members_meeting', 'exchange', 3, '学习习近平总书记关于城市工作的重要论述'],
  ['party_lecture', 'leader', 2, '专题党课：践行以人民为中心的发展思想'],
  ['group_meeting', 'exchange', 2, '对照检视问题开展交流研讨'],
  ['first_topic', 'leader', 1, '第一议题：学习中央主题教育工作会议精神'],
];
const REASONS = ['外出执法', '病假', '参加上级培训', '值班备勤', '事假'];

/** A season of collective study per branch: mostly full attendance, some absences, most of them made up. */
export const studySeeder: DemoSeeder = {
  name: 'study',
  async seed(db: Db, { today }) {
    const random = seededRandom(32);
    const campaign = await db
      .selectFrom('campaigns')
      .select('id')
      .where('status', '=', 'active')
      .orderBy('id')
      .executeTakeFirst();
    if (!campaign) return;
    const branches = await db
      .selectFrom('orgUnits')
      .select(['id', 'path', 'secretaryId'])
      .where('type', '=', 'branch')
      .orderBy('path')
      .execute();
    const now = nowIso();
    await db.transaction().execute(async (trx) => {
      for (const branch of branches) {
        const roster = await trx
          .selectFrom('people')
          .select(['id', 'name', 'isPartyMember'])
          .where('orgId', '=', branch.id)
          .where('active', '=', 1)
          .execute();
        const head = roster.find((p) => p.id === branch.secretaryId)?.name ?? '';
        for (const [i, [kind, mode, hours, topic]] of SESSIONS.entries()) {
          const date = addDays(today, -(10 + i * 12 + random.int(0, 5)));
          const session = await trx
            .insertInto('studySessions')
            .values({
              campaignId: campaign.id,
              orgId: branch.id,
              orgPath: branch.path,
              kind,
              mode,
              date,
              hours,
              topic,
              speaker: head,
              createdAt: now,
              updatedAt: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          // Party kinds count the branch's Party members only (the module's rosterQuery rule).
          for (const p of roster.filter((r) => rosterOf(kind) === 'all' || r.isPartyMember === 1)) {
            const absent = random.chance(0.08);
            await trx
              .insertInto('sessionAttendance')
              .values({
                sessionId: session.id,
                personId: p.id,
                status: absent ? 'absent' : 'present',
                reason: absent ? random.pick(REASONS) : '',
              })
              .execute();
            if (absent) {
              const madeUp = random.chance(0.7);
              await trx
                .insertInto('makeupItems')
                .values({
                  sessionId: session.id,
                  personId: p.id,
                  orgPath: branch.path,
                  status: madeUp ? 'done' : 'open',
                  madeUpDate: madeUp ? addDays(date, 5) : null,
                  note: madeUp ? '观看录像并提交学习体会' : '',
                  createdAt: now,
                  updatedAt: now,
                })
                .execute();
            }
          }
        }
      }
    });
  },
};
