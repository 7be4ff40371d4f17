import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { inScope, pathInSubtree } from '../../db/scope.ts';

export interface MatterFilter {
  campaignId?: number;
  orgPath?: string;
  status?: string;
  overdue?: boolean;
  published?: boolean;
  today: string;
}

/** Matters of units in the caller's scope (null actor: the public list, published ones only). */
export function matterQuery(db: Kysely<Database>, actor: Actor | null, f: MatterFilter) {
  let qb = db.selectFrom('matters').innerJoin('orgUnits', 'orgUnits.id', 'matters.orgId');
  qb = actor ? qb.where(inScope(actor.scope, 'matters.orgPath')) : qb.where('matters.published', '=', 1);
  if (f.campaignId) qb = qb.where('matters.campaignId', '=', f.campaignId);
  if (f.orgPath) {
    const p = f.orgPath;
    qb = qb.where((eb) => pathInSubtree(eb, 'matters.orgPath', p));
  }
  if (f.status) qb = qb.where('matters.status', '=', f.status);
  if (f.published !== undefined) qb = qb.where('matters.published', '=', f.published ? 1 : 0);
  if (f.overdue) qb = qb.where('matters.status', '!=', 'done').where('matters.dueDate', '<', f.today);
  return qb;
}

export const matterColumns = [
  'matters.id',
  'matters.campaignId',
  'matters.orgId',
  'orgUnits.name as orgName',
  'matters.orgPath',
  'matters.ownerId',
  'matters.title',
  'matters.target',
  'matters.dueDate',
  'matters.status',
  'matters.result',
  'matters.published',
  'matters.doneAt',
  'matters.version',
] as const;

/** The list's order: soonest deadline first. */
export function listOrder<QB extends { orderBy(c: 'matters.dueDate' | 'matters.id'): QB }>(qb: QB): QB {
  return qb.orderBy('matters.dueDate').orderBy('matters.id');
}

/** One batch of the list's rows in its order (the 民生实事清单 export reads the list this way). */
export function matterBatch(db: Kysely<Database>, actor: Actor, f: MatterFilter, limit: number, offset: number) {
  return listOrder(matterQuery(db, actor, f).select(matterColumns))
    .limit(limit)
    .offset(offset)
    .execute();
}

export function findMatter(db: Kysely<Database>, actor: Actor, id: number) {
  return matterQuery(db, actor, { today: '' }).select(matterColumns).where('matters.id', '=', id).executeTakeFirst();
}
export type MatterRow = NonNullable<Awaited<ReturnType<typeof findMatter>>>;

export function findMatterAnywhere(db: Kysely<Database>, id: number) {
  return db.selectFrom('matters').select('id').where('id', '=', id).executeTakeFirst();
}

const progressColumns = ['id', 'matterId', 'date', 'note', 'attachmentId', 'authorName'] as const;

/**
 * Each matter's newest progress notes, at most `perMatter` of them, each carrying how many notes its matter
 * has in all — so a list can say what it left out instead of dropping notes unsaid.
 */
export async function latestProgress(db: Kysely<Database>, ids: number[], perMatter: number) {
  if (!ids.length) return [];
  const ranked = db
    .selectFrom('matterProgress')
    .select((eb) => [
      ...progressColumns,
      eb.fn
        .agg<number>('row_number')
        .over((ob) => ob.partitionBy('matterId').orderBy('date', 'desc').orderBy('id', 'desc'))
        .as('rank'),
      eb.fn
        .countAll<number>()
        .over((ob) => ob.partitionBy('matterId'))
        .as('total'),
    ])
    .where('matterId', 'in', ids);
  const rows = await db
    .selectFrom(ranked.as('p'))
    .selectAll()
    .where('p.rank', '<=', perMatter)
    .orderBy('p.matterId')
    .orderBy('p.rank')
    .execute();
  return rows.map(({ rank: _rank, total, ...n }) => ({ ...n, total: Number(total) }));
}

/** A matter's progress notes (the paged list), to be read with progressPage's order. */
export function progressQuery(db: Kysely<Database>, matterId: number) {
  return db.selectFrom('matterProgress').where('matterId', '=', matterId);
}

/** The progress list's columns and order: newest first. */
export function progressPage<QB extends SelectQueryBuilder<Database, 'matterProgress', object>>(qb: QB) {
  return qb.select(['id', 'date', 'note', 'attachmentId', 'authorName']).orderBy('date', 'desc').orderBy('id', 'desc');
}

export function ownerNames(db: Kysely<Database>, ids: Array<number | null>) {
  const unique = [...new Set(ids.filter((i): i is number => i !== null))];
  if (!unique.length) return Promise.resolve([]);
  return db.selectFrom('people').select(['id', 'name']).where('id', 'in', unique).execute();
}
