import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import type { TodoItem, TodoSource } from '../../lib/todo-source.ts';

export interface TodoCount {
  kind: string;
  label: string;
  menu: string;
  count: number;
}

/** The caller's count per kind (kinds that never wait for them are left out). */
export async function countTodos(db: Kysely<Database>, actor: Actor, today: string, sources: TodoSource[]) {
  const live = sources.flatMap((s) => {
    const q = s.query(db, actor, today);
    return q ? [{ source: s, q }] : [];
  });
  const counts = await Promise.all(live.map(({ q }) => q.count()));
  return live.map(({ source, q }, i) => ({
    source,
    q,
    count: { kind: source.kind, label: source.label, menu: source.menu, count: counts[i] } as TodoCount,
  }));
}

/**
 * One page of the merged list: kinds in registry order, each in its own SQL order. The page's window is
 * cut out of the per-kind counts, so each kind is asked only for the rows that fall on the page.
 */
export async function todoPage(
  db: Kysely<Database>,
  actor: Actor,
  today: string,
  sources: TodoSource[],
  page: number,
  pageSize: number,
): Promise<{ items: TodoItem[]; total: number; counts: TodoCount[] }> {
  const kinds = await countTodos(db, actor, today, sources);
  const total = kinds.reduce((n, k) => n + k.count.count, 0);
  const from = (page - 1) * pageSize;
  const to = from + pageSize;
  const parts: Promise<TodoItem[]>[] = [];
  let start = 0;
  for (const k of kinds) {
    const end = start + k.count.count;
    const lo = Math.max(from, start);
    const hi = Math.min(to, end);
    if (lo < hi) parts.push(k.q.list(hi - lo, lo - start));
    start = end;
  }
  return { items: (await Promise.all(parts)).flat(), total, counts: kinds.map((k) => k.count) };
}
