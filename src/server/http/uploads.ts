import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError, badRequest, invalidField, malformedMultipart } from '../errors.ts';
import { INT_MAX } from './bounds.ts';
import { takesUploads } from './body-limit.ts';

/**
 * A parse failure of the multipart body as a 4xx: @fastify/multipart's own errors carry a 4xx status (limits,
 * not multipart at all) and pass through; busboy's (no boundary, truncated, garbage) carry none and would be a 500.
 */
function uploadError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const status = (error as { statusCode?: number }).statusCode;
  if (status !== undefined && status >= 400 && status < 500) return error;
  return malformedMultipart();
}

/** The request's one file part (with the fields sent before it), or a 400 naming `file`. */
export async function uploadedFile(
  req: FastifyRequest,
  missing = '请选择要上传的文件',
  limits?: { fileSize?: number; files?: number },
): Promise<MultipartFile> {
  // The body limit (body-limit.ts) lets uploads through only to routes that declare them.
  if (!takesUploads(req.routeOptions.schema?.consumes))
    throw new Error(`${req.routeOptions.url} reads an upload: declare consumes: ['multipart/form-data'] in its schema`);
  let file: MultipartFile | undefined;
  try {
    file = await req.file(limits ? { limits } : undefined);
  } catch (error) {
    throw uploadError(error);
  }
  if (!file) throw badRequest(missing, [{ path: 'file', message: missing }]);
  return file;
}

/** The file's bytes (bounded by the multipart file size limit). */
export async function uploadedBytes(file: MultipartFile): Promise<Buffer> {
  try {
    return await file.toBuffer();
  } catch (error) {
    throw uploadError(error);
  }
}

/** Runs a consumer of the file's stream, its parse failures as 4xx. */
export async function consumeUpload<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw uploadError(error);
  }
}

/** A multipart text field holding an id (1..2^31−1), or a 400 naming it with `message`. */
export function idField(file: MultipartFile, name: string, message: string): number {
  const raw = (file.fields[name] as { value?: unknown } | undefined)?.value;
  const id = typeof raw === 'string' && /^\d{1,10}$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(id) || id < 1 || id > INT_MAX) throw invalidField(name, message);
  return id;
}

/** A file name as stored: control characters (NUL included) removed, at most 200 characters kept (the end). */
export function cleanFileName(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (clean || '未命名文件').slice(-200);
}
