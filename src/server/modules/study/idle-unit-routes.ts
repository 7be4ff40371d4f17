import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { addDays, today } from '../../clock.ts';
import { ErrorResponses, PageOf } from '../../http/schemas.ts';
import { figuresUnit } from '../orgs/public.ts';
import { IdleUnitsQuery } from './schemas.ts';
import { idleUnitPage } from './idle-units.ts';

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
      return idleUnitPage(app.db, req.actor, { campaignId, orgPath: unit.path, since }, page, pageSize);
    },
  );
};
