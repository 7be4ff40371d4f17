/**
 * Table-driven permission tests. A module lists rows {as, method, url, body?, expect} and gets one `it`
 * per row on every test database. Rows that write get a fresh target from `setup`, so their order never
 * matters (one role's deactivate cannot make the next role's a 409).
 */
import { expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { describeEachDb, type Harness } from './harness.ts';
import type { StandardFixture } from './fixture.ts';

/** A fixture account, or null for an anonymous caller. */
export type Who = 'admin' | 'office' | 'secretary' | 'leader' | 'officer' | 'member' | 'supervisor' | 'outsider';
export const EVERYONE: Who[] = ['admin', 'office', 'secretary', 'leader', 'officer', 'member', 'supervisor', 'outsider'];

export interface RowContext<M = any> {
  fx: StandardFixture;
  h: Harness;
  /** What `setup` made for this row (fresh records to act on). */
  made: M;
  /** A short unique suffix for names that must not collide between rows. */
  uid: string;
}

type Dyn<T, M> = T | ((c: RowContext<M>) => T);

export interface MatrixRow<M = any> {
  /** Names the action in the test title, e.g. "PATCH /orgs/{branchB}". */
  what: string;
  as: Who | null;
  method: string;
  url: Dyn<string, M>;
  body?: ((c: RowContext<M>) => unknown) | Record<string, unknown> | unknown[];
  expect: number;
  /** Creates the records this row acts on (runs before the call, per row). */
  setup?: (h: Harness) => Promise<M>;
  /** Further assertions on the response (e.g. what a scoped list leaves out). */
  check?: (res: LightMyRequestResponse, c: RowContext<M>) => void | Promise<void>;
  /**
   * The module that serves this route is built on another branch. While its route is absent the row is
   * reported as skipped with the module's name (visible in the run); once merged it runs. Rows without
   * `awaiting` fail when their route is missing, and so do all rows under MATRIX_STRICT=1.
   */
  awaiting?: string;
}

/** One action against many callers: `expectations` maps each caller (and 'anonymous') to the status. */
export function action<M = any>(
  base: Omit<MatrixRow<M>, 'as' | 'expect'>,
  expectations: Partial<Record<Who | 'anonymous', number>>,
): MatrixRow<M>[] {
  return Object.entries(expectations).map(([who, status]) => ({
    ...base,
    as: who === 'anonymous' ? null : (who as Who),
    expect: status!,
  }));
}

/** Expectations where the listed callers get `ok` and every other account `otherwise`; anonymous 401. */
export function only(ok: number, allowed: Who[], otherwise: number, overrides: Partial<Record<Who, number>> = {}) {
  const out: Partial<Record<Who | 'anonymous', number>> = { anonymous: 401 };
  for (const who of EVERYONE) out[who] = overrides[who] ?? (allowed.includes(who) ? ok : otherwise);
  return out;
}

/** The route pattern of a concrete URL (numeric segments become parameters) for app.hasRoute. */
function routePattern(url: string): string {
  let n = 0;
  return url
    .split('?')[0]
    .split('/')
    .map((seg) => (/^\d+$/.test(seg) ? `:p${++n}` : seg))
    .join('/');
}

let counter = 0;

/** Registers one test per row, on SQLite and PostgreSQL. */
export function permissionMatrix(name: string, rows: MatrixRow[]): void {
  describeEachDb(`permission matrix: ${name}`, (h) => {
    for (const row of rows) {
      const who = row.as ?? 'anonymous';
      const title = `${row.what} as ${who} → ${row.expect}${row.awaiting ? ` [awaiting ${row.awaiting}]` : ''}`;
      it(title, async (ctx) => {
        const harness = h();
        const made = row.setup ? await row.setup(harness) : undefined;
        const c: RowContext = { fx: harness.fx, h: harness, made, uid: `${Date.now().toString(36)}${++counter}` };
        const url = typeof row.url === 'function' ? row.url(c) : row.url;
        if (!harness.app.hasRoute({ method: row.method as any, url: routePattern(url) })) {
          // MATRIX_STRICT=1 (CI after every branch is merged) turns a still-missing route into a failure.
          if (row.awaiting && process.env.MATRIX_STRICT !== '1') return ctx.skip(`route ${row.method} ${url} not built yet (module: ${row.awaiting})`);
          throw new Error(`route ${row.method} ${routePattern(url)} does not exist`);
        }
        const body = typeof row.body === 'function' ? (row.body as (c: RowContext) => unknown)(c) : row.body;
        const res = await harness.call(row.as, row.method, url, body);
        expect(res.statusCode, `${row.method} ${url} as ${who}: ${res.body.slice(0, 300)}`).toBe(row.expect);
        if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
        await row.check?.(res, c);
      });
    }
  });
}
