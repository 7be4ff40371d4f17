import { afterAll, beforeAll, describe } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { Db, DialectName } from '../db/connection.ts';
import { freshDatabase, testDialects, type TestDatabase } from './databases.ts';
import { FIXTURE_PASSWORD, standardFixture, type StandardFixture } from './fixture.ts';
import type { InjectOptions } from 'fastify';

export interface Harness {
  app: App;
  db: Db;
  dialect: DialectName;
  fx: StandardFixture;
  /** Session cookie of a fixture account, logged in once and cached. */
  cookie(username: string): Promise<string>;
  /** An API call as a fixture account (or anonymous with null). */
  call(username: string | null, method: string, url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

/**
 * Runs the same describe block once per database (SQLite and PostgreSQL), each on a fresh database
 * with the standard fixture and the real app behind app.inject.
 */
export function describeEachDb(name: string, body: (h: () => Harness) => void): void {
  for (const dialect of testDialects()) {
    describe(`${name} [${dialect}]`, () => {
      let tdb: TestDatabase;
      let harness: Harness;
      beforeAll(async () => {
        tdb = await freshDatabase(dialect);
        const fx = await standardFixture(tdb.db);
        const config = { ...loadConfig({}), databaseUrl: tdb.url };
        const app = await buildApp({ db: tdb.db, config });
        await app.ready();
        const cookies = new Map<string, string>();
        const cookie = async (username: string) => {
          const cached = cookies.get(username);
          if (cached) return cached;
          const res = await app.inject({
            method: 'POST',
            url: '/api/v1/session',
            payload: { username, password: FIXTURE_PASSWORD },
          });
          if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
          const c = res.cookies.find((k) => k.name === 'tz_session')!;
          const header = `tz_session=${c.value}`;
          cookies.set(username, header);
          return header;
        };
        const call = async (username: string | null, method: string, url: string, payload?: unknown) =>
          app.inject({
            method: method as InjectOptions['method'],
            url,
            payload: payload as InjectOptions['payload'],
            headers: username ? { cookie: await cookie(username) } : {},
          });
        harness = { app, db: tdb.db, dialect, fx, cookie, call };
      });
      afterAll(async () => {
        await harness?.app.close();
        await tdb?.drop();
      });
      body(() => harness);
    });
  }
}
