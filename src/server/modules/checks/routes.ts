import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses, IdParams, PageOf, PageQuery, VersionBody } from '../../http/schemas.ts';
import { fetchPage } from '../../db/page.ts';
import { addDays, today } from '../../clock.ts';
import { forbidden, notFound } from '../../errors.ts';
import { filterOrgPath, subtreeUnits, visibleOrg } from '../orgs/public.ts';
import { presentChecks, presentDraw } from './presenter.ts';
import {
  checkColumns,
  checkQuery,
  drawQuery,
  findCheck,
  findDraw,
  organises,
  recentlyCheckedUnitIds,
} from './repository.ts';
import {
  CheckListQuery,
  CommitBody,
  CreateCheckBody,
  DrawBody,
  CheckView,
  DrawView,
  PoolQuery,
  PoolView,
  RecordCheckBody,
  RecusalBody,
  RecusalCreated,
  VerifyView,
} from './schemas.ts';
import { viewerOf } from './viewer.ts';
import { verifyDraw } from './verify.ts';
import { commitDraw } from './commands/commit-draw.ts';
import { drawUnits } from './commands/draw-units.ts';
import { publishDraw } from './commands/publish-draw.ts';
import { createCheck } from './commands/create-check.ts';
import { recordCheck } from './commands/record-check.ts';
import { addRecusal } from './commands/add-recusal.ts';

const tags = ['督促指导'];

/** 督促指导 (F9): reproducible 双随机 draws with 验证, checks hidden from their unit until recorded, findings into the loop. */
export const checkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const drawOf = async (req: FastifyRequest, id: number) => {
    const viewer = await viewerOf(app.db, req.actor);
    const d = await findDraw(app.db, viewer, id);
    if (!d) throw notFound('抽查');
    return presentDraw(app.db, viewer, d);
  };
  const checkOf = async (req: FastifyRequest, id: number) => {
    const viewer = await viewerOf(app.db, req.actor);
    const c = await findCheck(app.db, viewer, id);
    if (!c) throw notFound('检查');
    return (await presentChecks(app.db, viewer, [c]))[0];
  };

  app.get(
    '/checks/pool',
    {
      schema: {
        tags,
        summary: '抽取范围预览（单位子树、类型、排除近期已查）',
        querystring: PoolQuery,
        response: { 200: PoolView, ...ErrorResponses },
      },
    },
    async (req) => {
      if (!organises(req.actor)) throw forbidden();
      const root = await visibleOrg(app.db, req.actor.scope, req.query.orgId);
      if (!root) throw notFound('单位');
      const units = await subtreeUnits(app.db, req.actor.scope, root.path, req.query.types ?? [], 500);
      const days = req.query.excludeRecentDays ?? 0;
      const recent = days
        ? await recentlyCheckedUnitIds(app.db, req.query.campaignId, addDays(today(), -days))
        : new Set<number>();
      const items = units.filter((u) => !recent.has(u.id)).map(({ path, ...u }) => u);
      return { items, total: items.length, excluded: units.length - items.length };
    },
  );

  app.get(
    '/checks/draws',
    {
      schema: {
        tags,
        summary: '抽查记录',
        querystring: Type.Object(
          { campaignId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })), ...PageQuery },
          { additionalProperties: false },
        ),
        response: { 200: PageOf(DrawView), ...ErrorResponses },
      },
    },
    async (req) => {
      const viewer = await viewerOf(app.db, req.actor);
      const { page = 1, pageSize = 20, campaignId } = req.query;
      const result = await fetchPage(
        drawQuery(app.db, viewer, { campaignId }),
        (qb) => qb.selectAll('checkDraws').orderBy('checkDraws.id', 'desc'),
        page,
        pageSize,
      );
      return { ...result, items: await Promise.all(result.items.map((d) => presentDraw(app.db, viewer, d))) };
    },
  );

  app.post(
    '/checks/draws/commitments',
    {
      schema: {
        tags,
        summary: '先承诺种子（公布其哈希）',
        body: CommitBody,
        response: { 201: DrawView, ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await drawOf(req, (await commitDraw(ctxOf(req), req.body)).id)),
  );

  app.post(
    '/checks/draws',
    { schema: { tags, summary: '双随机抽取', body: DrawBody, response: { 201: DrawView, ...ErrorResponses } } },
    async (req, reply) => reply.status(201).send(await drawOf(req, (await drawUnits(ctxOf(req), req.body)).id)),
  );

  app.get(
    '/checks/draws/:id',
    { schema: { tags, summary: '抽查详情', params: IdParams, response: { 200: DrawView, ...ErrorResponses } } },
    async (req) => drawOf(req, req.params.id),
  );

  app.get(
    '/checks/draws/:id/verify',
    {
      schema: {
        tags,
        summary: '验证：按公开的输入重新计算抽取结果',
        params: IdParams,
        response: { 200: VerifyView, ...ErrorResponses },
      },
    },
    async (req) => {
      const d = await findDraw(app.db, await viewerOf(app.db, req.actor), req.params.id);
      if (!d) throw notFound('抽查');
      return verifyDraw(d);
    },
  );

  app.post(
    '/checks/draws/:id/publish',
    {
      schema: {
        tags,
        summary: '公开抽查结果',
        params: IdParams,
        body: VersionBody,
        response: { 200: DrawView, ...ErrorResponses },
      },
    },
    async (req) => {
      await publishDraw(ctxOf(req), req.params.id, req.body.version);
      return drawOf(req, req.params.id);
    },
  );

  app.get(
    '/checks',
    {
      schema: {
        tags,
        summary: '检查记录',
        querystring: CheckListQuery,
        response: { 200: PageOf(CheckView), ...ErrorResponses },
      },
    },
    async (req) => {
      const viewer = await viewerOf(app.db, req.actor);
      const { page = 1, pageSize = 20, orgId, ...filter } = req.query;
      const orgPath = await filterOrgPath(app.db, req.actor.scope, orgId);
      const result = await fetchPage(
        checkQuery(app.db, viewer, { ...filter, orgPath }),
        (qb) => qb.select(checkColumns).orderBy('spotChecks.date', 'desc').orderBy('spotChecks.id', 'desc'),
        page,
        pageSize,
      );
      return { ...result, items: await presentChecks(app.db, viewer, result.items) };
    },
  );

  app.get(
    '/checks/:id',
    { schema: { tags, summary: '检查详情', params: IdParams, response: { 200: CheckView, ...ErrorResponses } } },
    async (req) => checkOf(req, req.params.id),
  );

  app.post(
    '/checks',
    {
      schema: {
        tags,
        summary: '安排检查（不打招呼）',
        body: CreateCheckBody,
        response: { 201: CheckView, ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await checkOf(req, (await createCheck(ctxOf(req), req.body)).id)),
  );

  app.post(
    '/checks/:id/record',
    {
      schema: {
        tags,
        summary: '记录检查情况（每条发现问题转为被检查单位的问题）',
        params: IdParams,
        body: RecordCheckBody,
        response: { 200: CheckView, ...ErrorResponses },
      },
    },
    async (req) => {
      await recordCheck(ctxOf(req), req.params.id, req.body);
      return checkOf(req, req.params.id);
    },
  );

  app.post(
    '/checks/recusals',
    {
      schema: { tags, summary: '登记回避', body: RecusalBody, response: { 201: RecusalCreated, ...ErrorResponses } },
    },
    async (req, reply) => reply.status(201).send(await addRecusal(ctxOf(req), req.body)),
  );
};
