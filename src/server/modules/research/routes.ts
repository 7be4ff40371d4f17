import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../http/context.ts';
import { DateString, ErrorResponses, IdParams, PageOf, PageQuery, Text, Version } from '../../http/schemas.ts';
import { fetchPage } from '../../db/page.ts';
import { notFound } from '../../errors.ts';
import { abilitiesOf } from '../../policies/engine.ts';
import { pathInSubtree } from '../../db/scope.ts';
import { filterOrgPath, scopeRoots } from '../orgs/public.ts';
import { topicPolicy } from './policy.ts';
import { findTopic, topicColumns, topicQuery, visitsOf, type TopicRow } from './repository.ts';
import { createTopic, reviewTopic, saveReport } from './commands/save-topic.ts';
import { addVisit } from './commands/add-visit.ts';
import { practiceToInstitution, reportToProblem, visitToProblem } from './commands/findings.ts';

const tags = ['调查研究'];
const Loose = Type.Object({ id: Type.Integer() }, { additionalProperties: true });
export const VISIT_METHODS = ['四不两直', '座谈', '走访', '蹲点', '问卷', '其他'];
const STATUS_LABELS: Record<string, string> = {
  planned: '已领题',
  in_progress: '调研中',
  reported: '已报告',
  accepted: '已验收',
};
const FindingBody = Type.Object(
  {
    title: Text('问题标题', 200),
    description: Type.Optional(Type.String({ maxLength: 4000, title: '问题描述' })),
    orgId: Type.Optional(Type.Integer({ minimum: 1, title: '责任单位' })),
  },
  { additionalProperties: false },
);

const present = (req: FastifyRequest, t: TopicRow) => {
  const { orgPath, recommended, ...rest } = t;
  return {
    ...rest,
    recommended: recommended === 1,
    statusLabel: STATUS_LABELS[t.status] ?? t.status,
    report: { situation: t.situation, problems: t.problems, analysis: t.analysis, measures: t.measures },
    abilities: abilitiesOf(topicPolicy, req.actor, t),
  };
};

