/**
 * Two assessments over every unit of the city (党委 and 党支部 as two peer groups), each with twelve automatic
 * indicators scored from the ledgers the other generators wrote: a draft (its scores are computed live on
 * every request: the scoring figure) and the same tree finalised through the real 定稿 command (its frozen
 * ranking is the ranking-page figure). Created through the commands, so they are exactly what an office makes.
 */
import { loadActor } from '../../src/server/auth/actor.ts';
import type { Db } from '../../src/server/db/connection.ts';
import { createAssessment } from '../../src/server/modules/assessments/commands/create-assessment.ts';
import { transitionAssessment } from '../../src/server/modules/assessments/commands/transition-assessment.ts';
import type { GenerateCtx } from './generate.ts';

export const LIVE_ASSESSMENT = '基准考核（实时计分）';
export const FINAL_ASSESSMENT = '基准考核（已定稿）';

type Rule = {
  type: string;
  from?: number;
  to?: number;
  per?: number;
  better?: string;
  steps?: Array<{ at: number; points: number }>;
};
const linear = (from: number, to: number): Rule => ({ type: 'linear', from, to });
const deduct = (per: number): Rule => ({ type: 'deduct', per });

/** Twelve figures from six modules' grouped queries; every rule kind appears. */
const INDICATORS: Array<[area: string, name: string, source: string, max: number, rule: Rule]> = [
  ['理论学习', '集中学习出勤率', 'study.attendanceRate', 10, linear(0.6, 0.95)],
  ['理论学习', '学习全覆盖', 'study.coverage', 10, linear(0, 0.9)],
  ['理论学习', '补学清零', 'study.openMakeups', 10, deduct(0.5)],
  ['理论学习', '三会一课召开率', 'study.meetingsHeldRate', 10, linear(0.5, 1)],
  ['理论学习', '三会一课少开次数', 'study.meetingsMissed', 10, deduct(0.5)],
  [
    '检视整改',
    '问题按期整改率',
    'problems.onTimeRate',
    10,
    {
      type: 'steps',
      better: 'higher',
      steps: [
        { at: 0.5, points: 5 },
        { at: 0.8, points: 8 },
        { at: 0.95, points: 10 },
      ],
    },
  ],
  ['检视整改', '逾期未整改问题', 'problems.overdue', 10, deduct(0.2)],
  ['检视整改', '立行立改清零率', 'problems.clearedRate', 10, linear(0.5, 1)],
  ['调查研究', '调研报告', 'research.reports', 5, linear(0, 2)],
  ['推动发展', '重点任务按序时推进率', 'tasks.onScheduleRate', 5, linear(0.5, 1)],
  ['接诉即办', '诉求响应率', 'demands.responseRate', 5, linear(0.8, 1)],
  ['接诉即办', '诉求解决率', 'demands.resolutionRate', 5, linear(0.6, 1)],
];

export async function generateAssessments(db: Db, ctx: GenerateCtx) {
  const actor = (await loadActor(db, ctx.userId))!;
  const areas = [...new Set(INDICATORS.map(([area]) => area))].map((area) => ({
    name: area,
    indicators: INDICATORS.filter(([a]) => a === area).map(([, name, source, maxPoints, rule]) => ({
      name,
      kind: 'auto',
      maxPoints,
      source,
      rule,
    })),
  }));
  const body = (name: string) => ({
    campaignId: ctx.campaignId,
    orgId: ctx.units[0].id,
    name,
    period: '本年度',
    periodFrom: `${ctx.today.slice(0, 4)}-01-01`,
    periodTo: ctx.today,
    groups: [
      { key: 'party_committee', label: '党委' },
      { key: 'branch', label: '党支部' },
    ],
    starLevels: [
      { stars: 5, minScore: 90, quota: 0.1 },
      { stars: 4, minScore: 80, quota: 0.3 },
      { stars: 3, minScore: 70, quota: 0.4 },
      { stars: 2, minScore: 60 },
      { stars: 1, minScore: 0 },
    ],
    areas,
  });
  const c = { db, actor };
  await createAssessment(c, body(LIVE_ASSESSMENT));
  const final = await createAssessment(c, body(FINAL_ASSESSMENT));
  await transitionAssessment(c, final.id, { action: 'finalise', version: 1 });
  return { assessments: 2, indicators: INDICATORS.length };
}
