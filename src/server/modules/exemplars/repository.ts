import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { inScope, pathInSubtree } from '../../db/scope.ts';

/**
 * Exemplars the caller may see: nominations of units in scope or waiting at a level in scope (层层推荐), and
 * — being public notices — every exemplar on 公示 or selected.
 */
export function exemplarVisible(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'exemplars'>): Expression<SqlBool> =>
    eb.or([
      inScope(actor.scope, 'exemplars.orgPath')(eb),
      inScope(actor.scope, 'exemplars.levelOrgPath')(eb),
      eb('exemplars.status', 'in', ['notice', 'selected']),
    ]);
}

export function exemplarQuery(
  db: Kysely<Database>,
  actor: Actor,
  filter: { campaignId?: number; orgPath?: string; status?: string },
) {
  let qb = db.selectFrom('exemplars').where(exemplarVisible(actor));
  if (filter.campaignId) qb = qb.where('exemplars.campaignId', '=', filter.campaignId);
  if (filter.orgPath) {
    const p = filter.orgPath;
    qb = qb.where((eb) => pathInSubtree(eb, 'exemplars.orgPath', p));
  }
  if (filter.status) qb = qb.where('exemplars.status', '=', filter.status);
  return qb;
}

export function findExemplar(db: Kysely<Database>, actor: Actor, id: number) {
  return exemplarQuery(db, actor, {}).selectAll('exemplars').where('exemplars.id', '=', id).executeTakeFirst();
}

export function findExemplarAnywhere(db: Kysely<Database>, id: number) {
  return db.selectFrom('exemplars').select('id').where('id', '=', id).executeTakeFirst();
}

export type ExemplarRow = NonNullable<Awaited<ReturnType<typeof findExemplar>>>;

export function objectionsOf(db: Kysely<Database>, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('exemplarObjections')
    .select(['id', 'exemplarId', 'text', 'result', 'upheld', 'createdAt', 'handledAt'])
    .where('exemplarId', 'in', ids)
    .orderBy('id')
    .execute();
}
