import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponses, IdParams, NoContent } from '../../http/schemas.ts';
import { nowIso, today } from '../../clock.ts';
import { figuresUnit } from '../orgs/public.ts';
import { ctxOf } from '../../http/context.ts';
import { addCategory } from './commands/add-category.ts';
import { addRateConfig } from './commands/add-rate-config.ts';
import { updateCategory } from './commands/update-category.ts';
import {
  CategoryBody,
  CategoryList,
  CategoryPatch,
  Figures,
  FiguresQuery,
  HotspotList,
  RateConfigBody,
  RateConfigList,
  UnitRateList,
} from './schemas.ts';
import { demandFigures, hotspots, resolvePeriod, unitRanking } from './figures.ts';
import { activeCategories, rateConfigs } from './repository.ts';

const tags = ['接诉即办'];

/** 三率 and figures per subtree and period, the monthly ranking, 高频诉求, the catalogue and the weights. */
export const demandFigureRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/demands/figures',
    {
      schema: {
        tags,
        summary: '三率（响应率、解决率、满意率）与诉求数字，率为 0–1，无数据为 null',
        querystring: FiguresQuery,
        response: { 200: Figures, ...ErrorResponses },
      },
    },
    async (req) => {
      const unit = await figuresUnit(app.db, req.actor.scope, req.query.orgId);
      const period = await resolvePeriod(app.db, req.query.campaignId, today(), req.query.from, req.query.to);
      return demandFigures(app.db, req.actor, {
        campaignId: req.query.campaignId,
        orgPath: unit.path,
        orgId: unit.id,
        period,
        now: nowIso(),
      });
    },
  );

  app.get(
    '/demands/figures/units',
    {
      schema: {
        tags,
        summary: '下级单位三率排名（并列同名次，无数据不排名）',
        querystring: FiguresQuery,
        response: {
          200: UnitRateList,
          ...ErrorResponses,
        },
      },
    },
    async (req) => unitRanking(app.db, req.actor, req.query),
  );

  app.get(
    '/demands/hotspots',
    {
      schema: {
        tags,
        summary: '高频诉求：同一地点同类诉求反复出现',
        querystring: Type.Object(
          {
            campaignId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, title: '主题教育' })),
            orgId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, title: '单位' })),
            days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, default: 90, title: '统计天数' })),
            min: Type.Optional(Type.Integer({ minimum: 2, maximum: 100, default: 3, title: '最少次数' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: HotspotList, ...ErrorResponses },
      },
    },
    async (req) => {
      const unit = await figuresUnit(app.db, req.actor.scope, req.query.orgId);
      const since = new Date(Date.now() - (req.query.days ?? 90) * 86400000).toISOString();
      const rows = await hotspots(
        app.db,
        req.actor,
        { campaignId: req.query.campaignId, orgPath: unit.path, now: nowIso() },
        since,
        req.query.min ?? 3,
      );
      const names = new Map((await activeCategories(app.db)).map((c) => [c.code, c.name]));
      return {
        items: rows.map((r) => ({
          ...r,
          count: Number(r.count),
          categoryName: names.get(r.category) ?? r.category,
          link: `/demands?orgId=${unit.id}&category=${r.category}&cell=${encodeURIComponent(r.cell!)}`,
        })),
      };
    },
  );

  app.get(
    '/demands/categories',
    {
      schema: {
        tags,
        summary: '诉求类别及时限（includeInactive=true 连同已停用的）',
        querystring: Type.Object(
          { includeInactive: Type.Optional(Type.Boolean({ title: '含已停用' })) },
          { additionalProperties: false },
        ),
        response: { 200: CategoryList, ...ErrorResponses },
      },
    },
    async (req) => ({
      items: (await activeCategories(app.db, req.query.includeInactive)).map(({ groupName, ...c }) => ({
        ...c,
        group: groupName,
      })),
    }),
  );

  app.post(
    '/demands/categories',
    {
      schema: {
        tags,
        summary: '新增诉求类别',
        body: CategoryBody,
        response: { 201: Type.Object({ id: Type.Integer() }), ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await addCategory(ctxOf(req), req.body)),
  );

  app.patch(
    '/demands/categories/:id',
    {
      schema: {
        tags,
        summary: '修改诉求类别（名称、分组、时限，停用/启用）',
        params: IdParams,
        body: CategoryPatch,
        response: { 204: NoContent, ...ErrorResponses },
      },
    },
    async (req, reply) => {
      await updateCategory(ctxOf(req), req.params.id, req.body);
      return reply.status(204).send();
    },
  );

  app.get(
    '/demands/rate-configs',
    {
      schema: {
        tags,
        summary: '三率权重的版本（按生效日期）',
        querystring: Type.Object(
          { campaignId: Type.Integer({ minimum: 1, maximum: 2147483647, title: '主题教育' }) },
          { additionalProperties: false },
        ),
        response: { 200: RateConfigList, ...ErrorResponses },
      },
    },
    async (req) => ({ items: await rateConfigs(app.db, req.query.campaignId) }),
  );

  app.post(
    '/demands/rate-configs',
    {
      schema: {
        tags,
        summary: '新的三率权重版本：自生效日期所在考核期起适用，已结束的考核期不变',
        body: RateConfigBody,
        response: { 201: Type.Object({ id: Type.Integer() }), ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await addRateConfig(ctxOf(req), req.body)),
  );
};
