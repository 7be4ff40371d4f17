import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { today } from '../../clock.ts';
import { ErrorResponses, PageQuery } from '../../http/schemas.ts';
import { countTodos, todoPage } from './collect.ts';
import { todoSources } from './sources.ts';
import { TodoCounts, TodoList } from './schemas.ts';

const tags = ['我的待办'];

/** 我的待办: derived from the records on every request, so it never drifts from them. */
export const todoRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/todos',
    {
      schema: {
        tags,
        summary: '我的待办（审核、审批、临期逾期、待补学等，按类别计数）',
        querystring: Type.Object(
          {
            ...PageQuery,
            kind: Type.Optional(Type.String({ enum: todoSources.map((s) => s.kind), title: '类别' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: TodoList, ...ErrorResponses },
      },
    },
    async (req) => {
      const { page = 1, pageSize = 20, kind } = req.query;
      const sources = kind ? todoSources.filter((s) => s.kind === kind) : todoSources;
      const result = await todoPage(app.db, req.actor, today(), sources, page, pageSize);
      const counts = kind
        ? (await countTodos(app.db, req.actor, today(), todoSources)).map((k) => k.count)
        : result.counts;
      return { items: result.items, total: result.total, page, pageSize, counts };
    },
  );

  app.get(
    '/todos/counts',
    { schema: { tags, summary: '我的待办计数（菜单角标）', response: { 200: TodoCounts, ...ErrorResponses } } },
    async (req) => {
      const counts = (await countTodos(app.db, req.actor, today(), todoSources)).map((k) => k.count);
      return { total: counts.reduce((n, c) => n + c.count, 0), counts };
    },
  );
};
