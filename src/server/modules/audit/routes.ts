import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponses, PageOf } from '../../http/schemas.ts';
import { fetchPage } from '../../db/page.ts';
import { notFound } from '../../errors.ts';
import { AuditEvent, AuditListQuery, AuditTimeline, EntityParams } from './schemas.ts';
import { auditQuery } from './repository.ts';
import { presentAudit } from './presenter.ts';
import { auditTimeline } from './public.ts';

const tags = ['操作日志'];

/** The audit trail: searchable list and per-record timeline, both scoped by the event's unit. */
export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/audit', { schema: { tags, summary: '操作日志（最新在前）', querystring: AuditListQuery, response: { 200: PageOf(AuditEvent), ...ErrorResponses } } }, async (req) => {
    const { page = 1, pageSize = 20, ...filter } = req.query;
    const result = await fetchPage(auditQuery(app.db, req.actor.scope, filter), (qb) => qb.selectAll().orderBy('auditEvents.id', 'desc'), page, pageSize);
    return { ...result, items: result.items.map(presentAudit) };
  });

  app.get('/audit/entity/:entityType/:entityId', { schema: { tags, summary: '单条记录的变更时间线', params: EntityParams, response: { 200: AuditTimeline, ...ErrorResponses } } }, async (req) => {
    const timeline = await auditTimeline(app.db, req.actor, req.params.entityType, req.params.entityId);
    if (!timeline.items.length) throw notFound('记录的变更历史');
    return timeline;
  });
};
