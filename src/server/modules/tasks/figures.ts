import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import type { Judging } from './schedule.ts';
import { lightPredicate, stalePredicate, statusPredicate, taskQuery, type TaskFilter } from './repository.ts';

export interface TaskFigures {
  total: number;
  done: number;
  onTrack: number;
  behind: number;
  notStarted: number;
  stale: number;
  red: number;
  yellow: number;
}

/**
 * A subtree's task figures in one pass over the list's own query (index range on campaign and path, the
 * status columns covered by the index): each number is the total of the list it opens, with the same filter.
 */
export async function taskFigures(
  db: Kysely<Database>,
  actor: Actor,
  filter: TaskFilter,
  today: string,
  t: Judging,
): Promise<TaskFigures> {
  return toFigures(await figureQuery(db, actor, filter, today, t).executeTakeFirstOrThrow());
}

/**
 * The figures of several units' subtrees (tasks each leads or is responsible for) in one statement: each unit's
 * row is the list's own query for that unit, the rows joined with union all — the same counts, one round trip.
 */
export async function unitTaskFigures(
  db: Kysely<Database>,
  actor: Actor,
  campaignId: number | undefined,
  units: Array<{ id: number; path: string }>,
  today: string,
  t: Judging,
): Promise<Map<number, TaskFigures>> {
  const [first, ...rest] = units.map((u) =>
    figureQuery(db, actor, { campaignId, orgPath: u.path }, today, t).select(sql.lit(u.id).as('orgId')),
  );
  if (!first) return new Map();
  const rows = await rest.reduce((q, next) => q.unionAll(next), first).execute();
  return new Map(rows.map((r) => [Number(r.orgId), toFigures(r)]));
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
