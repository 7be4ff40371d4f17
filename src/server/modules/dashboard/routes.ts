import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponses } from '../../http/schemas.ts';
import { childUnits, figuresUnit } from '../orgs/public.ts';
import { judgeDates, warningDaysOf } from '../problems/public.ts';
import { DashboardQuery, DashboardView } from './schemas.ts';
import { unitFigures } from './summary.ts';

/** 工作看板 (F12): a subtree's figures across the work lines, and the same figures per direct child unit. */
export const dashboardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/dashboard',
    {
      schema: {
        tags: ['工作看板'],
        summary: '单位（含下属）各项工作数字及各直属单位对比',
        querystring: DashboardQuery,
        response: { 200: DashboardView, ...ErrorResponses },
      },
    },
    async (req) => {
      const unit = await figuresUnit(app.db, req.actor.scope, req.query.orgId);
      const dates = judgeDates(await warningDaysOf(app.db, req.query.campaignId));
      const children = await childUnits(app.db, req.actor.scope, unit.id);
      const [own, ...rows] = await unitFigures(app.db, req.actor, req.query.campaignId, [unit, ...children], dates);
      return {
        unit: { id: unit.id, name: unit.name },
        campaignId: req.query.campaignId ?? null,
        asOf: dates.today,
        problems: own.problems,
        study: own.study,
        tasks: own.tasks,
        demands: own.demands,
        children: rows,
      };
    },
  );
};
