import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ctxOf } from '../../http/context.ts';
import { Abilities, ErrorResponses, IdParams } from '../../http/schemas.ts';
import { listAssignments } from './repository.ts';
import { presentAssignment } from './presenter.ts';
import { assignLeader } from './commands/assign-leader.ts';
import { unassignLeader } from './commands/unassign-leader.ts';

const tags = ['分管'];

const Assignment = Type.Object({
  id: Type.Integer(),
  personId: Type.Integer(),
  personName: Type.String(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  abilities: Abilities,
});

/** 分管 assignments: which units each leadership member guides. */
export const leaderRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/leader-assignments',
    {
      schema: {
        tags,
        summary: '分管关系列表',
        querystring: Type.Object({ personId: Type.Optional(Type.Integer({ minimum: 1, title: '分管领导' })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Assignment) }), ...ErrorResponses },
      },
    },
    async (req) => ({ items: (await listAssignments(app.db, req.actor.scope, req.query.personId)).map((a) => presentAssignment(req.actor, a)) }),
  );

  app.post(
    '/leader-assignments',
    {
      schema: {
        tags,
        summary: '设置分管单位',
        body: Type.Object(
          { personId: Type.Integer({ minimum: 1, title: '分管领导' }), orgId: Type.Integer({ minimum: 1, title: '分管单位' }) },
          { additionalProperties: false },
        ),
        response: { 201: Assignment, ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(presentAssignment(req.actor, await assignLeader(ctxOf(req), req.body))),
  );

  app.delete('/leader-assignments/:id', { schema: { tags, summary: '取消分管', params: IdParams, response: { 204: Type.Null(), ...ErrorResponses } } }, async (req, reply) => {
    await unassignLeader(ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });
};
