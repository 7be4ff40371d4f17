import type { FastifyInstance } from 'fastify';
import { nulInField, numberOutOfRange } from '../errors.ts';

/** The path of the first string (or key) holding a NUL byte, or null. PostgreSQL cannot store NUL in text. */
export function nulPath(value: unknown, path = '', depth = 0): string | null {
  return firstPath(value, (v) => typeof v === 'string' && v.includes('\0'), true, path, depth);
}

/** The path of the first number that is not finite (a query's 1e400, coerced by the validator), or null. */
export function nonFinitePath(value: unknown): string | null {
  return firstPath(value, (v) => typeof v === 'number' && !Number.isFinite(v), false);
}

function firstPath(
  value: unknown,
  bad: (leaf: unknown) => boolean,
  keys: boolean,
  path = '',
  depth = 0,
): string | null {
  if (bad(value)) return path || '(值)';
  if (!value || typeof value !== 'object' || depth > 64) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstPath(value[i], bad, keys, path ? `${path}.${i}` : String(i), depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  for (const key in value as Record<string, unknown>) {
    const here = path ? `${path}.${key}` : key;
    if (keys && bad(key)) return here;
    const found = firstPath((value as Record<string, unknown>)[key], bad, keys, here, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Refuses a NUL byte anywhere in a request's path parameters, query or JSON body, for every route (including
 * routes added later), before validation: SQLite would store it and PostgreSQL answer 500.
 */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const part of [request.params, request.query, request.body]) {
      if (Buffer.isBuffer(part)) continue;
      const path = nulPath(part);
      if (path !== null) throw nulInField(path);
    }
  });
  // ajv coerces a query's "1e400" to Infinity and then skips its maximum (strictNumbers guards it with isFinite).
  app.addHook('preHandler', async (request) => {
    for (const part of [request.params, request.query]) {
      const path = nonFinitePath(part);
      if (path !== null) throw numberOutOfRange(path);
    }
  });
}
