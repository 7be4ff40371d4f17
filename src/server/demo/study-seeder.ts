import type { Db } from '../db/connection.ts';
import { addDays, nowIso } from '../clock.ts';
import type { DemoSeeder } from './demo-seeder.ts';
import { seededRandom, type Random } from './prng.ts';
import { calendarStart, meetingsToHold } from './meetings-calendar.ts';
import { rosterOf } from '../../shared/study-enums.ts';

const SESSIONS: Array<[string, string, number, string]> = [
  ['members_meeting', 'exchange', 3, '学习习近平总书记关于城市工作的重要论述'],
  ['party_lecture', 'leader', 2, '专题党课：践行以人民为中心的发展思想'],
  ['group_meeting', 'exchange', 2, '对照检视问题开展交流研讨'],
  ['first_topic', 'leader', 1, '第一议题：学习中央主题教育工作会议精神'],
];
const REASONS = ['外出执法', '病假', '参加上级培训', '值班备勤', '事假'];
/** The branches (by order of path) that held no 支委会 this quarter: 3 of the demo's 29. */
const BEHIND = (index: number) => index % 10 === 4;

/**
 * A season of collective study per branch — mostly full attendance, some absences, most of them made up — and
 * its 三会一课 in the seeds' cadence since the campaign began (meetingsToHold), except a few branches that held
 * no 支委会 this quarter: they are the ones the 三会一课 warning and the 考核 score show behind.
 */
export const studySeeder: DemoSeeder = {
  name: 'study',
  async seed(db: Db, { today }) {
    const random = seededRandom(32);
    const calendar = seededRandom(33);
    const campaign = await db
      .selectFrom('campaigns')
      .select(['id', 'startDate'])
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
    const from = calendarStart(campaign.startDate, today);
    await db.transaction().execute(async (trx) => {
      for (const [index, branch] of branches.entries()) {
        const roster = await trx
          .selectFrom('people')
          .select(['id', 'name', 'isPartyMember'])
          .where('orgId', '=', branch.id)
          .where('active', '=', 1)
          .execute();
        const head = roster.find((p) => p.id === branch.secretaryId)?.name ?? '';
        const record = async (
          s: { kind: string; mode: string; hours: number; topic: string; date: string },
          absence: number,
          r: Random,
        ) => {
          const session = await trx
            .insertInto('studySessions')
            .values({
              campaignId: campaign.id,
              orgId: branch.id,
              orgPath: branch.path,
              kind: s.kind,
              mode: s.mode,
              date: s.date,
              hours: s.hours,
              topic: s.topic,
              speaker: head,
              createdAt: now,
              updatedAt: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          const marks = [];
          const makeups = [];
          // Party kinds count the branch's Party members only (the module's rosterQuery rule).
          for (const p of roster.filter((m) => rosterOf(s.kind) === 'all' || m.isPartyMember === 1)) {
            const absent = r.chance(absence);
            marks.push({
              sessionId: session.id,
              personId: p.id,
              status: absent ? 'absent' : 'present',
              reason: absent ? r.pick(REASONS) : '',
            });
            if (absent) {
              const madeUp = r.chance(0.7);
              makeups.push({
                sessionId: session.id,
                personId: p.id,
                orgPath: branch.path,
                status: madeUp ? 'done' : 'open',
                madeUpDate: madeUp ? addDays(s.date, 5) : null,
                note: madeUp ? '观看录像并提交学习体会' : '',
                createdAt: now,
                updatedAt: now,
              });
            }
          }
          if (marks.length) await trx.insertInto('sessionAttendance').values(marks).execute();
          if (makeups.length) await trx.insertInto('makeupItems').values(makeups).execute();
        };
        const held: Array<{ kind: string; date: string }> = [];
        for (const [i, [kind, mode, hours, topic]] of SESSIONS.entries()) {
          const date = addDays(today, -(10 + i * 12 + random.int(0, 5)));
          await record({ kind, mode, hours, topic, date }, 0.08, random);
          held.push({ kind, date });
        }
        for (const meeting of meetingsToHold(calendar, from, today, held, BEHIND(index)))
          await record(meeting, 0.04, calendar);
      }
    });
  },
};
