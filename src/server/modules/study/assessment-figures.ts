/**
 * 理论学习's figures for 考核, per assessed unit (its subtree) and period, each one grouped query over all
 * units: attendance rate, 全覆盖, open make-ups, and 三会一课 应召开 vs 已召开 (the unit's own meetings).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { dialectOfDb } from '../../db/connection.ts';
import { tallyKeyExpr, tallyMeasures } from '../../db/subtree-tally.ts';
import { STUDY_TALLY } from '../../db/tally-tables.ts';
import { studyTally } from './tally.ts';
import {
  assessedUnits,
  memoByQuery,
  shareOf,
  subtreeTotals,
  underRoot,
  type UnitFigureQuery,
  type UnitFigureSource,
} from '../../db/unit-figures.ts';
import { quarterOf, quartersBetween } from './three-meetings.ts';

/** STUDY_TALLY's measures, in order. */
const MEASURES = ['sessions', 'attendees', 'present', 'openMakeups', 'uncovered'] as const;

/**
 * Sessions, attendees, present, sessions not fully covered and open make-ups per unit subtree, in the period:
 * each session's own counts are its maintained tally key (kept by every write to it, its attendance and its
 * make-ups — the same rules as the 学习统计), so the period's sessions are read once, grouped by unit, and
 * summed up the tree. A session written around the sync (no key yet) is counted from its rows.
 */
const sessionStats = memoByQuery(async (db: Kysely<Database>, q: UnitFigureQuery) => {
  const rows = await db
    .selectFrom('studySessions as s')
    .select([
      's.orgPath as path',
      sql<string>`coalesce(s.tally, ${tallyKeyExpr(studyTally, dialectOfDb(db))})`.as('tally'),
    ])
    .where('s.campaignId', '=', q.campaignId)
    .where((eb) => underRoot(eb, 's.orgPath', q))
    .where('s.date', '>=', q.from)
    .where('s.date', '<=', q.to)
    .execute();
  const byPath = new Map<string, Record<(typeof MEASURES)[number], number>>();
  for (const r of rows) {
    const counted = tallyMeasures(STUDY_TALLY, r.tally);
    const totals = byPath.get(r.path) ?? { sessions: 0, attendees: 0, present: 0, openMakeups: 0, uncovered: 0 };
    MEASURES.forEach((m, i) => {
      totals[m] += counted[i];
    });
    byPath.set(r.path, totals);
  }
  return subtreeTotals(
    db,
    q,
    [...byPath].map(([path, totals]) => ({ path, ...totals })),
    [...MEASURES],
  );
});

/**
 * 三会一课 per unit: 应召开 (the quarters of the period × what the unit's type requires) against 已召开 (held in
 * each quarter, counted up to the requirement so extra meetings in one quarter do not hide a missing one).
 */
const meetingStats = memoByQuery(async (db: Kysely<Database>, q: UnitFigureQuery) => {
  const requirements = await db.selectFrom('meetingRequirements').selectAll().execute();
  const quarters = quartersBetween(q.from, q.to).length;
  const perQuarter = new Map<string, number>();
  for (const r of requirements) perQuarter.set(r.orgType, (perQuarter.get(r.orgType) ?? 0) + r.perQuarter);
  const quarter = quarterOf('s.date');
  const held = await db
    .selectFrom(
      assessedUnits(db, q)
        .innerJoin('studySessions as s', 's.orgId', 'u.id')
        .select((eb) => ['u.id as orgId', 'u.type', 's.kind', eb.fn.countAll<number>().as('n')])
        .where('s.date', '>=', q.from)
        .where('s.date', '<=', q.to)
        .groupBy(['u.id', 'u.type', 's.kind', quarter])
        .as('g'),
    )
    .innerJoin('meetingRequirements as r', (j) => j.onRef('r.orgType', '=', 'g.type').onRef('r.kind', '=', 'g.kind'))
    .select((eb) => [
      'g.orgId',
      eb.fn.sum<number>(sql`case when g.n < r.per_quarter then g.n else r.per_quarter end`).as('held'),
    ])
    .groupBy('g.orgId')
    .execute();
  const heldBy = new Map(held.map((h) => [Number(h.orgId), Number(h.held)]));
  const units = await assessedUnits(db, q).select(['u.id', 'u.type']).execute();
  const out = new Map<number, { required: number; held: number }>();
  for (const u of units) {
    const required = (perQuarter.get(u.type) ?? 0) * quarters;
    if (required > 0) out.set(u.id, { required, held: heldBy.get(u.id) ?? 0 });
  }
  return out;
});

/** The 理论学习 page opened on the unit's subtree and the period: its sessions, or (tab=makeups) its open make-ups. */
const study =
  (extra = '') =>
  (q: UnitFigureQuery & { orgId: number }) =>
    `/study?campaignId=${q.campaignId}&orgId=${q.orgId}&from=${q.from}&to=${q.to}${extra}`;

/** The figures 理论学习 contributes to 考核. */
export const studyFigureSources: UnitFigureSource[] = [
  {
    key: 'study.attendanceRate',
    label: '集中学习出勤率',
    module: '理论学习',
    unit: 'rate',
    better: 'higher',
    compute: async (db, q) =>
      shareOf(
        await sessionStats(db, q),
        (r) => r.present,
        (r) => r.attendees,
      ),
    evidence: study(),
  },
  {
    key: 'study.coverage',
    label: '学习全覆盖率（缺席者均已补学的场次占比）',
    module: '理论学习',
    unit: 'rate',
    better: 'higher',
    compute: async (db, q) =>
      shareOf(
        await sessionStats(db, q),
        (r) => r.sessions - r.uncovered,
        (r) => r.sessions,
      ),
    evidence: study(),
  },
  {
    key: 'study.openMakeups',
    label: '未完成补学人次',
    module: '理论学习',
    unit: 'count',
    better: 'lower',
    compute: async (db, q) => new Map([...(await sessionStats(db, q))].map(([id, r]) => [id, r.openMakeups])),
    evidence: study('&tab=makeups&status=open'),
  },
  {
    key: 'study.meetingsHeldRate',
    label: '三会一课召开率（已召开 ÷ 应召开）',
    module: '理论学习',
    unit: 'rate',
    better: 'higher',
    compute: async (db, q) =>
      shareOf(
        await meetingStats(db, q),
        (r) => r.held,
        (r) => r.required,
      ),
    evidence: study(),
  },
  {
    key: 'study.meetingsMissed',
    label: '三会一课少开次数（应召开 − 已召开）',
    module: '理论学习',
    unit: 'count',
    better: 'lower',
    compute: async (db, q) => new Map([...(await meetingStats(db, q))].map(([id, r]) => [id, r.required - r.held])),
    evidence: study(),
  },
];
