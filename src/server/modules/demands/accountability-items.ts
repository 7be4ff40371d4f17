/**
 * Citizen demands past their 签收 or 办理 limit (the 诉求's own overdue rule) as accountability items (责任链):
 * the handling unit, whose 第一责任人 and upper unit's 第一责任人 the chain names (a demand names no person).
 * Scoped like the 诉求 list (demandVisible).
 */
import { sql } from 'kysely';
import type { OverdueItemSource } from '../../db/accountability-items.ts';
import { addDays, today } from '../../clock.ts';
import { pathInSubtree } from '../../db/scope.ts';
import { dialectOfDb } from '../../db/connection.ts';
import { shanghaiDateSql } from '../../db/shanghai-date.ts';
import { startOfDay } from './figures.ts';
import { demandVisible, overduePredicate } from './repository.ts';

export const overdueDemands: OverdueItemSource = {
  kind: 'demand',
  label: '群众诉求',
  items: (db, actor, f) => {
    // Judged now when the chain is asked for today, else as of the end of the day asked for.
    const now = f.today === today() ? new Date().toISOString() : startOfDay(addDays(f.today, 1));
    return db
      .selectFrom('demands')
      .select([
        sql.lit('demand').as('kind'),
        'demands.id as refId',
        sql<string>`substr(demands.description, 1, 60)`.as('title'),
        // The Shanghai date of the due instant (its UTC date is the day before from 00:00 to 08:00).
        shanghaiDateSql(dialectOfDb(db), sql<string>`coalesce(demands.due_at, demands.accept_due_at)`).as('deadline'),
        sql<number>`demands.org_id`.as('orgId'),
        sql<number | null>`null`.as('ownerId'),
        sql<number | null>`null`.as('leaderId'),
        sql<string>`'/demands?open=' || cast(demands.id as text)`.as('link'),
      ])
      .where('demands.campaignId', '=', f.campaignId)
      .where('demands.orgId', 'is not', null)
      .where((eb) => overduePredicate(eb as never, now))
      .where((eb) => pathInSubtree(eb, 'demands.orgPath', f.orgPath))
      .where(demandVisible(actor));
  },
};