/** 调查研究: topics led by leaders, visits, the four-part report, review and 择优推送, findings into the problem list. */
export const researchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const one = async (req: FastifyRequest, id: number) => {
    const t = await findTopic(app.db, req.actor, id);
    if (!t) throw notFound('调研课题');
    return { ...present(req, t), visits: await visitsOf(app.db, id) };
  };

  app.get(
    '/research/topics',
    {
      schema: {
        tags,
        summary: '调研课题（recommended=true 即成果交流会推荐篇目）',
        querystring: Type.Object(
          {
            campaignId: Type.Optional(Type.Integer({ minimum: 1 })),
            orgId: Type.Optional(Type.Integer({ minimum: 1, title: '单位' })),
            status: Type.Optional(Type.String({ enum: Object.keys(STATUS_LABELS), title: '状态' })),
            recommended: Type.Optional(Type.Boolean({ title: '择优推送' })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: PageOf(Loose), ...ErrorResponses },
      },
    },
    async (req) => {
      const { page = 1, pageSize = 20, orgId, ...rest } = req.query;
      const result = await fetchPage(
        topicQuery(app.db, req.actor, { ...rest, orgPath: await filterOrgPath(app.db, req.actor.scope, orgId) }),
        (qb) => qb.select(topicColumns).orderBy('researchTopics.id', 'desc'),
        page,
        pageSize,
      );
      return { ...result, items: result.items.map((t) => present(req, t)) };
    },
  );

  app.get(
    '/research/topics/:id',
    {
      schema: {
        tags,
        summary: '课题详情（走访、报告）',
        params: IdParams,
        response: { 200: Loose, ...ErrorResponses },
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
        body: Type.Object(
          {
            campaignId: Type.Integer({ minimum: 1, title: '主题教育' }),
            orgId: Type.Integer({ minimum: 1, title: '单位' }),
            leaderId: Type.Optional(Type.Integer({ minimum: 1, title: '领题领导' })),
            title: Text('课题名称', 200),
            plan: Type.Optional(Type.String({ maxLength: 4000, title: '调研方案' })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Loose, ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await one(req, (await createTopic(ctxOf(req), req.body)).id)),
  );

  app.get('/research/topics/:id/visits', { schema: { tags, summary: '走访记录', params: IdParams } }, async (req) => ({
    items: (await one(req, req.params.id)).visits,
  }));

  app.post(
    '/research/topics/:id/visits',
    {
      schema: {
        tags,
        summary: '记录走访',
        params: IdParams,
        body: Type.Object(
          {
            date: DateString('日期'),
            place: Text('地点', 100),
            method: Type.String({ enum: VISIT_METHODS, title: '方式' }),
            met: Type.Optional(Type.String({ maxLength: 500, title: '走访对象' })),
            findings: Type.Optional(Type.String({ maxLength: 4000, title: '发现' })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.Integer() }), ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await addVisit(ctxOf(req), req.params.id, req.body) }),
  );

  app.get(
    '/research/topics/:id/report',
    { schema: { tags, summary: '调研报告', params: IdParams } },
    async (req) => (await one(req, req.params.id)).report,
  );

  app.put(
    '/research/topics/:id/report',
    {
      schema: {
        tags,
        summary: '提交调研报告（情况、问题、分析、举措）',
        params: IdParams,
        body: Type.Object(
          {
            version: Version,
            situation: Text('情况', 8000),
            problems: Text('问题', 8000),
            analysis: Text('分析', 8000),
            measures: Text('举措', 8000),
          },
          { additionalProperties: false },
        ),
        response: { 200: Loose, ...ErrorResponses },
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
        body: Type.Object(
          {
            version: Version,
            accept: Type.Boolean({ title: '是否验收' }),
            recommended: Type.Optional(Type.Boolean({ title: '择优推送' })),
            note: Type.Optional(Type.String({ maxLength: 1000, title: '意见' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Loose, ...ErrorResponses },
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
        response: { 201: Type.Object({ id: Type.Integer() }), ...ErrorResponses },
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
        response: { 201: Type.Object({ id: Type.Integer() }), ...ErrorResponses },
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
        body: Type.Object(
          { title: Text('制度名称', 200), reason: Text('理由', 2000) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.Integer() }), ...ErrorResponses },
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
        querystring: Type.Object(
          {
            campaignId: Type.Integer({ minimum: 1, title: '主题教育' }),
            orgId: Type.Optional(Type.Integer({ minimum: 1, title: '单位' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      const orgPath =
        (await filterOrgPath(app.db, req.actor.scope, req.query.orgId)) ??
        (await scopeRoots(app.db, req.actor.scope))[0]?.path;
      if (!orgPath) throw notFound('单位');
      const items = await app.db
        .selectFrom('people')
        .innerJoin('orgUnits', 'orgUnits.id', 'people.orgId')
        .select(['people.id', 'people.name', 'people.position', 'orgUnits.name as orgName'])
        .where('people.active', '=', 1)
        .where((eb) => pathInSubtree(eb, 'people.orgPath', orgPath))
        .where((eb) =>
          eb.or([
            eb('people.leadershipLevel', 'in', ['bureau', 'county']),
            eb.exists(
              eb
                .selectFrom('users')
                .innerJoin('roleGrants', 'roleGrants.userId', 'users.id')
                .select('users.id')
                .whereRef('users.personId', '=', 'people.id')
                .where('roleGrants.role', '=', 'leader'),
            ),
          ]),
        )
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('researchTopics')
                .select('researchTopics.id')
                .whereRef('researchTopics.leaderId', '=', 'people.id')
                .where('researchTopics.campaignId', '=', req.query.campaignId)
                .where('researchTopics.status', 'in', ['reported', 'accepted']),
            ),
          ),
        )
        .orderBy('people.orgPath')
        .orderBy('people.namePinyin')
        .execute();
      return { items };
    },
  );
};
