/**
 * Every error a client can receive, in one catalogue (Outline's server/errors.ts): a stable code, an HTTP
 * status and a Chinese message. Each code is defined once with `define`, which also lists it in
 * `errorCatalogue` (published in the OpenAPI document); call sites throw the named factory and never mint
 * a code. A module adding codes appends a block at the END of this file headed `// — <module> —`.
 */

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
  503: '服务暂不可用',
};

/** Short Chinese title for a status, used in problem+json. */
export function titleFor(status: number): string {
  return titles[status] ?? '错误';
}

/** One entry of the catalogue: what the code means, for the API documentation. */
export interface ErrorSpec {
  code: string;
  status: number;
  description: string;
}

/** Every code the API can answer with, in definition order. */
export const errorCatalogue: ErrorSpec[] = [];

type Detail = string | { message: string; errors?: Array<FieldError | CellError> };

/**
 * Defines a code once: `build` turns the factory's arguments into the message (and field or cell errors).
 * Returns the factory call sites throw.
 */
export function define<A extends unknown[]>(
  code: string,
  status: number,
  description: string,
  build: (...args: A) => Detail,
): (...args: A) => AppError {
  if (errorCatalogue.some((e) => e.code === code)) throw new Error(`error code defined twice: ${code}`);
  errorCatalogue.push({ code, status, description });
  return (...args: A) => {
    const d = build(...args);
    return typeof d === 'string' ? new AppError(status, code, d) : new AppError(status, code, d.message, d.errors);
  };
}

// — request and validation —
export const badRequest = define('bad_request', 400, '请求无法处理', (message: string, errors?: FieldError[]) => ({
  message,
  errors,
}));
export const invalidField = define(
  'validation_failed',
  400,
  '字段有误（errors 逐项说明）',
  (path: string, message: string) => ({
    message,
    errors: [{ path, message }],
  }),
);
/** Schema validation failures (http/problem.ts): the same code as invalidField, with every field named. */
export const invalidRequest = (message: string, errors: FieldError[]) =>
  new AppError(400, 'validation_failed', message, errors);
/** Any other 4xx the framework raises (its status kept), under the bad_request code. */
export const requestRejected = (status: number) => new AppError(status, 'bad_request', '请求无法处理');
export const malformedJson = define('malformed_json', 400, '请求体不是有效的 JSON', () => '请求体不是有效的 JSON');
export const notMultipart = define(
  'not_multipart',
  400,
  '上传须为 multipart/form-data',
  () => '请以 multipart/form-data 上传文件',
);
export const unsupportedMediaType = define(
  'unsupported_media_type',
  415,
  '不支持的内容类型',
  () => '不支持的内容类型，请使用 application/json',
);
export const tooLarge = define(
  'too_large',
  413,
  '内容超过大小限制',
  (message: string = '上传内容超过大小限制') => message,
);
export const noRoute = define(
  'no_route',
  404,
  '接口不存在',
  (method: string, path: string) => `接口不存在：${method} ${path}`,
);

// — identity and permission —
export const unauthenticated = define('unauthenticated', 401, '未登录或登录已失效', () => '请先登录');
export const badCredentials = define('bad_credentials', 401, '用户名或密码错误', () => '用户名或密码错误');
export const forbidden = define(
  'forbidden',
  403,
  '角色无权执行此操作',
  (message: string = '您无权执行此操作') => message,
);
export const outOfScope = define(
  'out_of_scope',
  403,
  '记录存在但不在数据范围内（写操作）',
  () => '该记录不在您的数据范围内',
);
export const notFound = define(
  'not_found',
  404,
  '记录不存在或不在数据范围内（读操作）',
  (what: string = '记录') => `${what}不存在或不在您的数据范围内`,
);
export const rateLimited = define(
  'rate_limited',
  429,
  '尝试或请求过于频繁',
  (message: string = '尝试次数过多，请稍后再试') => message,
);

