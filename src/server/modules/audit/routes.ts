import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponses, PageOf, PageQuery } from '../../http/schemas.ts';
import { fetchPage } from '../../db/page.ts';
import { notFound } from '../../errors.ts';
import { auditColumns, auditQuery } from './repository.ts';
import { presentAuditEvent } from './presenter.ts';
import { recordTimeline } from './public.ts';
import { AuditEvent, AuditTimeline } from '../../../shared/views/audit.ts';

const tags = ['审计'];

const DateField = (title: string) => Type.String({ format: 'date', title });

/** The audit trail: searchable, and per record. */
export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/audit',
    {
      schema: {
        tags,
        summary: '审计日志查询',
        querystring: Type.Object(
          {
            entityType: Type.Optional(Type.String({ maxLength: 40, title: '记录类型' })),
            entityId: Type.Optional(Type.Integer({ minimum: 1, title: '记录编号' })),
            actorUserId: Type.Optional(Type.Integer({ minimum: 1, title: '操作人' })),
            action: Type.Optional(Type.String({ maxLength: 40, title: '操作' })),
            q: Type.Optional(Type.String({ maxLength: 50, title: '关键词' })),
            from: Type.Optional(DateField('开始日期')),
            to: Type.Optional(DateField('结束日期')),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: PageOf(AuditEvent), ...ErrorResponses },
      },
    },
    async (req) => {
      const { page = 1, pageSize = 20, ...filter } = req.query;
      const result = await fetchPage(
        auditQuery(app.db, req.actor.scope, filter),
        (qb) => qb.select(auditColumns).orderBy('id', 'desc'),
        page,
        pageSize,
      );
      return { ...result, items: result.items.map(presentAuditEvent) };
    },
  );

  app.get(
    '/audit/entity/:entityType/:entityId',
    {
      schema: {
        tags,
        summary: '单条记录的变更记录',
        params: Type.Object({ entityType: Type.String({ maxLength: 40 }), entityId: Type.Integer({ minimum: 1 }) }),
        response: { 200: AuditTimeline, ...ErrorResponses },
      },
    },
    async (req) => {
      const items = await recordTimeline(app.db, req.actor, req.params.entityType, req.params.entityId);
      if (!items.length) throw notFound('变更记录');
      return { items };
    },
  );
};
