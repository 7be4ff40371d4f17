import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses, IdParams, PageOf } from '../../http/schemas.ts';
import { fetchPage } from '../../db/page.ts';
import { notFound } from '../../errors.ts';
import { Campaign, CampaignListQuery, CreateCampaignBody, CreateReadingBody, Reading, ReadingParams, UpdateCampaignBody, UpdateReadingBody } from './schemas.ts';
import { findCampaignReadable, readableCampaigns, readingsOf, selectCampaign } from './repository.ts';
import { presentCampaign, presentReading } from './presenter.ts';
import { createCampaign } from './commands/create-campaign.ts';
import { updateCampaign } from './commands/update-campaign.ts';
import { createReading, deleteReading, updateReading } from './commands/manage-readings.ts';

const tags = ['主题教育'];

/** Campaigns and their required readings. */
export const campaignRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/campaigns', { schema: { tags, summary: '主题教育列表', querystring: CampaignListQuery, response: { 200: PageOf(Campaign), ...ErrorResponses } } }, async (req) => {
    const { page = 1, pageSize = 20, status } = req.query;
    let qb = readableCampaigns(app.db, req.actor);
    if (status) qb = qb.where('campaigns.status', '=', status);
    const result = await fetchPage(qb, (q) => selectCampaign(q).orderBy('campaigns.startDate', 'desc').orderBy('campaigns.id', 'desc'), page, pageSize);
    return { ...result, items: result.items.map((c) => presentCampaign(req.actor, c)) };
  });

  app.get('/campaigns/:id', { schema: { tags, summary: '主题教育详情', params: IdParams, response: { 200: Campaign, ...ErrorResponses } } }, async (req) => {
    const campaign = await findCampaignReadable(app.db, req.actor, req.params.id);
    if (!campaign) throw notFound('主题教育');
    return presentCampaign(req.actor, campaign);
  });

  app.post('/campaigns', { schema: { tags, summary: '新建主题教育', body: CreateCampaignBody, response: { 201: Campaign, ...ErrorResponses } } }, async (req, reply) =>
    reply.status(201).send(presentCampaign(req.actor, await createCampaign(ctxOf(req), req.body))),
  );

  app.patch('/campaigns/:id', { schema: { tags, summary: '修改主题教育配置', params: IdParams, body: UpdateCampaignBody, response: { 200: Campaign, ...ErrorResponses } } }, async (req) =>
    presentCampaign(req.actor, await updateCampaign(ctxOf(req), req.params.id, req.body)),
  );

  app.get('/campaigns/:id/readings', { schema: { tags, summary: '必学篇目', params: IdParams, response: { 200: Type.Object({ items: Type.Array(Reading) }), ...ErrorResponses } } }, async (req) => {
    const campaign = await findCampaignReadable(app.db, req.actor, req.params.id);
    if (!campaign) throw notFound('主题教育');
    const rows = await readingsOf(app.db, campaign.id);
    return { items: rows.map((r) => presentReading(req.actor, campaign, r)) };
  });

  app.post('/campaigns/:id/readings', { schema: { tags, summary: '新增必学篇目', params: IdParams, body: CreateReadingBody, response: { 201: Reading, ...ErrorResponses } } }, async (req, reply) => {
    const { campaign, reading } = await createReading(ctxOf(req), req.params.id, req.body);
    return reply.status(201).send(presentReading(req.actor, campaign, reading));
  });

  app.patch('/campaigns/:id/readings/:readingId', { schema: { tags, summary: '修改必学篇目', params: ReadingParams, body: UpdateReadingBody, response: { 200: Reading, ...ErrorResponses } } }, async (req) => {
    const { campaign, reading } = await updateReading(ctxOf(req), req.params.id, req.params.readingId, req.body);
    return presentReading(req.actor, campaign, reading);
  });

  app.delete('/campaigns/:id/readings/:readingId', { schema: { tags, summary: '删除必学篇目', params: ReadingParams, response: { 204: Type.Null(), ...ErrorResponses } } }, async (req, reply) => {
    await deleteReading(ctxOf(req), req.params.id, req.params.readingId);
    return reply.status(204).send(null);
  });
};
