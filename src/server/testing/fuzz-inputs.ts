/**
 * Hostile requests generated from the OpenAPI document: every operation, each request carrying at least one
 * value no route may accept (wrong type, past 32 bits, NUL, a megabyte of text, malformed JSON or multipart),
 * the rest filled validly with emoji text so the bad value is what gets judged. Seeded: the same run each time.
 */
// biome-ignore lint/suspicious/noExplicitAny: OpenAPI schemas of every shape are walked here
type Schema = Record<string, any>;

export interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  query: Record<string, Schema>;
  body?: Schema;
  multipart: boolean;
}

export interface FuzzRequest {
  method: string;
  url: string;
  payload?: string | Buffer;
  headers: Record<string, string>;
  /** What the request carries that must be refused. */
  what: string;
}

/** mulberry32: a small seeded PRNG. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function operationsOf(doc: { paths: Record<string, Record<string, Schema>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters ?? []) as Schema[];
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: Object.fromEntries(params.filter((p) => p.in === 'query').map((p) => [p.name, p.schema ?? {}])),
        body: op.requestBody?.content?.['application/json']?.schema,
        multipart: /multipart/.test(op.summary ?? ''),
      });
    }
  }
  return ops;
}

const MEGABYTE = 'x'.repeat(1024 * 1024);
const EMOJI = '😀台账🚩';
const BAD_IDS = ['2147483648', '9223372036854775808', '-1', '0', 'abc', '%00', '1e400', encodeURIComponent(EMOJI)];

const typeOf = (s: Schema): string =>
  (Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type) ??
  (s.anyOf ? typeOf(s.anyOf[0]) : 'string');

/** A valid-looking value for a schema (emoji in free text), used around the one bad value. */
export function validValue(s: Schema, depth = 0): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.anyOf) return validValue(s.anyOf.find((x: Schema) => x.type !== 'null') ?? s.anyOf[0], depth);
  switch (typeOf(s)) {
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return true;
    case 'array':
      return depth > 3 || !s.minItems
        ? []
        : Array.from({ length: s.minItems }, () => validValue(s.items ?? {}, depth + 1));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = validValue(s.properties?.[key] ?? {}, depth + 1);
      return out;
    }
    default:
      if (s.format === 'date') return '2026-06-01';
      if (s.format === 'date-time') return '2026-06-01T00:00:00Z';
      if (s.pattern) return undefined;
      return EMOJI.repeat(Math.ceil((s.minLength ?? 1) / EMOJI.length)).slice(0, Math.max(s.maxLength ?? 64, 1));
  }
}

/** Values no field of this schema may accept. */
function badValues(s: Schema): Array<{ raw: string; what: string }> {
  const t = typeOf(s);
  const json = (v: unknown, what: string) => ({ raw: JSON.stringify(v), what });
  if (t === 'integer' || t === 'number')
    return [
      json('12', 'a number as text'),
      { raw: '2147483648', what: '2^31' },
      { raw: '9223372036854775808', what: '2^63' },
      { raw: '-9223372036854775809', what: '-2^63-1' },
      { raw: '1e400', what: '1e400' },
      json(EMOJI, 'emoji for a number'),
    ];
  if (t === 'boolean') return [json('true', 'text for a boolean'), json(1, 'a number for a boolean')];
  if (t === 'array') return [json('[]', 'text for a list'), json({}, 'an object for a list')];
  if (t === 'object') return [json([], 'a list for an object'), json('x', 'text for an object')];
  return [json(`a\u0000b`, 'NUL'), json(MEGABYTE, '1 MB string'), json(12345, 'a number for text')];
}

/** A JSON body with `key` set to the raw JSON `raw` (so 1e400 and 2^63 reach the parser as written). */
function bodyWith(body: Schema, key: string, raw: string): string {
  const valid = validValue(body) as Record<string, unknown>;
  const marker = '"__FUZZ__"';
  return JSON.stringify({ ...valid, [key]: '__FUZZ__' }).replace(marker, raw);
}

/** Up to `perOperation` hostile requests for one operation. */
export function hostileRequests(op: Operation, perOperation: number, random: () => number): FuzzRequest[] {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const url = (params: Record<string, string>, query = '') =>
    `${op.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '1')}${query ? `?${query}` : ''}`;
  const validQuery = () =>
    Object.entries(op.query)
      .filter(([name]) => name === 'campaignId')
      .map(([name]) => `${name}=1`);
  const json = { 'content-type': 'application/json' };
  const candidates: Array<() => FuzzRequest> = [];
  for (const name of op.pathParams)
    candidates.push(() => {
      const bad = pick(BAD_IDS);
      return {
        method: op.method,
        url: url({ [name]: bad }),
        payload: op.body ? JSON.stringify(validValue(op.body)) : undefined,
        headers: op.body ? json : {},
        what: `path ${name}=${bad}`,
      };
    });
  for (const [name, schema] of Object.entries(op.query))
    candidates.push(() => {
      const bad = pick([...BAD_IDS, '%00%00%00', encodeURIComponent(MEGABYTE)]);
      const isText = typeOf(schema) === 'string' && !schema.enum && !schema.format && !schema.pattern;
      const value = isText ? pick(['%00%00%00', encodeURIComponent(MEGABYTE), 'a%00b']) : bad;
      return {
        method: op.method,
        url: url({}, [...validQuery().filter((q) => !q.startsWith(`${name}=`)), `${name}=${value}`].join('&')),
        headers: {},
        what: `query ${name}=${value.slice(0, 24)}`,
      };
    });
  const body = op.body;
  if (body) {
    for (const [key, schema] of Object.entries((body.properties ?? {}) as Record<string, Schema>))
      candidates.push(() => {
        const bad = pick(badValues(schema));
        return {
          method: op.method,
          url: url({}),
          payload: bodyWith(body, key, bad.raw),
          headers: json,
          what: `body ${key}: ${bad.what}`,
        };
      });
    const idKeys = Object.keys(body.properties ?? {}).filter((k) => /Ids?$/.test(k));
    if (idKeys.length)
      candidates.push(() => {
        // Ids that fit but name nothing: a foreign key must be a 400/404, not the database's error as a 500.
        const valid = validValue(body) as Record<string, unknown>;
        for (const k of idKeys) valid[k] = k.endsWith('Ids') ? [999_999] : 999_999;
        return {
          method: op.method,
          url: url({}),
          payload: JSON.stringify(valid),
          headers: json,
          what: `nonexistent ${idKeys.join(', ')}`,
        };
      });
    candidates.push(() => ({
      method: op.method,
      url: url({}),
      payload: pick(['{"a":', '{"x":1}}', '[1,2', '\u0000', '{"__proto__":{"admin":true}}']),
      headers: json,
      what: 'malformed or unexpected JSON',
    }));
  }
  if (op.multipart)
    candidates.push(() => ({
      method: op.method,
      url: url({}),
      payload: pick([Buffer.from('--x\r\ngarbage'), Buffer.from('not multipart at all'), Buffer.alloc(0)]),
      headers: { 'content-type': pick(['multipart/form-data', 'multipart/form-data; boundary=x']) },
      what: 'malformed multipart',
    }));
  if (!candidates.length) return [];
  return Array.from({ length: perOperation }, () => pick(candidates)());
}
