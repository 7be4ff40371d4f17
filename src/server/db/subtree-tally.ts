import { sql, type RawBuilder } from 'kysely';
import { idsOfPath } from './scope.ts';
import type { AnyKysely } from './untyped.ts';
import { dialectOfDb, type DialectName } from './connection.ts';

/**
 * Maintained figures ("tallies"): a source row (a problem, a study session) adds its measures to one tally
 * row of every unit on its unit's path, so a subtree's figures are a lookup of a few hundred rows instead of
 * a scan of millions. Each source row keeps the key it was last counted under in its `tally` column
 * ("orgId|dim…|measure…"); syncing a row subtracts the old key and adds the new one in the caller's
 * transaction. The key names the unit by id, not by path, so moving a unit only shifts the moved unit's
 * own tally rows from the old ancestors to the new ones (`rehomeTallies`).
 */
export interface TallyTable {
  table: string;
  dims: Array<{ column: string; type: 'int' | 'text' }>;
  measures: string[];
}

export interface TallySource {
  tally: TallyTable;
  /** Source table: has `id`, `org_id` (or the unit expression `org`) and a nullable text `tally`. */
  source: string;
  /** SQL over the source row aliased `s`: one expression per dim, then one per measure; never null. */
  values: (dialect: DialectName) => RawBuilder<unknown>[];
  /** The unit a source row counts for, over `s` (default `s.org_id`); never null. */
  org?: () => RawBuilder<number>;
}

const orgOf = (src: TallySource) => (src.org ? src.org() : sql<number>`s.org_id`);

type Db = AnyKysely;
type Parsed = { orgId: number; dims: Array<string | number>; measures: number[] };

/** The key of the row aliased `s` as one SQL text expression. */
export function tallyKeyExpr(src: TallySource, dialect: DialectName): RawBuilder<string> {
  const parts = [orgOf(src), ...src.values(dialect)].map((e) => sql`cast(${e} as text)`);
  return sql<string>`${sql.join(parts, sql` || '|' || `)}`;
}

function parseKey(t: TallyTable, key: string): Parsed {
  const parts = key.split('|');
  const dims = t.dims.map((d, i) => (d.type === 'int' ? Number(parts[1 + i]) : parts[1 + i]));
  const measures = t.measures.map((_, i) => Number(parts[1 + t.dims.length + i]));
  return { orgId: Number(parts[0]), dims, measures };
}

/** The measures a source row was counted with, from its tally key (in the order of the tally's measures). */
export const tallyMeasures = (t: TallyTable, key: string): number[] => parseKey(t, key).measures;

/** Accumulates signed contributions per (unit, dims), so one statement applies them all. */
export class Delta {
  readonly rows = new Map<string, { orgId: number; dims: Array<string | number>; measures: number[] }>();
  add(orgIds: number[], dims: Array<string | number>, measures: number[], factor: number) {
    for (const orgId of orgIds) {
      const k = `${orgId}|${dims.join('|')}`;
      const row = this.rows.get(k) ?? { orgId, dims, measures: measures.map(() => 0) };
      row.measures = row.measures.map((m, i) => m + measures[i] * factor);
      this.rows.set(k, row);
    }
  }
}

/** Adds a delta's non-zero rows to the tally (upserts, in one fixed order). */
export async function applyDelta(db: Db, t: TallyTable, delta: Delta): Promise<void> {
  // One order for every writer: on PostgreSQL concurrent writers then lock shared tally rows (the root's,
  // above all) in the same sequence and wait for each other instead of deadlocking.
  const rows = [...delta.rows.entries()]
    .filter(([, r]) => r.measures.some((m) => m !== 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, r]) => r);
  if (!rows.length) return;
  const conflict = ['org_id', ...t.dims.map((d) => d.column)];
  for (let i = 0; i < rows.length; i += 400) {
    const values = rows.slice(i, i + 400).map((r) => sql`(${sql.join([r.orgId, ...r.dims, ...r.measures])})`);
    await sql`insert into ${sql.table(t.table)} (${sql.join([...conflict, ...t.measures].map((c) => sql.ref(c)))}) values ${sql.join(values)}
      on conflict (${sql.join(conflict.map((c) => sql.ref(c)))}) do update set ${sql.join(t.measures.map((m) => sql`${sql.ref(m)} = ${sql.table(t.table)}.${sql.ref(m)} + excluded.${sql.ref(m)}`))}`.execute(
      db,
    );
  }
}

