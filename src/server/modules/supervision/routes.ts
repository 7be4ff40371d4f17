import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Actor } from '../../auth/actor.ts';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses, IdParams } from '../../http/schemas.ts';
import { notFound } from '../../errors.ts';
import { CreateGroupBody, Group, UpdateGroupBody } from './schemas.ts';
import { findGroupInScope, groupDetails, listGroups, type GroupRow } from './repository.ts';
import { presentGroup } from './presenter.ts';
import { createGroup } from './commands/create-group.ts';
import { updateGroup } from './commands/update-group.ts';
import { deleteGroup } from './commands/delete-group.ts';

const tags = ['督导组'];

/** Supervision and liaison groups with their members and assigned units. */
export const supervisionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const present = async (actor: Actor, g: GroupRow) => presentGroup(actor, g, await groupDetails(app.db, [g.id]));

  app.get('/supervision-groups', { schema: { tags, summary: '督导组列表', response: { 200: Type.Object({ items: Type.Array(Group) }), ...ErrorResponses } } }, async (req) => {
    const rows = await listGroups(app.db, req.actor.scope);
    const d = await groupDetails(app.db, rows.map((g) => g.id));
    return { items: rows.map((g) => presentGroup(req.actor, g, d)) };
  });

  app.get('/supervision-groups/:id', { schema: { tags, summary: '督导组详情', params: IdParams, response: { 200: Group, ...ErrorResponses } } }, async (req) => {
    const g = await findGroupInScope(app.db, req.actor.scope, req.params.id);
    if (!g) throw notFound('督导组');
    return present(req.actor, g);
  });

  app.post('/supervision-groups', { schema: { tags, summary: '新建督导组', body: CreateGroupBody, response: { 201: Group, ...ErrorResponses } } }, async (req, reply) =>
    reply.status(201).send(await present(req.actor, await createGroup(ctxOf(req), req.body))),
  );

  app.patch('/supervision-groups/:id', { schema: { tags, summary: '修改督导组', params: IdParams, body: UpdateGroupBody, response: { 200: Group, ...ErrorResponses } } }, async (req) =>
    present(req.actor, await updateGroup(ctxOf(req), req.params.id, req.body)),
  );

  app.delete('/supervision-groups/:id', { schema: { tags, summary: '撤销督导组', params: IdParams, response: { 204: Type.Null(), ...ErrorResponses } } }, async (req, reply) => {
    await deleteGroup(ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });
};
