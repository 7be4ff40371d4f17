import { sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { addDays } from '../../clock.ts';
import { queryOf, WHOLE_ROOT, type WarningKind, type WarningScope } from '../../lib/warning-kind.ts';
import { idleUnitsQuery } from './idle-units.ts';
import { sessionQuery } from './repository.ts';
import { meetingsBehindQuery } from './meetings-behind.ts';
import type { SelectFromAny } from '../../db/untyped.ts';
import { coversSubtree } from '../../db/scope.ts';
import { uncoveredSessionsUpTo } from './tally.ts';
import { meetingsBehindFromTally } from './meeting-tally.ts';

const idleDays = (s: WarningScope) => s.thresholds['study.idleDays'] ?? 30;
const makeupDays = (s: WarningScope) => s.thresholds['study.makeupDays'] ?? 14;
const uncovered = (s: WarningScope) => ({
  campaignId: s.campaignId,
  orgId: s.orgId,
  uncovered: true,
  to: addDays(s.today, -makeupDays(s)),
});
const idle = (s: WarningScope) => ({ campaignId: s.campaignId, orgId: s.orgId, days: idleDays(s) });
const shortfall = (s: WarningScope) => s.thresholds['study.meetingsShortfall'] ?? 1;
const behind = (s: WarningScope) => ({ orgId: s.orgId, shortfall: shortfall(s) });
// biome-ignore lint/complexity/noBannedTypes: Kysely's own type for a query with nothing selected yet
const count = async (q: SelectFromAny<Database, {}>) =>
  Number((await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);

/**
 * 预警 kinds of 理论学习: sessions still short of 全覆盖 after the make-up period, 支部 with no session for N
 * days, and units behind their quarter's 三会一课. The unit lists open in place on the 预警 page (its `kind`
 * filter), the sessions on the 理论学习 page.
 */
export const studyWarningKinds: WarningKind[] = [
  {
    kind: 'study_uncovered',
    label: '集中学习未全覆盖（缺学超过规定天数未补学）',
    line: '理论学习',
    thresholds: [{ key: 'study.makeupDays', label: '补学期限（天）', default: 14, min: 1, max: 90 }],
    // A caller who sees the subtree whole reads the maintained tally; anyone else counts their own view.
    count: (db, actor, s) =>
      coversSubtree(actor.scope, s.orgPath)
        ? uncoveredSessionsUpTo(db, s.orgId, s.campaignId, uncovered(s).to)
        : count(
            sessionQuery(db, actor, {
              campaignId: s.campaignId,
              orgPath: s.orgPath,
              uncovered: true,
              to: uncovered(s).to,
            }),
          ),
    countByPath: async (db, s) => {
      const to = addDays(s.today, -(s.thresholds['study.makeupDays'] ?? 14));
      const rows = await sessionQuery(db, WHOLE_ROOT, {
        campaignId: s.campaignId,
        orgPath: s.rootPath,
        uncovered: true,
        to,
      })
        .select((eb) => ['studySessions.orgPath as path', eb.fn.countAll<number>().as('n')])
        .groupBy('studySessions.orgPath')
        .execute();
      return rows.map((r) => ({ path: r.path, n: Number(r.n) }));
    },
    link: (s) => `/study?${queryOf(uncovered(s))}`,
    api: (s) => `/api/v1/study/sessions?${queryOf(uncovered(s))}`,
  },
  {
    kind: 'study_idle_units',
    label: '超过规定天数未开展集中学习的党支部',
    line: '理论学习',
    thresholds: [{ key: 'study.idleDays', label: '未开展集中学习天数', default: 30, min: 1, max: 366 }],
    count: (db, actor, s) =>
      count(
        idleUnitsQuery(db, actor, {
          campaignId: s.campaignId,
          orgPath: s.orgPath,
          since: addDays(s.today, -idleDays(s)),
        }),
      ),
    link: (s) => `/warnings?${queryOf({ ...idle(s), kind: 'study_idle_units' })}`,
    api: (s) => `/api/v1/study/idle-units?${queryOf(idle(s))}`,
  },
  {
    kind: 'study_meetings_behind',
    label: '“三会一课”本季度序时落后的单位',
    line: '理论学习',
    thresholds: [
      { key: 'study.meetingsShortfall', label: '“三会一课”少开次数（达到即预警）', default: 1, min: 1, max: 50 },
    ],
    // A caller who sees the subtree whole reads the maintained tally; anyone else counts their own view.
    count: async (db, actor, s) =>
      (coversSubtree(actor.scope, s.orgPath)
        ? await meetingsBehindFromTally(db, s.orgId, s.today, shortfall(s))
        : undefined) ??
      count(meetingsBehindQuery(db, actor, { orgPath: s.orgPath, today: s.today, shortfall: shortfall(s) })),
    link: (s) => `/warnings?${queryOf({ campaignId: s.campaignId, ...behind(s), kind: 'study_meetings_behind' })}`,
    api: (s) => `/api/v1/study/meetings-behind?${queryOf(behind(s))}`,
  },
];
