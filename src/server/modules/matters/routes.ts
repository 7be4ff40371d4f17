import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../http/context.ts';
import { DateString, ErrorResponses, IdParams, PageOf, Text, Version } from '../../http/schemas.ts';
import { fetchPage } from '../../db/page.ts';
import { today } from '../../clock.ts';
import { notFound } from '../../errors.ts';
import { publicRateLimit } from '../../http/public-rate-limit.ts';
import { filterOrgPath } from '../orgs/public.ts';
import { MATTER_STATUSES, type MatterStatus } from '../../../shared/demand-enums.ts';
import {
  listOrder,
  matterColumns,
  matterQuery,
  findMatter,
  latestProgress,
  progressPage,
  progressQuery,
  type MatterRow,
} from './repository.ts';
import { MATTER_TRANSITIONS } from './lifecycle.ts';
import { presentMatters, progressOf } from './presenter.ts';
import { ListQuery, Matter, Progress, PublicMatterList, PUBLIC_PROGRESS_SHOWN } from './schemas.ts';
import { addProgress } from './commands/add-progress.ts';
import { createMatter } from './commands/create-matter.ts';
import { updateMatter } from './commands/update-matter.ts';

const tags = ['民生实事'];
const PageQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1, title: '页码' })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20, title: '每页条数' })),
  },
  { additionalProperties: false },
);
const Id = (title: string) => Type.Integer({ minimum: 1, maximum: 2147483647, title });
const present = (req: FastifyRequest, rows: MatterRow[]) => presentMatters(req.server.db, req.actor, rows);

/** 民生实事清单: the matters promised to the public, their progress and results, and the public list. */
export const matterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const one = async (req: FastifyRequest, id: number) => {
    const m = await findMatter(app.db, req.actor, id);
    if (!m) throw notFound('民生实事');
    return (await present(req, [m]))[0];
  };

  app.get(
    '/matters',
    {
      schema: {
        tags,
        summary: '民生实事清单',
        querystring: ListQuery,
        response: { 200: PageOf(Matter), ...ErrorResponses },
      },
    },
    async (req) => {
      const { page = 1, pageSize = 20, orgId, ...rest } = req.query;
      const orgPath = await filterOrgPath(app.db, req.actor.scope, orgId);
      const result = await fetchPage(
        matterQuery(app.db, req.actor, { ...rest, orgPath, today: today() }),
        (qb) => listOrder(qb.select(matterColumns)),
        page,
        pageSize,
      );
      return { ...result, items: await present(req, result.items) };
    },
  );

  app.get(
    '/matters/:id',
    { schema: { tags, summary: '民生实事详情', params: IdParams, response: { 200: Matter, ...ErrorResponses } } },
    async (req) => one(req, req.params.id),
  );

  app.get(
    '/matters/:id/progress',
    {
      schema: {
        tags,
        summary: '民生实事的全部进展（分页，新的在前）',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: PageOf(Progress), ...ErrorResponses },
      },
    },
    async (req) => {
      if (!(await findMatter(app.db, req.actor, req.params.id))) throw notFound('民生实事');
      const { page = 1, pageSize = 20 } = req.query;
      return fetchPage(progressQuery(app.db, req.params.id), progressPage, page, pageSize);
    },
  );

  app.post(
    '/matters',
    {
      schema: {
        tags,
        summary: '新增民生实事',
        body: Type.Object(
          {
            campaignId: Id('主题教育'),
            orgId: Id('责任单位'),
            ownerId: Type.Optional(Type.Union([Id('责任人'), Type.Null()])),
            title: Text('实事名称', 200),
            target: Type.Optional(Type.String({ maxLength: 2000, title: '目标' })),
            dueDate: DateString('完成时限'),
          },
          { additionalProperties: false },
        ),
        response: { 201: Matter, ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await one(req, (await createMatter(ctxOf(req), req.body)).id)),
  );

  app.patch(
    '/matters/:id',
    {
      schema: {
        tags,
        summary: '修改、启动 start / 完成 finish / 重新推进 reopen、公开',
        params: IdParams,
        body: Type.Object(
          {
            version: Version,
            title: Type.Optional(Text('实事名称', 200)),
            target: Type.Optional(Type.String({ maxLength: 2000, title: '目标' })),
            dueDate: Type.Optional(DateString('完成时限')),
            ownerId: Type.Optional(Type.Union([Id('责任人'), Type.Null()])),
            result: Type.Optional(Type.String({ maxLength: 4000, title: '办理结果' })),
            published: Type.Optional(Type.Boolean({ title: '是否公开' })),
            action: Type.Optional(Type.String({ enum: [...MATTER_TRANSITIONS], title: '操作' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Matter, ...ErrorResponses },
      },
    },
    async (req) => {
      await updateMatter(ctxOf(req), req.params.id, {
        ...req.body,
        action: req.body.action as (typeof MATTER_TRANSITIONS)[number] | undefined,
      });
      return one(req, req.params.id);
    },
  );

  app.post(
    '/matters/:id/progress',
    {
      schema: {
        tags,
        summary: '填报进展（可附佐证材料）',
        params: IdParams,
        body: Type.Object(
          { date: DateString('进展日期'), note: Text('进展情况', 2000), attachmentId: Type.Optional(Id('佐证材料')) },
          { additionalProperties: false },
        ),
        response: { 200: Matter, ...ErrorResponses },
      },
    },
    async (req) => {
      await addProgress(ctxOf(req), req.params.id, req.body);
      return one(req, req.params.id);
    },
  );

  app.get(
    '/public/matters',
    {
      config: { public: true, rateLimit: publicRateLimit(app, 60) },
      schema: {
        tags: ['群众留言（无需登录）'],
        summary: '公开的民生实事及进展（无个人信息）',
        querystring: PageQuery,
        response: { 200: PublicMatterList, ...ErrorResponses },
      },
    },
    async (req) => {
      const { page = 1, pageSize = 20 } = req.query;
      const result = await fetchPage(
        matterQuery(app.db, null, { today: today() }),
        (qb) =>
          qb
            .select([
              'matters.id',
              'matters.title',
              'matters.target',
              'matters.dueDate',
              'matters.status',
              'matters.result',
              'orgUnits.name as orgName',
            ])
            .orderBy('matters.dueDate')
            .orderBy('matters.id'),
        page,
        pageSize,
      );
      const notes = await latestProgress(
        app.db,
        result.items.map((r) => r.id),
        PUBLIC_PROGRESS_SHOWN,
      );
      return {
        ...result,
        items: result.items.map((m) => {
          const shown = progressOf(notes, m.id);
          return {
            ...m,
            statusLabel: MATTER_STATUSES[m.status as MatterStatus] ?? m.status,
            progress: shown.progress.map((n) => ({ date: n.date, note: n.note })),
            progressTotal: shown.progressTotal,
          };
        }),
      };
    },
  );
};
