import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses, IdParams, PageOf, VersionBody, FileResponse } from '../../http/schemas.ts';
import { fetchPage } from '../../db/page.ts';
import { notFound } from '../../errors.ts';
import { renderOfficialDocument } from '../../io/docx-writer.ts';
import { filterOrgPath } from '../orgs/public.ts';
import { bulletinDocument, numberLabel } from './document.ts';
import { presentBulletin } from './presenter.ts';
import { bulletinQuery, findBulletin, highlightColumns, highlightQuery } from './repository.ts';
import {
  BulletinView,
  CompileBody,
  EditBody,
  HighlightBody,
  HighlightCreated,
  HighlightQuery,
  HighlightView,
  ListQuery,
} from './schemas.ts';
import { compileBulletin } from './commands/compile-bulletin.ts';
import { editBulletin } from './commands/edit-bulletin.ts';
import { issueBulletin } from './commands/issue-bulletin.ts';
import { flagHighlight } from './commands/flag-highlight.ts';
import type { HighlightEntity } from '../../../shared/check-enums.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const tags = ['简报'];

/** 简报 (F10): drafts compiled from a period's records, edited in sections, 签发, published, downloaded as Word. */
export const bulletinRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const one = async (req: FastifyRequest, id: number) => {
    const b = await findBulletin(app.db, req.actor, id);
    if (!b) throw notFound('简报');
    return presentBulletin(req.actor, b);
  };

  app.get(
    '/bulletins',
    {
      schema: {
        tags,
        summary: '简报列表',
        querystring: ListQuery,
        response: { 200: PageOf(BulletinView), ...ErrorResponses },
      },
    },
    async (req) => {
      const { page = 1, pageSize = 20, ...filter } = req.query;
      const result = await fetchPage(
        bulletinQuery(app.db, req.actor, filter),
        (qb) => qb.selectAll('bulletins').orderBy('bulletins.id', 'desc'),
        page,
        pageSize,
      );
      return { ...result, items: result.items.map((b) => presentBulletin(req.actor, b)) };
    },
  );

  app.post(
    '/bulletins',
    {
      schema: {
        tags,
        summary: '新建一期简报（按期间汇总）',
        body: CompileBody,
        response: { 201: BulletinView, ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await one(req, (await compileBulletin(ctxOf(req), req.body)).id)),
  );

  app.get(
    '/bulletins/:id.docx',
    {
      schema: {
        tags,
        summary: '下载 Word 简报（公文格式）',
        params: IdParams,
        response: { 200: FileResponse(DOCX, '简报 .docx（GB/T 9704 版式）'), ...ErrorResponses },
      },
    },
    async (req, reply) => {
      const b = await findBulletin(app.db, req.actor, req.params.id);
      if (!b) throw notFound('简报');
      const bytes = await renderOfficialDocument(bulletinDocument(b));
      const name = encodeURIComponent(`${b.masthead}${numberLabel(b.kind, b.number)}.docx`);
      return reply
        .header('content-type', DOCX)
        .header('content-disposition', `attachment; filename="bulletin-${b.id}.docx"; filename*=UTF-8''${name}`)
        .send(bytes);
    },
  );

  app.get(
    '/bulletins/:id',
    { schema: { tags, summary: '简报详情', params: IdParams, response: { 200: BulletinView, ...ErrorResponses } } },
    async (req) => one(req, req.params.id),
  );

  app.patch(
    '/bulletins/:id',
    {
      schema: {
        tags,
        summary: '编辑草稿',
        params: IdParams,
        body: EditBody,
        response: { 200: BulletinView, ...ErrorResponses },
      },
    },
    async (req) => {
      await editBulletin(ctxOf(req), req.params.id, req.body);
      return one(req, req.params.id);
    },
  );

  app.post(
    '/bulletins/:id/issue',
    {
      schema: {
        tags,
        summary: '签发（编号、定稿、发布）',
        params: IdParams,
        body: VersionBody,
        response: { 200: BulletinView, ...ErrorResponses },
      },
    },
    async (req) => {
      await issueBulletin(ctxOf(req), req.params.id, req.body.version);
      return one(req, req.params.id);
    },
  );

  app.get(
    '/highlights',
    {
      schema: {
        tags,
        summary: '亮点、示范点、优秀做法',
        querystring: HighlightQuery,
        response: { 200: PageOf(HighlightView), ...ErrorResponses },
      },
    },
    async (req) => {
      const { page = 1, pageSize = 20, orgId, ...filter } = req.query;
      const orgPath = await filterOrgPath(app.db, req.actor.scope, orgId);
      return fetchPage(
        highlightQuery(app.db, req.actor, { ...filter, orgPath }),
        (qb) => qb.select(highlightColumns).orderBy('highlights.date', 'desc').orderBy('highlights.id', 'desc'),
        page,
        pageSize,
      );
    },
  );

  app.post(
    '/highlights',
    {
      schema: {
        tags,
        summary: '标记亮点',
        body: HighlightBody,
        response: { 201: HighlightCreated, ...ErrorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await flagHighlight(ctxOf(req), { ...req.body, entityType: req.body.entityType as HighlightEntity })),
  );
};
