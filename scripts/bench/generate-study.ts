/**
 * A season of collective study, shaped like the demo's study seeder: every branch holds sessions through
 * the campaign, every member has an attendance row for each, about 8% are absent with a reason, and each
 * absence opens a make-up item (70% of them already made up).
 */
import { addDays } from '../../src/server/clock.ts';
import type { Db } from '../../src/server/db/connection.ts';
import { insertMany } from '../../src/server/db/insert-many.ts';
import { BatchWriter } from './batch-insert.ts';
import type { GenerateCtx } from './generate.ts';

const SESSIONS: Array<[kind: string, mode: string, hours: number, topic: string]> = [
  ['members_meeting', 'exchange', 3, '学习习近平总书记关于城市工作的重要论述'],
  ['party_lecture', 'leader', 2, '专题党课：践行以人民为中心的发展思想'],
  ['group_meeting', 'exchange', 2, '对照检视问题开展交流研讨'],
  ['first_topic', 'leader', 1, '第一议题：学习中央主题教育工作会议精神'],
  ['seminar', 'expert', 2, '专家辅导：城市精细化治理'],
];
const REASONS = ['外出执法', '病假', '参加上级培训', '值班备勤', '事假'];

export async function generateStudy(db: Db, ctx: GenerateCtx & { members: Map<number, number[]> }) {
  const { scale, random, leaves, today: t, now } = ctx;
  const planned = leaves.flatMap((branch) =>
    Array.from({ length: scale.sessionsPerBranch }, (_, s) => {
      const [kind, mode, hours, topic] = SESSIONS[s % SESSIONS.length];
      return {
        campaignId: ctx.campaignId,
        orgId: branch.id,
        orgPath: branch.path,
        kind,
        mode,
        date: addDays(t, -(1 + s * 5 + random.int(0, 3))),
        hours,
        topic,
        createdBy: ctx.userId,
        createdAt: now,
        updatedAt: now,
      };
    }),
  );
  const ids = await insertMany(db, 'studySessions', planned);
  const attendance = new BatchWriter(db, 'sessionAttendance');
  const makeups = new BatchWriter(db, 'makeupItems');
  for (const [i, session] of planned.entries()) {
    for (const personId of ctx.members.get(session.orgId)!) {
      const absent = random.chance(0.08);
      await attendance.push({
        sessionId: ids[i],
        personId,
        status: absent ? 'absent' : 'present',
        reason: absent ? random.pick(REASONS) : '',
      });
      if (!absent) continue;
      const madeUp = random.chance(0.7);
      await makeups.push({
        sessionId: ids[i],
        personId,
        orgPath: session.orgPath,
        status: madeUp ? 'done' : 'open',
        madeUpDate: madeUp ? addDays(session.date, 5) : null,
        note: madeUp ? '观看录像并提交学习体会' : '',
        createdAt: now,
        updatedAt: now,
      });
    }
  }
  await attendance.flush();
  await makeups.flush();
  return { sessions: ids.length, attendance: attendance.count, makeups: makeups.count };
}
