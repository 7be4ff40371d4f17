import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ctxOf } from '../../http/context.ts';
import { forbidden, notFound } from '../../errors.ts';
import { ErrorResponses, IdParams, NoContent, PageQuery, VersionBody } from '../../http/schemas.ts';
import { Type } from 'typebox';
import type { Actor } from '../../auth/actor.ts';
import { mayManageRobots } from './policy.ts';
import { createWebhook } from './commands/create-webhook.ts';
import { updateWebhook } from './commands/update-webhook.ts';
import { deleteWebhook } from './commands/delete-webhook.ts';
import { testWebhook } from './commands/test-webhook.ts';
import { deliveryPage, findRobotInScope, robotPage } from './repository.ts';
import { eventLabel, presentRobot } from './presenter.ts';
import { robotKey } from './robot-key.ts';
import {
  DeliveryPage,
  RobotPage,
  RobotTestResult,
  RobotView,
  WebhookCreate,
  WebhookListQuery,
  WebhookPatch,
} from './schemas.ts';

const tags = ['群机器人'];

/** 钉钉 / 企业微信 group robots of the office's units: connect, change, test, read the delivery log. */
export const webhookRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const key = () => robotKey(app.config);
  const managersOnly = (req: { actor: Actor }) => {
    if (!mayManageRobots(req.actor)) throw forbidden('只有管理员和办公室可以管理群机器人');
  };

  app.get(
    '/webhooks',
    {
      schema: {
        tags,
        summary: '群机器人',
        querystring: WebhookListQuery,
        response: { 200: RobotPage, ...ErrorResponses },
      },
    },
    async (req) => {
      managersOnly(req);
      const { page = 1, pageSize = 20 } = req.query;
      const list = await robotPage(app.db, req.actor, page, pageSize);
      return { ...list, items: list.items.map((r) => presentRobot(req.actor, r)) };
    },
  );

  app.post(
    '/webhooks',
    { schema: { tags, summary: '接入群机器人', body: WebhookCreate, response: { 201: RobotView, ...ErrorResponses } } },
    async (req, reply) => {
      managersOnly(req);
      const row = await createWebhook(ctxOf(req), key(), req.body as Parameters<typeof createWebhook>[2]);
      return reply.code(201).send(presentRobot(req.actor, row));
    },
  );

  app.patch(
    '/webhooks/:id',
    {
      schema: {
        tags,
        summary: '修改群机器人（地址、密钥只写不读）',
        params: IdParams,
        body: WebhookPatch,
        response: { 200: RobotView, ...ErrorResponses },
      },
    },
    async (req) => {
      managersOnly(req);
      return presentRobot(req.actor, await updateWebhook(ctxOf(req), key(), req.params.id, req.body));
    },
  );

  app.delete(
    '/webhooks/:id',
    {
      schema: {
        tags,
        summary: '删除群机器人',
        params: IdParams,
        body: VersionBody,
        response: { 204: NoContent, ...ErrorResponses },
      },
    },
    async (req, reply) => {
      managersOnly(req);
      await deleteWebhook(ctxOf(req), req.params.id, req.body.version);
      return reply.code(204).send();
    },
  );

  app.post(
    '/webhooks/:id/test',
    { schema: { tags, summary: '测试发送', params: IdParams, response: { 200: RobotTestResult, ...ErrorResponses } } },
    async (req) => {
      managersOnly(req);
      return testWebhook(ctxOf(req), key(), app.config.publicUrl, req.params.id);
    },
  );

  app.get(
    '/webhooks/:id/deliveries',
    {
      schema: {
        tags,
        summary: '发送记录',
        params: IdParams,
        querystring: Type.Object({ ...PageQuery }, { additionalProperties: false }),
        response: { 200: DeliveryPage, ...ErrorResponses },
      },
    },
    async (req) => {
      managersOnly(req);
      const robot = await findRobotInScope(app.db, req.actor, req.params.id);
      if (!robot) throw notFound('群机器人');
      const { page = 1, pageSize = 20 } = req.query;
      const list = await deliveryPage(app.db, robot.id, page, pageSize);
      return { ...list, items: list.items.map((d) => ({ ...d, eventLabel: eventLabel(d.event) })) };
    },
  );
};
