import type { Db } from '../db/connection.ts';
import { nowIso } from '../clock.ts';
import type { DemoSeeder } from './demo-seeder.ts';

type Rule = Record<string, unknown>;
const I = (
  name: string,
  kind: string,
  maxPoints: number,
  source: string | null,
  rule: Rule | null,
  method = '查阅资料',
) => ({
  name,
  kind,
  maxPoints,
  source,
  rule,
  method,
});

/** Eight indicators (110 points), six scored from the ledgers: the 2023 党支部考核 and its 五星支部 rating. */
const AREAS: Array<[string, ReturnType<typeof I>[]]> = [
  [
    '理论学习',
    [
      I('集中学习出勤率', 'auto', 15, 'study.attendanceRate', { type: 'linear', from: 0.6, to: 0.95 }),
      I('学习全覆盖（缺席者均已补学）', 'auto', 15, 'study.coverage', { type: 'linear', from: 0, to: 0.8 }),
      I('补学清零（每1人次未补学扣1分）', 'auto', 10, 'study.openMakeups', { type: 'deduct', per: 1 }),
      I('三会一课（每少开1次扣0.5分）', 'auto', 20, 'study.meetingsMissed', { type: 'deduct', per: 0.5 }),
    ],
  ],
  [
    '检视整改',
    [
      I('问题按期整改率', 'auto', 30, 'problems.onTimeRate', {
        type: 'steps',
        better: 'higher',
        steps: [
          { at: 0, points: 12 },
          { at: 0.5, points: 20 },
          { at: 0.7, points: 26 },
          { at: 0.9, points: 30 },
        ],
      }),
      I('逾期未整改问题（每个扣2分）', 'auto', 10, 'problems.overdue', { type: 'deduct', per: 2 }),
    ],
  ],
  [
    '加分与否决',
    [I('党建创新项目', 'bonus', 10, null, null, '实地走访'), I('发生违纪违法问题', 'veto', 0, null, null, '个别访谈')],
  ],
];

/** The 2023 党支部考核 over every branch, a draft the office can preview, review and finalise. */
export const assessmentsSeeder: DemoSeeder = {
  name: 'assessments',
  async seed(db: Db, { today }) {
    const campaign = await db
      .selectFrom('campaigns')
      .select(['id', 'orgId'])
      .where('status', '=', 'active')
      .orderBy('id')
      .executeTakeFirst();
    if (!campaign) return;
    const root = await db
      .selectFrom('orgUnits')
      .select(['id', 'path'])
      .where('parentId', 'is', null)
      .executeTakeFirstOrThrow();
    const branches = await db
      .selectFrom('orgUnits')
      .select(['id', 'path'])
      .where('type', '=', 'branch')
      .orderBy('path')
      .execute();
    const now = nowIso();
    await db.transaction().execute(async (trx) => {
      const a = await trx
        .insertInto('assessments')
        .values({
          campaignId: campaign.id,
          orgId: root.id,
          orgPath: root.path,
          name: '2023年度党支部考核',
          period: '2023年度',
          // The quarter so far: 三会一课 is required per quarter, and the demo's sessions fall in the last weeks.
          periodFrom: `${today.slice(0, 5)}${String(Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`,
          periodTo: today,
          status: 'draft',
          groups: JSON.stringify([{ key: 'branch', label: '党支部' }]),
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const ids = new Map<string, number>();
      let sortOrder = 0;
      for (const [area, indicators] of AREAS)
        for (const ind of indicators) {
          const row = await trx
            .insertInto('assessmentIndicators')
            .values({
              assessmentId: a.id,
              sortOrder: sortOrder++,
              area,
              name: ind.name,
              method: ind.method,
              kind: ind.kind,
              maxPoints: ind.maxPoints,
              weight: 1,
              source: ind.source,
              rule: ind.rule ? JSON.stringify(ind.rule) : null,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          ids.set(ind.name, row.id);
        }
      // 五星支部: ≥ 90 with an innovation project (10%), 80–90 四星 (30%), 70–80 三星 (40%), 60–70 二星, else 一星.
      const innovation = ids.get('党建创新项目')!;
      await trx
        .updateTable('assessments')
        .set({
          starLevels: JSON.stringify([
            { stars: 5, minScore: 90, quota: 0.1, requiresIndicatorId: innovation },
            { stars: 4, minScore: 80, quota: 0.3 },
            { stars: 3, minScore: 70, quota: 0.4 },
            { stars: 2, minScore: 60 },
            { stars: 1, minScore: 0 },
          ]),
        })
        .where('id', '=', a.id)
        .execute();
      const entry = (branch: { id: number; path: string }, points: number, reason: string, status: string) => ({
        assessmentId: a.id,
        indicatorId: innovation,
        orgId: branch.id,
        orgPath: branch.path,
        points,
        reason,
        status,
        createdAt: now,
        updatedAt: now,
      });
      // Innovation projects in every fourth branch (the office's 认定, counted at once); one claim awaits review.
      const reasons = [
        '“党建+网格”创新项目获市级优秀案例',
        '“红色驿站”服务一线队员，经验被省级媒体报道',
        '党员先锋岗带动窗口服务提质',
      ];
      const entries = branches
        .filter((_, i) => i % 4 === 1)
        .map((b, i) => entry(b, 10 - (i % 3) * 2, reasons[i % 3], 'accepted'));
      const claimant = branches.find((_, i) => i % 4 === 3);
      if (claimant) entries.push(entry(claimant, 8, '自评：智慧停车党员先锋岗（待上级审核）', 'pending'));
      if (entries.length) await trx.insertInto('assessmentEntries').values(entries).execute();
    });
  },
};
