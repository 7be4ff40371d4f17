import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openDatabase } from './connection.ts';

it('checkpoints the WAL from its own thread: the database file takes the commits without another write', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-ckpt-'));
  const file = path.join(dir, 'db.sqlite');
  const db = openDatabase(file, { backgroundCheckpoints: true });
  try {
    await sql`create table t (id integer primary key, body text)`.execute(db);
    const before = fs.statSync(file).size;
    // Far below the backstop threshold (10,000 pages), so only the checkpointer can move it into the file.
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 200; i++) await sql`insert into t (body) values (${'x'.repeat(1000)})`.execute(trx);
    });
    const deadline = Date.now() + 5000;
    while (fs.statSync(file).size <= before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(fs.statSync(file).size).toBeGreaterThan(before + 100_000);
    const { rows } = await sql<{ n: number }>`select count(*) as n from t`.execute(db);
    expect(Number(rows[0].n)).toBe(200);
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
