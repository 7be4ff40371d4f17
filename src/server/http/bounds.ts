/**
 * Bounds every schema to what both databases store, in one place, so that a route cannot forget: the validator
 * compiler passes each request schema through here. An integer without tighter bounds is kept to PostgreSQL's
 * 32-bit `integer` (ids 1..2^31−1 are narrowed further by their own minimum); a number likewise; a string
 * without a maxLength gets a generous one. The schema objects are bounded in place, so the OpenAPI document
 * shows the same bounds the validator applies. NUL bytes are refused for every string by input-guard.ts.
 */
export const INT_MIN = -(2 ** 31);
export const INT_MAX = 2 ** 31 - 1;
/** For free text without its own limit: far above any real field, far below what a 2 MB body could carry. */
export const DEFAULT_MAX_LENGTH = 100_000;

type Schema = Record<string, unknown>;

const typesOf = (schema: Schema): unknown[] =>
  Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];

function bound(schema: Schema, seen: Set<object>): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  const types = typesOf(schema);
  if (types.includes('integer') || types.includes('number')) {
    schema.minimum = Math.max(typeof schema.minimum === 'number' ? schema.minimum : INT_MIN, INT_MIN);
    schema.maximum = Math.min(typeof schema.maximum === 'number' ? schema.maximum : INT_MAX, INT_MAX);
  }
  if (
    types.includes('string') &&
    schema.maxLength === undefined &&
    schema.enum === undefined &&
    schema.const === undefined
  )
    schema.maxLength = DEFAULT_MAX_LENGTH;
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'enum' || key === 'const' || key === 'default' || key === 'examples') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof item === 'object') bound(item as Schema, seen);
    } else if (value && typeof value === 'object') bound(value as Schema, seen);
  }
}

/** The same schema, its integers, numbers and strings bounded (idempotent; schemas shared by routes are fine). */
export function boundSchema<S>(schema: S): S {
  if (schema && typeof schema === 'object') bound(schema as Schema, new Set());
  return schema;
}
