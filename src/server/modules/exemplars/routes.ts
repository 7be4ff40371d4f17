import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses, IdParams, PageOf, PageQuery, Text, Version } from '../../http/schemas.ts';
import { fetchPage } from '../../db/page.ts';
import { notFound } from '../../errors.ts';
import { EXEMPLAR_STATUSES } from '../../../shared/check-enums.ts';
import { filterOrgPath } from '../orgs/public.ts';
import { EXEMPLAR_ACTIONS } from './lifecycle.ts';
import { presentExemplar } from './presenter.ts';
import { exemplarQuery, findExemplar, objectionsOf } from './repository.ts';
import { nominate } from './commands/nominate.ts';
import { advanceExemplar } from './commands/advance-exemplar.ts';
import { handleObjection } from './commands/handle-objection.ts';
import { raiseObjection } from './commands/raise-objection.ts';
import { ExemplarView, ObjectionCreated } from './schemas.ts';

const tags = ['先进典型'];
const Id = (title: string) => Type.Integer({ minimum: 1, maximum: 2147483647, title });

/** 先进典型: 层层推荐 → 公示 with objections → 评选, and the list of exemplars per campaign. */
export const exemplarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const one = async (req: FastifyRequest, id: number) => {
    const e = await findExemplar(app.db, req.actor, id);
    if (!e) throw notFound('典型');
    return presentExemplar(req.actor, e, await objectionsOf(app.db, [id]));
  };

  app.get(
    '/exemplars',
    {
      schema: {
        tags,
        summary: '先进典型（status=notice 即公示名单）',
        querystring: Type.Object(
          {
            campaignId: Type.Optional(Id('主题教育')),
            orgId: Type.Optional(Id('单位')),
            status: Type.Optional(Type.String({ enum: Object.keys(EXEMPLAR_STATUSES), title: '状态' })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: PageOf(ExemplarView), ...ErrorResponses },
      },
    },
    async (req) => {
      const { page = 1, pageSize = 20, orgId, ...filter } = req.query;
      const orgPath = await filterOrgPath(app.db, req.actor.scope, orgId);
      const result = await fetchPage(
        exemplarQuery(app.db, req.actor, { ...filter, orgPath }),
        (qb) => qb.selectAll('exemplars').orderBy('exemplars.id', 'desc'),
        page,
        pageSize,
      );
      const objections = await objectionsOf(
        app.db,
        result.items.map((e) => e.id),
      );
      return { ...result, items: result.items.map((e) => presentExemplar(req.actor, e, objections)) };
    },
  );

  app.get(
    '/exemplars/:id',
    { schema: { tags, summary: '典型详情', params: IdParams, response: { 200: ExemplarView, ...ErrorResponses } } },
    async (req) => one(req, req.params.id),
  );

  app.post(
    '/exemplars',
    {
      schema: {
        tags,
        summary: '推荐先进典型',
        body: Type.Object(
          {
            campaignId: Id('主题教育'),
            orgId: Id('推荐单位'),
            personId: Type.Optional(Id('被推荐人')),
            nomineeOrgId: Type.Optional(Id('被推荐集体')),
            deeds: Text('主要事迹', 4000),
          },
          { additionalProperties: false },
        ),
        response: { 201: ExemplarView, ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await one(req, (await nominate(ctxOf(req), req.body)).id)),
  );

  app.post(
    '/exemplars/:id/transitions',
    {
      schema: {
        tags,
        summary: '审核推荐、公示、评选或不予通过',
        params: IdParams,
        body: Type.Object(
          {
            action: Type.String({ enum: [...EXEMPLAR_ACTIONS], title: '操作' }),
            version: Version,
            days: Type.Optional(Type.Integer({ minimum: 1, maximum: 30, title: '公示天数' })),
            honour: Type.Optional(Type.String({ maxLength: 60, title: '荣誉称号' })),
            note: Type.Optional(Type.String({ maxLength: 1000, title: '意见' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: ExemplarView, ...ErrorResponses },
      },
    },
    async (req) => {
      await advanceExemplar(ctxOf(req), req.params.id, {
        ...req.body,
        action: req.body.action as (typeof EXEMPLAR_ACTIONS)[number],
      });
      return one(req, req.params.id);
    },
  );

  app.post(
    '/exemplars/:id/objections',
    {
      schema: {
        tags,
        summary: '公示期间提出异议',
        params: IdParams,
        body: Type.Object({ text: Text('异议内容', 2000) }, { additionalProperties: false }),
        response: { 201: ObjectionCreated, ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await raiseObjection(ctxOf(req), req.params.id, req.body.text)),
  );

  app.post(
    '/exemplars/:id/objections/:objectionId/handle',
    {
      schema: {
        tags,
        summary: '处理异议',
        params: Type.Object({ id: Id('编号'), objectionId: Id('异议') }),
        body: Type.Object(
          { result: Text('处理结果', 2000), upheld: Type.Boolean({ title: '异议属实' }) },
          { additionalProperties: false },
        ),
        response: { 200: ExemplarView, ...ErrorResponses },
      },
    },
    async (req) => {
      await handleObjection(ctxOf(req), req.params.id, req.params.objectionId, req.body);
      return one(req, req.params.id);
    },
  );
};
