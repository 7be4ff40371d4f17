import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { nowIso } from '../../clock.ts';
import { coversSubtree } from '../../db/scope.ts';
import {
  problemQuery,
  summaryColumns,
  tallySummaries,
  toSummary,
  onTimePredicate,
  type ProblemSummary,
} from '../problems/public.ts';
import { sessionFigures, studyTallySummaries, type StudySummary } from '../study/public.ts';
import { unitsDemandFigures, type DemandFiguresView } from '../demands/public.ts';
import { taskThresholdsOf, unitTaskFigures, type TaskFigures } from '../tasks/public.ts';

interface Unit {
  id: number;
  name: string;
  path: string;
}
type Dates = { today: string; yellowUntil: string };

export interface UnitFigures {
  orgId: number;
  orgName: string;
  problems: ProblemSummary;
  study: StudySummary;
  /** Key tasks the unit's subtree leads or is responsible for (the task list's own count, index-backed). */
  tasks: TaskFigures;
  /** 接诉即办: GET /demands/figures of the subtree for the campaign's current assessment month (the tallies). */
  demands: DemandFiguresView;
}

/**
 * A subtree's figures for the dashboard. A caller who sees the whole subtree reads the maintained tallies
 * (a few hundred rows whatever the city's size); one whose scope covers only part of it (a supervision
 * group's units, own records) gets the same figures counted live over what it may see.
 */
export async function unitFigures(
  db: Kysely<Database>,
  actor: Actor,
  campaignId: number | undefined,
  units: Unit[],
  dates: Dates,
): Promise<UnitFigures[]> {
  const maintained = units.filter((u) => coversSubtree(actor.scope, u.path));
  const [problems, study] = await Promise.all([
    tallySummaries(
      db,
      campaignId,
      maintained.map((u) => u.id),
      dates,
    ),
    studyTallySummaries(
      db,
      campaignId,
      maintained.map((u) => u.id),
    ),
  ]);
  const thresholds = await taskThresholdsOf(db, campaignId);
  const [tasks, demands] = await Promise.all([
    unitTaskFigures(db, actor, campaignId, units, dates.today, thresholds),
    unitsDemandFigures(db, actor, { campaignId, units, today: dates.today, now: nowIso() }),
  ]);
  return Promise.all(
    units.map(async (u) => ({
      tasks: tasks.get(u.id)!,
      demands: demands.get(u.id)!,
      orgId: u.id,
      orgName: u.name,
      problems: problems.get(u.id) ?? (await liveProblems(db, actor, campaignId, u.path, dates)),
      study: study.get(u.id) ?? (await sessionFigures(db, actor, { campaignId, orgPath: u.path })),
    })),
  );
}

async function liveProblems(
  db: Kysely<Database>,
  actor: Actor,
  campaignId: number | undefined,
  orgPath: string,
  dates: Dates,
): Promise<ProblemSummary> {
  const row = await problemQuery(db, actor, { campaignId, orgPath }, dates)
    .select((eb) =>
      summaryColumns(
        eb,
        eb.lit(1),
        { escalated: eb('problems.escalatedFromId', 'is not', null), onTime: onTimePredicate(eb) },
        dates,
      ),
    )
    .executeTakeFirstOrThrow();
  return toSummary(row as Record<string, unknown>);
}
