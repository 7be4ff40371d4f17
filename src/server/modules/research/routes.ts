import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses, IdParams } from '../../http/schemas.ts';
import { notFound } from '../../errors.ts';
import { filterOrgPath, scopeRoots } from '../orgs/public.ts';
import { findTopic, leadersWithoutReportPage, topicPage, visitsOf } from './repository.ts';
import { presentTopic } from './presenter.ts';
import {
  CreatedId,
  CreateTopicBody,
  FindingBody,
  LeadersWithoutReport,
  LeadersWithoutReportQuery,
  PracticeBody,
  ReportBody,
  ReportView,
  ReviewBody,
  TopicDetailView,
  TopicListQuery,
  TopicPage,
  VisitBody,
  VisitList,
} from './schemas.ts';
import { createTopic } from './commands/create-topic.ts';
import { saveReport } from './commands/save-report.ts';
import { reviewTopic } from './commands/review-topic.ts';
import { addVisit } from './commands/add-visit.ts';
import { visitToProblem } from './commands/visit-to-problem.ts';
import { reportToProblem } from './commands/report-to-problem.ts';
import { practiceToInstitution } from './commands/practice-to-institution.ts';

const tags = ['调查研究'];

/** 调查研究: topics led by leaders, visits, the four-part report, review and 择优推送, findings into the problem list. */
export const researchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const one = async (req: FastifyRequest, id: number) => {
    const t = await findTopic(app.db, req.actor, id);
    if (!t) throw notFound('调研课题');
    return { ...presentTopic(req.actor, t), visits: await visitsOf(app.db, id) };
  };

  app.get(
    '/research/topics',
    {
      schema: {
        tags,
        summary: '调研课题（recommended=true 即成果交流会推荐篇目）',
        querystring: TopicListQuery,
        response: { 200: TopicPage, ...ErrorResponses },
      },
    },
    async (req) => {
      const { page = 1, pageSize = 20, orgId, ...rest } = req.query;
      const orgPath = await filterOrgPath(app.db, req.actor.scope, orgId);
      const result = await topicPage(app.db, req.actor, { ...rest, orgPath }, page, pageSize);
      return { ...result, items: result.items.map((t) => presentTopic(req.actor, t)) };
    },
  );

  app.get(
    '/research/topics/:id',
    {
      schema: {
        tags,
        summary: '课题详情（走访、报告）',
        params: IdParams,
        response: { 200: TopicDetailView, ...ErrorResponses },
      },
    },
    async (req) => one(req, req.params.id),
  );

  app.post(
    '/research/topics',
    {
      schema: {
        tags,
        summary: '领题',
        body: CreateTopicBody,
        response: { 201: TopicDetailView, ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await one(req, (await createTopic(ctxOf(req), req.body)).id)),
  );

  app.get(
    '/research/topics/:id/visits',
    { schema: { tags, summary: '走访记录', params: IdParams, response: { 200: VisitList, ...ErrorResponses } } },
    async (req) => ({ items: (await one(req, req.params.id)).visits }),
  );

  app.post(
    '/research/topics/:id/visits',
    {
      schema: {
        tags,
        summary: '记录走访',
        params: IdParams,
        body: VisitBody,
        response: { 201: CreatedId, ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await addVisit(ctxOf(req), req.params.id, req.body) }),
  );

  app.get(
    '/research/topics/:id/report',
    { schema: { tags, summary: '调研报告', params: IdParams, response: { 200: ReportView, ...ErrorResponses } } },
    async (req) => (await one(req, req.params.id)).report,
  );

  app.put(
    '/research/topics/:id/report',
    {
      schema: {
        tags,
        summary: '提交调研报告（情况、问题、分析、举措）',
        params: IdParams,
        body: ReportBody,
        response: { 200: TopicDetailView, ...ErrorResponses },
      },
    },
    async (req) => {
      await saveReport(ctxOf(req), req.params.id, req.body);
      return one(req, req.params.id);
    },
  );

  app.post(
    '/research/topics/:id/review',
    {
      schema: {
        tags,
        summary: '审核报告（验收或退回；可择优推送）',
        params: IdParams,
        body: ReviewBody,
        response: { 200: TopicDetailView, ...ErrorResponses },
      },
    },
    async (req) => {
      await reviewTopic(ctxOf(req), req.params.id, req.body);
      return one(req, req.params.id);
    },
  );

  app.post(
    '/research/visits/:id/to-problem',
    {
      schema: {
        tags,
        summary: '走访发现转为问题（调研发现）',
        params: IdParams,
        body: FindingBody,
        response: { 201: CreatedId, ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await visitToProblem(ctxOf(req), req.params.id, req.body)),
  );
  app.post(
    '/research/topics/:id/report/to-problem',
    {
      schema: {
        tags,
        summary: '报告中的问题转为问题清单',
        params: IdParams,
        body: FindingBody,
        response: { 201: CreatedId, ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await reportToProblem(ctxOf(req), req.params.id, req.body)),
  );
  app.post(
    '/research/topics/:id/to-institution',
    {
      schema: {
        tags,
        summary: '好做法转为制度建议（建章立制）',
        params: IdParams,
        body: PracticeBody,
        response: { 201: CreatedId, ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await practiceToInstitution(ctxOf(req), req.params.id, req.body)),
  );

  app.get(
    '/research/leaders-without-report',
    {
      schema: {
        tags,
        summary: '尚未形成调研报告的领导',
        querystring: LeadersWithoutReportQuery,
        response: { 200: LeadersWithoutReport, ...ErrorResponses },
      },
    },
    async (req) => {
      const orgPath =
        (await filterOrgPath(app.db, req.actor.scope, req.query.orgId)) ??
        (await scopeRoots(app.db, req.actor.scope))[0]?.path;
      if (!orgPath) throw notFound('单位');
      const { campaignId, minReports, page = 1, pageSize = 20 } = req.query;
      return leadersWithoutReportPage(app.db, req.actor, { campaignId, orgPath, minReports }, page, pageSize);
    },
  );
};
