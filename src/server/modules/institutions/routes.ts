import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses, IdParams } from '../../http/schemas.ts';
import { notFound } from '../../errors.ts';
import { filterOrgPath } from '../orgs/public.ts';
import { findInstitution, institutionPage, linkedProblems } from './repository.ts';
import { presentInstitution } from './presenter.ts';
import type { InstitutionTransition } from './lifecycle.ts';
import {
  CreateInstitutionBody,
  InstitutionListQuery,
  InstitutionPage,
  InstitutionTransitionBody,
  InstitutionView,
  UpdateInstitutionBody,
} from './schemas.ts';
import { createInstitution } from './commands/create-institution.ts';
import { updateInstitution } from './commands/update-institution.ts';
import { transitionInstitution } from './commands/transition-institution.ts';

const tags = ['建章立制'];

/** 建章立制: institutions with their lifecycle and the problems they answer. */
export const institutionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const one = async (req: FastifyRequest, id: number) => {
    const i = await findInstitution(app.db, req.actor, id);
    if (!i) throw notFound('制度');
    return presentInstitution(req.actor, i, await linkedProblems(app.db, req.actor, [id]));
  };
  const path = (req: FastifyRequest, orgId?: number) => filterOrgPath(app.db, req.actor.scope, orgId);

  app.get(
    '/institutions',
    {
      schema: {
        tags,
        summary: '制度清单（problemOrgId：本单位问题推动建立的制度）',
        querystring: InstitutionListQuery,
        response: { 200: InstitutionPage, ...ErrorResponses },
      },
    },
    async (req) => {
      const { page = 1, pageSize = 20, orgId, problemOrgId, ...rest } = req.query;
      const filter = { ...rest, orgPath: await path(req, orgId), problemOrgPath: await path(req, problemOrgId) };
      const result = await institutionPage(app.db, req.actor, filter, page, pageSize);
      const links = await linkedProblems(
        app.db,
        req.actor,
        result.items.map((i) => i.id),
      );
      return { ...result, items: result.items.map((i) => presentInstitution(req.actor, i, links)) };
    },
  );

  app.get(
    '/institutions/:id',
    { schema: { tags, summary: '制度详情', params: IdParams, response: { 200: InstitutionView, ...ErrorResponses } } },
    async (req) => one(req, req.params.id),
  );

  app.post(
    '/institutions',
    {
      schema: {
        tags,
        summary: '起草制度',
        body: CreateInstitutionBody,
        response: { 201: InstitutionView, ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await one(req, (await createInstitution(ctxOf(req), req.body)).id)),
  );

  app.patch(
    '/institutions/:id',
    {
      schema: {
        tags,
        summary: '修改制度',
        params: IdParams,
        body: UpdateInstitutionBody,
        response: { 200: InstitutionView, ...ErrorResponses },
      },
    },
    async (req) => {
      await updateInstitution(ctxOf(req), req.params.id, req.body);
      return one(req, req.params.id);
    },
  );

  app.post(
    '/institutions/:id/transitions',
    {
      schema: {
        tags,
        summary: '提交审议 submit_review / 印发 issue / 废止 abolish',
        params: IdParams,
        body: InstitutionTransitionBody,
        response: { 200: InstitutionView, ...ErrorResponses },
      },
    },
    async (req) => {
      await transitionInstitution(ctxOf(req), req.params.id, {
        ...req.body,
        action: req.body.action as InstitutionTransition,
      });
      return one(req, req.params.id);
    },
  );
};
