import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponses, IdParams, NoContent } from '../../http/schemas.ts';
import { ctxOf } from '../../http/context.ts';
import { AssignBody, AssignedView, AssignmentList, AssignmentQuery } from './schemas.ts';
import { listAssignments } from './repository.ts';
import { assignLeader } from './commands/assign-leader.ts';
import { unassignLeader } from './commands/unassign-leader.ts';

const tags = ['分管'];

/** 分管: which units each leadership member guides. */
export const leaderRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/leader-assignments',
    {
      schema: {
        tags,
        summary: '分管关系',
        querystring: AssignmentQuery,
        response: { 200: AssignmentList, ...ErrorResponses },
      },
    },
    async (req) => ({ items: await listAssignments(app.db, req.actor.scope, req.query) }),
  );

  app.post(
    '/leader-assignments',
    {
      schema: {
        tags,
        summary: '新增分管关系',
        body: AssignBody,
        response: { 201: AssignedView, ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await assignLeader(ctxOf(req), req.body.personId, req.body.orgId)),
  );

  app.delete(
    '/leader-assignments/:id',
    { schema: { tags, summary: '取消分管关系', params: IdParams, response: { 204: NoContent, ...ErrorResponses } } },
    async (req, reply) => {
      await unassignLeader(ctxOf(req), req.params.id);
      return reply.status(204).send();
    },
  );
};
