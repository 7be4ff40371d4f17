/**
 * The honest limit's SQL: for each figure, the fewest statements that give the served route's answer for the
 * bench account (a whole-subtree grant) — the maintained tallies where the route reads them, the best plan
 * for the list, everything prepared once. docs/benchmark.md walks through each statement.
 */
import { problemColumns } from '../../../src/server/modules/problems/repository.ts';
import { personColumns } from '../../../src/server/modules/people/repository.ts';
import { PROBLEM_COLOURS, PROBLEM_STATUSES } from '../../../src/shared/problem-enums.ts';
import type { LimitDb } from './sql.ts';

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** `problems.orgPath` → `p.org_path as "orgPath"` (the route's own column lists, so the fields cannot drift). */
const columnsOf = (columns: readonly string[], aliases: Record<string, string>) =>
  columns
    .map((c) => {
      const [ref, as] = c.split(' as ');
      const [table, column] = ref.split('.');
      return `${aliases[table]}.${snake(column)} as "${as ?? column}"`;
    })
    .join(', ');

/** The subtree of a path as a byte-wise range (db/scope.ts): [path, path with its last "/" raised to "0"). */
export const upperBound = (path: string) => `${path.slice(0, -1)}0`;

export const SESSION = `select user_id as "userId", expires_at as "expiresAt" from sessions where token_hash = @hash`;

/** The campaign's warning days and the task settings' stale days in one read. */
export const CAMPAIGN = `select c.warning_days as "warningDays", ts.stale_days as "staleDays"
  from campaigns c left join task_settings ts on ts.campaign_id = c.id where c.id = @campaignId`;

/** The unit asked for and every direct child (active or not), in tree order: the unit first. */
export const UNIT_AND_CHILDREN = `select id, name, path, active, parent_id as "parentId" from org_units
  where id = @unitId or parent_id = @unitId order by case when id = @unitId then 0 else 1 end, sort_order, id`;

const red = `t.status <> 'closed' and t.due_date is not null and t.due_date < @today`;
const notOverdue = `(t.due_date is null or t.due_date >= @today)`;
const COLOUR_SQL: Record<string, string> = {
  green: `t.status = 'closed'`,
  red,
  yellow: `t.status <> 'closed' and ${notOverdue} and (t.status = 'submitted' or (t.kind <> 'long_term' and t.due_date <= @yellowUntil))`,
  blue: `t.status not in ('closed', 'submitted') and ${notOverdue} and t.kind = 'long_term'`,
  none: `t.status not in ('closed', 'submitted') and t.kind <> 'long_term' and (t.due_date is null or t.due_date > @yellowUntil)`,
};
const sumWhen = (p: string, as: string) => `sum(case when ${p} then t.n else 0 end) as "${as}"`;

/** Each unit's problem summary (the unit and all its children) from problem_tallies, in one statement. */
export const PROBLEM_SUMMARIES = `select t.org_id as "orgId", sum(t.n) as "total",
  ${sumWhen(`t.status = 'closed'`, 'closed')}, ${sumWhen(`t.kind = 'immediate' and t.status = 'closed'`, 'cleared')},
  ${sumWhen('t.on_time = 1', 'onTime')}, ${sumWhen(red, 'overdue')}, ${sumWhen('t.escalated = 1', 'escalated')},
  ${Object.keys(PROBLEM_STATUSES)
    .map((s) => sumWhen(`t.status = '${s}'`, `status.${s}`))
    .join(', ')},
  ${Object.keys(PROBLEM_COLOURS)
    .map((c) => sumWhen(COLOUR_SQL[c], `colour.${c}`))
    .join(', ')}
  from problem_tallies t
  where t.campaign_id = @campaignId and t.org_id in (select id from org_units where id = @unitId or parent_id = @unitId)
  group by t.org_id`;

export const STUDY_SUMMARIES = `select org_id as "orgId", sum(sessions) as "sessions", sum(attendees) as "attendees",
  sum(present) as "present", sum(open_makeups) as "openMakeups", sum(uncovered) as "uncovered"
  from study_tallies
  where campaign_id = @campaignId and org_id in (select id from org_units where id = @unitId or parent_id = @unitId)
  group by org_id`;

/** A status's total in a subtree, from the unit's tally rows. */
export const LIST_TOTAL = `select coalesce(sum(n), 0) as "n" from problem_tallies
  where org_id = @unitId and campaign_id = @campaignId and status = @status`;

const problemSelect = columnsOf(problemColumns, { problems: 'p' });

const measureCount = (status: string) =>
  `(select count(*) from problem_measures m where m.problem_id = p.id and m.status = '${status}') as "${status}"`;

/**
 * A page of one status in deadline order: the campaign's list index walked in order (no sort), the subtree's
 * range tested per index row — SQLite is told the range holds nearly every row, as the route does for a
 * subtree holding most of the campaign — then only the page's rows read whole, with their names and the
 * counts of open and done measures (index lookups by problem).
 */
export function listPage(db: LimitDb) {
  const range =
    db.dialect === 'sqlite'
      ? 'likelihood(org_path >= @lo, 0.999) and likelihood(org_path < @hi, 0.999)'
      : 'org_path >= @lo and org_path < @hi';
  return `select ${problemSelect}, o.name as "orgName", pe.name as "personName", ${measureCount('open')}, ${measureCount('done')}
    from (select id from problems where campaign_id = @campaignId and status = @status and ${range}
      order by due_sort, id limit @limit offset @offset) page
    join problems p on p.id = page.id join org_units o on o.id = p.org_id left join people pe on pe.id = p.person_id
    order by p.due_sort, p.id`;
}

const personFilter = `from people p join org_units o on o.id = p.org_id left join users u on u.person_id = p.id
  where p.org_path >= @lo and p.org_path < @hi and p.active = 1 and p.id in (
    select id from people where name_initials >= @q and name_initials < @qEnd
    union all select id from people where name_pinyin >= @q and name_pinyin < @qEnd)`;

/** People whose initials or full pinyin start with the letters, in list order, and their total. */
export const PEOPLE_PAGE = `select ${columnsOf(personColumns, { people: 'p', orgUnits: 'o', users: 'u' })}
  ${personFilter} order by p.org_path, p.name_pinyin, p.id limit @limit offset @offset`;
export const PEOPLE_TOTAL = `select count(*) as "total" ${personFilter}`;
