import { expect, it } from 'vitest';
import type { Harness } from './harness.ts';
import type { StandardFixture } from './fixture.ts';

/** Every account of the standard fixture, plus anonymous (null). */
export const EVERYONE = [
  'admin',
  'office',
  'secretary',
  'leader',
  'officer',
  'member',
  'supervisor',
  'outsider',
  null,
] as const;
export type Who = (typeof EVERYONE)[number];

export interface MatrixRow {
  /** What is being tried, e.g. "update branchB". */
  label: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: (fx: StandardFixture) => string;
  /** A fresh body per attempt (so versions and names can be looked up at run time). */
  body?: (h: Harness) => Promise<unknown> | unknown;
  /** A multipart upload instead of a JSON body (payload and its content-type header, e.g. from multipart()). */
  upload?: () => { payload: Buffer; headers: Record<string, string> };
  /**
   * Expected status per account; accounts not listed expect `otherwise`. Anonymous callers expect 401
   * unless the row names `anonymous` (the public routes: health, log-in, log-out).
   */
  expect: Partial<Record<Exclude<Who, null> | 'anonymous', number>>;
  otherwise: number;
  /** The content type of an error answer: application/problem+json unless the route speaks another standard (Open311). */
  errorType?: string;
}

/**
 * Generates one test per row and account: every role against a resource, so a change in scope or policy
 * shows up as a failing cell. Rows that succeed for one role may change state, so keep bodies idempotent
 * or the expected cell read-only.
 */
export function permissionMatrix(h: () => Harness, rows: MatrixRow[]): void {
  for (const row of rows) {
    for (const who of EVERYONE) {
      const key = who ?? 'anonymous';
      const want = key === 'anonymous' ? (row.expect.anonymous ?? 401) : (row.expect[key] ?? row.otherwise);
      it(`${row.label}: ${key} → ${want}`, async () => {
        const harness = h();
        const body = row.body ? await row.body(harness) : undefined;
        const upload = row.upload?.();
        const res = upload
          ? await harness.app.inject({
              method: row.method,
              url: row.url(harness.fx),
              payload: upload.payload,
              headers: { ...upload.headers, ...(who ? { cookie: await harness.cookie(who) } : {}) },
            })
          : await harness.call(who, row.method, row.url(harness.fx), body);
        expect(res.statusCode, res.body).toBe(want);
        if (res.statusCode >= 400)
          expect(res.headers['content-type']).toContain(row.errorType ?? 'application/problem+json');
      });
    }
  }
}
