import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { addDays } from '../../clock.ts';
import {
  queryOf,
  WHOLE_ROOT,
  type WarningBatchScope,
  type WarningKind,
  type WarningScope,
} from '../../lib/warning-kind.ts';
import { judgeDates } from './presenter.ts';
import { problemQuery, warningDaysOf, type ProblemFilter } from './repository.ts';
import { tallyTotal } from './tally.ts';

/** The 问题清单's total for a filter: from the maintained tallies when they can answer, else counted. */
async function countProblems(db: Kysely<Database>, actor: Actor, filter: ProblemFilter): Promise<number> {
  const dates = judgeDates(await warningDaysOf(db, filter.campaignId));
  const known = await tallyTotal(db, actor, filter, dates);
  if (known !== undefined) return known;
  const row = await problemQuery(db, actor, filter, dates)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The list's own filter over a root, grouped by each problem's unit. */
async function countProblemsByPath(db: Kysely<Database>, s: WarningBatchScope, filter: ProblemFilter) {
  const dates = judgeDates(await warningDaysOf(db, s.campaignId));
  const rows = await problemQuery(db, WHOLE_ROOT, { ...filter, campaignId: s.campaignId, orgPath: s.rootPath }, dates)
    .select((eb) => ['problems.orgPath as path', eb.fn.countAll<number>().as('n')])
    .groupBy('problems.orgPath')
    .execute();
  return rows.map((r) => ({ path: r.path, n: Number(r.n) }));
}

const overdue = (s: WarningScope) => ({ campaignId: s.campaignId, orgId: s.orgId, overdue: true });
const waiting = (s: WarningScope) => ({
  campaignId: s.campaignId,
  orgId: s.orgId,
  submittedBefore: addDays(s.today, -(s.thresholds['problems.acceptDays'] ?? 5)),
});

/** 预警 kinds of 检视整改: overdue rectification, and 申请销号 left unaccepted for too long. */
export const problemWarningKinds: WarningKind[] = [
  {
    kind: 'problem_overdue',
    label: '整改措施逾期的问题',
    line: '检视整改',
    count: (db, actor, s) => countProblems(db, actor, { campaignId: s.campaignId, orgPath: s.orgPath, overdue: true }),
    countByPath: (db, s) => countProblemsByPath(db, s, { overdue: true }),
    link: (s) => `/problems?${queryOf(overdue(s))}`,
    api: (s) => `/api/v1/problems?${queryOf(overdue(s))}`,
  },
  {
    kind: 'problem_waiting_acceptance',
    label: '申请销号超过规定天数未验收',
    line: '检视整改',
    thresholds: [{ key: 'problems.acceptDays', label: '申请销号待验收天数', default: 5, min: 1, max: 60 }],
    count: (db, actor, s) =>
      countProblems(db, actor, {
        campaignId: s.campaignId,
        orgPath: s.orgPath,
        submittedBefore: waiting(s).submittedBefore,
      }),
    countByPath: (db, s) =>
      countProblemsByPath(db, s, { submittedBefore: addDays(s.today, -(s.thresholds['problems.acceptDays'] ?? 5)) }),
    link: (s) => `/problems?${queryOf(waiting(s))}`,
    api: (s) => `/api/v1/problems?${queryOf(waiting(s))}`,
  },
];
