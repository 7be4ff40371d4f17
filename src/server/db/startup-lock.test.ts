import { describe, expect, it } from 'vitest';
import { bootstrap } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { ensureTallies } from '../tallies.ts';
import { freshDatabase, testDialects } from '../testing/databases.ts';
import { openDatabase } from './connection.ts';
import { underStartupLock } from './startup-lock.ts';

const quiet = { info() {}, warn() {}, error() {} } as unknown as Parameters<typeof bootstrap>[2];

describe.runIf(testDialects().includes('postgres'))('start-up under a lock [postgres]', () => {
  it('lets two nodes start together on an empty database with the demo on: one seeds, neither fails', async () => {
    const tdb = await freshDatabase('postgres');
    const nodes = [openDatabase(tdb.url, { poolSize: 3 }), openDatabase(tdb.url, { poolSize: 3 })];
    try {
      const config = { ...loadConfig({}), databaseUrl: tdb.url, demo: true, demoPassword: 'demo1234' };
      const started = await Promise.allSettled(
        nodes.map((db) =>
          underStartupLock(db, async (conn) => {
            await bootstrap(conn, config, quiet);
            await ensureTallies(conn);
          }),
        ),
      );
      expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'ok'))).toEqual(['ok', 'ok']);
      const users = await tdb.db.selectFrom('users').select('username').orderBy('username').execute();
      expect(users.map((u) => u.username)).toEqual(
        ['admin', 'branch', 'leader', 'member', 'office', 'officer', 'secretary', 'supervisor'].sort(),
      );
      const campaigns = await tdb.db.selectFrom('campaigns').select('id').execute();
      expect(campaigns).toHaveLength(2);
    } finally {
      await Promise.all(nodes.map((db) => db.destroy()));
      await tdb.drop();
    }
  }, 240_000);
});
