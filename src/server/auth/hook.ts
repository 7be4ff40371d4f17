import type { FastifyInstance, FastifyRequest } from 'fastify';
import { unauthenticated } from '../errors.ts';
import type { Actor } from './actor.ts';
import { actorCacheFor } from './actor-cache.ts';
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

/** URL prefixes whose routes need a logged-in actor (unless marked public). */
const API_PREFIXES = ['/api/v1/', '/open311/'];

/** Paths anyone may call: the citizens' page and Open311 (whose POST carries its own api_key). */
const PUBLIC_PREFIXES = ['/api/v1/public/', '/open311/'];

/**
 * Loads the actor for every API route that is not marked public; 401 when there is none. Routes under the
 * public prefixes must be marked public and carry a per-address rate limit (checked when they are added).
 */
export function installAuthHook(app: FastifyInstance): void {
  const actors = actorCacheFor(app.db);
  app.decorateRequest('actor', null as unknown as Actor);
  app.addHook('onRoute', (route) => {
    if (!PUBLIC_PREFIXES.some((p) => route.url.startsWith(p))) return;
    const config = route.config as { public?: boolean; rateLimit?: unknown } | undefined;
    if (!config?.public || !config.rateLimit)
      throw new Error(`${route.method} ${route.url}: a public route must set config.public and config.rateLimit`);
  });
  app.addHook('onRequest', async (request) => {
    // Only the API needs an actor. A module mounted elsewhere (the Open311 GeoReport endpoint being built
    // under /open311/) adds its prefix here, or marks its routes `config: { public: true }`.
    if (!API_PREFIXES.some((p) => request.url.startsWith(p))) return;
    if (request.routeOptions.config?.public) return;
    // An unknown Open311 path gets Open311's own 404, not a login prompt.
    // (With the web app built, the SPA fallback `/*` matches first and hands such paths to the 404 handler.)
    const route = request.routeOptions.url;
    if (request.url.startsWith('/open311/') && (!route || route === '/*')) return;
    const userId = await resolveUserId(app, request);
    const actor = userId === null ? null : await actors.get(app.db, userId);
    if (!actor) throw unauthenticated();
    request.actor = actor;
  });
}
