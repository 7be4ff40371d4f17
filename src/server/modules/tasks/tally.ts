import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { applyDelta, Delta, type TallyTable } from '../../db/subtree-tally.ts';
import { idsOfPath } from '../../db/scope.ts';
import { ofUnitSubtree } from './repository.ts';
import { reusableQuery } from '../../db/reusable-query.ts';
import { NEVER } from './schedule.ts';

/**
 * Maintained 重点任务 figures. A task's status at any date is a comparison of that date with a few stored days
 * (repository.ts statusPredicate …): behind once `max(startDate, behindFrom)` has come, red once
 * `max(startDate, redFrom)` has, and so on. So each task adds one to an "event" row per such day, for every unit
 * it counts for — the ancestors of its 牵头单位 and of each 责任单位, once each, as the list's unit filter counts
 * it — and a subtree's figures at `today` are sums over one unit's rows with `day <= today`. Nothing in the
 * tally depends on today: days passing change no row.
 *
 * 未更新 needs two days: started by today and last reported on or before the cutoff. A task last reported on
 * or after its start is started whenever its report is before the cutoff, so its row has no second day; only
 * a task created before its start and silent since carries its start as `day2`.
 *
 * A unit move changes which units a task counts for in ways a shift of the moved unit's rows cannot follow (a
 * task may count for the new ancestors already through another unit), so the moved subtree's tasks are
 * simply counted again (`recountTasksUnder`).
 */
export const TASK_TALLY: TallyTable = {
  table: 'task_tallies',
  dims: [
    { column: 'campaign_id', type: 'int' },
    { column: 'top_level', type: 'int' },
    { column: 'event', type: 'text' },
    { column: 'day', type: 'text' },
    { column: 'day2', type: 'text' },
  ],
  measures: ['n'],
};

/** A subtree's key-task figures: each number is the total of the list it opens. */
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

type Db = Kysely<Database>;
type Event = [event: string, day: string, day2: string];

interface Counted {
  id: number;
  campaignId: number;
  parentId: number | null;
  orgPath: string;
  done: number;
  startDate: string;
  behindFrom: string;
  yellowFrom: string;
  redFrom: string;
  lastActivityOn: string;
  tally: string | null;
}

const latest = (...days: string[]) => days.toSorted().at(-1) ?? '';

/** The rows a task adds one to (days that never come are left out: no date reaches them). */
export function taskEvents(t: Omit<Counted, 'id' | 'campaignId' | 'parentId' | 'orgPath' | 'tally'>): Event[] {
  const events: Event[] = [['all', '', '']];
  if (t.done === 1) return [...events, ['done', '', '']];
  const named = (event: string, day: string): Event[] => (day >= NEVER ? [] : [[event, latest(t.startDate, day), '']]);
  return [
    ...events,
    ['started', t.startDate, ''],
    ...named('behind', t.behindFrom),
    ...named('red', t.redFrom),
    ...named('yellow', t.yellowFrom),
    // Yellow ends where red begins: yellow today = reached yellow − reached both.
    ...named('yellow_end', latest(t.yellowFrom, t.redFrom)),
    ['stale', t.lastActivityOn, t.lastActivityOn < t.startDate ? t.startDate : ''],
  ];
}

/** "campaign|top|unit,unit…|event:day:day2,…" — the key a task is counted under, parsed back to undo it. */
function keyOf(t: Counted, units: number[]): string {
  const events = taskEvents(t).map((e) => e.join(':'));
  return [t.campaignId, t.parentId === null ? 1 : 0, units.join(','), events.join(',')].join('|');
}

function addKey(delta: Delta, key: string, factor: number) {
  const [campaign, top, units, events] = key.split('|');
  const orgIds = units.split(',').map(Number);
  for (const e of events.split(',')) {
    const [event, day, day2] = e.split(':');
    delta.add(orgIds, [Number(campaign), Number(top), event, day, day2], [1], factor);
  }
}

/** The units a task counts for: every ancestor of its 牵头单位 and of its 责任单位, each once. */
function unitsOf(leadPath: string, responsiblePaths: string[]): number[] {
  return [...new Set([leadPath, ...responsiblePaths].flatMap(idsOfPath))].sort((a, b) => a - b);
}

/** Counts tasks again after they were written (inside the writer's transaction): old key out, new key in. */
export async function syncTaskTallies(db: Db, ids: number[]): Promise<void> {
  const delta = new Delta();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const [tasks, units] = await Promise.all([
      db
        .selectFrom('tasks')
        .select([
          'id',
          'campaignId',
          'parentId',
          'orgPath',
          'done',
          'startDate',
          'behindFrom',
          'yellowFrom',
          'redFrom',
          'lastActivityOn',
          'tally',
        ])
        .where('id', 'in', chunk)
        .execute(),
      db
        .selectFrom('taskUnits')
        .select(['taskId', 'orgPath'])
        .where('taskId', 'in', chunk)
        .where('role', '=', 'responsible')
        .execute(),
    ]);
    const responsible = Map.groupBy(units, (u) => u.taskId);
    const changed: Array<{ id: number; key: string }> = [];
    for (const t of tasks) {
      const paths = (responsible.get(t.id) ?? []).map((u) => u.orgPath);
      const key = keyOf(t, unitsOf(t.orgPath, paths));
      if (key === t.tally) continue;
      if (t.tally) addKey(delta, t.tally, -1);
      addKey(delta, key, 1);
      changed.push({ id: t.id, key });
    }
    await storeKeys(db, changed);
  }
  await applyDelta(db, TASK_TALLY, delta);
}

