import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { ancestorPaths, inScope, pathInSubtree } from '../../db/scope.ts';
import { isManager } from '../../policies/roles.ts';

/**
 * Bulletins the caller may see. A draft: the office (and admin) over the issuing unit. An issued one is
 * published to the units under the issuing unit — so anyone whose scope holds it or whose own unit lies
 * under it — and, when sent up (上报), to the upper unit too.
 */
export function bulletinVisible(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'bulletins'>): Expression<SqlBool> => {
    const line = actor.orgPath ? ancestorPaths(actor.orgPath) : [];
    const reached: Expression<SqlBool>[] = [
      inScope(actor.scope, 'bulletins.orgPath')(eb),
      inScope(actor.scope, 'bulletins.reportOrgPath')(eb),
    ];
    if (line.length) {
      reached.push(eb('bulletins.orgPath', 'in', line));
      reached.push(eb('bulletins.reportOrgPath', 'in', line));
    }
    const issued = eb.and([eb('bulletins.status', '=', 'issued'), eb.or(reached)]);
    if (!isManager(actor)) return issued;
    return eb.or([issued, inScope(actor.scope, 'bulletins.orgPath')(eb)]);
  };
}

export function bulletinQuery(
  db: Kysely<Database>,
  actor: Actor,
  filter: { campaignId?: number; status?: string; kind?: string },
) {
  let qb = db.selectFrom('bulletins').where(bulletinVisible(actor));
  if (filter.campaignId) qb = qb.where('bulletins.campaignId', '=', filter.campaignId);
  if (filter.status) qb = qb.where('bulletins.status', '=', filter.status);
  if (filter.kind) qb = qb.where('bulletins.kind', '=', filter.kind);
  return qb;
}

export function findBulletin(db: Kysely<Database>, actor: Actor, id: number) {
  return bulletinQuery(db, actor, {}).selectAll('bulletins').where('bulletins.id', '=', id).executeTakeFirst();
}

export function findBulletinAnywhere(db: Kysely<Database>, id: number) {
  return db.selectFrom('bulletins').select('id').where('id', '=', id).executeTakeFirst();
}

export type BulletinRow = NonNullable<Awaited<ReturnType<typeof findBulletin>>>;

/** 亮点 flags of a period in a subtree, as far as the caller's scope reaches. */
export function highlightQuery(
  db: Kysely<Database>,
  actor: Actor,
  filter: { campaignId?: number; orgPath?: string; from?: string; to?: string },
) {
  let qb = db
    .selectFrom('highlights')
    .innerJoin('orgUnits', 'orgUnits.id', 'highlights.orgId')
    .where(inScope(actor.scope, 'highlights.orgPath'));
  if (filter.campaignId) qb = qb.where('highlights.campaignId', '=', filter.campaignId);
  if (filter.orgPath) {
    const p = filter.orgPath;
    qb = qb.where((eb) => pathInSubtree(eb, 'highlights.orgPath', p));
  }
  if (filter.from) qb = qb.where('highlights.date', '>=', filter.from);
  if (filter.to) qb = qb.where('highlights.date', '<=', filter.to);
  return qb;
}

export const highlightColumns = [
  'highlights.id',
  'highlights.campaignId',
  'highlights.orgId',
  'orgUnits.name as orgName',
  'highlights.entityType',
  'highlights.entityId',
  'highlights.entityLabel',
  'highlights.kind',
  'highlights.text',
  'highlights.date',
] as const;

/** The next 第N期 of a campaign's series (简报 and 增刊 counted apart). */
export async function nextNumber(db: Kysely<Database>, campaignId: number, kind: string): Promise<number> {
  const row = await db
    .selectFrom('bulletins')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('campaignId', '=', campaignId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}
