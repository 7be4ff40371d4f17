import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses, IdParams, NoContent, Text } from '../../http/schemas.ts';
import { forbidden } from '../../errors.ts';
import { isAdmin } from '../../policies/engine.ts';
import { listKeys } from './keys.ts';
import { issueOpen311Key } from './commands/issue-key.ts';
import { revokeOpen311Key } from './commands/revoke-key.ts';

const tags = ['Open311'];
const KeyList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      active: Type.Boolean(),
      createdAt: Type.String(),
    }),
  ),
});
const IssueBody = Type.Object({ name: Text('接入平台名称', 100) }, { additionalProperties: false });
const IssuedKey = Type.Object({ id: Type.Integer(), name: Type.String(), key: Type.String() });

/** Keys for city platforms that post requests through Open311; only admins issue and revoke them. */
export const open311KeyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('preHandler', async (req) => {
    if (!isAdmin(req.actor)) throw forbidden('只有系统管理员可以管理 Open311 密钥');
  });

  app.get(
    '/open311-keys',
    { schema: { tags, summary: 'Open311 接入密钥', response: { 200: KeyList, ...ErrorResponses } } },
    async () => ({ items: (await listKeys(app.db)).map((k) => ({ ...k, active: !!k.active })) }),
  );

  app.post(
    '/open311-keys',
    {
      schema: {
        tags,
        summary: '签发 Open311 接入密钥（密钥只显示这一次）',
        body: IssueBody,
        response: { 201: IssuedKey, ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await issueOpen311Key(ctxOf(req), req.body.name)),
  );

  app.delete(
    '/open311-keys/:id',
    { schema: { tags, summary: '吊销密钥', params: IdParams, response: { 204: NoContent, ...ErrorResponses } } },
    async (req, reply) => {
      await revokeOpen311Key(ctxOf(req), req.params.id);
      return reply.status(204).send();
    },
  );
};
