import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponses, IdParams } from '../../http/schemas.ts';
import { ctxOf } from '../../http/context.ts';
import { inScope } from '../../db/scope.ts';
import { assignLeader, unassignLeader } from './assign-leader.ts';

const tags = ['分管'];

const Assignment = Type.Object({
  id: Type.Integer(),
  personId: Type.Integer(),
  personName: Type.String(),
  orgId: Type.Integer(),
  orgName: Type.String(),
});

/** 分管: which units each leadership member guides. */
export const leaderRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/leader-assignments',
    {
      schema: {
        tags,
        summary: '分管关系',
        querystring: Type.Object(
          {
            personId: Type.Optional(Type.Integer({ minimum: 1, title: '班子成员' })),
            orgId: Type.Optional(Type.Integer({ minimum: 1, title: '单位' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Assignment) }), ...ErrorResponses },
      },
    },
    async (req) => {
      let qb = app.db
        .selectFrom('leaderAssignments')
        .innerJoin('people', 'people.id', 'leaderAssignments.personId')
        .innerJoin('orgUnits', 'orgUnits.id', 'leaderAssignments.orgId')
        .select([
          'leaderAssignments.id',
          'leaderAssignments.personId',
          'people.name as personName',
          'leaderAssignments.orgId',
          'orgUnits.name as orgName',
        ])
        .where(inScope(req.actor.scope, 'orgUnits.path'));
      if (req.query.personId) qb = qb.where('leaderAssignments.personId', '=', req.query.personId);
      if (req.query.orgId) qb = qb.where('leaderAssignments.orgId', '=', req.query.orgId);
      return { items: await qb.orderBy('people.name').orderBy('orgUnits.path').execute() };
    },
  );

  app.post(
    '/leader-assignments',
    {
      schema: {
        tags,
        summary: '新增分管关系',
        body: Type.Object(
          {
            personId: Type.Integer({ minimum: 1, title: '班子成员' }),
            orgId: Type.Integer({ minimum: 1, title: '分管单位' }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.Integer() }), ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await assignLeader(ctxOf(req), req.body.personId, req.body.orgId)),
  );

  app.delete(
    '/leader-assignments/:id',
    { schema: { tags, summary: '取消分管关系', params: IdParams } },
    async (req, reply) => {
      await unassignLeader(ctxOf(req), req.params.id);
      return reply.status(204).send();
    },
  );
};
