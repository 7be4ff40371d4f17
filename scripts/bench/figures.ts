/** The figures the benchmark measures: each an API path and the same SQL for the in-process and bare-route references. */
import { sql } from 'kysely';
import type { Db } from '../../src/server/db/connection.ts';
import { pathUpperBound } from '../../src/server/db/scope.ts';
import { today } from '../../src/server/clock.ts';

interface Ctx {
  db: Db;
  campaignId: number;
  rootId: number;
  midId: number;
  branchId: number;
}

export interface Figure {
  name: string;
  label: string;
  url: string;
  connections: number;
  sql: () => Promise<unknown>;
}

const pathOf = (db: Db, id: number) => db.selectFrom('orgUnits').select('path').where('id', '=', id).executeTakeFirstOrThrow().then((r) => r.path);

/** Subtree totals by status and overdue, as a dashboard would show them. */
function statusCounts(db: Db, campaignId: number, orgId: number) {
  return async () => {
    const p = await pathOf(db, orgId);
    return db
      .selectFrom('problems')
      .select((eb) => ['status', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>(sql`case when due_date < ${today()} and status <> 'closed' then 1 else 0 end`).as('overdue')])
      .where('campaignId', '=', campaignId)
      .where('orgPath', '>=', p)
      .where('orgPath', '<', pathUpperBound(p))
      .groupBy('status')
      .execute();
  };
}

export function figures({ db, campaignId, rootId, midId, branchId }: Ctx): Figure[] {
  return [
    { name: 'figures-root', label: '整改统计（全市）', url: `/api/v1/problems/figures?campaignId=${campaignId}&orgId=${rootId}`, connections: 1, sql: statusCounts(db, campaignId, rootId) },
    { name: 'figures-mid', label: '整改统计（区）', url: `/api/v1/problems/figures?campaignId=${campaignId}&orgId=${midId}`, connections: 1, sql: statusCounts(db, campaignId, midId) },
    { name: 'figures-branch', label: '整改统计（支部）', url: `/api/v1/problems/figures?campaignId=${campaignId}&orgId=${branchId}`, connections: 1, sql: statusCounts(db, campaignId, branchId) },
    {
      name: 'problem-list',
      label: '问题清单（整改中，按时限，第 3 页）',
      url: `/api/v1/problems?campaignId=${campaignId}&status=in_progress&sort=dueDate&page=3&pageSize=50`,
      connections: 10,
      sql: async () => {
        const base = db.selectFrom('problems').where('campaignId', '=', campaignId).where('status', '=', 'in_progress');
        const [items, total] = await Promise.all([
          base.selectAll().orderBy('dueDate').orderBy('id').limit(50).offset(100).execute(),
          base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        ]);
        return { items, total: Number(total.n) };
      },
    },
    {
      name: 'person-search',
      label: '人员查询（拼音首字母）',
      url: '/api/v1/people?q=zw&pageSize=20',
      connections: 1,
      sql: () => db.selectFrom('people').selectAll().where((eb) => eb.or([eb.and([eb('nameInitials', '>=', 'zw'), eb('nameInitials', '<', 'zw{')]), eb.and([eb('namePinyin', '>=', 'zw'), eb('namePinyin', '<', 'zw{')])])).orderBy('orgPath').limit(20).execute(),
    },
  ];
}
