import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses, IdParams, PageOf, NoContent } from '../../http/schemas.ts';
import { fetchPage } from '../../db/page.ts';
import { notFound } from '../../errors.ts';
import {
  Campaign,
  CampaignListQuery,
  CreateCampaignBody,
  ReadingList,
  ReadingBody,
  ReadingParams,
  ReadingUpdateBody,
  UpdateCampaignBody,
} from './schemas.ts';
import { campaignBase, campaignColumns, findCampaign, readingsOf } from './repository.ts';
import { presentCampaign } from './presenter.ts';
import { createCampaign } from './commands/create-campaign.ts';
import { updateCampaign } from './commands/update-campaign.ts';
import { addReading } from './commands/add-reading.ts';
import { deleteReading } from './commands/delete-reading.ts';
import { updateReading } from './commands/update-reading.ts';

const tags = ['主题教育'];

/** Campaigns and their configuration, including required readings. */
export const campaignRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const load = async (req: Parameters<typeof ctxOf>[0], id: number) => {
    const c = await findCampaign(app.db, req.actor, id);
    if (!c) throw notFound('主题教育');
    return c;
  };

  app.get(
    '/campaigns',
    {
      schema: {
        tags,
        summary: '主题教育列表',
        querystring: CampaignListQuery,
        response: { 200: PageOf(Campaign), ...ErrorResponses },
      },
    },
    async (req) => {
      const { page = 1, pageSize = 20, status } = req.query;
      let qb = campaignBase(app.db, req.actor);
      if (status) qb = qb.where('campaigns.status', '=', status);
      const result = await fetchPage(
        qb,
        (q) => q.select(campaignColumns).orderBy('campaigns.startDate', 'desc'),
        page,
        pageSize,
      );
      return { ...result, items: result.items.map((c) => presentCampaign(req.actor, c)) };
    },
  );

  app.get(
    '/campaigns/:id',
    { schema: { tags, summary: '主题教育详情', params: IdParams, response: { 200: Campaign, ...ErrorResponses } } },
    async (req) => presentCampaign(req.actor, await load(req, req.params.id)),
  );

  app.post(
    '/campaigns',
    {
      schema: {
        tags,
        summary: '新建主题教育',
        body: CreateCampaignBody,
        response: { 201: Campaign, ...ErrorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(presentCampaign(req.actor, await createCampaign(ctxOf(req), req.body))),
  );

  app.patch(
    '/campaigns/:id',
    {
      schema: {
        tags,
        summary: '修改主题教育配置',
        params: IdParams,
        body: UpdateCampaignBody,
        response: { 200: Campaign, ...ErrorResponses },
      },
    },
    async (req) => presentCampaign(req.actor, await updateCampaign(ctxOf(req), req.params.id, req.body)),
  );

  app.get(
    '/campaigns/:id/readings',
    {
      schema: {
        tags,
        summary: '必学篇目',
        params: IdParams,
        response: { 200: ReadingList, ...ErrorResponses },
      },
    },
    async (req) => {
      await load(req, req.params.id);
      return { items: await readingsOf(app.db, req.params.id) };
    },
  );

  app.post(
    '/campaigns/:id/readings',
    {
      schema: {
        tags,
        summary: '添加必学篇目',
        params: IdParams,
        body: ReadingBody,
        response: { 201: Type.Object({ id: Type.Integer() }), ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await addReading(ctxOf(req), req.params.id, req.body) }),
  );

  app.patch(
    '/campaigns/:id/readings/:readingId',
    {
      schema: {
        tags,
        summary: '修改必学篇目',
        params: ReadingParams,
        body: ReadingUpdateBody,
        response: { 204: NoContent, ...ErrorResponses },
      },
    },
    async (req, reply) => {
      await updateReading(ctxOf(req), req.params.id, req.params.readingId, req.body);
      return reply.status(204).send();
    },
  );

  app.delete(
    '/campaigns/:id/readings/:readingId',
    {
      schema: { tags, summary: '删除必学篇目', params: ReadingParams, response: { 204: NoContent, ...ErrorResponses } },
    },
    async (req, reply) => {
      await deleteReading(ctxOf(req), req.params.id, req.params.readingId);
      return reply.status(204).send();
    },
  );
};
