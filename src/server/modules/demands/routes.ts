import fs from 'node:fs';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses, IdParams, PageOf, Text, Version, FileResponse } from '../../http/schemas.ts';
import { fetchPage } from '../../db/page.ts';
import { nowIso } from '../../clock.ts';
import { notFound } from '../../errors.ts';
import { DEMAND_ACTIONS, type DemandAction, type Satisfaction } from '../../../shared/demand-enums.ts';
import {
  coHandlers,
  demandColumns,
  demandEvents,
  demandQuery,
  findDemand,
  findDemandByCode,
  photoHash,
  photosOf,
  repeatsOf,
  trackingCodeOf,
  type DemandRow,
} from './repository.ts';
import { CreateBody, Demand, DemandDetail, ListQuery, TransitionBody } from './schemas.ts';
import { demandFilterOf, presentDemands } from './list-rows.ts';
import { demandListTally } from './list-plan.ts';
import { createDemand } from './commands/intake-demand.ts';
import { findRepeat } from './intake.ts';
import { transitionDemand } from './commands/transition-demand.ts';
import { addCoHandler } from './commands/add-co-handler.ts';
import { demandToProblem } from './commands/demand-to-problem.ts';
import { readContact } from './commands/read-contact.ts';
import { configForPeriod } from './figures.ts';
import { photoPath } from './photo-store.ts';
import { today } from '../../clock.ts';

const tags = ['接诉即办'];

const present = (req: FastifyRequest, rows: DemandRow[]) => presentDemands(req.server.db, req.actor, rows);

/** 群众诉求: the list and detail, staff intake, every workflow step, 协办, 转问题, the audited contact read. */
export const demandRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const codeOf = (id: number) => trackingCodeOf(app.db, id);
  // After a move that takes the demand out of the caller's sight (退单), they still get the result of their move.
  const detail = async (req: FastifyRequest, id: number, afterMove = false) => {
    const d =
      (await findDemand(app.db, req.actor, id)) ??
      (afterMove ? await findDemandByCode(app.db, await codeOf(id)) : undefined);
    if (!d) throw notFound('诉求');
    const [[presented], events, co, repeats, photos, cfg] = await Promise.all([
      present(req, [d]),
      demandEvents(app.db, id),
      coHandlers(app.db, id),
      repeatsOf(app.db, req.actor, id),
      photosOf(app.db, id),
      configForPeriod(app.db, d.campaignId ?? undefined, today()),
    ]);
    const near = d.status === 'closed' ? null : await findRepeat(app.db, d, cfg, nowIso(), d.id);
    return {
      ...presented,
      events: events.map((e) => ({
        ...e,
        label: e.action === 'receive' ? '受理' : (DEMAND_ACTIONS[e.action as DemandAction] ?? e.action),
      })),
      coHandlers: co,
      repeats,
      nearby: near,
      photos,
    };
  };

  app.get(
    '/demands',
    {
      schema: {
        tags,
        summary: '群众诉求清单',
        querystring: ListQuery,
        response: { 200: PageOf(Demand), ...ErrorResponses },
      },
    },
    async (req) => {
      const { page = 1, pageSize = 20, ...rest } = req.query;
      const filter = await demandFilterOf(app.db, req.actor, rest);
      // The total from the maintained tallies and the page's read plan, when the filters allow (list-plan.ts).
      const tallied = await demandListTally(app.db, req.actor, filter, page, pageSize);
      const result = await fetchPage(
        demandQuery(app.db, req.actor, { ...filter, plan: tallied?.plan }),
        (qb) => qb.select(demandColumns).orderBy('demands.receivedAt', 'desc').orderBy('demands.id', 'desc'),
        page,
        pageSize,
        tallied?.total,
      );
      return { ...result, items: await present(req, result.items) };
    },
  );

  app.get(
    '/demands/:id',
    { schema: { tags, summary: '诉求详情', params: IdParams, response: { 200: DemandDetail, ...ErrorResponses } } },
    async (req) => detail(req, req.params.id),
  );

  app.get(
    '/demands/:id/contact',
    {
      schema: {
        tags,
        summary: '查看诉求人姓名和电话（记入审计）',
        params: IdParams,
        response: { 200: Type.Object({ name: Type.String(), phone: Type.String() }), ...ErrorResponses },
      },
    },
    async (req) => readContact(ctxOf(req), req.params.id),
  );

  app.get(
    '/demands/:id/photos/:photoId',
    {
      schema: {
        tags,
        summary: '诉求照片',
        params: Type.Object({
          id: Type.Integer({ minimum: 1, maximum: 2147483647, title: '编号' }),
          photoId: Type.Integer({ minimum: 1, maximum: 2147483647, title: '照片' }),
        }),
        response: { 200: FileResponse('image/*', '照片（JPEG/PNG/WebP）'), ...ErrorResponses },
      },
    },
    async (req, reply) => {
      if (!(await findDemand(app.db, req.actor, req.params.id))) throw notFound('诉求');
      const photo = (await photosOf(app.db, req.params.id)).find((p) => p.id === req.params.photoId);
      const sha256 = photo && (await photoHash(app.db, photo.id));
      const file = sha256 && photoPath(app.config.dataDir, sha256);
      if (!photo || !file || !fs.existsSync(file)) throw notFound('照片');
      return reply.type(photo.mime).header('x-content-type-options', 'nosniff').send(fs.createReadStream(file));
    },
  );

  app.post(
    '/demands',
    { schema: { tags, summary: '登记群众诉求', body: CreateBody, response: { 201: DemandDetail, ...ErrorResponses } } },
    async (req, reply) => reply.status(201).send(await detail(req, (await createDemand(ctxOf(req), req.body)).id)),
  );

  app.post(
    '/demands/:id/transitions',
    {
      schema: {
        tags,
        summary:
          '派单 dispatch / 签收 accept / 退单 return / 延期 / 答复 answer / 回访 visit / 办结 close / 重办 reopen / 并入 merge',
        params: IdParams,
        body: TransitionBody,
        response: { 200: DemandDetail, ...ErrorResponses },
      },
    },
    async (req) => {
      const body = req.body;
      await transitionDemand(ctxOf(req), req.params.id, {
        ...body,
        action: body.action as DemandAction,
        satisfaction: body.satisfaction as Satisfaction | undefined,
      });
      return detail(req, req.params.id, true);
    },
  );

  app.post(
    '/demands/:id/co-handlers',
    {
      schema: {
        tags,
        summary: '增加协办单位',
        params: IdParams,
        body: Type.Object(
          { orgId: Type.Integer({ minimum: 1, maximum: 2147483647, title: '协办单位' }) },
          { additionalProperties: false },
        ),
        response: { 200: DemandDetail, ...ErrorResponses },
      },
    },
    async (req) => {
      await addCoHandler(ctxOf(req), req.params.id, req.body.orgId);
      return detail(req, req.params.id);
    },
  );

  app.post(
    '/demands/:id/problem',
    {
      schema: {
        tags,
        summary: '转为检视整改问题（来源：群众反映）',
        params: IdParams,
        body: Type.Object({ title: Text('问题标题', 200), version: Version }, { additionalProperties: false }),
        response: { 201: Type.Object({ problemId: Type.Integer() }), ...ErrorResponses },
      },
    },
    async (req, reply) => {
      const problem = await demandToProblem(ctxOf(req), req.params.id, req.body);
      return reply.status(201).send({ problemId: problem.id });
    },
  );
};
