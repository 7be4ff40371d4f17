import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses, IdParams, PageOf } from '../../http/schemas.ts';
import { fetchPage } from '../../db/page.ts';
import { authorize } from '../../policies/engine.ts';
import type { Role, ScopeKind } from '../../../shared/roles.ts';
import { userPolicy } from './policy.ts';
import { CreatedToken, CreateUserBody, GrantBody, GrantParams, GrantView, PasswordBody, TokenBody, TokenParams, TokenView, UpdateUserBody, User, UserListQuery } from './schemas.ts';
import { grantsOf, tokensOf, userColumns, userQuery, type UserRow } from './repository.ts';
import { presentUser } from './presenter.ts';
import { createUser } from './commands/create-user.ts';
import { updateUser } from './commands/update-user.ts';
import { resetPassword } from './commands/reset-password.ts';
import { addGrant } from './commands/add-grant.ts';
import { removeGrant } from './commands/remove-grant.ts';
import { createToken } from './commands/create-token.ts';
import { revokeToken } from './commands/revoke-token.ts';
import { loadUserFor } from './commands/load-user.ts';

const tags = ['用户与权限'];

/** Accounts, role grants and API tokens (admin only). */
export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const present = async (actor: Parameters<typeof presentUser>[0], user: UserRow) => presentUser(actor, user, await grantsOf(app.db, [user.id]));

  app.get('/users', { schema: { tags, summary: '用户列表', querystring: UserListQuery, response: { 200: PageOf(User), ...ErrorResponses } } }, async (req) => {
    authorize(userPolicy, 'read', req.actor, null);
    const { page = 1, pageSize = 20, ...filter } = req.query;
    const result = await fetchPage(userQuery(app.db, filter), (qb) => qb.select(userColumns).orderBy('users.id'), page, pageSize);
    const grants = await grantsOf(app.db, result.items.map((u) => u.id));
    return { ...result, items: result.items.map((u) => presentUser(req.actor, u, grants)) };
  });

  app.get('/users/:id', { schema: { tags, summary: '用户详情', params: IdParams, response: { 200: User, ...ErrorResponses } } }, async (req) =>
    present(req.actor, await loadUserFor(app.db, req.actor, 'read', req.params.id)),
  );

  app.post('/users', { schema: { tags, summary: '新建用户', body: CreateUserBody, response: { 201: User, ...ErrorResponses } } }, async (req, reply) =>
    reply.status(201).send(await present(req.actor, await createUser(ctxOf(req), req.body))),
  );

  app.patch('/users/:id', { schema: { tags, summary: '修改用户（含停用）', params: IdParams, body: UpdateUserBody, response: { 200: User, ...ErrorResponses } } }, async (req) =>
    present(req.actor, await updateUser(ctxOf(req), req.params.id, req.body)),
  );

  app.post('/users/:id/password', { schema: { tags, summary: '重置密码', params: IdParams, body: PasswordBody, response: { 204: Type.Null(), ...ErrorResponses } } }, async (req, reply) => {
    await resetPassword(ctxOf(req), req.params.id, req.body.password);
    return reply.status(204).send(null);
  });

  app.post('/users/:id/grants', { schema: { tags, summary: '授予角色', params: IdParams, body: GrantBody, response: { 201: GrantView, ...ErrorResponses } } }, async (req, reply) => {
    const grant = await addGrant(ctxOf(req), req.params.id, { role: req.body.role as Role, orgId: req.body.orgId, scopeKind: req.body.scopeKind as ScopeKind });
    const orgName = grant.orgId ? ((await app.db.selectFrom('orgUnits').select('name').where('id', '=', grant.orgId).executeTakeFirst())?.name ?? null) : null;
    return reply.status(201).send({ ...grant, orgName });
  });

  app.delete('/users/:id/grants/:grantId', { schema: { tags, summary: '撤销角色', params: GrantParams, response: { 204: Type.Null(), ...ErrorResponses } } }, async (req, reply) => {
    await removeGrant(ctxOf(req), req.params.id, req.params.grantId);
    return reply.status(204).send(null);
  });

  app.get('/users/:id/tokens', { schema: { tags, summary: 'API 令牌列表', params: IdParams, response: { 200: Type.Object({ items: Type.Array(TokenView) }), ...ErrorResponses } } }, async (req) => {
    await loadUserFor(app.db, req.actor, 'manageTokens', req.params.id);
    return { items: await tokensOf(app.db, req.params.id) };
  });

  app.post('/users/:id/tokens', { schema: { tags, summary: '新建 API 令牌（仅显示一次）', params: IdParams, body: TokenBody, response: { 201: CreatedToken, ...ErrorResponses } } }, async (req, reply) =>
    reply.status(201).send(await createToken(ctxOf(req), req.params.id, req.body.name)),
  );

  app.delete('/users/:id/tokens/:tokenId', { schema: { tags, summary: '吊销 API 令牌', params: TokenParams, response: { 204: Type.Null(), ...ErrorResponses } } }, async (req, reply) => {
    await revokeToken(ctxOf(req), req.params.id, req.params.tokenId);
    return reply.status(204).send(null);
  });
};
