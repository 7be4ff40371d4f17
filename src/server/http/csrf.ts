import type { FastifyInstance, FastifyRequest } from 'fastify';
import { crossSiteRequest } from '../errors.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a browser says the request comes from another site's page. */
export function crossSite(request: FastifyRequest): boolean {
  if (request.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = request.headers.origin;
  if (origin === undefined) return false; // not from a browser page (scripts, curl): nothing to defend
  if (origin === 'null') return true; // sandboxed frames, file: pages, some redirects
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

/**
 * CSRF defence beyond SameSite=Lax: a state-changing request whose Origin (or Sec-Fetch-Site) shows another
 * site's page is refused before anything runs. Browsers send Origin on every POST, PUT, PATCH and DELETE, the
 * web app's own fetches included (same origin, so they pass); clients without a browser send none.
 */
export function installCsrfGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (!SAFE.has(request.method) && crossSite(request)) throw crossSiteRequest();
  });
}
