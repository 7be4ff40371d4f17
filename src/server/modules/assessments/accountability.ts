/**
 * 责任链 (明责履责督责追责, 上追一级): every overdue item shown against its 责任人, its 分管领导, the unit's 第一责任人
 * and, one level up, the upper unit's 第一责任人; counted by person across a subtree in SQL.
 */
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { OVERDUE_ITEM_SOURCES } from './sources.ts';

export interface ChainFilter {
  campaignId: number;
  orgPath: string;
  today: string;
  /** Only items whose chain includes this person. */
  personId?: number;
}

export const CHAIN_ROLES = {
  owner: '责任人',
  leader: '分管领导',
  first: '第一责任人',
  upper: '上级第一责任人',
} as const;
export type ChainRole = keyof typeof CHAIN_ROLES;

/** Each overdue item with the four people of its chain. */
function chainQuery(db: Kysely<Database>, actor: Actor, f: ChainFilter) {
  const [first, ...rest] = OVERDUE_ITEM_SOURCES.map((s) => s.items(db, actor, f));
  const items = rest.reduce((all, q) => all.unionAll(q), first);
  let qb = db
    .selectFrom(items.as('i'))
    .innerJoin('orgUnits as unit', 'unit.id', 'i.orgId')
    .leftJoin('orgUnits as up', 'up.id', 'unit.parentId')
    .select([
      'i.kind',
      'i.refId',
      'i.title',
      'i.deadline',
      'i.orgId',
      'unit.name as orgName',
      'i.ownerId',
      'i.leaderId',
      'unit.secretaryId as firstId',
      'up.secretaryId as upperId',
      'up.name as upperOrgName',
      'i.link',
    ]);
  const p = f.personId;
  if (p !== undefined)
    qb = qb.where((eb) =>
      eb.or([
        eb('i.ownerId', '=', p),
        eb('i.leaderId', '=', p),
        eb('unit.secretaryId', '=', p),
        eb('up.secretaryId', '=', p),
      ]),
    );
  return qb;
}

/** Overdue items counted per person and chain role, most items first (at most 200 people). */
export async function chainCounts(db: Kysely<Database>, actor: Actor, f: ChainFilter) {
  const c = chainQuery(db, actor, f).as('c');
  const role = (column: 'ownerId' | 'leaderId' | 'firstId' | 'upperId', r: ChainRole) =>
    db
      .selectFrom(c)
      .select((eb) => [`c.${column} as personId` as const, sql.lit(r).as('role'), eb.fn.countAll<number>().as('n')])
      .where(`c.${column}`, 'is not', null)
      .groupBy(`c.${column}`);
  const rows = await role('ownerId', 'owner')
    .unionAll(role('leaderId', 'leader'))
    .unionAll(role('firstId', 'first'))
    .unionAll(role('upperId', 'upper'))
    .execute();
  const [totalRow] = await db
    .selectFrom(chainQuery(db, actor, f).as('t'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .execute();
  const byPerson = new Map<number, Record<ChainRole, number>>();
  for (const r of rows) {
    const id = Number(r.personId);
    const counts = byPerson.get(id) ?? { owner: 0, leader: 0, first: 0, upper: 0 };
    counts[r.role as ChainRole] += Number(r.n);
    byPerson.set(id, counts);
  }
  const people = byPerson.size
    ? await db
        .selectFrom('people')
        .leftJoin('orgUnits', 'orgUnits.id', 'people.orgId')
        .select(['people.id', 'people.name', 'people.position', 'orgUnits.name as orgName'])
        .where('people.id', 'in', [...byPerson.keys()])
        .execute()
    : [];
  const leaders = people
    .map((p) => {
      const counts = byPerson.get(p.id)!;
      // One item counts once per person even when they hold two roles in its chain.
      return { personId: p.id, name: p.name, position: p.position, orgName: p.orgName ?? '', ...counts };
    })
    .sort(
      (a, b) =>
        b.owner + b.leader + b.first + b.upper - (a.owner + a.leader + a.first + a.upper) || a.personId - b.personId,
    )
    .slice(0, 200);
  return { total: Number(totalRow?.n ?? 0), leaders };
}

/** One page of overdue items with the names of their chain. */
export async function chainItems(db: Kysely<Database>, actor: Actor, f: ChainFilter, page: number, pageSize: number) {
  const base = chainQuery(db, actor, f);
  const [count] = await db
    .selectFrom(base.as('t'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .execute();
  const rows = await db
    .selectFrom(base.as('c'))
    .leftJoin('people as owner', 'owner.id', 'c.ownerId')
    .leftJoin('people as leader', 'leader.id', 'c.leaderId')
    .leftJoin('people as first', 'first.id', 'c.firstId')
    .leftJoin('people as upper', 'upper.id', 'c.upperId')
    .selectAll('c')
    .select([
      'owner.name as ownerName',
      'leader.name as leaderName',
      'first.name as firstName',
      'upper.name as upperName',
    ])
    .orderBy('c.deadline')
    .orderBy('c.kind')
    .orderBy('c.refId')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { items: rows, total: Number(count?.n ?? 0), page, pageSize };
}
