import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Db, type DialectName } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';

/** Where the PostgreSQL tests create their throwaway databases. */
export const PG_ADMIN_URL = process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** Databases the suite runs against; TEST_DATABASES=sqlite limits it (PostgreSQL is on by default). */
export function testDialects(): DialectName[] {
  const wanted = (process.env.TEST_DATABASES || 'sqlite,postgres').split(',').map((s) => s.trim());
  return (['sqlite', 'postgres'] as const).filter((d) => wanted.includes(d));
}

export interface TestDatabase {
  db: Db;
  url: string;
  dialect: DialectName;
  drop: () => Promise<void>;
}

/** A fresh, migrated database of the given dialect, private to the caller. */
export async function freshDatabase(dialect: DialectName): Promise<TestDatabase> {
  const name = `tz_test_${crypto.randomBytes(6).toString('hex')}`;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-'));
    const url = path.join(dir, `${name}.sqlite`);
    const db = openDatabase(url);
    await migrateToLatest(db);
    return {
      db,
      url,
      dialect,
      drop: async () => {
        await db.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const db = openDatabase(url, { poolSize: 4 });
  await migrateToLatest(db);
  return {
    db,
    url,
    dialect,
    drop: async () => {
      await db.destroy();
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
