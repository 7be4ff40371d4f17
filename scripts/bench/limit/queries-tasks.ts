/**
 * The honest limit's SQL for 推动发展 and 预警 (routes-tasks.ts): for the bench account (a whole-subtree grant)
 * the fewest statements that give the served routes' answers — the same predicates as the module's
 * repository (status judged from the stored schedule dates), written once, prepared once.
 */
import { taskColumns } from '../../../src/server/modules/tasks/repository.ts';
import type { LimitDb } from './sql.ts';

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const taskSelect = taskColumns.map((c) => `t.${snake(c.split('.')[1])} as "${c.split('.')[1]}"`).join(', ');

/** The campaign's task thresholds, its own unit's path and its warning thresholds' overrides in two reads. */
export const TASK_SETTINGS = `select ts.tolerance, ts.yellow_gap as "yellowGap", ts.red_gap as "redGap",
  ts.stale_days as "staleDays", o.path as "campaignPath", c.warning_days as "warningDays"
  from campaigns c join org_units o on o.id = c.org_id left join task_settings ts on ts.campaign_id = c.id
  where c.id = @campaignId`;
export const WARNING_THRESHOLDS = `select key, value from warning_thresholds where campaign_id = @campaignId`;
/** The calendar page's corrections (未更新 counts working days). */
export const CALENDAR = `select date, kind from calendar_overrides`;

/** What a whole-subtree grant sees: tasks led there, or with any unit of theirs there. */
const visible = `(t.org_path >= @glo and t.org_path < @ghi or t.id in (select tu.task_id from task_units tu
  where tu.org_path >= @glo and tu.org_path < @ghi))`;

/**
 * Key-task figures of some units' subtrees (ids as a JSON array on SQLite, an array on PostgreSQL) from the
 * maintained tally (tasks/tally.ts): each task counted once per day its schedule reaches, so a figure at
 * today is a conditional sum over the unit's rows — all of a campaign's rows of a unit in one index range.
 */
export const taskTallyFigures = (db: LimitDb, topLevel: boolean) => {
  const upTo = (event: string) => `sum(case when event = '${event}' and day <= @today then n else 0 end)`;
  return `select org_id as "orgId", total, done, started - behind as "onTrack", behind,
    total - done - started as "notStarted", stale, red, yellow - yellow_end as "yellow"
  from (select org_id, sum(case when event = 'all' then n else 0 end) as total,
    sum(case when event = 'done' then n else 0 end) as done, ${upTo('started')} as started, ${upTo('behind')} as behind,
    ${upTo('red')} as red, ${upTo('yellow')} as yellow, ${upTo('yellow_end')} as yellow_end,
    sum(case when event = 'stale' and day <= @staleBefore and (day2 = '' or day2 <= @today) then n else 0 end) as stale
    from task_tallies where org_id ${inIds(db)} and campaign_id = @campaignId${topLevel ? ' and top_level = 1' : ''}
    group by org_id) s`;
};

const inIds = (db: LimitDb) =>
  db.dialect === 'sqlite' ? 'in (select value from json_each(@ids))' : '= any(cast(@ids as integer[]))';

/** The ids parameter of a statement over a list of units (see inIds). */
export const idsParam = (db: LimitDb, ids: number[]) => (db.dialect === 'sqlite' ? JSON.stringify(ids) : ids);

/** The 重点任务 list without a unit filter: what the grant sees, in 完成时限 order, and its total. */
const listWhere = (topLevel: boolean) =>
  `t.campaign_id = @campaignId and ${visible}${topLevel ? ' and t.parent_id is null' : ''}`;
export const taskListTotal = (topLevel: boolean) => `select count(*) as "n" from tasks t where ${listWhere(topLevel)}`;

/**
 * A page of the list with everything the presenter needs about each row's shape and this week's 周调度, and
 * the status history row in force at the end of last week.
 */
export const taskListPage = (topLevel: boolean) =>
  `select ${taskSelect}, o.name as "orgName", pe.name as "leaderName",
    exists (select 1 from tasks c where c.parent_id = t.id) as "split",
    exists (select 1 from task_milestones m where m.task_id = t.id) as "planned",
    exists (select 1 from task_updates u where u.task_id = t.id and u.week = @week) as "reported",
    lw.done as "lwDone", lw.start_date as "lwStartDate", lw.behind_from as "lwBehindFrom"
  from (select t.id from tasks t where ${listWhere(topLevel)} order by t.end_date, t.id limit @limit offset @offset) page
  join tasks t on t.id = page.id join org_units o on o.id = t.org_id left join people pe on pe.id = t.leader_id
  left join task_status_history lw on lw.id = (select h.id from task_status_history h
    where h.task_id = t.id and h.effective_on <= @lastWeekEnd order by h.effective_on desc, h.id desc limit 1)
  order by t.end_date, t.id`;

