/**
 * Helmet's security headers (CSP, HSTS, frame and referrer policies …) on every response. They are the same
 * for every response here (no CSP nonces), so they are worked out once at start — @fastify/helmet on a
 * throwaway instance answers one request — and each response gets them with one hook; @fastify/helmet itself
 * rebuilds helmet's middleware, CSP parsing included, on every request (about 4% of a simple read's CPU).
 */
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';

const OPTIONS = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      frameAncestors: ["'self'"],
      upgradeInsecureRequests: null,
    },
  },
};

/** Headers of any response that are not helmet's. */
const NOT_HELMETS = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);

/** Helmet's headers for OPTIONS, as @fastify/helmet sets them on a response. */
export async function securityHeaders(): Promise<Array<[string, string]>> {
  const probe = Fastify();
  await probe.register(helmet, OPTIONS);
  probe.get('/', async () => 'ok');
  const res = await probe.inject({ method: 'GET', url: '/' });
  await probe.close();
  return Object.entries(res.headers)
    .filter(([name]) => !NOT_HELMETS.has(name))
    .map(([name, value]) => [name, String(value)]);
}

export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  const headers = await securityHeaders();
  // On the raw response, as helmet does: routes that stream through reply.raw get them too.
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}
