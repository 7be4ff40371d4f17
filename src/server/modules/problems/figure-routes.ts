import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponses } from '../../http/schemas.ts';
import { childUnits, figuresUnit } from '../orgs/public.ts';
import { FiguresQuery, ProblemFiguresView } from './schemas.ts';
import { coversSubtree } from '../../db/scope.ts';
import { FIGURES, maintainedFigures, problemFigures } from './figures.ts';
import { warningDaysOf } from './repository.ts';
import { judgeDates } from './presenter.ts';

/** 整改情况统计: per-unit figures whose every number opens the list it counts. */
export const problemFigureRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/problems/figures',
    {
      schema: {
        tags: ['检视整改'],
        summary: '分单位整改统计（总数、已销号、立行立改清零、按期、逾期、上报）',
        querystring: FiguresQuery,
        response: {
          200: ProblemFiguresView,
          ...ErrorResponses,
        },
      },
    },
    async (req) => {
      const unit = await figuresUnit(app.db, req.actor.scope, req.query.orgId);
      const dates = judgeDates(await warningDaysOf(app.db, req.query.campaignId));
      const children = await childUnits(app.db, req.actor.scope, unit.id);
      const units = [unit, { ...unit, own: true }, ...children];
      const [total, ...rows] = coversSubtree(req.actor.scope, unit.path)
        ? await maintainedFigures(app.db, req.query.campaignId, units, dates)
        : await problemFigures(app.db, req.actor, req.query.campaignId, units, dates);
      return {
        unit: { id: unit.id, name: unit.name },
        figures: Object.entries(FIGURES).map(([key, f]) => ({ key, label: f.label, filter: f.filter })),
        rows: rows.filter((r) => r.own === false || r.figures.total > 0),
        total,
      };
    },
  );
};
