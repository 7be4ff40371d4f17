import type { TallyTable } from './subtree-tally.ts';

/**
 * The maintained-figure tables (created in migration 0030). Listed here, like ORG_PATH_COLUMNS, because a
 * unit move shifts all of them; the modules that feed them define how a source row is counted.
 */
export const PROBLEM_TALLY: TallyTable = {
  table: 'problem_tallies',
  dims: [
    { column: 'campaign_id', type: 'int' },
    { column: 'status', type: 'text' },
    { column: 'kind', type: 'text' },
    { column: 'due_date', type: 'text' },
    { column: 'escalated', type: 'int' },
    { column: 'on_time', type: 'int' },
  ],
  measures: ['n'],
};

export const STUDY_TALLY: TallyTable = {
  table: 'study_tallies',
  dims: [
    { column: 'campaign_id', type: 'int' },
    { column: 'kind', type: 'text' },
    // The session's day when it is not 全覆盖, '' when it is (migration 0139): 预警 counts them up to a day.
    { column: 'uncovered_on', type: 'text' },
  ],
  measures: ['sessions', 'attendees', 'present', 'open_makeups', 'uncovered'],
};

/**
 * Citizen demands (migration 0053): by campaign, the Shanghai day received, the Shanghai day of a valid
 * follow-up ('' when none), status and the hour the open stage falls due ('9999' when none) — the 三率's raw
 * counts for any period of whole days, and overdue judged at read time.
 */
export const DEMAND_TALLY: TallyTable = {
  table: 'demand_tallies',
  dims: [
    { column: 'campaign_id', type: 'int' },
    { column: 'received_day', type: 'text' },
    { column: 'visit_day', type: 'text' },
    { column: 'status', type: 'text' },
    { column: 'due_hour', type: 'text' },
  ],
  measures: ['n', 'valid', 'contacted', 'solved', 'satisfied', 'basically'],
};

/**
 * Units by what they held of 三会一课 (migration 0141): type, active, their latest quarter with meetings held
 * ('' for none) and those meetings per kind ("kind:n,…" in kind order) — the source is org_units itself.
 */
export const MEETING_TALLY: TallyTable = {
  table: 'unit_meeting_tallies',
  dims: [
    { column: 'org_type', type: 'text' },
    { column: 'active', type: 'int' },
    { column: 'quarter', type: 'text' },
    { column: 'held', type: 'text' },
  ],
  measures: ['n'],
};

export const TALLY_TABLES = [PROBLEM_TALLY, STUDY_TALLY, DEMAND_TALLY, MEETING_TALLY];
