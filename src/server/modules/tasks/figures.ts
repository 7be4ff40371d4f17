import { sql, type Kysely } from 'kysely';
import { SETTLED_VISIBILITY, type Actor } from '../../auth/actor.ts';
import { coversSubtree } from '../../db/scope.ts';
import { reusableQuery } from '../../db/reusable-query.ts';
import type { Database } from '../../db/schema.ts';
import type { TaskThresholds } from '../../../shared/task-enums.ts';
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
  t: TaskThresholds,
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
  t: TaskThresholds,
): Promise<Map<number, TaskFigures>> {
  if (!units.length) return new Map();
  // A caller who sees every unit's whole subtree needs no visibility predicate (taskQuery): the same SQL for
  // everyone, compiled once per number of units; anyone else's is built for their scope.
  const rows = units.every((u) => coversSubtree(actor.scope, u.path))
    ? await unitFiguresQuery(db, {
        campaignId: campaignId || undefined,
        paths: units.map((u) => u.path),
        ids: units.map((u) => u.id),
        today,
        staleDays: t.staleDays,
      })
    : await unitFiguresOf(db, actor, campaignId, units, today, t.staleDays).execute();
  return new Map(rows.map((r) => [Number(r.orgId), toFigures(r)]));
}

function unitFiguresOf(
  db: Kysely<Database>,
  actor: Actor,
  campaignId: number | undefined,
  units: Array<{ id: number; path: string }>,
  today: string,
  staleDays: number,
) {
  const [first, ...rest] = units.map((u) =>
    figureQuery(db, actor, { campaignId, orgPath: u.path }, today, { staleDays }).select(
      sql<number>`cast(${u.id} as integer)`.as('orgId'),
    ),
  );
  return rest.reduce((q, next) => q.unionAll(next), first);
}

const unitFiguresQuery = reusableQuery(
  'unitTaskFigures',
  (
    db: Kysely<Database>,
    p: { campaignId: number | undefined; paths: string[]; ids: number[]; today: string; staleDays: number },
  ) =>
    unitFiguresOf(
      db,
      SETTLED_VISIBILITY,
      p.campaignId,
      p.paths.map((path, i) => ({ path, id: p.ids[i] })),
      p.today,
      p.staleDays,
    ),
  { shapedBy: ['staleDays'] },
);

function figureQuery(
  db: Kysely<Database>,
  actor: Actor,
  filter: TaskFilter,
  today: string,
  t: Pick<TaskThresholds, 'staleDays'>,
) {
  return taskQuery(db, actor, filter, today, t).select((eb) => {
    const count = (p: ReturnType<typeof statusPredicate>) => eb.fn.sum<number>(eb.case().when(p).then(1).else(0).end());
    return [
      eb.fn.countAll<number>().as('total'),
      count(statusPredicate(eb, 'done', today)).as('done'),
      count(statusPredicate(eb, 'on_track', today)).as('onTrack'),
      count(statusPredicate(eb, 'behind', today)).as('behind'),
      count(statusPredicate(eb, 'not_started', today)).as('notStarted'),
      count(stalePredicate(eb, today, t.staleDays)).as('stale'),
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
