import type { Db } from '../db/connection.ts';
import { addDays, nowIso, today as todayOf } from '../clock.ts';
import type { DemoSeeder } from './demo-seeder.ts';
import { seededRandom } from './prng.ts';
import { dispatchDeadlines, plusHours } from '../modules/demands/deadlines.ts';
import { cellOf } from '../modules/demands/repeats.ts';
import { newTrackingCode } from '../modules/demands/intake.ts';

const TEXTS: Record<string, string[]> = {
  sanitation: ['小区门口垃圾桶满溢无人清运', '背街小巷有积存建筑垃圾', '公厕卫生差、异味大'],
  street_vending: ['菜场门口早高峰占道经营', '学校周边流动摊贩聚集', '夜市摊位占用盲道'],
  cable_web: ['楼道口缆线杂乱像“蜘蛛网”', '电线杆上废弃缆线垂落', '老旧小区飞线充电'],
  fire_lane: ['消防通道被私家车长期占用', '楼道堆放杂物堵塞通道'],
  sewer_block: ['雨水井堵塞，路面积水', '下水道返臭、污水外溢'],
  street_light: ['路灯连续多晚不亮', '公园步道路灯损坏'],
  noise: ['工地夜间施工噪声扰民', '广场舞音响声音过大'],
  illegal_building: ['顶楼违法搭建阳光房', '沿街商铺私自扩建雨棚'],
  other: ['建议增设公共座椅', '咨询垃圾分类投放时间'],
};
const PLACES = [
  '人民路',
  '解放路',
  '中山路',
  '延安路',
  '和平小区',
  '幸福里',
  '滨江花园',
  '东城菜场',
  '西城公园',
  '体育场路',
];
const ANSWERS = ['已安排人员现场处置，问题已解决', '已联系相关单位整改完毕', '已纳入近期整治计划并先行处置'];
const CHANNELS = ['hotline', 'hotline', 'hotline', 'online', 'public_page', 'letter', 'visit'];
const CATS = Object.keys(TEXTS);
const LIMITS: Record<string, { acceptHours: number; handleLimit: number; handleUnit: string }> = {
  fire_lane: { acceptHours: 2, handleLimit: 24, handleUnit: 'hours' },
  sewer_block: { acceptHours: 2, handleLimit: 24, handleUnit: 'hours' },
  street_light: { acceptHours: 24, handleLimit: 3, handleUnit: 'working_days' },
};
const limitsOf = (c: string) =>
  LIMITS[c] ?? {
    acceptHours: 24,
    handleLimit: c === 'cable_web' || c === 'illegal_building' ? 15 : 7,
    handleUnit: 'working_days',
  };
const SURNAMES = '王李张刘陈杨赵黄周吴';

/**
 * A season of demands: about 160 over the last 90 days across categories and the branches, in every state,
 * some overdue, one with an extension waiting, a few repeats at the same place (one merged), one that became
 * a problem on the 检视整改 loop; the follow-ups make the 三率 of the last months.
 */