/** The 责任单位 and 配合单位 of a page of tasks (ids as a JSON array on SQLite, an array on PostgreSQL). */
export const taskUnitsOf = (db: LimitDb) =>
  `select tu.task_id as "taskId", tu.org_id as "orgId", tu.org_path as "orgPath", tu.role, o.name as "orgName"
  from task_units tu join org_units o on o.id = tu.org_id
  where tu.task_id ${inIds(db)}
  order by tu.org_id`;

/** Every 预警 count of one subtree the grant covers whole, one statement per record kind. */
export const W_PROBLEM_OVERDUE = `select coalesce(sum(n), 0) as "n" from problem_tallies
  where org_id = @unitId and campaign_id = @campaignId and status <> 'closed' and due_date is not null and due_date < @today`;
export const W_PROBLEM_WAITING = `select count(*) as "n" from problems
  where campaign_id = @campaignId and status = 'submitted' and org_path >= @lo and org_path < @hi and submitted_at < @submittedBefore`;
/** Sessions not 全覆盖 up to a day: the study tally's rows of the unit by day uncovered (migration 0139). */
export const W_STUDY_UNCOVERED = `select coalesce(sum(uncovered), 0) as "n" from study_tallies
  where org_id = @unitId and campaign_id = @campaignId and uncovered_on > '' and uncovered_on <= @to`;
export const W_STUDY_IDLE = `select count(*) as "n" from org_units u
  where u.active = 1 and u.type = 'branch' and u.path >= @lo and u.path < @hi
    and not exists (select 1 from study_sessions s where s.org_id = u.id and s.date >= @since and s.date <= @today
      and s.campaign_id = @campaignId)`;
/** 三会一课 behind the quarter counted per unit (study/meetings-behind.ts), for a clock set back before a quarter with meetings: due so far (requirement × days passed ÷ quarter days) − held. */
const due = `(r.per_quarter * cast(@elapsed as integer)) / cast(@length as integer)`;
export const W_MEETINGS_BEHIND = `select count(*) as "n" from (select u.id from org_units u
  join meeting_requirements r on r.org_type = u.type
  left join study_meeting_counts h on h.org_id = u.id and h.quarter = @quarter and h.kind = r.kind
  where u.active = 1 and u.path >= @lo and u.path < @hi
  group by u.id
  having sum(case when coalesce(h.n, 0) < ${due} then ${due} - coalesce(h.n, 0) else 0 end) >= cast(@shortfall as integer)) b`;
/** Leaders without (enough) research reports in the campaign (research/repository.ts). */
export const W_LEADERS_NO_REPORT = `select count(*) as "n" from people p
  where p.active = 1 and p.org_path >= @lo and p.org_path < @hi
    and (p.leadership_level in ('bureau', 'county') or exists (select 1 from users us
      join role_grants g on g.user_id = us.id where us.person_id = p.id and g.role = 'leader'))
    and (select count(*) from research_topics t where t.leader_id = p.id and t.campaign_id = @campaignId
      and t.status in ('reported', 'accepted')) < cast(@minReports as integer)`;
/** 三会一课 from the maintained rows (study/meeting-tally.ts): the unit's active rows and the requirements, judged in JS. */
export const W_MEETING_ROWS = `select org_type as "orgType", quarter, held, n from unit_meeting_tallies
  where org_id = @unitId and active = 1 and n <> 0`;
export const W_MEETING_REQUIREMENTS = `select org_type as "orgType", kind, per_quarter as "perQuarter" from meeting_requirements`;
/** 超时诉求 of whole hours past, from the demand tally (the hour under way is THIS_HOUR of routes-demands.ts). */
export const W_DEMAND_OVERDUE = `select coalesce(sum(n), 0) as "n" from demand_tallies where org_id = @unitId
  and campaign_id = @campaignId and status in ('dispatched', 'accepted') and due_hour < @hour`;
