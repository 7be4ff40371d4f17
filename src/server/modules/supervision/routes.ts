import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Actor } from '../../auth/actor.ts';
import { ctxOf } from '../../http/context.ts';
import { Abilities, ErrorResponses, IdParams, Text, Version } from '../../http/schemas.ts';
import { abilitiesOf } from '../../policies/engine.ts';
import { groupPolicy } from './policy.ts';
import { listGroups, type GroupRow } from './repository.ts';
import { createGroup, deleteGroup, updateGroup } from './commands/save-group.ts';

const tags = ['督导组'];
const Kind = Type.String({ enum: ['supervision', 'liaison'], title: '类型' });
const Ids = (title: string) => Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 500, title });

const Group = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  kind: Type.String(),
  orgId: Type.Integer(),
  active: Type.Boolean(),
  members: Type.Array(Type.Object({ personId: Type.Integer(), name: Type.String() })),
  units: Type.Array(Type.Object({ orgId: Type.Integer(), name: Type.String() })),
  version: Type.Integer(),
  abilities: Abilities,
});

const present = (actor: Actor, g: GroupRow) => ({
  ...g,
  active: g.active === 1,
  abilities: abilitiesOf(groupPolicy, actor, g),
});

/** 督导组 / 联络组 with their members and the units assigned to them (which sets the members' scope). */
export const supervisionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/supervision-groups',
    { schema: { tags, summary: '督导组列表', response: { 200: Type.Object({ items: Type.Array(Group) }) } } },
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
        body: Type.Object(
          {
            name: Text('名称', 60),
            kind: Kind,
            orgId: Type.Integer({ minimum: 1, title: '所属单位' }),
            memberIds: Ids('组员'),
            unitIds: Ids('联系单位'),
          },
          { additionalProperties: false },
        ),
        response: { 201: Group, ...ErrorResponses },
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
        body: Type.Object(
          {
            version: Version,
            name: Type.Optional(Text('名称', 60)),
            kind: Type.Optional(Kind),
            memberIds: Type.Optional(Ids('组员')),
            unitIds: Type.Optional(Ids('联系单位')),
          },
          { additionalProperties: false },
        ),
        response: { 200: Group, ...ErrorResponses },
      },
    },
    async (req) => present(req.actor, await updateGroup(ctxOf(req), req.params.id, req.body)),
  );

  app.delete(
    '/supervision-groups/:id',
    { schema: { tags, summary: '撤销督导组', params: IdParams } },
    async (req, reply) => {
      await deleteGroup(ctxOf(req), req.params.id);
      return reply.status(204).send();
    },
  );
};