// — state —
export const versionConflict = define(
  'version_conflict',
  409,
  '记录已被他人修改（version 过期）',
  () => '该记录已被他人修改，请刷新后重新编辑',
);
export const illegalTransition = define(
  'illegal_transition',
  409,
  '当前状态不允许此操作',
  (message: string) => message,
);
export const importRejected = define(
  'import_rejected',
  422,
  '导入被拒绝，未写入任何数据（errors 逐格说明）',
  (errors: CellError[], total: number = errors.length) => ({
    message: `导入被拒绝：共 ${total} 处错误，未写入任何数据${total > errors.length ? `（每列列出前几处，其余 ${total - errors.length} 处未列出）` : ''}`,
    errors,
  }),
);

// — server —
export const busyRetry = define(
  'busy_retry',
  503,
  '数据库繁忙，本次保存未生效，可重试',
  () => '系统繁忙，本次保存未生效，请重试',
);
export const internalError = define(
  'internal_error',
  500,
  '服务器内部错误',
  () => '服务器内部错误，请稍后重试或联系管理员',
);

/**
 * @deprecated Mints a code at the call site (test/architecture.test.ts fails on a call): define a named
 * factory in your module's block below instead. Kept only so code written against it still compiles.
 */
export const conflict = (code: string, message: string) => new AppError(409, code, message);

// — orgs —
export const rootUnit = define('root_unit', 409, '顶级单位不能停用', () => '顶级单位不能停用');
export const unitInUse = define(
  'unit_in_use',
  409,
  '单位还有在用下级或在册人员',
  (children: number, people: number) => `该单位还有 ${children} 个在用下级单位、${people} 名在册人员，请先停用或转移`,
);
export const parentInactive = define(
  'parent_inactive',
  409,
  '上级单位已停用',
  () => '上级单位已停用，请先启用上级单位',
);

// — people —
export const sameUnit = define('same_unit', 409, '人员已在目标单位', () => '该人员已在此单位');

// — users —
export const personHasAccount = define(
  'person_has_account',
  409,
  '该人员已关联账号',
  (username: string) => `该人员已关联账号“${username}”`,
);
export const usernameTaken = define(
  'username_taken',
  409,
  '用户名已被使用',
  (username: string) => `用户名“${username}”已被使用`,
);
export const grantExists = define(
  'grant_exists',
  409,
  '已有相同的角色和数据范围',
  () => '该账号已拥有相同的角色和数据范围',
);
export const selfLockout = define(
  'self_lockout',
  409,
  '不能撤销自己的管理员角色',
  () => '不能撤销自己的系统管理员角色',
);

// — leaders —
export const alreadyAssigned = define(
  'already_assigned',
  409,
  '已有相同的分管关系',
  (person: string, org: string) => `${person}已分管${org}`,
);

// — calendar —
export const dateExists = define('date_exists', 409, '该日期已有设置', (date: string) => `${date} 已有设置`);

// — problems —
export const problemLinked = define(
  'problem_linked',
  409,
  '问题由他处转入或已上报，不能删除',
  (message: string) => message,
);
export const problemLocked = define(
  'problem_locked',
  409,
  '问题已申请销号或已销号，措施不能再修改',
  () => '问题已申请销号或已销号，措施不能再修改',
);
export const deadlineLocked = define(
  'deadline_locked',
  409,
  '问题确认后整改时限只能通过延期申请调整',
  () => '问题确认后，整改时限只能通过延期申请调整',
);
export const measureDone = define('measure_done', 409, '措施已完成', () => '该措施已完成，无需延期');
export const extensionPending = define(
  'extension_pending',
  409,
  '已有待审批的延期申请',
  () => '该措施已有待审批的延期申请',
);
export const alreadyDecided = define('already_decided', 409, '延期申请已审批', () => '该延期申请已审批');

// — research and meetings —
/** A finding or meeting item that already became a problem. */
export const alreadyLinked = define('already_linked', 409, '已转为问题', (message: string) => message);

// — tasks —
export const taskIsSplit = define(
  'task_split',
  409,
  '任务已分解为子任务，不能直接设置节点或填报进度',
  () => '该任务已分解为子任务，进度由子任务按权重汇总，不能直接设置节点或填报进度',
);
export const taskHasMilestones = define(
  'task_has_milestones',
  409,
  '任务已设置节点，不能再分解',
  () => '该任务已设置时序进度节点，不能再分解为子任务（请先删除节点）',
);

