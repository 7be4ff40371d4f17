import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config.ts';
import type { Db } from './db/connection.ts';
import { installErrorHandler } from './http/problem.ts';
import { validatorCompiler } from './http/validation.ts';
import { installAuthHook } from './auth/hook.ts';
import { installInputGuard } from './http/input-guard.ts';
import { installBodyLimit } from './http/body-limit.ts';
import { installCsrfGuard } from './http/csrf.ts';
import { installSecurityHeaders } from './http/security-headers.ts';
import { apiModules, rootModules } from './modules/routes.ts';
import { MAX_UPLOAD_BYTES } from './http/limits.ts';
import { errorCatalogue } from './errors.ts';
import { BURST_MS, releaseAfterBurst } from './lib/memory-release.ts';

/** The error catalogue as a Markdown table for the OpenAPI description. */
const errorTable = () =>
  [
    '| code | HTTP | 含义 |',
    '| --- | --- | --- |',
    ...errorCatalogue.map((e) => `| ${e.code} | ${e.status} | ${e.description} |`),
  ].join('\n');

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    config: Config;
  }
}

/** The project's root: the nearest folder up with package.json (src/server/ from the sources, deeper when precompiled). */
function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}
const root = projectRoot();
export const WEB_DIST = path.join(root, 'dist/web');

export interface BuildOptions {
  db: Db;
  config: Config;
  logger?: FastifyServerOptions['logger'];
}

/** Builds the Fastify instance (no listen): tests inject into it, main.ts listens. */
export async function buildApp({ db, config, logger = false }: BuildOptions) {
  const app = Fastify({
    logger,
    bodyLimit: 2 * 1024 * 1024,
    // X-Forwarded-For is believed only from the configured proxies: anyone else could name any address.
    trustProxy: config.trustedProxies.length ? config.trustedProxies : false,
    ajv: { customOptions: { removeAdditional: false } },
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.decorate('db', db);
  app.decorate('config', config);

  const webBuilt = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  // Client-side routes: every other non-API GET gets the app shell.
  installErrorHandler(
    app,
    webBuilt
      ? (_request, reply) => reply.status(200).type('text/html; charset=utf-8').sendFile('index.html')
      : undefined,
  );
  await app.register(cookie);
  await installSecurityHeaders(app);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: '台账 Taizhang API',
        version: '1.0.0',
        description: `主题教育台账系统接口。错误均为 application/problem+json，code 取下表之一：\n\n${errorTable()}`,
      },
      components: {
        // Every code a client can receive (errors.ts), so a client can switch over them.
        schemas: {
          ErrorCode: {
            type: 'string',
            oneOf: errorCatalogue.map((e) => ({ const: e.code, description: `HTTP ${e.status}：${e.description}` })),
          },
        },
        securitySchemes: {
          cookie: { type: 'apiKey', in: 'cookie', name: 'tz_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ cookie: [] }, { bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/v1/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  // Only routes that ask for it (config.rateLimit: the public page, Open311) are limited, per address.
  await app.register(rateLimit, { global: false });
  installBodyLimit(app);
  installCsrfGuard(app);
  installAuthHook(app);
  installInputGuard(app);
  // A slow request (an export, an import) leaves a grown heap behind that V8 would keep: lib/memory-release.ts.
  app.addHook('onResponse', async (_req, reply) => {
    if (reply.elapsedTime >= BURST_MS) releaseAfterBurst();
  });
  await app.register(
    async (api) => {
      for (const mod of apiModules) await api.register(mod);
    },
    { prefix: '/api/v1' },
  );
  for (const { plugin, prefix } of rootModules) await app.register(plugin, { prefix });

  if (webBuilt) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: ['index.html'] });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
