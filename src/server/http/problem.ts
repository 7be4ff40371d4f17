import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError,
  busyRetry,
  internalError,
  invalidRequest,
  malformedJson,
  noRoute,
  notMultipart,
  rateLimited,
  requestRejected,
  titleFor,
  tooLarge,
  unsupportedMediaType,
  type CellError,
  type FieldError,
} from '../errors.ts';
import type { ErrorObject } from 'ajv';
import { toFieldErrors } from './validation.ts';

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: Array<FieldError | CellError>;
}

/** Sends an RFC 9457 problem+json response. */
export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  errors?: ProblemBody['errors'],
) {
  const body: ProblemBody = {
    type: `https://taizhang.invalid/problems/${code}`,
    title: titleFor(status),
    status,
    detail,
    code,
  };
  if (errors?.length) body.errors = errors;
  return reply.status(status).type('application/problem+json; charset=utf-8').send(body);
}

const partLabels: Record<string, string> = {
  body: '请求体',
  querystring: '查询参数',
  params: '路径参数',
  headers: '请求头',
};

/** Maps every error to problem+json: bad input is 4xx with Chinese details, never 500. */
/**
 * Installs the error and not-found handlers. `appShell`, when the web app is built, answers any other GET
 * with the client-side app (a 404 handler rather than a `/*` route, so Open311's own 404 handler still owns
 * its prefix).
 */
export function installErrorHandler(
  app: FastifyInstance,
  appShell?: (request: FastifyRequest, reply: FastifyReply) => unknown,
): void {
  app.setErrorHandler(
    (
      error: FastifyError & { validation?: ErrorObject[]; validationContext?: string },
      request: FastifyRequest,
      reply,
    ) => {
      const known = asAppError(error, reply);
      if (!known) request.log.error({ err: error }, 'unhandled error');
      const e = known ?? internalError();
      return sendProblem(reply, e.status, e.code, e.message, e.errors);
    },
  );

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) {
      const e = noRoute(request.method, request.url.split('?')[0]);
      return sendProblem(reply, e.status, e.code, e.message);
    }
    if (appShell && request.method === 'GET' && !request.url.startsWith('/open311/')) return appShell(request, reply);
    return reply.status(404).type('text/plain; charset=utf-8').send('页面不存在');
  });
}

/** The catalogued error a thrown error stands for, or undefined for an unexpected one (a 500). */
function asAppError(
  error: FastifyError & { validation?: ErrorObject[]; validationContext?: string },
  reply: FastifyReply,
): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error.validation) {
    const errors = toFieldErrors(error.validation);
    const where = partLabels[error.validationContext ?? 'body'] ?? '请求';
    return invalidRequest(
      errors.length ? `${where}有误：${errors.map((e) => e.message).join('；')}` : `${where}有误`,
      errors,
    );
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return malformedJson();
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return unsupportedMediaType();
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return notMultipart();
    case 'FST_ERR_RATE_LIMITED':
      return rateLimited('请求过于频繁，请稍后再试');
    // PostgreSQL gave up one of two transactions waiting on each other (rolled back whole): ask for a retry.
    case '40P01':
    case '40001':
      reply.header('retry-after', '1');
      return busyRetry();
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return requestRejected(error.statusCode);
  return undefined;
}
