import { describe, expect, it } from 'vitest';
import { balanceOf } from './balance.ts';
import type { Dashboard, UnitFigures } from './use-dashboard.ts';

const problems = (total: number, closed: number) => ({
  total,
  closed,
  cleared: 0,
  onTime: 0,
  overdue: 0,
  escalated: 0,
  byStatus: { draft: 0, in_progress: total - closed, submitted: 0, closed },
  byColour: { red: 0, yellow: 0, green: closed, blue: 0, none: total - closed },
});
const study = (sessions: number, coverage: number) => ({
  sessions,
  attendanceRate: 1,
  coverage,
  uncoveredSessions: 0,
  openMakeups: 0,
});
const tasks = { total: 0, done: 0, onTrack: 0, behind: 0, notStarted: 0, stale: 0, red: 0, yellow: 0 };
const demands = {
  from: '2026-05-19',
  to: '2026-06-18',
  received: 0,
  overdue: 0,
  valid: 0,
  contacted: 0,
  solved: 0,
  satisfied: 0,
  basically: 0,
  responseRate: null,
  resolutionRate: null,
  satisfactionRate: null,
  score: null,
  weights: { response: 0.1, resolution: 0.5, satisfaction: 0.4, basicallyFactor: 0.9, effectiveFrom: '0000-01-01' },
  links: {},
};
const unit = (orgId: number, total: number, closed: number, sessions = 0, coverage = 0): UnitFigures => ({
  orgId,
  orgName: `单位${orgId}`,
  problems: problems(total, closed),
  study: study(sessions, coverage),
  tasks,
  demands,
});
const board = (own: UnitFigures, children: UnitFigures[]): Dashboard => ({
  unit: { id: 1, name: '本单位' },
  campaignId: 1,
  asOf: '2026-06-01',
  problems: own.problems,
  study: own.study,
  tasks,
  demands,
  children,
});

describe('balanceOf', () => {
  it('marks a child whose 销号率 is 20 or more points below its upper unit as lagging, and one 19 points below as not', () => {
    const b = balanceOf(board(unit(1, 100, 60), [unit(2, 10, 4), unit(3, 100, 41), unit(4, 10, 9)]));
    expect([...b.lagging.keys()]).toEqual([2]);
    expect(b.lagging.get(2)).toEqual(['销号率低于本单位 20 个百分点']);
  });

  it('does not judge a child by a rate it has nothing behind: no problems, no study sessions', () => {
    const b = balanceOf(board(unit(1, 10, 10, 4, 1), [unit(2, 0, 0, 0, 0)]));
    expect(b.lagging.size).toBe(0);
    expect(b.spread).toBeNull();
  });

  it('names both reasons when a child lags in 销号率 and in 学习全覆盖率', () => {
    const b = balanceOf(board(unit(1, 10, 5, 10, 0.9), [unit(2, 10, 0, 2, 0.5)]));
    expect(b.lagging.get(2)).toEqual(['销号率低于本单位 50 个百分点', '学习全覆盖率低于本单位 40 个百分点']);
  });

  it('reports 左右不平衡 as the widest gap between children, from 30 points on', () => {
    const wide = balanceOf(board(unit(1, 30, 15), [unit(2, 10, 8), unit(3, 10, 5), unit(4, 10, 2)]));
    expect(wide.spread).toMatchObject({ high: { orgId: 2 }, low: { orgId: 4 }, points: 60 });
    expect(balanceOf(board(unit(1, 20, 10), [unit(2, 10, 6), unit(3, 10, 4)])).spread).toBeNull();
  });
});
