import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponses, IdParams, Text } from '../../http/schemas.ts';
import { nowIso } from '../../clock.ts';
import { forbidden, notFound } from '../../errors.ts';
import { isAdmin } from '../../policies/engine.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { issueKey, listKeys, revokeKey } from './keys.ts';

const tags = ['Open311'];

/** Keys for city platforms that post requests through Open311; only admins issue and revoke them. */
export const open311KeyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('preHandler', async (req) => {
    if (!isAdmin(req.actor)) throw forbidden('只有系统管理员可以管理 Open311 密钥');
  });

  app.get('/open311-keys', { schema: { tags, summary: 'Open311 接入密钥' } }, async () => ({
    items: (await listKeys(app.db)).map((k) => ({ ...k, active: !!k.active })),
  }));

  app.post(
    '/open311-keys',
    {
      schema: {
        tags,
        summary: '签发 Open311 接入密钥（密钥只显示这一次）',
        body: Type.Object({ name: Text('接入平台名称', 100) }, { additionalProperties: false }),
        response: {
          201: Type.Object({ id: Type.Integer(), name: Type.String(), key: Type.String() }),
          ...ErrorResponses,
        },
      },
    },
    async (req, reply) => {
      const out = await app.db.transaction().execute(async (trx) => {
        const k = await issueKey(trx, req.body.name.trim(), req.actor.userId, nowIso());
        await recordAudit(trx, req.actor, {
          action: 'create',
          entityType: 'open311_key',
          entityId: k.id,
          entityLabel: req.body.name,
          orgPath: null,
          after: { name: req.body.name },
        });
        return k;
      });
      return reply.status(201).send({ id: out.id, name: req.body.name.trim(), key: out.key });
    },
  );

  app.delete('/open311-keys/:id', { schema: { tags, summary: '吊销密钥', params: IdParams } }, async (req, reply) => {
    await app.db.transaction().execute(async (trx) => {
      const r = await revokeKey(trx, req.params.id);
      if (Number(r.numUpdatedRows) !== 1) throw notFound('密钥');
      await recordAudit(trx, req.actor, {
        action: 'revoke',
        entityType: 'open311_key',
        entityId: req.params.id,
        orgPath: null,
      });
    });
    return reply.status(204).send();
  });
};
