import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../http/context.ts';
import {
  Abilities,
  ErrorResponses,
  IdParams,
  PageOf,
  PageQuery,
  Text,
  Version,
  DateString,
} from '../../http/schemas.ts';
import { fetchPage } from '../../db/page.ts';
import { notFound } from '../../errors.ts';
import { filterOrgPath } from '../orgs/public.ts';
import { institutionAbilities } from './policy.ts';
import {
  findInstitution,
  institutionColumns,
  institutionQuery,
  linkedProblems,
  type InstitutionRow,
} from './repository.ts';
import {
  INSTITUTION_ACTIONS,
  INSTITUTION_STATUSES,
  INSTITUTION_TRANSITIONS,
  type InstitutionStatus,
  type InstitutionTransition,
} from './lifecycle.ts';
import { createInstitution, transitionInstitution, updateInstitution } from './commands/save-institution.ts';

const tags = ['建章立制'];
const ActionField = Type.String({ enum: Object.keys(INSTITUTION_ACTIONS), title: '类型（立/改/废）' });
const Ids = Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 200, title: '关联问题' });

const Institution = Type.Object({
  id: Type.Integer(),
  campaignId: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  title: Type.String(),
  action: Type.String(),
  actionLabel: Type.String(),
  reason: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  issuedDate: Type.Union([Type.String(), Type.Null()]),
  attachmentId: Type.Union([Type.Integer(), Type.Null()]),
  problems: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String(), status: Type.String() })),
  version: Type.Integer(),
  abilities: Abilities,
});

type Linked = Awaited<ReturnType<typeof linkedProblems>>;
const present = (req: FastifyRequest, i: InstitutionRow, links: Linked) => {
  const { orgPath, createdAt, updatedAt, ...rest } = i;
  return {
    ...rest,
    actionLabel: INSTITUTION_ACTIONS[i.action as keyof typeof INSTITUTION_ACTIONS] ?? i.action,
    statusLabel: INSTITUTION_STATUSES[i.status as InstitutionStatus] ?? i.status,
    problems: links.filter((l) => l.institutionId === i.id).map(({ id, title, status }) => ({ id, title, status })),
    abilities: institutionAbilities(req.actor, i),
  };
};

/** 建章立制: institutions with their lifecycle and the problems they answer. */
export const institutionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const one = async (req: FastifyRequest, id: number) => {
    const i = await findInstitution(app.db, req.actor, id);
    if (!i) throw notFound('制度');
    return present(req, i, await linkedProblems(app.db, req.actor, [id]));
  };
  const path = (req: FastifyRequest, orgId?: number) => filterOrgPath(app.db, req.actor.scope, orgId);

  app.get(
    '/institutions',
    {
      schema: {
        tags,
        summary: '制度清单（problemOrgId：本单位问题推动建立的制度）',
        querystring: Type.Object(
          {
            campaignId: Type.Optional(Type.Integer({ minimum: 1, title: '主题教育' })),
            orgId: Type.Optional(Type.Integer({ minimum: 1, title: '单位' })),
            problemOrgId: Type.Optional(Type.Integer({ minimum: 1, title: '问题所在单位' })),
            status: Type.Optional(Type.String({ enum: Object.keys(INSTITUTION_STATUSES), title: '状态' })),
            action: Type.Optional(ActionField),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: PageOf(Institution), ...ErrorResponses },
      },
    },
    async (req) => {
      const { page = 1, pageSize = 20, orgId, problemOrgId, ...rest } = req.query;
      const result = await fetchPage(
        institutionQuery(app.db, req.actor, {
          ...rest,
          orgPath: await path(req, orgId),
          problemOrgPath: await path(req, problemOrgId),
        }),
        (qb) => qb.select(institutionColumns).orderBy('institutions.id', 'desc'),
        page,
        pageSize,
      );
      const links = await linkedProblems(
        app.db,
        req.actor,
        result.items.map((i) => i.id),
      );
      return { ...result, items: result.items.map((i) => present(req, i, links)) };
    },
  );

  app.get(
    '/institutions/:id',
    { schema: { tags, summary: '制度详情', params: IdParams, response: { 200: Institution, ...ErrorResponses } } },
    async (req) => one(req, req.params.id),
  );

  app.post(
    '/institutions',
    {
      schema: {
        tags,
        summary: '起草制度',
        body: Type.Object(
          {
            campaignId: Type.Integer({ minimum: 1, title: '主题教育' }),
            orgId: Type.Integer({ minimum: 1, title: '单位' }),
            title: Text('制度名称', 200),
            action: ActionField,
            reason: Type.Optional(Type.String({ maxLength: 2000, title: '理由' })),
            attachmentId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { title: '制度文件' })),
            problemIds: Type.Optional(Ids),
          },
          { additionalProperties: false },
        ),
        response: { 201: Institution, ...ErrorResponses },
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
        body: Type.Object(
          {
            version: Version,
            title: Type.Optional(Text('制度名称', 200)),
            action: Type.Optional(ActionField),
            reason: Type.Optional(Type.String({ maxLength: 2000, title: '理由' })),
            attachmentId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { title: '制度文件' })),
            problemIds: Type.Optional(Ids),
          },
          { additionalProperties: false },
        ),
        response: { 200: Institution, ...ErrorResponses },
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
        body: Type.Object(
          {
            action: Type.String({ enum: [...INSTITUTION_TRANSITIONS], title: '操作' }),
            version: Version,
            issuedDate: Type.Optional(DateString('印发日期')),
          },
          { additionalProperties: false },
        ),
        response: { 200: Institution, ...ErrorResponses },
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
