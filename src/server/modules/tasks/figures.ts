import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
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
  const row = await taskQuery(db, actor, filter, today, t)
    .select((eb) => {
      const count = (p: ReturnType<typeof statusPredicate>) =>
        eb.fn.sum<number>(eb.case().when(p).then(1).else(0).end());
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
    })
    .executeTakeFirstOrThrow();
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
