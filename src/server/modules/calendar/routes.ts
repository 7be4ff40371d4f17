import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses, IdParams, NoContent } from '../../http/schemas.ts';
import { CreateOverrideBody, OverrideList, OverrideView } from './schemas.ts';
import { listOverrides } from './repository.ts';
import { addOverride } from './commands/add-override.ts';
import { removeOverride } from './commands/remove-override.ts';

const tags = ['工作日历'];

/**
 * Corrections to China's official calendar (which the holiday library knows only through 2026): the admin
 * declares a date a workday or a holiday, and deadlines in working days follow.
 */
export const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/calendar/overrides',
    { schema: { tags, summary: '节假日与调休补充设置', response: { 200: OverrideList, ...ErrorResponses } } },
    async () => ({ items: await listOverrides(app.db) }),
  );

  app.post(
    '/calendar/overrides',
    {
      schema: {
        tags,
        summary: '新增节假日或调休工作日（管理员）',
        body: CreateOverrideBody,
        response: { 201: OverrideView, ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await addOverride(ctxOf(req), req.body)),
  );

  app.delete(
    '/calendar/overrides/:id',
    {
      schema: {
        tags,
        summary: '删除设置（管理员）',
        params: IdParams,
        response: { 204: NoContent, ...ErrorResponses },
      },
    },
    async (req, reply) => {
      await removeOverride(ctxOf(req), req.params.id);
      return reply.status(204).send();
    },
  );
};
