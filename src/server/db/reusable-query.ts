import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import { dialectOfDb } from './connection.ts';

/**
 * A query built and compiled once per shape and database dialect, then run with each call's values.
 *
 * Kysely builds an operation tree, passes it through the plugins and compiles it to SQL on every call; on the
 * figures read on every page (the dashboard's tallies, the list's page) that is a third of the request's CPU,
 * while the SQL text never changes. Here the builder runs once with stand-ins for the values, and each call
 * binds its own values in the stand-ins' places.
 *
 * The shape of a call is what the SQL text may depend on: which parameters are undefined or null, the length
 * of each array parameter, the value of each boolean and of each parameter named in `shapedBy` (a small
 * vocabulary such as a colour, which picks a predicate). Other strings and numbers are stand-ins while the
 * query is built — so the builder may branch on those only, never on another value; a shape's first call
 * builds the query with its real values too and fails loudly if the SQL differs.
 */
export function reusableQuery<DB, P extends Record<string, unknown>, O>(
  name: string,
  build: (db: Kysely<DB>, params: P) => Compilable<O>,
  options: { shapedBy?: Array<keyof P & string> } = {},
): (db: Kysely<DB>, params: P) => Promise<O[]> {
  const compiled = new Map<string, Template>();
  const shapedBy = new Set<string>(options.shapedBy ?? []);
  return async (db, params) => {
    const key = `${dialectOfDb(db)}|${shapeOf(params, shapedBy)}`;
    let template = compiled.get(key);
    if (!template) {
      template = templateOf(name, build, db, params, shapedBy);
      // Shapes are few (array lengths follow a unit's children); the bound keeps a caller from growing it.
      if (compiled.size >= MAX_SHAPES) compiled.delete(compiled.keys().next().value!);
      compiled.set(key, template);
    }
    const values = template.slots.map((slot) => (slot instanceof Slot ? valueAt(params, slot) : slot.fixed));
    const result = await db.executeQuery<O>(CompiledQuery.raw(template.sql, values));
    return result.rows;
  };
}

const MAX_SHAPES = 64;

interface Template {
  sql: string;
  /** Per bound parameter: the call's value to put there, or a value the builder fixed itself. */
  slots: Array<Slot | { fixed: unknown }>;
}

/** A value's stand-in while the query is built: which parameter (and array index) it stands for. */
class Slot {
  readonly key: string;
  readonly index: number | undefined;
  /** A value derived from the call's own (mapParam), worked out when the call binds its values. */
  readonly map: ((value: unknown) => unknown) | undefined;
  constructor(key: string, index?: number, map?: (value: unknown) => unknown) {
    this.key = key;
    this.index = index;
    this.map = map;
  }
  toString(): string {
    throw new Error(`参数 ${this.key} 被当作字符串使用：可复用查询只能把它作为绑定参数`);
  }
}

function valueAt(params: Record<string, unknown>, slot: Slot): unknown {
  const value = params[slot.key];
  const at = slot.index === undefined ? value : (value as unknown[])[slot.index];
  return slot.map ? slot.map(at) : at;
}

/**
 * A value a builder derives from a parameter in JavaScript (a path's upper bound, a date some days back): on
 * a stand-in it becomes a stand-in for the derived value, worked out from each call's own value when it binds;
 * on a real value it is just `fn(value)`. So a builder may compute bounds without making them part of the SQL.
 */
export function mapParam<T, U>(value: T, fn: (value: T) => U): U {
  if (value instanceof Slot) {
    const inner = value.map;
    const map = (v: unknown) => fn((inner ? inner(v) : v) as T);
    return new Slot(value.key, value.index, map) as U;
  }
  return fn(value);
}

/** Parameters passed to the builder as they are (and so part of the shape). */
const passedAsIs = (name: string, v: unknown, shapedBy: Set<string>) =>
  v == null || typeof v === 'boolean' || shapedBy.has(name);

function shapeOf(params: Record<string, unknown>, shapedBy: Set<string>): string {
  let key = '';
  for (const name of Object.keys(params).sort()) {
    const v = params[name];
    key += `${name}:${passedAsIs(name, v, shapedBy) ? JSON.stringify(v ?? null) : Array.isArray(v) ? `[${v.length}]` : '$'};`;
  }
  return key;
}

function standIns(params: Record<string, unknown>, shapedBy: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(params)) {
    if (passedAsIs(name, v, shapedBy)) out[name] = v;
    else if (Array.isArray(v)) out[name] = v.map((_, i) => new Slot(name, i));
    else out[name] = new Slot(name);
  }
  return out;
}

function templateOf<DB, P extends Record<string, unknown>, O>(
  name: string,
  build: (db: Kysely<DB>, params: P) => Compilable<O>,
  db: Kysely<DB>,
  params: P,
  shapedBy: Set<string>,
): Template {
  const stand = standIns(params, shapedBy);
  const query = build(db, stand as P).compile();
  const slots = query.parameters.map((p) => (p instanceof Slot ? p : { fixed: p }));
  // Built once more with the call's own values, the text must be the same: a builder that branched on a value
  // the stand-ins hid (or wrote it into the text) gives itself away on the shape's first call.
  if (build(db, params).compile().sql !== query.sql)
    throw new Error(`可复用查询 ${name}：SQL 随参数值变化，请把决定 SQL 的参数列入 shapedBy`);
  return { sql: query.sql, slots };
}
