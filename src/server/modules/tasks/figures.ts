import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { coversSubtree, unitIdOfPath } from '../../db/scope.ts';
import { staleBefore, type Judging } from './schedule.ts';
import { lightPredicate, stalePredicate, statusPredicate, taskQuery, type TaskFilter } from './repository.ts';
import { tallyFigures, type TaskFigures } from './tally.ts';

export type { TaskFigures };

/**
 * A subtree's task figures: each number is the total of the list it opens, with the same filter. A subtree the
 * caller sees whole, filtered by campaign and 仅重点任务 at most, is read from the maintained tally (tally.ts);
 * anything else is one pass over the list's own query.
 */
export async function taskFigures(
  db: Kysely<Database>,
  actor: Actor,
  filter: TaskFilter,
  today: string,
  t: Judging,
): Promise<TaskFigures> {
  const { campaignId, orgPath, topLevel, ...narrower } = filter;
  const maintained = orgPath && coversSubtree(actor.scope, orgPath) && !Object.values(narrower).some(isSet);
  if (maintained) {
    const orgId = unitIdOfPath(orgPath);
    const figures = await tallyFigures(db, [orgId], {
      campaignId,
      topLevel,
      today,
      staleBefore: staleBefore(today, t),
    });
    return figures.get(orgId)!;
  }
  return liveTaskFigures(db, actor, filter, today, t);
}

/** The same figures counted over the tasks themselves (the list's query), for any caller and filter. */
export async function liveTaskFigures(
  db: Kysely<Database>,
  actor: Actor,
  filter: TaskFilter,
  today: string,
  t: Judging,
): Promise<TaskFigures> {
  return toFigures(await figureQuery(db, actor, filter, today, t).executeTakeFirstOrThrow());
}

const isSet = (v: unknown) => v !== undefined && v !== false && v !== '';

/**
 * The figures of several units' subtrees (tasks each leads or is responsible for): the tally's for the units
 * the caller sees whole in one statement, and for the rest each unit's row of the list's own query, joined with
 * union all — the same counts, two round trips at most.
 */
export async function unitTaskFigures(
  db: Kysely<Database>,
  actor: Actor,
  campaignId: number | undefined,
  units: Array<{ id: number; path: string }>,
  today: string,
  t: Judging,
): Promise<Map<number, TaskFigures>> {
  const whole = units.filter((u) => coversSubtree(actor.scope, u.path));
  const [first, ...rest] = units
    .filter((u) => !coversSubtree(actor.scope, u.path))
    .map((u) => figureQuery(db, actor, { campaignId, orgPath: u.path }, today, t).select(sql.lit(u.id).as('orgId')));
  const [maintained, rows] = await Promise.all([
    tallyFigures(
      db,
      whole.map((u) => u.id),
      { campaignId, today, staleBefore: staleBefore(today, t) },
    ),
    first ? rest.reduce((q, next) => q.unionAll(next), first).execute() : [],
  ]);
  return new Map([...maintained, ...rows.map((r) => [Number(r.orgId), toFigures(r)] as const)]);
}

function figureQuery(db: Kysely<Database>, actor: Actor, filter: TaskFilter, today: string, t: Judging) {
  return taskQuery(db, actor, filter, today, t).select((eb) => {
    const count = (p: ReturnType<typeof statusPredicate>) => eb.fn.sum<number>(eb.case().when(p).then(1).else(0).end());
    return [
      eb.fn.countAll<number>().as('total'),
      count(statusPredicate(eb, 'done', today)).as('done'),
      count(statusPredicate(eb, 'on_track', today)).as('onTrack'),
      count(statusPredicate(eb, 'behind', today)).as('behind'),
      count(statusPredicate(eb, 'not_started', today)).as('notStarted'),
      count(stalePredicate(eb, today, t)).as('stale'),
      count(lightPredicate(eb, 'red', today)).as('red'),
      count(lightPredicate(eb, 'yellow', today)).as('yellow'),
    ];
  });
}

function toFigures(row: Record<keyof TaskFigures, unknown>): TaskFigures {
  const n = (v: unknown) => Number(v ?? 0);
  return {
    total: n(row.total),
    done: n(row.done),
    onTrack: n(row.onTrack),
    behind: n(row.behind),
    notStarted: n(row.notStarted),
    stale: n(row.stale),
    red: n(row.red),
    yellow: n(row.yellow),
  };
}
