import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Actor } from '../../auth/actor.ts';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses, IdParams, NoContent } from '../../http/schemas.ts';
import { CreateGroupBody, GroupList, GroupView, UpdateGroupBody } from './schemas.ts';
import { abilitiesOf } from '../../policies/engine.ts';
import { groupPolicy } from './policy.ts';
import { listGroups, type GroupRow } from './repository.ts';
import { createGroup } from './commands/create-group.ts';
import { updateGroup } from './commands/update-group.ts';
import { deleteGroup } from './commands/delete-group.ts';

const tags = ['督导组'];
const present = (actor: Actor, g: GroupRow) => ({
  ...g,
  active: g.active === 1,
  abilities: abilitiesOf(groupPolicy, actor, g),
});

/** 督导组 / 联络组 with their members and the units assigned to them (which sets the members' scope). */
export const supervisionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/supervision-groups',
    { schema: { tags, summary: '督导组列表', response: { 200: GroupList, ...ErrorResponses } } },
    async (req) => ({
      items: (await listGroups(app.db, req.actor.scope)).map((g) => present(req.actor, g)),
    }),
  );

  app.post(
    '/supervision-groups',
    {
      schema: {
        tags,
        summary: '新建督导组',
        body: CreateGroupBody,
        response: { 201: GroupView, ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(present(req.actor, await createGroup(ctxOf(req), req.body))),
  );

  app.patch(
    '/supervision-groups/:id',
    {
      schema: {
        tags,
        summary: '修改督导组',
        params: IdParams,
        body: UpdateGroupBody,
        response: { 200: GroupView, ...ErrorResponses },
      },
    },
    async (req) => present(req.actor, await updateGroup(ctxOf(req), req.params.id, req.body)),
  );

  app.delete(
    '/supervision-groups/:id',
    { schema: { tags, summary: '撤销督导组', params: IdParams, response: { 204: NoContent, ...ErrorResponses } } },
    async (req, reply) => {
      await deleteGroup(ctxOf(req), req.params.id);
      return reply.status(204).send();
    },
  );
};