/** Drops tally rows that counted down to nothing (they add zero to every sum; this only keeps reads short). */
export async function pruneTallies(db: Db, tables: TallyTable[]): Promise<void> {
  for (const t of tables)
    await sql`delete from ${sql.table(t.table)} where ${sql.join(
      t.measures.map((m) => sql`${sql.ref(m)} = 0`),
      sql` and `,
    )}`.execute(db);
}

async function unitPaths(db: Db, orgIds: number[]): Promise<Map<number, string>> {
  const { rows } = await sql<{
    id: number;
    path: string;
  }>`select id, path from org_units where id in (${sql.join(orgIds)})`.execute(db);
  return new Map(rows.map((r) => [Number(r.id), r.path]));
}

/** Adds keys (signed) for every unit on their units' paths. */
async function addKeys(
  db: Db,
  t: TallyTable,
  delta: Delta,
  keys: Array<{ key: string; factor: number }>,
  known = new Map<number, string>(),
) {
  const parsed = keys.map(({ key, factor }) => ({ p: parseKey(t, key), factor }));
  if (!parsed.length) return;
  const unknown = [...new Set(parsed.map(({ p }) => p.orgId))].filter((id) => !known.has(id));
  const paths = unknown.length ? new Map([...known, ...(await unitPaths(db, unknown))]) : known;
  for (const { p, factor } of parsed) {
    const path = paths.get(p.orgId);
    if (path) delta.add(idsOfPath(path), p.dims, p.measures, factor);
  }
}

/** Re-counts source rows after they were written (inside the writer's transaction); many at once for imports. */
export async function syncTallies(db: Db, src: TallySource, ids: number[]): Promise<void> {
  const delta = new Delta();
  const dialect = dialectOfDb(db);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const { rows } = await sql<{
      id: number;
      orgId: number;
      path: string;
      old: string | null;
      next: string;
    }>`select s.id, u.id as org_id, u.path, s.tally as old, ${tallyKeyExpr(src, dialect)} as next
      from ${sql.table(src.source)} s join org_units u on u.id = ${orgOf(src)} where s.id in (${sql.join(chunk)})`.execute(
      db,
    );
    const changed = rows.filter((r) => r.old !== r.next);
    if (!changed.length) continue;
    const known = new Map(changed.map((r) => [Number(r.orgId), r.path]));
    await addKeys(
      db,
      src.tally,
      delta,
      [
        ...changed.flatMap((r) => (r.old ? [{ key: r.old, factor: -1 }] : [])),
        ...changed.map((r) => ({ key: r.next, factor: 1 })),
      ],
      known,
    );
    if (changed.length === 1)
      await sql`update ${sql.table(src.source)} set tally = ${changed[0].next} where id = ${changed[0].id}`.execute(db);
    else
      await sql`update ${sql.table(src.source)} as s set tally = ${tallyKeyExpr(src, dialect)} where s.id in (${sql.join(changed.map((r) => r.id))})`.execute(
        db,
      );
  }
  await applyDelta(db, src.tally, delta);
}

export const syncTally = (db: Db, src: TallySource, id: number) => syncTallies(db, src, [id]);

