import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses, IdParams, PageOf, VersionBody } from '../../http/schemas.ts';
import { fetchPage } from '../../db/page.ts';
import { notFound } from '../../errors.ts';
import {
  CreateOrgBody,
  MoveOrgBody,
  Org,
  ORG_ROOTS_PATH,
  OrgListQuery,
  OrgNode,
  OrgRoots,
  TreeQuery,
  UpdateOrgBody,
} from './schemas.ts';
import { dependents, findOrgInScope, orgColumns, orgQuery, scopeRoots, subtree } from './repository.ts';
import { nestOrgs, presentOrg } from './presenter.ts';
import { secretaryName } from './public.ts';
import { createOrg } from './commands/create-org.ts';
import { updateOrg } from './commands/update-org.ts';
import { moveOrg } from './commands/move-org.ts';
import { setOrgActive } from './commands/set-org-active.ts';

const tags = ['组织'];

/** Org tree: list, detail, subtree, create, rename, move, deactivate. */
export const orgRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/orgs',
    {
      schema: {
        tags,
        summary: '单位列表',
        querystring: OrgListQuery,
        response: { 200: PageOf(Org), ...ErrorResponses },
      },
    },
    async (req) => {
      const { page = 1, pageSize = 20, ...filter } = req.query;
      const result = await fetchPage(
        orgQuery(app.db, req.actor.scope, filter),
        (qb) => qb.select(orgColumns).orderBy('orgUnits.path'),
        page,
        pageSize,
      );
      return { ...result, items: result.items.map((o) => presentOrg(req.actor, o)) };
    },
  );

  app.get(
    ORG_ROOTS_PATH,
    {
      schema: {
        tags,
        summary: '当前用户数据范围内的顶层单位',
        response: { 200: OrgRoots },
      },
    },
    async (req) => {
      const rows = await scopeRoots(app.db, req.actor.scope);
      return { items: rows.map((o) => presentOrg(req.actor, o)) };
    },
  );

  app.get(
    '/orgs/:id',
    { schema: { tags, summary: '单位详情', params: IdParams, response: { 200: Org, ...ErrorResponses } } },
    async (req) => {
      const org = await findOrgInScope(app.db, req.actor.scope, req.params.id);
      if (!org) throw notFound('单位');
      const deps = await dependents(app.db, org.id);
      return presentOrg(req.actor, org, {
        secretaryName: org.secretaryId ? await secretaryName(app.db, org.secretaryId) : null,
        childCount: deps.children,
        peopleCount: deps.people,
      });
    },
  );

  app.get(
    '/orgs/:id/tree',
    {
      schema: {
        tags,
        summary: '下级单位树',
        params: IdParams,
        querystring: TreeQuery,
        response: { 200: OrgNode, ...ErrorResponses },
      },
    },
    async (req) => {
      const org = await findOrgInScope(app.db, req.actor.scope, req.params.id);
      if (!org) throw notFound('单位');
      const rows = await subtree(app.db, org.path, req.query.includeInactive ?? false);
      return nestOrgs(req.actor, rows)[0];
    },
  );

  app.post(
    '/orgs',
    { schema: { tags, summary: '新建单位', body: CreateOrgBody, response: { 201: Org, ...ErrorResponses } } },
    async (req, reply) => {
      const org = await createOrg(ctxOf(req), req.body);
      return reply.status(201).send(presentOrg(req.actor, org));
    },
  );

  app.patch(
    '/orgs/:id',
    {
      schema: {
        tags,
        summary: '修改单位',
        params: IdParams,
        body: UpdateOrgBody,
        response: { 200: Org, ...ErrorResponses },
      },
    },
    async (req) => presentOrg(req.actor, await updateOrg(ctxOf(req), req.params.id, req.body)),
  );

  app.post(
    '/orgs/:id/move',
    {
      schema: {
        tags,
        summary: '移动单位（连同下级）',
        params: IdParams,
        body: MoveOrgBody,
        response: { 200: Org, ...ErrorResponses },
      },
    },
    async (req) => presentOrg(req.actor, await moveOrg(ctxOf(req), req.params.id, req.body)),
  );

  app.post(
    '/orgs/:id/deactivate',
    {
      schema: {
        tags,
        summary: '停用单位',
        params: IdParams,
        body: VersionBody,
        response: { 200: Org, ...ErrorResponses },
      },
    },
    async (req) => presentOrg(req.actor, await setOrgActive(ctxOf(req), req.params.id, false, req.body.version)),
  );

  app.post(
    '/orgs/:id/activate',
    {
      schema: {
        tags,
        summary: '启用单位',
        params: IdParams,
        body: VersionBody,
        response: { 200: Org, ...ErrorResponses },
      },
    },
    async (req) => presentOrg(req.actor, await setOrgActive(ctxOf(req), req.params.id, true, req.body.version)),
  );
};
