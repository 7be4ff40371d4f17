import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type Scope, coversSubtree, pathInSubtree } from '../../db/scope.ts';
import { orgVisible } from '../orgs/public.ts';

/** Quarters ("2026-Q4") from one date to another, inclusive. */
export function quartersBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let q = Math.floor((Number(from.slice(5, 7)) - 1) / 3) + 1;
  const endY = Number(to.slice(0, 4));
  const endQ = Math.floor((Number(to.slice(5, 7)) - 1) / 3) + 1;
  while (y < endY || (y === endY && q <= endQ)) {
    out.push(`${y}-Q${q}`);
    if (++q > 4) {
      q = 1;
      y++;
    }
  }
  return out;
}

/** The quarter ("2026-Q4") of a date column, in SQL on both databases. */
export function quarterOf(column: string) {
  const c = sql.ref(column);
  return sql<string>`substr(${c}, 1, 4) || '-Q' || cast((cast(substr(${c}, 6, 2) as integer) + 2) / 3 as text)`;
}

/**
 * 三会一课 compliance of a subtree: for each quarter and required meeting kind, 应召开 (units × required
 * frequency) against 已召开 (held, counted up to the requirement per unit so extra meetings in one unit do
 * not hide a missing one in another). Counting is grouped in SQL; only the small grouped result is summed here.
 */
export async function threeMeetingsOneLesson(
  db: Kysely<Database>,
  scope: Scope,
  orgPath: string,
  from: string,
  to: string,
) {
  const requirements = await db.selectFrom('meetingRequirements').selectAll().execute();
  if (!requirements.length) return [];
  const units = await db
    .selectFrom('orgUnits')
    .select(['id', 'type'])
    .where('active', '=', 1)
    .where('type', 'in', [...new Set(requirements.map((r) => r.orgType))])
    .where((eb) => pathInSubtree(eb, 'orgUnits.path', orgPath))
    // Only the units the caller sees: the figures are for the same scope as the session list.
    .$if(!coversSubtree(scope, orgPath), (qb) => qb.where(orgVisible(scope)))
    .execute();
  const quarter = quarterOf('date');
  const held = units.length
    ? await db
        .selectFrom('studySessions')
        .select((eb) => ['orgId', 'kind', quarter.as('quarter'), eb.fn.countAll<number>().as('n')])
        .where(
          'orgId',
          'in',
          units.map((u) => u.id),
        )
        .where('kind', 'in', [...new Set(requirements.map((r) => r.kind))])
        .where('date', '>=', from)
        .where('date', '<=', to)
        .groupBy(['orgId', 'kind', quarter])
        .execute()
    : [];
  const count = new Map(held.map((h) => [`${h.orgId}|${h.kind}|${h.quarter}`, Number(h.n)]));
  return quartersBetween(from, to).flatMap((q) =>
    requirements.map((r) => {
      const typed = units.filter((u) => u.type === r.orgType);
      return {
        quarter: q,
        orgType: r.orgType,
        kind: r.kind,
        required: typed.length * r.perQuarter,
        held: typed.reduce((s, u) => s + Math.min(r.perQuarter, count.get(`${u.id}|${r.kind}|${q}`) ?? 0), 0),
      };
    }),
  );
}
