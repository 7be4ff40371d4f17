import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses } from '../../http/schemas.ts';
import { CreateSpecialItemBody, SpecialItemCreated, SpecialItemList, SpecialItemListQuery } from './schemas.ts';
import { listSpecialItems } from './special-items.ts';
import { createSpecialItem } from './commands/create-special-item.ts';

const tags = ['检视整改'];

/** 专项整治: named lists with a lead unit; problems belong to them like to any list. */
export const specialItemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/special-items',
    {
      schema: {
        tags,
        summary: '专项整治清单',
        querystring: SpecialItemListQuery,
        response: { 200: SpecialItemList, ...ErrorResponses },
      },
    },
    async (req) => {
      const rows = await listSpecialItems(app.db, req.actor, req.query);
      return { items: rows.map((r) => ({ ...r, problemCount: Number(r.problemCount ?? 0) })) };
    },
  );

  app.post(
    '/special-items',
    {
      schema: {
        tags,
        summary: '新建专项整治',
        body: CreateSpecialItemBody,
        response: { 201: SpecialItemCreated, ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await createSpecialItem(ctxOf(req), req.body) }),
  );
};
