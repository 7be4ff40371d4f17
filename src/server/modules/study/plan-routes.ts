import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses, IdParams, Text, Version } from '../../http/schemas.ts';
import { filterOrgPath } from '../orgs/public.ts';
import { inScope, pathInSubtree } from '../../db/scope.ts';
import { reviewPlan, savePlan } from './commands/plans.ts';
import { planAbilities } from './policy.ts';

const tags = ['理论学习'];
const STATUS = { submitted: '待审核', approved: '已通过', returned: '已退回' } as const;

/** 学习计划: units and members submit; the 第一责任人 approves or returns with a reason. */
export const studyPlanRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/study/plans',
    {
      schema: {
        tags,
        summary: '学习计划',
        querystring: Type.Object(
          {
            campaignId: Type.Optional(Type.Integer({ minimum: 1 })),
            orgId: Type.Optional(Type.Integer({ minimum: 1, title: '单位' })),
            status: Type.Optional(Type.String({ enum: Object.keys(STATUS), title: '状态' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      const orgPath = await filterOrgPath(app.db, req.actor.scope, req.query.orgId);
      let qb = app.db
        .selectFrom('studyPlans')
        .innerJoin('orgUnits', 'orgUnits.id', 'studyPlans.orgId')
        .leftJoin('people', 'people.id', 'studyPlans.personId')
        .select([
          'studyPlans.id',
          'studyPlans.campaignId',
          'studyPlans.orgId',
          'studyPlans.orgPath',
          'orgUnits.name as orgName',
          'studyPlans.personId',
          'people.name as personName',
          'studyPlans.title',
          'studyPlans.content',
          'studyPlans.status',
          'studyPlans.reviewNote',
          'studyPlans.version',
        ])
        .where(inScope(req.actor.scope, 'studyPlans.orgPath', 'studyPlans.personId'));
      if (req.query.campaignId) qb = qb.where('studyPlans.campaignId', '=', req.query.campaignId);
      if (orgPath) qb = qb.where((eb) => pathInSubtree(eb, 'studyPlans.orgPath', orgPath));
      if (req.query.status) qb = qb.where('studyPlans.status', '=', req.query.status);
      const rows = await qb.orderBy('studyPlans.id', 'desc').execute();
      return {
        items: rows.map(({ orgPath: p, ...r }) => ({
          ...r,
          statusLabel: STATUS[r.status as keyof typeof STATUS],
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
        body: Type.Object(
          {
            campaignId: Type.Integer({ minimum: 1, title: '主题教育' }),
            orgId: Type.Optional(Type.Integer({ minimum: 1, title: '单位' })),
            personal: Type.Optional(Type.Boolean({ title: '个人计划' })),
            title: Text('计划名称', 200),
            content: Text('计划内容', 8000),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.Integer() }), ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await savePlan(ctxOf(req), req.body) }),
  );

  app.post(
    '/study/plans/:id/review',
    {
      schema: {
        tags,
        summary: '审核学习计划（通过或退回）',
        params: IdParams,
        body: Type.Object(
          {
            version: Version,
            approve: Type.Boolean({ title: '是否通过' }),
            note: Type.Optional(Type.String({ maxLength: 1000, title: '意见' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      await reviewPlan(ctxOf(req), req.params.id, req.body);
      return { ok: true };
    },
  );
};