/** Each task's new key, one statement for the lot (a rebuild writes a city's tasks in a few dozen). */
async function storeKeys(db: Db, changed: Array<{ id: number; key: string }>) {
  if (!changed.length) return;
  const cases = sql.join(
    changed.map((c) => sql`when ${c.id} then ${c.key}`),
    sql` `,
  );
  await db
    .updateTable('tasks')
    .set({ tally: sql<string>`case ${sql.ref('id')} ${cases} end` })
    .where(
      'id',
      'in',
      changed.map((c) => c.id),
    )
    .execute();
}

/** A unit moved (its paths already rewritten): the tasks led or owed by its subtree are counted again. */
export async function recountTasksUnder(db: Db, path: string): Promise<void> {
  const rows = await db.selectFrom('tasks').select('tasks.id').where(ofUnitSubtree(path)).execute();
  await syncTaskTallies(
    db,
    rows.map((r) => r.id),
  );
}

/** Whether some tasks were written without being counted (bulk loads, a fresh migration). */
export async function taskTallyIsStale(db: Db): Promise<boolean> {
  return !!(await db.selectFrom('tasks').select('id').where('tally', 'is', null).limit(1).executeTakeFirst());
}

/** Counts every task from nothing (at start-up, when tasks were written around the commands). */
export async function rebuildTaskTally(db: Db): Promise<void> {
  await sql`delete from task_tallies`.execute(db);
  await db.updateTable('tasks').set({ tally: null }).execute();
  const rows = await db.selectFrom('tasks').select('id').orderBy('id').execute();
  await syncTaskTallies(
    db,
    rows.map((r) => r.id),
  );
}

export interface TallyRead {
  campaignId?: number;
  topLevel?: boolean;
  today: string;
  /** The 未更新 cutoff (schedule.ts staleBefore). */
  staleBefore: string;
}

/** The read's parameters as a plain record (a reusable query's shape is worked out from them). */
type ReadParams = {
  orgIds: number[];
  campaignId: number | undefined;
  topLevel: boolean;
  today: string;
  staleBefore: string;
};

/** Each unit's count per event up to today (a stale report up to the cutoff); compiled once per shape. */
const tallyQuery = reusableQuery('task-tally', (db: Db, r: ReadParams) => {
  let q = db
    .selectFrom('taskTallies')
    .select((eb) => ['orgId', 'event', eb.fn.sum<number>('n').as('n')])
    .where('orgId', 'in', r.orgIds)
    .where((eb) =>
      eb.or([
        eb('day', '=', ''),
        eb.and([eb('event', '<>', 'stale'), eb('day', '<=', r.today)]),
        eb.and([
          eb('event', '=', 'stale'),
          eb('day', '<=', r.staleBefore),
          eb.or([eb('day2', '=', ''), eb('day2', '<=', r.today)]),
        ]),
      ]),
    )
    .groupBy(['orgId', 'event']);
  if (r.campaignId !== undefined) q = q.where('campaignId', '=', r.campaignId);
  if (r.topLevel) q = q.where('topLevel', '=', 1);
  return q;
});

/** Figures of several units' subtrees from the tally in one statement; every unit gets a row. */
export async function tallyFigures(db: Db, orgIds: number[], r: TallyRead): Promise<Map<number, TaskFigures>> {
  if (!orgIds.length) return new Map();
  const sums = new Map(orgIds.map((id) => [id, new Map<string, number>()]));
  const params = {
    orgIds,
    campaignId: r.campaignId,
    topLevel: !!r.topLevel,
    today: r.today,
    staleBefore: r.staleBefore,
  };
  for (const row of await tallyQuery(db, params)) sums.get(Number(row.orgId))?.set(row.event, Number(row.n ?? 0));
  return new Map([...sums].map(([id, s]) => [id, figuresOfSums((e) => s.get(e) ?? 0)]));
}

/** The figures from each event's count up to today. */
export function figuresOfSums(n: (event: string) => number): TaskFigures {
  const started = n('started');
  return {
    total: n('all'),
    done: n('done'),
    onTrack: started - n('behind'),
    behind: n('behind'),
    notStarted: n('all') - n('done') - started,
    stale: n('stale'),
    red: n('red'),
    yellow: n('yellow') - n('yellow_end'),
  };
}
