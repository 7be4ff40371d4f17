import type { Kysely } from 'kysely';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { inScope, pathInSubtree } from '../../db/scope.ts';
import { fetchPage } from '../../db/page.ts';
import { addDays, today } from '../../clock.ts';
import { ErrorResponses, PageOf } from '../../http/schemas.ts';
import { figuresUnit } from '../orgs/public.ts';
import { IdleUnitsQuery } from './schemas.ts';

/** The units expected to hold collective study themselves: 党支部. */
const STUDY_UNIT_TYPES = ['branch'];

/**
 * 党支部 in a subtree (and in the caller's scope) that held no collective session from `since` to today —
 * the 预警 "no collective session for N days" and the list it opens.
 */
export function idleUnitsQuery(
  db: Kysely<Database>,
  actor: Actor,
  filter: { campaignId?: number; orgPath: string; since: string },
) {
  return db
    .selectFrom('orgUnits')
    .where('orgUnits.active', '=', 1)
    .where('orgUnits.type', 'in', STUDY_UNIT_TYPES)
    .where((eb) => pathInSubtree(eb, 'orgUnits.path', filter.orgPath))
    .where(inScope(actor.scope, 'orgUnits.path'))
    .where((eb) => {
      let held = eb
        .selectFrom('studySessions')
        .select('studySessions.id')
        .whereRef('studySessions.orgId', '=', 'orgUnits.id')
        .where('studySessions.date', '>=', filter.since)
        .where('studySessions.date', '<=', today());
      if (filter.campaignId) held = held.where('studySessions.campaignId', '=', filter.campaignId);
      return eb.not(eb.exists(held));
    });
}

const IdleUnit = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  lastSessionDate: Type.Union([Type.String(), Type.Null()]),
});

/** 超过 N 天未开展集中学习的支部. */
export const idleUnitRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/study/idle-units',
    {
      schema: {
        tags: ['理论学习'],
        summary: '超过规定天数未开展集中学习的党支部',
        querystring: IdleUnitsQuery,
        response: { 200: PageOf(IdleUnit), ...ErrorResponses },
      },
    },
    async (req) => {
      const { page = 1, pageSize = 20, orgId, days, campaignId } = req.query;
      const unit = await figuresUnit(app.db, req.actor.scope, orgId);
      const since = addDays(today(), -days);
      return fetchPage(
        idleUnitsQuery(app.db, req.actor, { campaignId, orgPath: unit.path, since }),
        (qb) =>
          qb
            .select((eb) => [
              'orgUnits.id',
              'orgUnits.name',
              eb
                .selectFrom('studySessions')
                .select((s) => s.fn.max('studySessions.date').as('d'))
                .whereRef('studySessions.orgId', '=', 'orgUnits.id')
                .as('lastSessionDate'),
            ])
            .orderBy('orgUnits.path'),
        page,
        pageSize,
      ) as Promise<{
        items: Array<{ id: number; name: string; lastSessionDate: string | null }>;
        total: number;
        page: number;
        pageSize: number;
      }>;
    },
  );
};
