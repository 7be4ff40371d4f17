/**
 * The 问题清单's page: the read plan, the total and the page's statements for one caller (listProblems), kept
 * apart from the repository's shared building blocks.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { SETTLED_VISIBILITY, type Actor } from '../../auth/actor.ts';
import { reusableQuery } from '../../db/reusable-query.ts';
import { listPlan } from '../../db/list-plan.ts';
import { coversSubtree } from '../../db/scope.ts';
import type { ProblemFilter } from './problem-filter.ts';
import { subtreeShare, tallyTotal } from './tally.ts';
import { problemListOrder, problemPage, problemQuery, selectProblemRows, visibleSubtree } from './repository.ts';

export interface ProblemListRequest extends Omit<ProblemFilter, 'plan'> {
  sort: string;
  page: number;
  pageSize: number;
}

/**
 * The 问题清单 as the caller may see it: the total from the maintained figures when the caller's view is one
 * subtree (tally.ts), the read plan chosen from the subtree's share of the campaign (listPlan), then the page.
 * Without a unit filter, a caller whose whole visibility is one subtree reads that subtree's range.
 */
export async function listProblems(
  db: Kysely<Database>,
  actor: Actor,
  { sort, page, pageSize, ...filter }: ProblemListRequest,
  dates: { today: string; yellowUntil: string },
) {
  const listFilter = { ...filter, orgPath: filter.orgPath ?? (await visibleSubtree(db, actor)) };
  const total = await tallyTotal(db, actor, listFilter, dates);
  const plan =
    total !== undefined && listFilter.orgPath
      ? listPlan(total, await subtreeShare(db, listFilter, total, dates), page, pageSize)
      : undefined;
  const filter2 = { ...listFilter, plan };
  // A caller who sees everything asked for needs no visibility predicate: the page's queries are then the same
  // SQL for everyone and are compiled once (db/reusable-query.ts). Text search shapes its SQL from the text.
  const settled =
    actor.scope.all || (listFilter.orgPath !== undefined && coversSubtree(actor.scope, listFilter.orgPath));
  if (settled && !listFilter.q?.trim()) return settledPage(db, filter2, sort, page, pageSize, total, dates);
  return problemPage(db, problemQuery(db, actor, filter2, dates), sort, page, pageSize, total);
}

type PageParams = Omit<ProblemFilter, 'q'> & { today: string; yellowUntil: string; sort: string };

/** The page's ids in the list's order (problemPage's first statement), built once per shape of filter. */
const pageIdsQuery = reusableQuery(
  'problemPageIds',
  (db: Kysely<Database>, p: PageParams & { limit: number; offset: number }) =>
    problemListOrder(problemQuery(db, SETTLED_VISIBILITY, p, p).select('problems.id'), p.sort)
      .limit(p.limit)
      .offset(p.offset),
  { shapedBy: ['sort', 'colour', 'plan'] },
);

/** The list's total counted (when the maintained figures cannot give it), built once per shape of filter. */
const pageTotalQuery = reusableQuery(
  'problemPageTotal',
  (db: Kysely<Database>, p: PageParams) =>
    problemQuery(db, SETTLED_VISIBILITY, p, p).select((eb) => eb.fn.countAll<number>().as('total')),
  { shapedBy: ['sort', 'colour', 'plan'] },
);

/** The page's rows with their unit and person names, in the list's order (problemPage's second statement). */
const pageRowsQuery = reusableQuery(
  'problemPageRows',
  (db: Kysely<Database>, p: { ids: number[]; sort: string }) =>
    problemListOrder(selectProblemRows(db.selectFrom('problems').where('problems.id', 'in', p.ids)), p.sort),
  { shapedBy: ['sort'] },
);

/** problemPage for a caller whose visibility is settled (listProblems): the same statements, compiled once. */
async function settledPage(
  db: Kysely<Database>,
  { q: _q, ...filter }: ProblemFilter,
  sort: string,
  page: number,
  pageSize: number,
  knownTotal: number | undefined,
  dates: { today: string; yellowUntil: string },
) {
  const p: PageParams = { ...filter, today: dates.today, yellowUntil: dates.yellowUntil, sort };
  // Absent filters are left out of the shape; a filter problemQuery skips when falsy ('' or 0) is absent too.
  for (const k of Object.keys(p) as Array<keyof PageParams>)
    if (p[k] === undefined || p[k] === '' || p[k] === 0) delete p[k];
  const [ids, total] = await Promise.all([
    pageIdsQuery(db, { ...p, limit: pageSize, offset: (page - 1) * pageSize }),
    knownTotal ?? pageTotalQuery(db, p).then(([row]) => Number(row?.total ?? 0)),
  ]);
  const items = ids.length ? await pageRowsQuery(db, { ids: ids.map((r) => r.id), sort }) : [];
  return { items, total, page, pageSize };
}
