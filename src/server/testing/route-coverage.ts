/**
 * Which API routes the permission matrices cover: the rows are read from the matrix test files' source
 * (`method: 'GET', url: () => `/api/v1/…``), their URLs turned into patterns, and matched against the
 * operations of the OpenAPI document. Read statically so one test can check every matrix at once.
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');

export interface RouteOperation {
  method: string;
  /** OpenAPI path, e.g. /api/v1/problems/{id}. */
  path: string;
}

export interface MatrixRowRef {
  method: string;
  url: string;
  file: string;
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return walk(p);
    return e.name.endsWith('.test.ts') ? [p] : [];
  });
}

const rowRe = /method: '(GET|POST|PATCH|PUT|DELETE)',\s*url: \([^)]*\) =>\s*(`[^`]*`|'[^']*')/g;

/** Every matrix row of every test file that calls permissionMatrix(…). */
export function matrixRows(): MatrixRowRef[] {
  const rows: MatrixRowRef[] = [];
  for (const file of walk(path.join(root, 'src'))) {
    const text = fs.readFileSync(file, 'utf8');
    if (!text.includes('permissionMatrix(')) continue;
    for (const m of text.matchAll(rowRe))
      rows.push({ method: m[1], url: m[2].slice(1, -1), file: path.relative(root, file) });
  }
  return rows;
}

/** A row's URL as path segments; an interpolation (`${…}`) stands for any one segment. */
function segmentsOf(url: string): string[] {
  const pathOnly = url.replace(/\$\{[^}]*\}/g, '\u0000').split('?')[0];
  return pathOnly.split('/').filter(Boolean);
}

function matches(op: RouteOperation, row: MatrixRowRef): boolean {
  if (op.method.toUpperCase() !== row.method) return false;
  const want = op.path.split('/').filter(Boolean);
  const got = segmentsOf(row.url);
  if (want.length !== got.length) return false;
  return want.every((seg, i) => {
    if (got[i] === '\u0000' || got[i].includes('\u0000')) return /\{\w+\}/.test(seg) || got[i] === '\u0000';
    if (/^\{\w+\}$/.test(seg)) return true;
    // A parameter inside a segment ("{id}.docx"): the literal parts must agree.
    if (/\{\w+\}/.test(seg)) return new RegExp(`^${seg.replace(/\{\w+\}/g, '[^/]+')}$`).test(got[i]);
    return seg === got[i];
  });
}

/** The /api/v1 operations of an OpenAPI document. */
export function apiOperations(doc: { paths: Record<string, Record<string, unknown>> }): RouteOperation[] {
  const methods = new Set(['get', 'post', 'patch', 'put', 'delete']);
  return Object.entries(doc.paths).flatMap(([p, ops]) =>
    p.startsWith('/api/v1/')
      ? Object.keys(ops)
          .filter((m) => methods.has(m))
          .map((m) => ({ method: m.toUpperCase(), path: p }))
      : [],
  );
}

/** Operations no matrix row reaches. */
export function operationsWithoutRow(ops: RouteOperation[], rows = matrixRows()): RouteOperation[] {
  return ops.filter((op) => !rows.some((r) => matches(op, r)));
}

/** Operations without a schema for any 2xx response. */
export function operationsWithoutResponseSchema(doc: {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>>;
}): RouteOperation[] {
  return apiOperations(doc).filter((op) => {
    const responses = doc.paths[op.path][op.method.toLowerCase()].responses ?? {};
    return !Object.entries(responses).some(([code, r]) => /^2/.test(code) && (r.content || code === '204'));
  });
}
