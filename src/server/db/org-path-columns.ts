/**
 * Tables that carry a copy of their unit's materialized path (so scoped queries are one index range).
 * Moving a unit rewrites these columns for the whole subtree in the same transaction. A module whose
 * table has an org_path column adds it here.
 */
export const ORG_PATH_COLUMNS: Array<{ table: string; column: string }> = [
  { table: 'people', column: 'org_path' },
  { table: 'audit_events', column: 'org_path' },
  { table: 'problems', column: 'org_path' },
  { table: 'special_items', column: 'org_path' },
  { table: 'attachments', column: 'org_path' },
  { table: 'institutions', column: 'org_path' },
  { table: 'study_sessions', column: 'org_path' },
  { table: 'makeup_items', column: 'org_path' },
  { table: 'study_plans', column: 'org_path' },
  { table: 'research_topics', column: 'org_path' },
  { table: 'life_meetings', column: 'org_path' },
  { table: 'tasks', column: 'org_path' },
  { table: 'task_units', column: 'org_path' },
  { table: 'check_draws', column: 'org_path' },
  { table: 'check_draw_units', column: 'org_path' },
  { table: 'spot_checks', column: 'org_path' },
  { table: 'bulletins', column: 'org_path' },
  { table: 'bulletins', column: 'report_org_path' },
  { table: 'highlights', column: 'org_path' },
  { table: 'exemplars', column: 'org_path' },
  { table: 'exemplars', column: 'level_org_path' },
];
