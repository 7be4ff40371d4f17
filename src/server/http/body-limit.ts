import type { FastifyInstance } from 'fastify';
import { tooLarge } from '../errors.ts';
import { MAX_UPLOAD_BYTES } from './limits.ts';

/** Room for an upload's other form fields and part headers beside the file. */
const MULTIPART_OVERHEAD = 1024 * 1024;

/** Whether a route's schema declares that it takes multipart uploads. */
export const takesUploads = (consumes: unknown) => Array.isArray(consumes) && consumes.includes('multipart/form-data');

/**
 * Every body a route will not take is a 413 problem+json, answered from the declared length before a byte is
 * read: JSON and text past the route's body limit, a multipart sent to a JSON route past the same limit (the
 * multipart parser would otherwise leave it unread and the route answer something else), an upload past the
 * upload limit. Node discards the unread rest of the body, so the client reads the answer instead of a reset.
 * A body without a declared length (chunked) is counted as it arrives by the parsers, which answer 413 too.
 */
export function installBodyLimit(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (!declared) return;
    const uploads = takesUploads(request.routeOptions.schema?.consumes);
    const limit = uploads ? MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD : request.routeOptions.bodyLimit;
    if (declared > limit)
      throw tooLarge(
        uploads
          ? `文件超过大小限制（最大 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB）`
          : `请求内容超过大小限制（最大 ${Math.round(limit / 1024 / 1024)} MB）`,
      );
  });
}
