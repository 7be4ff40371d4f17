/** The API client: JSON in and out, problem+json turned into ApiError with field errors. */

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: Array<FieldError & { row?: number; column?: string }>;
  constructor(status: number, code: string, message: string, errors: ApiError['errors'] = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.errors = errors;
  }
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Called when the server says the session is gone (set by the auth provider). */
let onUnauthenticated: () => void = () => {};
export function setUnauthenticatedHandler(fn: () => void) {
  onUnauthenticated = fn;
}

async function toError(res: Response): Promise<ApiError> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    const body = await res.json().catch(() => null);
    if (body && typeof body.detail === 'string') {
      const message = body.code === 'version_conflict' ? '该记录已被他人修改，请刷新后重新编辑' : body.detail;
      return new ApiError(res.status, body.code ?? 'error', message, body.errors ?? []);
    }
  }
  return new ApiError(
    res.status,
    'network',
    res.status >= 500 ? '服务器暂时无法响应，请稍后重试' : `请求失败（${res.status}）`,
  );
}

/** Calls the API under /api/v1; throws ApiError on any non-2xx answer. */
export async function api<T>(
  path: string,
  options: { method?: string; body?: unknown; query?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<T> {
  const qs = options.query
    ? '?' +
      new URLSearchParams(
        Object.entries(options.query)
          .filter(([, v]) => v !== undefined && v !== null && v !== '')
          .map(([k, v]) => [k, String(v)]),
      ).toString()
    : '';
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}${qs}`, {
      method: options.method ?? 'GET',
      credentials: 'same-origin',
      headers: { ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    });
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络');
  }
  if (res.status === 401 && path !== '/session') onUnauthenticated();
  if (!res.ok) throw await toError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** Uploads a file as multipart (field `file`). */
export async function upload<T>(path: string, file: File, fields: Record<string, string> = {}): Promise<T> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', file);
  const res = await fetch(`/api/v1${path}`, { method: 'POST', body: form, credentials: 'same-origin' });
  if (!res.ok) throw await toError(res);
  return (await res.json()) as T;
}

/**
 * Uploads a file as multipart (field `file`) and reports the bytes sent (0–1): fetch cannot tell upload
 * progress, XMLHttpRequest can. Errors are the same ApiError as `api()`'s.
 */
export function uploadWithProgress<T>(
  path: string,
  file: File,
  fields: Record<string, string>,
  onProgress: (sent: number) => void,
): Promise<T> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', file);
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, 'network', '无法连接服务器，请检查网络'));
    xhr.onload = async () => {
      const type = xhr.getResponseHeader('content-type') ?? 'text/plain';
      const res = new Response(xhr.status === 204 ? null : xhr.responseText, {
        status: xhr.status,
        headers: { 'content-type': type },
      });
      if (res.status === 401) onUnauthenticated();
      if (!res.ok) reject(await toError(res));
      else resolve((await res.json()) as T);
    };
    xhr.send(form);
  });
}