/** Takes a source row out of the figures; call before deleting it. */
export async function untally(db: Db, src: TallySource, id: number): Promise<void> {
  const { rows } = await sql<{
    old: string | null;
  }>`select tally as old from ${sql.table(src.source)} where id = ${id}`.execute(db);
  if (!rows[0]?.old) return;
  const delta = new Delta();
  await addKeys(db, src.tally, delta, [{ key: rows[0].old, factor: -1 }]);
  await applyDelta(db, src.tally, delta);
}

/** A column of a raw row, whichever case the connection's plugins gave its name. */
const field = (row: Record<string, unknown>, column: string) =>
  row[column] ?? row[column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())];

/** A unit moved: its own tally rows (its whole subtree) leave the old ancestors and join the new ones. */
export async function rehomeTallies(
  db: Db,
  tables: TallyTable[],
  unitId: number,
  oldPath: string,
  newPath: string,
): Promise<void> {
  const before = idsOfPath(oldPath).filter((id) => id !== unitId);
  const after = idsOfPath(newPath).filter((id) => id !== unitId);
  const leaving = before.filter((id) => !after.includes(id));
  const joining = after.filter((id) => !before.includes(id));
  for (const t of tables) {
    const { rows } = await sql<
      Record<string, string | number>
    >`select * from ${sql.table(t.table)} where org_id = ${unitId}`.execute(db);
    const delta = new Delta();
    for (const r of rows) {
      const dims = t.dims.map((d) => (d.type === 'int' ? Number(field(r, d.column)) : String(field(r, d.column))));
      const measures = t.measures.map((m) => Number(field(r, m)));
      delta.add(leaving, dims, measures, -1);
      delta.add(joining, dims, measures, 1);
    }
    await applyDelta(db, t, delta);
  }
}

/**
 * Recounts a whole tally from its source table (at start-up, when rows were written around the sync). Done in
 * SQL — each source row's values once into a temporary table, then summed per ancestor through a recursive
 * list of (unit, ancestor) pairs — so a city's hundreds of thousands of rows never pass through the heap.
 */
export async function rebuildTally(db: Db, src: TallySource): Promise<void> {
  const t = src.tally;
  const dims = t.dims.map((d) => d.column);
  const dialect = dialectOfDb(db);
  const values = src.values(dialect);
  await sql`update ${sql.table(src.source)} as s set tally = ${tallyKeyExpr(src, dialect)}`.execute(db);
  await sql`create temp table tally_rows as select ${orgOf(src)} as org_id, ${sql.join(values.map((v, i) => sql`${v} as ${sql.ref(i < dims.length ? dims[i] : t.measures[i - dims.length])}`))}
    from ${sql.table(src.source)} s`.execute(db);
  await sql`create temp table tally_ancestors as
    with recursive up(unit_id, ancestor_id) as (
      select id, id from org_units
      union all
      select up.unit_id, u.parent_id from up join org_units u on u.id = up.ancestor_id where u.parent_id is not null
    ) select unit_id, ancestor_id from up`.execute(db);
  await sql`delete from ${sql.table(t.table)}`.execute(db);
  await sql`insert into ${sql.table(t.table)} (org_id, ${sql.join([...dims, ...t.measures].map((c) => sql.ref(c)))})
    select a.ancestor_id, ${sql.join(dims.map((c) => sql.ref(`r.${c}`)))}, ${sql.join(t.measures.map((m) => sql`sum(${sql.ref(`r.${m}`)})`))}
    from tally_rows r join tally_ancestors a on a.unit_id = r.org_id
    group by a.ancestor_id, ${sql.join(dims.map((c) => sql.ref(`r.${c}`)))}`.execute(db);
  await sql`drop table tally_rows`.execute(db);
  await sql`drop table tally_ancestors`.execute(db);
}

/** Whether some source rows were written without being counted (bulk loads, a fresh migration). */
export async function tallyIsStale(db: Db, src: TallySource): Promise<boolean> {
  const { rows } = await sql`select 1 as x from ${sql.table(src.source)} where tally is null limit 1`.execute(db);
  return rows.length > 0;
}
