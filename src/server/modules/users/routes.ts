import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses, IdParams, PageOf, NoContent } from '../../http/schemas.ts';
import { fetchPage } from '../../db/page.ts';
import { notFound } from '../../errors.ts';
import { authorize } from '../../policies/engine.ts';
import type { Role, ScopeKind } from '../../../shared/roles.ts';
import { userPolicy } from './policy.ts';
import { findUser, grantsOf, tokensOf, userColumns, userQuery, type UserRow } from './repository.ts';
import { presentUser } from './presenter.ts';
import {
  CreateUserBody,
  GrantBody,
  PasswordBody,
  Token,
  TokenList,
  TokenBody,
  UpdateUserBody,
  User,
  UserGrantParams,
  UserListQuery,
  UserTokenParams,
} from './schemas.ts';
import { createUser } from './commands/create-user.ts';
import { updateUser } from './commands/update-user.ts';
import { resetPassword } from './commands/reset-password.ts';
import { grantRole } from './commands/grant-role.ts';
import { revokeRole } from './commands/revoke-role.ts';
import { createToken } from './commands/create-token.ts';
import { revokeToken } from './commands/revoke-token.ts';

const tags = ['账号与权限'];

/** Accounts, role grants and API tokens (admin only). */
export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const present = async (req: { actor: Parameters<typeof presentUser>[0] }, user: UserRow) =>
    presentUser(req.actor, user, await grantsOf(app.db, [user.id]));
  const load = async (id: number) => {
    const user = await findUser(app.db, id);
    if (!user) throw notFound('账号');
    return user;
  };

  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: '账号列表',
        querystring: UserListQuery,
        response: { 200: PageOf(User), ...ErrorResponses },
      },
    },
    async (req) => {
      authorize(userPolicy, 'read', req.actor, null);
      const { page = 1, pageSize = 20, ...filter } = req.query;
      const result = await fetchPage(
        userQuery(app.db, filter),
        (qb) => qb.select(userColumns).orderBy('users.id'),
        page,
        pageSize,
      );
      const grants = await grantsOf(
        app.db,
        result.items.map((u) => u.id),
      );
      return { ...result, items: result.items.map((u) => presentUser(req.actor, u, grants)) };
    },
  );

  app.get(
    '/users/:id',
    { schema: { tags, summary: '账号详情', params: IdParams, response: { 200: User, ...ErrorResponses } } },
    async (req) => {
      authorize(userPolicy, 'read', req.actor, null);
      return present(req, await load(req.params.id));
    },
  );

  app.post(
    '/users',
    { schema: { tags, summary: '新建账号', body: CreateUserBody, response: { 201: User, ...ErrorResponses } } },
    async (req, reply) => reply.status(201).send(await present(req, await createUser(ctxOf(req), req.body))),
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: '修改、停用或启用账号',
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: User, ...ErrorResponses },
      },
    },
    async (req) => present(req, await updateUser(ctxOf(req), req.params.id, req.body)),
  );

  app.post(
    '/users/:id/password',
    {
      schema: {
        tags,
        summary: '重置密码',
        params: IdParams,
        body: PasswordBody,
        response: { 204: NoContent, ...ErrorResponses },
      },
    },
    async (req, reply) => {
      await resetPassword(ctxOf(req), req.params.id, req.body.password);
      return reply.status(204).send();
    },
  );

  app.post(
    '/users/:id/grants',
    {
      schema: {
        tags,
        summary: '授予角色',
        params: IdParams,
        body: GrantBody,
        response: { 201: User, ...ErrorResponses },
      },
    },
    async (req, reply) => {
      await grantRole(ctxOf(req), req.params.id, {
        ...req.body,
        role: req.body.role as Role,
        scopeKind: req.body.scopeKind as ScopeKind,
      });
      return reply.status(201).send(await present(req, await load(req.params.id)));
    },
  );

  app.delete(
    '/users/:id/grants/:grantId',
    { schema: { tags, summary: '撤销角色', params: UserGrantParams, response: { 204: NoContent, ...ErrorResponses } } },
    async (req, reply) => {
      await revokeRole(ctxOf(req), req.params.id, req.params.grantId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/users/:id/tokens',
    {
      schema: {
        tags,
        summary: '接口令牌列表',
        params: IdParams,
        response: { 200: TokenList, ...ErrorResponses },
      },
    },
    async (req) => {
      authorize(userPolicy, 'manageTokens', req.actor, null);
      await load(req.params.id);
      return { items: await tokensOf(app.db, req.params.id) };
    },
  );

  app.post(
    '/users/:id/tokens',
    {
      schema: {
        tags,
        summary: '创建接口令牌（令牌只显示一次）',
        params: IdParams,
        body: TokenBody,
        response: { 201: Token, ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createToken(ctxOf(req), req.params.id, req.body.name)),
  );

  app.delete(
    '/users/:id/tokens/:tokenId',
    {
      schema: {
        tags,
        summary: '吊销接口令牌',
        params: UserTokenParams,
        response: { 204: NoContent, ...ErrorResponses },
      },
    },
    async (req, reply) => {
      await revokeToken(ctxOf(req), req.params.id, req.params.tokenId);
      return reply.status(204).send();
    },
  );
};
