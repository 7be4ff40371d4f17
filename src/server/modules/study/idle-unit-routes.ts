import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { addDays, today } from '../../clock.ts';
import { ErrorResponses, PageOf } from '../../http/schemas.ts';
import { figuresUnit } from '../orgs/public.ts';
import { IdleUnitsQuery, MeetingsBehindQuery } from './schemas.ts';
import { idleUnitPage } from './idle-units.ts';
import { meetingsBehindPage } from './meetings-behind.ts';

const IdleUnit = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  lastSessionDate: Type.Union([Type.String(), Type.Null()]),
});

const BehindUnit = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  due: Type.Integer(),
  held: Type.Integer(),
  detail: Type.String(),
});

/** The unit lists behind 理论学习's 预警: 超过 N 天未开展集中学习的支部, and 三会一课 behind the quarter. */
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

  app.get(
    '/study/meetings-behind',
    {
      schema: {
        tags: ['理论学习'],
        summary: '“三会一课”本季度序时落后的单位（应召开至今 − 已召开 ≥ 少开次数）',
        querystring: MeetingsBehindQuery,
        response: { 200: PageOf(BehindUnit), ...ErrorResponses },
      },
    },
    async (req) => {
      const { page = 1, pageSize = 20, orgId, shortfall = 1 } = req.query;
      const unit = await figuresUnit(app.db, req.actor.scope, orgId);
      return meetingsBehindPage(app.db, req.actor, { orgPath: unit.path, today: today(), shortfall }, page, pageSize);
    },
  );
};
