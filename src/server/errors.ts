/** Every error the API returns, with a stable code, an HTTP status and a Chinese message. */

export interface FieldError {
  path: string;
  message: string;
}

export interface CellError {
  row: number;
  column: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors?: Array<FieldError | CellError>;
  constructor(status: number, code: string, message: string, errors?: Array<FieldError | CellError>) {
    super(message);
    this.status = status;
    this.code = code;
    this.errors = errors;
  }
}

const titles: Record<number, string> = {
  400: '请求有误',
  401: '未登录',
  403: '无权操作',
  404: '未找到',
  409: '冲突',
  413: '内容过大',
  415: '不支持的内容类型',
  422: '导入被拒绝',
  429: '请求过于频繁',
  500: '服务器内部错误',
};

/** Short Chinese title for a status, used in problem+json. */
export function titleFor(status: number): string {
  return titles[status] ?? '错误';
}

export const badRequest = (message: string, errors?: FieldError[]) => new AppError(400, 'bad_request', message, errors);
export const invalidField = (path: string, message: string) =>
  new AppError(400, 'validation_failed', message, [{ path, message }]);
export const unauthenticated = () => new AppError(401, 'unauthenticated', '请先登录');
export const badCredentials = () => new AppError(401, 'bad_credentials', '用户名或密码错误');
export const forbidden = (message = '您无权执行此操作') => new AppError(403, 'forbidden', message);
export const outOfScope = () => new AppError(403, 'out_of_scope', '该记录不在您的数据范围内');
export const notFound = (what = '记录') => new AppError(404, 'not_found', `${what}不存在或不在您的数据范围内`);
export const versionConflict = () => new AppError(409, 'version_conflict', '该记录已被他人修改，请刷新后重新编辑');
export const illegalTransition = (message: string) => new AppError(409, 'illegal_transition', message);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
export const tooLarge = (message: string) => new AppError(413, 'too_large', message);
export const importRejected = (errors: CellError[]) =>
  new AppError(422, 'import_rejected', `导入被拒绝：共 ${errors.length} 处错误，未写入任何数据`, errors);
export const rateLimited = (message = '尝试次数过多，请稍后再试') => new AppError(429, 'rate_limited', message);

// — harden —
/** A workbook past a reading bound (inflated size, rows, cells, …): the message names the bound. */
export const importTooLarge = (message: string) =>
  new AppError(413, 'import_too_large', `文件超出可导入的范围：${message}`);
/** An import rejected with only the first errors of each column listed (`total` counts them all). */
export const importRejectedListed = (errors: CellError[], total: number) =>
  new AppError(
    422,
    'import_rejected',
    `导入被拒绝：共 ${total} 处错误，未写入任何数据${total > errors.length ? `（每列列出前几处，其余 ${total - errors.length} 处未列出）` : ''}`,
    errors,
  );
/** A role that may not import this ledger, refused before the file is read. */
export const importForbidden = () => forbidden('您的角色不能导入此台账');
/** Too many failed logins: from this address for this account, or the account's backoff (say when to retry). */
export const loginThrottled = (seconds: number) =>
  rateLimited(
    seconds >= 60
      ? `登录失败次数过多，请 ${Math.ceil(seconds / 60)} 分钟后再试`
      : `登录失败次数较多，请 ${seconds} 秒后再试`,
  );
/** A NUL byte in a field (PostgreSQL cannot store it; no text needs it). */
export const nulInField = (path: string) => invalidField(path, `字段 ${path} 含有空字符（\\0），请删除后重试`);
/** A multipart body that cannot be parsed (no boundary, truncated, garbage). */
export const malformedMultipart = () =>
  new AppError(400, 'malformed_multipart', '上传内容格式不正确：请以 multipart/form-data 重新上传文件');
/** A number the databases cannot store (Infinity, 1e400). */
export const numberOutOfRange = (path: string) => invalidField(path, `字段 ${path} 的数值超出范围`);
/** A state-changing request sent by another site's page (its Origin is not ours). */
export const crossSiteRequest = () => forbidden('请求来自其他网站，已拒绝（跨站请求）');