// — checks, bulletins, exemplars —
export const notEnoughInspectors = define(
  'not_enough_inspectors',
  400,
  '可抽取的检查人员不足（已排除需回避人员）',
  (unit: string, wanted: number) => ({
    message: `“${unit}”可抽取的检查人员不足 ${wanted} 人（已排除需回避人员）`,
    errors: [{ path: 'rosterIds', message: `“${unit}”可抽取的检查人员不足 ${wanted} 人` }],
  }),
);
export const checksPending = define(
  'checks_pending',
  409,
  '抽取的检查尚未全部记录',
  () => '本次抽取的检查尚未全部记录，暂不能公开结果',
);
export const objectionsOpen = define(
  'objections_open',
  409,
  '公示异议尚未处理',
  () => '公示期间的异议尚未全部处理，不能评选',
);
export const noticeRunning = define(
  'notice_running',
  409,
  '公示期未结束',
  (until: string) => `公示期至 ${until}，公示结束后方可评选`,
);
/** The same entry recorded twice (a 回避 for the same person and unit, a 亮点 flag on the same record). */
export const duplicateEntry = define('duplicate', 409, '已有相同的登记', (message: string) => message);

// — harden —
/** A workbook past a reading bound (inflated size, rows, cells, …): the message names the bound. */
export const importTooLarge = define(
  'import_too_large',
  413,
  '文件超出可导入的范围',
  (message: string) => `文件超出可导入的范围：${message}`,
);
/** An import rejected with only the first errors of each column listed (`total` counts them all). */
export const importRejectedListed = importRejected;
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
export const malformedMultipart = define(
  'malformed_multipart',
  400,
  '上传内容不是可解析的 multipart/form-data',
  () => '上传内容格式不正确：请以 multipart/form-data 重新上传文件',
);
/** A number the databases cannot store (Infinity, 1e400). */
export const numberOutOfRange = (path: string) => invalidField(path, `字段 ${path} 的数值超出范围`);
/** A state-changing request sent by another site's page (its Origin is not ours). */
export const crossSiteRequest = () => forbidden('请求来自其他网站，已拒绝（跨站请求）');

// — demands —
export const alreadyCoHandler = define('already_co_handler', 409, '该单位已是协办单位', () => '该单位已是协办单位');
export const categoryExists = define(
  'category_exists',
  409,
  '诉求类别代码已存在',
  (code: string) => `类别代码“${code}”已存在`,
);
export const configInPast = define(
  'config_in_past',
  409,
  '三率权重只能从今天或以后生效',
  () => '新权重只能从今天或以后生效，已过去的考核期不能改',
);

// — open311 —
const open311NotFound = define('open311_not_found', 404, 'Open311：资源不存在', (d: string) => d);
const open311BadKey = define('open311_bad_key', 403, 'Open311：api_key 缺失或无效', (d: string) => d);
const open311BadRequest = define('open311_bad_request', 400, 'Open311：请求有误', (d: string) => d);
/** An Open311 error; the Open311 routes render it in the standard `[{code, description}]` shape. */
export const open311Error = (status: 400 | 403 | 404, description: string) =>
  status === 404
    ? open311NotFound(description)
    : status === 403
      ? open311BadKey(description)
      : open311BadRequest(description);

// — imports —
export const importBusy = define(
  'import_busy',
  409,
  '导入预览正在读取、核对或写入，暂不能修改',
  () => '该导入正在处理中，请等处理完成后再操作',
);
export const importNotReady = define(
  'import_not_ready',
  409,
  '导入预览尚未通过核对（或已导入），不能确认',
  (status: string) => `当前状态为“${status}”，只有核对通过（待确认）的导入才能确认写入`,
);
export const idempotencyKeyReused = define(
  'idempotency_key_reused',
  409,
  'Idempotency-Key 已用于另一个请求',
  () => '该 Idempotency-Key 已用于另一次导入，请为新的请求使用新的键',
);
export const idempotencyInProgress = define(
  'idempotency_in_progress',
  409,
  '使用同一 Idempotency-Key 的请求仍在处理',
  () => '使用同一 Idempotency-Key 的导入仍在处理中，请稍后查询结果',
);
