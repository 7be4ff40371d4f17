/**
 * Open311 GeoReport v2 at /open311/v2/: a front door to the same demand records, translating only through
 * the demands module's public.ts. Every response is JSON or XML by the path's suffix; errors are the standard
 * `[{code, description}]` list (404 missing, 403 bad or missing api_key, 400 anything else). No login: POST
 * needs an api_key an admin issued; everything is rate-limited per address.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, open311Error } from '../../errors.ts';
import { publicRateLimit } from '../../http/public-rate-limit.ts';
import { publicCategories, publicDemandsPage, publicIntake } from '../demands/public.ts';
import { CONTENT_TYPES, errorBody, formatOf, splitSuffix, toXml, type Format } from './format.ts';
import { fromPost, toRequest, toService } from './translate.ts';
import { keyFor } from './keys.ts';
import { parseRequestsQuery, validatePost } from './requests-query.ts';

const send = (reply: FastifyReply, format: Format, status: number, json: unknown, xml: string) =>
  reply
    .status(status)
    .type(CONTENT_TYPES[format])
    .send(format === 'json' ? JSON.stringify(json) : xml);

function fileParam(req: FastifyRequest): { name: string; format: Format } {
  const parsed = splitSuffix((req.params as { file: string }).file);
  if (!parsed) throw open311Error(404, '不支持的格式：请使用 .json 或 .xml');
  return parsed;
}

export async function open311Routes(app: FastifyInstance): Promise<void> {
  const config = (perMinute: number) => ({ public: true, rateLimit: publicRateLimit(app, perMinute) });

  // Form-encoded posts (the standard) as a flat record; repeated keys keep the last value.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, req, reply) => {
    const format = formatOf(req.url) ?? 'json';
    let status = error instanceof AppError ? error.status : (error.statusCode ?? 500);
    if (status !== 404 && status !== 403 && status !== 429) status = status >= 500 ? 500 : 400;
    const description =
      error instanceof AppError ? error.message : status === 429 ? '请求过于频繁，请稍后再试' : '请求有误';
    if (status === 500) req.log.error({ err: error }, 'open311 error');
    return reply
      .status(status)
      .type(CONTENT_TYPES[format])
      .send(errorBody(format, status, status === 500 ? '服务器内部错误' : description));
  });
  app.setNotFoundHandler((req, reply) => {
    const format = formatOf(req.url) ?? 'json';
    return reply
      .status(404)
      .type(CONTENT_TYPES[format])
      .send(errorBody(format, 404, '接口不存在'));
  });

  const discovery = (base: string) => {
    const body = {
      changeset: '2026-12-01T00:00:00Z',
      contact: '12345 市民服务热线办公室',
      key_service: '接入密钥由本系统管理员签发（系统管理 → Open311 接入密钥）',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `${base}/open311/v2`,
          changeset: '2026-12-01T00:00:00Z',
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    };
    const xml = toXml('discovery', {
      ...body,
      endpoints: { endpoint: body.endpoints.map((e) => ({ ...e, formats: { format: e.formats } })) },
    });
    return { body, xml };
  };
  const baseOf = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

  for (const format of ['json', 'xml'] as const) {
    app.get(`/discovery.${format}`, { config: config(120), schema: { hide: true } }, async (req, reply) => {
      const d = discovery(baseOf(req));
      return send(reply, format, 200, d.body, d.xml);
    });

    app.get(`/services.${format}`, { config: config(120), schema: { hide: true } }, async (_req, reply) => {
      const services = (await publicCategories(app.db)).map(toService);
      return send(reply, format, 200, services, toXml('services', services, 'service'));
    });

    app.get(`/requests.${format}`, { config: config(60), schema: { hide: true } }, async (req, reply) => {
      const filter = parseRequestsQuery(req.query as Record<string, unknown>);
      const rows = (await publicDemandsPage(app.db, filter)).map(toRequest);
      return send(reply, format, 200, rows, toXml('service_requests', rows, 'request'));
    });

    app.post(`/requests.${format}`, { config: config(30), schema: { hide: true } }, async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, string>;
      if (typeof body !== 'object' || Array.isArray(body)) throw open311Error(400, '请求体须为表单或 JSON 对象');
      const apiKey = typeof body.api_key === 'string' ? body.api_key : '';
      const key = apiKey ? await keyFor(app.db, apiKey.slice(0, 200)) : undefined;
      if (!key) throw open311Error(403, 'api_key 缺失或无效');
      const input = fromPost(body);
      await validatePost(app.db, input);
      const created = await publicIntake(app.db, { ...input, kind: 'help' }, 'open311', `城市平台：${key.name}`);
      const out = [
        {
          service_request_id: String(created.id),
          token: created.trackingCode,
          service_notice: '已受理',
          account_id: null,
        },
      ];
      return send(reply, format, 201, out, toXml('service_requests', out, 'request'));
    });
  }

  app.get('/services/:file', { config: config(120), schema: { hide: true } }, async (req, reply) => {
    const { name, format } = fileParam(req);
    const service = (await publicCategories(app.db)).find((c) => c.code === name);
    if (!service) throw open311Error(404, `服务类别不存在：${name.slice(0, 40)}`);
    const def = { service_code: service.code, attributes: [] as unknown[] };
    return send(reply, format, 200, def, toXml('service_definition', { service_code: service.code, attributes: '' }));
  });

  app.get('/requests/:file', { config: config(60), schema: { hide: true } }, async (req, reply) => {
    const { name, format } = fileParam(req);
    const id = /^\d{1,10}$/.test(name) ? Number(name) : 0;
    const rows = id > 0 && id < 2 ** 31 ? await publicDemandsPage(app.db, { ids: [id], limit: 1 }) : [];
    if (!rows.length) throw open311Error(404, `诉求不存在：${name.slice(0, 20)}`);
    const out = rows.map(toRequest);
    return send(reply, format, 200, out, toXml('service_requests', out, 'request'));
  });

  app.get('/tokens/:file', { config: config(60), schema: { hide: true } }, async (req, reply) => {
    const { name, format } = fileParam(req);
    const rows = /^TZ[2-9A-Z]{10}$/.test(name) ? await publicDemandsPage(app.db, { tokens: [name], limit: 1 }) : [];
    if (!rows.length) throw open311Error(404, `令牌不存在：${name.slice(0, 20)}`);
    const out = rows.map((r) => ({ service_request_id: String(r.id), token: r.trackingCode }));
    return send(reply, format, 200, out, toXml('service_requests', out, 'request'));
  });
}
