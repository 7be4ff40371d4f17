/**
 * The HTTP contract as a whole, read from the OpenAPI document the app builds: every operation documents a
 * 2xx response schema (no Loose `{id}` objects that let anything through), and every operation has a row in
 * a permission matrix (src/server/permission-matrix.test.ts, cross-module.permissions.test.ts or a module's
 * *.permissions.test.ts), so each route is tried by every role at least once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from './app.ts';
import { loadConfig } from './config.ts';
import { freshDatabase, type TestDatabase } from './testing/databases.ts';
import {
  apiOperations,
  matrixRows,
  operationsWithoutResponseSchema,
  operationsWithoutRow,
} from './testing/route-coverage.ts';

/** Operations still without a response schema (this round's other helpers own them); shrink only. */
const WITHOUT_RESPONSE_SCHEMA = new Set<string>([]);

/** Operations still without a permission-matrix row; shrink only — add the row, then drop the line. */
const WITHOUT_MATRIX_ROW = new Set<string>([]);

/** Loose responses still to be given their real schema (exemplars, key tasks, checks, bulletins, study sessions); shrink only. */
const LOOSE_RESPONSES = new Set<string>([]);

type Doc = Parameters<typeof operationsWithoutResponseSchema>[0];
const label = (op: { method: string; path: string }) => `${op.method} ${op.path}`;

/** 2xx response schemas that are objects open to any property with at most an id declared. */
function looseResponses(doc: Doc): string[] {
  const out: string[] = [];
  for (const op of apiOperations(doc)) {
    const responses = doc.paths[op.path][op.method.toLowerCase()].responses ?? {};
    for (const [code, r] of Object.entries(responses)) {
      if (!code.startsWith('2')) continue;
      for (const media of Object.values(r.content ?? {}) as Array<{ schema?: Record<string, unknown> }>) {
        const s = media.schema ?? {};
        const item = (s.properties as Record<string, { items?: Record<string, unknown> }> | undefined)?.items?.items;
        for (const obj of [s, item]) {
          if (obj?.additionalProperties !== true) continue;
          const keys = Object.keys((obj.properties as object) ?? {});
          if (keys.every((k) => k === 'id')) out.push(`${label(op)} → ${code}`);
        }
      }
    }
  }
  return out;
}

describe('the HTTP contract', () => {
  let tdb: TestDatabase;
  let app: App;
  let doc: Doc;
  beforeAll(async () => {
    tdb = await freshDatabase('sqlite');
    app = await buildApp({ db: tdb.db, config: { ...loadConfig({}), databaseUrl: tdb.url } });
    await app.ready();
    doc = app.swagger() as unknown as Doc;
  });
  afterAll(async () => {
    await app?.close();
    await tdb?.drop();
  });

  it('reads the operations and the matrix rows (so the checks below cannot pass on nothing)', () => {
    expect(apiOperations(doc).length).toBeGreaterThan(200);
    expect(matrixRows().length).toBeGreaterThan(120);
  });

  it('every operation documents a 2xx response schema', () => {
    const missing = operationsWithoutResponseSchema(doc).map(label);
    expect(missing.filter((op) => !WITHOUT_RESPONSE_SCHEMA.has(op))).toEqual([]);
    expect([...WITHOUT_RESPONSE_SCHEMA].filter((op) => !missing.includes(op))).toEqual([]);
  });

  it('no 2xx response is a Loose object that declares at most an id', () => {
    const loose = looseResponses(doc);
    expect(loose.filter((r) => !LOOSE_RESPONSES.has(r))).toEqual([]);
    expect([...LOOSE_RESPONSES].filter((r) => !loose.includes(r))).toEqual([]);
  });

  it('every operation has a permission-matrix row', () => {
    const missing = operationsWithoutRow(apiOperations(doc)).map(label);
    expect(missing.filter((op) => !WITHOUT_MATRIX_ROW.has(op))).toEqual([]);
    expect([...WITHOUT_MATRIX_ROW].filter((op) => !missing.includes(op))).toEqual([]);
  });
});
