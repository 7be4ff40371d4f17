import type { FastifyInstance, FastifyRequest } from 'fastify';
import { unauthenticated } from '../errors.ts';
import type { Actor } from './actor.ts';
import { ActorCache } from './actor-cache.ts';
import { SESSION_COOKIE, userIdForApiToken, userIdForSession } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyContextConfig {
    /** Route needs no login. */
    public?: boolean;
  }
}

async function resolveUserId(app: FastifyInstance, request: FastifyRequest): Promise<number | null> {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return userIdForApiToken(app.db, header.slice(7).trim());
  const secret = request.cookies[SESSION_COOKIE];
  return secret ? userIdForSession(app.db, secret) : null;
}

/**
 * Writes that can change an actor (account, grants, the person's unit, unit paths, 分管, supervision groups).
 * A module whose writes change who may see what adds its path here.
 */
const ACTOR_WRITES = [
  '/api/v1/users',
  '/api/v1/orgs',
  '/api/v1/people',
  '/api/v1/leader-assignments',
  '/api/v1/supervision-groups',
  '/api/v1/session',
];

/** Paths anyone may call: the citizens' page and Open311 (whose POST carries its own api_key). */
const PUBLIC_PREFIXES = ['/api/v1/public/', '/open311/'];

/**
 * Loads the actor for every API route that is not marked public; 401 when there is none. Routes under the
 * public prefixes must be marked public and carry a per-address rate limit (checked when they are added).
 */
export function installAuthHook(app: FastifyInstance): void {
  const actors = new ActorCache();
  app.decorateRequest('actor', null as unknown as Actor);
  app.addHook('onRoute', (route) => {
    if (!PUBLIC_PREFIXES.some((p) => route.url.startsWith(p))) return;
    const config = route.config as { public?: boolean; rateLimit?: unknown } | undefined;
    if (!config?.public || !config.rateLimit)
      throw new Error(`${route.method} ${route.url}: a public route must set config.public and config.rateLimit`);
  });
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/') && !request.url.startsWith('/open311/')) return;
    if (request.routeOptions.config?.public) return;
    // An unknown Open311 path gets Open311's own 404, not a login prompt.
    if (request.url.startsWith('/open311/') && !request.routeOptions.url) return;
    const userId = await resolveUserId(app, request);
    const actor = userId === null ? null : await actors.get(app.db, userId);
    if (!actor) throw unauthenticated();
    request.actor = actor;
  });
  // Writes may change roles, scopes or unit paths: the next request loads its actor afresh.
  // Cleared before the reply leaves, so the caller's next request cannot see the old actor.
  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && ACTOR_WRITES.some((p) => request.url.startsWith(p)))
      actors.clear();
    return payload;
  });
}
