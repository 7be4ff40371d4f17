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

// — demands —
export const alreadyCoHandler = () => new AppError(409, 'already_co_handler', '该单位已是协办单位');
export const categoryExists = (code: string) => new AppError(409, 'category_exists', `类别代码“${code}”已存在`);
export const configInPast = () =>
  new AppError(409, 'config_in_past', '新权重只能从今天或以后生效，已过去的考核期不能改');

// — open311 —
/** An Open311 error; the Open311 routes render it in the standard `[{code, description}]` shape. */
export const open311Error = (status: 400 | 403 | 404, description: string) =>
  new AppError(
    status,
    status === 404 ? 'open311_not_found' : status === 403 ? 'open311_bad_key' : 'open311_bad_request',
    description,
  );
