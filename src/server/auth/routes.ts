import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { badCredentials, loginThrottled } from '../errors.ts';
import { ErrorResponses, NoContent } from '../http/schemas.ts';
import { unitIdOfPath } from '../db/scope.ts';
import { ROLE_LABELS } from '../../shared/roles.ts';
import { verifyDummy, verifyPassword } from './passwords.ts';
import { loadActor, type Actor } from './actor.ts';
import { createSession, deleteSession, loginAccount, SESSION_COOKIE } from './sessions.ts';
import { beginLoginAttempt, finishLoginAttempt } from './login-throttle.ts';
import { Me } from '../../shared/views/me.ts';

const tags = ['登录'];

/** The signed-in user as the API and the web app see them. */
export function presentMe(actor: Actor) {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    personId: actor.personId,
    orgId: actor.orgId,
    roles: actor.roles,
    roleLabels: actor.roles.map((r) => ROLE_LABELS[r]),
    grants: actor.grants,
    scope: {
      all: actor.scope.all,
      subtreeOrgIds: actor.scope.subtreePaths.map(unitIdOfPath),
      unitOrgIds: actor.scope.unitPaths.map(unitIdOfPath),
      personId: actor.scope.personId,
    },
  };
}

/** Log in, log out, who am I. */
export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/session',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '登录',
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 64, title: '用户名' }),
            password: Type.String({ minLength: 1, maxLength: 128, title: '密码' }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Me, ...ErrorResponses },
      },
    },
    async (req, reply) => {
      const username = req.body.username.trim();
      const attempt = await beginLoginAttempt(app.db, username, req.ip);
      if ('retryAfter' in attempt) {
        reply.header('retry-after', String(attempt.retryAfter));
        throw loginThrottled(attempt.retryAfter);
      }
      const user = await loginAccount(app.db, username);
      const ok =
        user && user.active === 1
          ? await verifyPassword(user.passwordHash, req.body.password)
          : await verifyDummy(req.body.password);
      await finishLoginAttempt(app.db, attempt, username, req.ip, ok);
      if (!ok || !user) throw badCredentials();
      const actor = await loadActor(app.db, user.id);
      if (!actor) throw badCredentials();
      const secret = await createSession(app.db, user.id, req.ip);
      reply.setCookie(SESSION_COOKIE, secret, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: app.config.secureCookies,
      });
      req.log.info({ userId: user.id }, 'login');
      return presentMe(actor);
    },
  );

  app.delete(
    '/session',
    { config: { public: true }, schema: { tags, summary: '退出登录', response: { 204: NoContent } } },
    async (req, reply) => {
      const secret = req.cookies[SESSION_COOKIE];
      if (secret) await deleteSession(app.db, secret);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get('/me', { schema: { tags, summary: '当前用户', response: { 200: Me, ...ErrorResponses } } }, async (req) =>
    presentMe(req.actor),
  );
};
