import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses, IdParams } from '../../http/schemas.ts';
import { filterOrgPath } from '../orgs/public.ts';
import { submitPlan } from './commands/submit-plan.ts';
import { reviewPlan } from './commands/review-plan.ts';
import { planAbilities } from './policy.ts';
import { listPlans } from './plan-repository.ts';
import {
  PLAN_STATUS,
  PlanCreated,
  PlanList,
  PlanListQuery,
  PlanReviewed,
  ReviewPlanBody,
  SubmitPlanBody,
} from './plan-schemas.ts';

const tags = ['理论学习'];

/** 学习计划: units and members submit; the 第一责任人 approves or returns with a reason. */
export const studyPlanRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/study/plans',
    {
      schema: { tags, summary: '学习计划', querystring: PlanListQuery, response: { 200: PlanList, ...ErrorResponses } },
    },
    async (req) => {
      const orgPath = await filterOrgPath(app.db, req.actor.scope, req.query.orgId);
      const rows = await listPlans(app.db, req.actor.scope, { ...req.query, orgPath });
      return {
        items: rows.map(({ orgPath: p, ...r }) => ({
          ...r,
          statusLabel: PLAN_STATUS[r.status as keyof typeof PLAN_STATUS],
          abilities: planAbilities(req.actor, { orgPath: p, personId: r.personId, status: r.status }),
        })),
      };
    },
  );

  app.post(
    '/study/plans',
    {
      schema: {
        tags,
        summary: '提交学习计划（personal=true 为个人计划）',
        body: SubmitPlanBody,
        response: { 201: PlanCreated, ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await submitPlan(ctxOf(req), req.body) }),
  );

  app.post(
    '/study/plans/:id/review',
    {
      schema: {
        tags,
        summary: '审核学习计划（通过或退回）',
        params: IdParams,
        body: ReviewPlanBody,
        response: { 200: PlanReviewed, ...ErrorResponses },
      },
    },
    async (req) => {
      await reviewPlan(ctxOf(req), req.params.id, req.body);
      return { ok: true };
    },
  );
};
