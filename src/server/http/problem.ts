import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, titleFor, type CellError, type FieldError } from '../errors.ts';
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
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(
    (error: FastifyError & { validation?: any[]; validationContext?: string }, request: FastifyRequest, reply) => {
      if (error instanceof AppError) return sendProblem(reply, error.status, error.code, error.message, error.errors);
      if (error.validation) {
        const errors = toFieldErrors(error.validation);
        const where = partLabels[error.validationContext ?? 'body'] ?? '请求';
        const detail = errors.length ? `${where}有误：${errors.map((e) => e.message).join('；')}` : `${where}有误`;
        return sendProblem(reply, 400, 'validation_failed', detail, errors);
      }
      switch (error.code) {
        case 'FST_ERR_CTP_INVALID_JSON_BODY':
        case 'FST_ERR_CTP_EMPTY_JSON_BODY':
          return sendProblem(reply, 400, 'malformed_json', '请求体不是有效的 JSON');
        case 'FST_ERR_CTP_BODY_TOO_LARGE':
        case 'FST_REQ_FILE_TOO_LARGE':
          return sendProblem(reply, 413, 'too_large', '上传内容超过大小限制');
        case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
          return sendProblem(reply, 415, 'unsupported_media_type', '不支持的内容类型，请使用 application/json');
        case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
          return sendProblem(reply, 400, 'not_multipart', '请以 multipart/form-data 上传文件');
        case 'FST_ERR_RATE_LIMITED':
          return sendProblem(reply, 429, 'rate_limited', '请求过于频繁，请稍后再试');
        // PostgreSQL gave up one of two transactions waiting on each other (rolled back whole): ask for a retry.
        case '40P01':
        case '40001':
          reply.header('retry-after', '1');
          return sendProblem(reply, 503, 'busy_retry', '系统繁忙，本次保存未生效，请重试');
      }
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        return sendProblem(reply, error.statusCode, 'bad_request', '请求无法处理');
      }
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(reply, 500, 'internal_error', '服务器内部错误，请稍后重试或联系管理员');
    },
  );

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/'))
      return sendProblem(reply, 404, 'no_route', `接口不存在：${request.method} ${request.url.split('?')[0]}`);
    return reply.status(404).type('text/plain; charset=utf-8').send('页面不存在');
  });
}
