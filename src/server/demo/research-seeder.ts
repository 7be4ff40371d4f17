import type { Db } from '../db/connection.ts';
import { addDays, nowIso } from '../clock.ts';
import type { DemoSeeder } from './demo-seeder.ts';

const TOPICS = [
  ['背街小巷占道经营长效治理调研', '人民路背街', '夜间占道经营反弹，管控时段与群众需求错位'],
  ['老旧小区缆线“蜘蛛网”整治调研', '东城区和平小区', '架空缆线权属复杂，多部门协调难'],
  ['城市生活垃圾分类推进情况调研', '西城环卫所', '分类投放准确率不高，收运衔接不畅'],
  ['数字城管案件办理效能调研', '数字城管指挥中心', '部分案件超时办结，考核未闭环'],
] as const;

/** Research topics for the bureau's leaders (one still without a report) and one 专题民主生活会. */
export const researchSeeder: DemoSeeder = {
  name: 'research',
  async seed(db: Db, { today }) {
    const campaign = await db
      .selectFrom('campaigns')
      .select('id')
      .where('status', '=', 'active')
      .orderBy('id')
      .executeTakeFirst();
    if (!campaign) return;
    const root = await db
      .selectFrom('orgUnits')
      .select(['id', 'path'])
      .where('parentId', 'is', null)
      .executeTakeFirstOrThrow();
    const leaders = await db
      .selectFrom('people')
      .select(['id', 'name'])
      .where('orgId', '=', root.id)
      .where('leadershipLevel', '=', 'county')
      .orderBy('id')
      .execute();
    const now = nowIso();
    await db.transaction().execute(async (trx) => {
      for (const [i, leader] of leaders.slice(0, TOPICS.length).entries()) {
        const [title, place, findings] = TOPICS[i];
        const reported = i < 3;
        const topic = await trx
          .insertInto('researchTopics')
          .values({
            campaignId: campaign.id,
            orgId: root.id,
            orgPath: root.path,
            leaderId: leader.id,
            title,
            plan: '采取“四不两直”方式深入一线，召开座谈会听取意见',
            status: reported ? (i === 0 ? 'accepted' : 'reported') : 'in_progress',
            recommended: i === 0 ? 1 : 0,
            situation: reported ? `深入${place}等地实地走访，召开座谈会 2 场。` : '',
            problems: reported ? findings : '',
            analysis: reported ? '根子在于长效机制不健全、部门协同不够。' : '',
            measures: reported ? '建立联席会议机制，推行错时管理和网格包保。' : '',
            reportedAt: reported ? now : null,
            createdAt: now,
            updatedAt: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('researchVisits')
          .values({
            topicId: topic.id,
            date: addDays(today, -20 + i),
            place,
            method: i % 2 ? '座谈' : '四不两直',
            met: '一线执法队员、居民代表',
            findings,
            createdAt: now,
          })
          .execute();
      }
      // The leadership team's 专题民主生活会, each member's criticism ready to go onto the problem list.
      const life = await trx
        .insertInto('lifeMeetings')
        .values({
          campaignId: campaign.id,
          orgId: root.id,
          orgPath: root.path,
          kind: 'democratic_life',
          date: addDays(today, -3),
          attendeeIds: JSON.stringify(leaders.map((l) => l.id)),
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const remarks = [
        '深入基层调研不够，听汇报多、看现场少',
        '抓分管领域工作标准不够高，满足于过得去',
        '对年轻干部传帮带不够，压担子少',
      ];
      for (const [i, leader] of leaders.slice(0, remarks.length).entries()) {
        const from = leaders[(i + 1) % leaders.length];
        await trx
          .insertInto('lifeMeetingItems')
          .values({
            meetingId: life.id,
            kind: 'criticism',
            fromPersonId: from.id,
            toPersonId: leader.id,
            content: remarks[i],
            createdAt: now,
          })
          .execute();
      }
      const branch = await trx
        .selectFrom('orgUnits')
        .select(['id', 'path'])
        .where('name', '=', '办公室党支部')
        .executeTakeFirst();
      if (!branch) return;
      const members = await trx
        .selectFrom('people')
        .select('id')
        .where('orgId', '=', branch.id)
        .orderBy('id')
        .execute();
      const meeting = await trx
        .insertInto('lifeMeetings')
        .values({
          campaignId: campaign.id,
          orgId: branch.id,
          orgPath: branch.path,
          kind: 'organisational_life',
          date: addDays(today, -7),
          attendeeIds: JSON.stringify(members.map((m) => m.id)),
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const items: Array<[string, number, number, string]> = [
        ['self', 0, 0, '理论学习满足于完成规定动作，联系城管工作实际思考不深'],
        ['criticism', 0, 1, '服务群众耐心不够，答复诉求有时简单生硬'],
        ['criticism', 1, 2, '工作标准不够高，材料报送多次出现差错'],
      ];
      for (const [kind, from, to, content] of items) {
        if (!members[from] || !members[to]) continue;
        await trx
          .insertInto('lifeMeetingItems')
          .values({
            meetingId: meeting.id,
            kind,
            fromPersonId: members[from].id,
            toPersonId: members[to].id,
            content,
            createdAt: now,
          })
          .execute();
      }
    });
  },
};