export const demandsSeeder: DemoSeeder = {
  name: 'demands',
  async seed(db: Db) {
    const random = seededRandom(11);
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
    const units = await db
      .selectFrom('orgUnits')
      .select(['id', 'path', 'name'])
      .where('type', '=', 'branch')
      .orderBy('path')
      .execute();
    const nowMs = Date.now();
    const now = nowIso();
    await db.transaction().execute(async (trx) => {
      const ids: number[] = [];
      for (let n = 0; n < 160; n++) {
        const category = n < 6 ? 'cable_web' : random.pick(CATS);
        const place = n < 6 ? '和平小区' : random.pick(PLACES);
        const lat = n < 6 ? 30.2741 + n * 0.0002 : 30.2 + random.next() * 0.15;
        const long = n < 6 ? 120.1551 + n * 0.0002 : 120.1 + random.next() * 0.15;
        const ageDays = n < 6 ? 60 - n * 10 : random.int(0, 90);
        const receivedAt = new Date(nowMs - ageDays * 86400000 - random.int(1, 20) * 3600000).toISOString();
        const unit = units[n % units.length];
        // Older demands are mostly finished; recent ones are spread over the open states.
        const roll = random.next();
        const status =
          ageDays > 20
            ? roll < 0.9
              ? 'closed'
              : 'answered'
            : (['received', 'dispatched', 'accepted', 'accepted', 'answered', 'closed'] as const)[random.int(0, 5)];
        const deadlines = dispatchDeadlines(plusHours(receivedAt, 1), limitsOf(category));
        const dispatched = status !== 'received';
        const accepted = ['accepted', 'answered', 'closed'].includes(status);
        const answered = status === 'answered' || status === 'closed';
        const visited = status === 'closed' || (status === 'answered' && random.chance(0.3));
        const sat = random.next();
        const satisfaction = visited ? (sat < 0.72 ? 'satisfied' : sat < 0.9 ? 'basically' : 'unsatisfied') : null;
        const answeredAt = answered ? plusHours(receivedAt, random.int(6, 120)) : null;
        const row = await trx
          .insertInto('demands')
          .values({
            campaignId: campaign.id,
            trackingCode: newTrackingCode(),
            channel: random.pick(CHANNELS),
            kind: category === 'other' ? 'suggestion' : random.pick(['complaint', 'help', 'report']),
            category,
            intakeOrgId: root.id,
            intakePath: root.path,
            orgId: dispatched ? unit.id : null,
            orgPath: dispatched ? unit.path : null,
            firstOrgId: accepted ? unit.id : null,
            description: random.pick(TEXTS[category]),
            address: `${place}${random.int(1, 200)}号`,
            lat,
            long,
            cell: cellOf(lat, long),
            name: `${SURNAMES[n % SURNAMES.length]}先生`,
            phone: `139${String(10000000 + n * 7919).slice(-8)}`,
            confidential: n % 17 === 0 ? 1 : 0,
            status,
            receivedAt,
            dispatchedAt: dispatched ? plusHours(receivedAt, 1) : null,
            acceptDueAt: dispatched ? deadlines.acceptDueAt : null,
            returnDueAt: dispatched ? deadlines.returnDueAt : null,
            acceptedAt: accepted ? plusHours(receivedAt, random.int(2, 20)) : null,
            dueAt: dispatched ? deadlines.dueAt : null,
            answeredAt,
            answer: answered ? random.pick(ANSWERS) : '',
            visitedAt: visited ? plusHours(answeredAt!, random.int(4, 48)) : null,
            contacted: visited ? (random.chance(0.95) ? 1 : 0) : null,
            solved: visited ? (satisfaction === 'unsatisfied' ? 0 : random.chance(0.92) ? 1 : 0) : null,
            satisfaction,
            closedAt: status === 'closed' ? plusHours(answeredAt!, 72) : null,
            closeReason:
              status === 'closed' && satisfaction === 'unsatisfied' ? '经核实已按政策答复，群众诉求超出政策范围' : '',
            repeatFlag: n > 0 && n < 6 ? 1 : 0,
            createdAt: receivedAt,
            updatedAt: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.push(row.id);
        await trx
          .insertInto('demandEvents')
          .values([
            {
              demandId: row.id,
              action: 'receive',
              fromStatus: 'received',
              toStatus: 'received',
              orgId: root.id,
              actorName: '12345 热线',
              at: receivedAt,
            },
            ...(dispatched
              ? [
                  {
                    demandId: row.id,
                    action: 'dispatch',
                    fromStatus: 'received',
                    toStatus: 'dispatched',
                    orgId: unit.id,
                    actorName: '12345 热线',
                    at: plusHours(receivedAt, 1),
                  },
                ]
              : []),
            ...(answered
              ? [
                  {
                    demandId: row.id,
                    action: 'answer',
                    fromStatus: 'accepted',
                    toStatus: 'answered',
                    orgId: unit.id,
                    actorName: unit.name,
                    at: answeredAt!,
                  },
                ]
              : []),
          ])
          .execute();
      }
      // One repeat merged into the first of its place; an extension waiting; one that became a problem.
      await trx
        .updateTable('demands')
        .set({ repeatOf: ids[0], status: 'closed', closeReason: `重复诉求，并入第 ${ids[0]} 号`, closedAt: now })
        .where('id', '=', ids[5])
        .execute();
      const accepted = await trx
        .selectFrom('demands')
        .select(['id', 'orgId', 'orgPath', 'description'])
        .where('status', '=', 'accepted')
        .orderBy('id')
        .limit(2)
        .execute();
      if (accepted[0])
        await trx
          .updateTable('demands')
          .set({ extensionDays: 5, extensionReason: '需协调产权单位共同处置' })
          .where('id', '=', accepted[0].id)
          .execute();
      const first = await trx
        .selectFrom('demands')
        .select(['id', 'orgId', 'orgPath'])
        .where('id', '=', ids[0])
        .executeTakeFirstOrThrow();
      if (first.orgId && first.orgPath) {
        const problem = await trx
          .insertInto('problems')
          .values({
            campaignId: campaign.id,
            orgId: first.orgId,
            orgPath: first.orgPath,
            personId: null,
            title: '老旧小区缆线“蜘蛛网”反复投诉，整治不彻底',
            description: '和平小区半年内同类诉求 6 件，反映出缆线管理长效机制缺失。',
            source: 'public_report',
            kind: 'long_term',
            status: 'draft',
            escalatedFromId: null,
            specialItemId: null,
            institutionId: null,
            sourceRefType: 'demand',
            sourceRefId: first.id,
            dueDate: null,
            submittedAt: null,
            closedAt: null,
            createdBy: null,
            createdAt: now,
            updatedAt: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx.updateTable('demands').set({ problemId: problem.id }).where('id', '=', first.id).execute();
      }
      // 十件民生实事, some done and published, one overdue.
      const t = todayOf();
      const MATTERS = [
        '背街小巷路灯全覆盖',
        '老旧小区缆线规整',
        '新建口袋公园 5 个',
        '农贸市场提升改造',
        '新增公共停车泊位 800 个',
        '公厕改造提升 30 座',
        '垃圾分类示范小区创建',
        '城市道路“微循环”打通',
        '河道保洁长效管护',
        '便民疏导点设置',
      ];
      for (const [i, title] of MATTERS.entries()) {
        const unit = units[i % units.length];
        const status = i < 3 ? 'done' : i < 8 ? 'in_progress' : 'planned';
        const m = await trx
          .insertInto('matters')
          .values({
            campaignId: campaign.id,
            orgId: unit.id,
            orgPath: unit.path,
            ownerId: null,
            title,
            target: `年内完成“${title}”，群众满意度达到 90% 以上`,
            dueDate: i === 8 ? addDays(t, -5) : addDays(t, 20 + i * 15),
            status,
            result: status === 'done' ? '已全部完成并通过验收' : '',
            published: i < 6 ? 1 : 0,
            doneAt: status === 'done' ? addDays(t, -10 - i) : null,
            createdAt: now,
            updatedAt: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (status !== 'planned')
          await trx
            .insertInto('matterProgress')
            .values({
              matterId: m.id,
              date: addDays(t, -20 + i),
              note: '已完成方案制定，正在推进实施',
              authorName: unit.name,
              createdAt: now,
            })
            .execute();
      }
    });
  },
};
