import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { FieldError } from '../errors.ts';
import { boundSchema } from './bounds.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function makeAjv(coerce: boolean): Ajv {
  // Bodies are validated strictly: a wrong type is an error, never coerced; unknown fields are rejected.
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    removeAdditional: false,
    useDefaults: true,
    coerceTypes: coerce ? 'array' : false,
    // NaN and ±Infinity (JSON's 1e400 parses to Infinity) are not numbers, let alone integers.
    strictNumbers: true,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

const strictAjv = makeAjv(false);
const coercingAjv = makeAjv(true);

/** Body and headers strictly; querystring and params with coercion (they arrive as strings). */
export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? strictAjv : coercingAjv;
  return ajv.compile(boundSchema(schema) as object);
};

const typeNames: Record<string, string> = {
  string: '文本',
  integer: '整数',
  number: '数字',
  boolean: '是/否（true 或 false）',
  object: '对象',
  array: '列表',
  null: '空值',
};

const formatNames: Record<string, string> = {
  date: '日期（YYYY-MM-DD）',
  'date-time': '时间（ISO 8601）',
  email: '电子邮箱',
  uri: '网址',
};

function fieldLabel(error: ErrorObject): string {
  const schema = error.parentSchema as { title?: string } | undefined;
  const name = error.instancePath.split('/').filter(Boolean).pop();
  if (schema?.title) return `“${schema.title}”`;
  return name ? `字段 ${name}` : '请求体';
}

function describe(error: ErrorObject): string {
  const label = fieldLabel(error);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `缺少必填字段 ${p.missingProperty}`;
    case 'additionalProperties':
      return `不允许的字段 ${p.additionalProperty}`;
    case 'type': {
      const types = String(p.type)
        .split(',')
        .map((t) => typeNames[t] ?? t);
      return `${label}应为${types.join('或')}`;
    }
    case 'maxLength':
      return `${label}不能超过 ${p.limit} 个字符`;
    case 'minLength':
      return p.limit === 1 ? `${label}不能为空` : `${label}至少 ${p.limit} 个字符`;
    case 'maximum':
      return `${label}不能大于 ${p.limit}`;
    case 'minimum':
      return `${label}不能小于 ${p.limit}`;
    case 'maxItems':
      return `${label}最多 ${p.limit} 项`;
    case 'minItems':
      return `${label}至少 ${p.limit} 项`;
    case 'enum':
      return `${label}的取值无效，可选：${(p.allowedValues as unknown[]).join('、')}`;
    case 'const':
      return `${label}的取值无效`;
    case 'format':
      // 2030-02-30 has the shape of a date but no such day exists: say so rather than "wrong format".
      if (p.format === 'date' && typeof error.data === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(error.data))
        return `${label}“${error.data}”不是有效日期（该日不存在）`;
      return `${label}格式不正确，应为${formatNames[String(p.format)] ?? p.format}`;
    case 'pattern': {
      const hint = (error.parentSchema as { description?: string } | undefined)?.description;
      return `${label}格式不正确${hint ? `：${hint}` : ''}`;
    }
    default:
      return `${label}无效`;
  }
}

function pathOf(error: ErrorObject): string {
  const base = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const p = error.params as Record<string, unknown>;
  const extra =
    error.keyword === 'required'
      ? p.missingProperty
      : error.keyword === 'additionalProperties'
        ? p.additionalProperty
        : '';
  return [base, extra].filter(Boolean).join('.');
}

/** Turns ajv errors into field errors with Chinese messages naming the field. */
export function toFieldErrors(errors: ErrorObject[]): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of errors) {
    if (e.keyword === 'if' || e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
    // A nullable field's "or null" branch adds nothing the other branch's message does not already say.
    if (e.keyword === 'type' && (e.params as { type?: string }).type === 'null') continue;
    const item = { path: pathOf(e), message: describe(e) };
    const key = `${item.path}|${item.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(item);
    }
  }
  return out;
}
