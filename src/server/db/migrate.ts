import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { Db } from './connection.ts';

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Loads every migration file in db/migrations, ordered by name. */
class FolderProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = fs
      .readdirSync(folder)
      // .ts when Node strips the sources' types, .js when `npm start` runs the precompiled server.
      .filter((f) => /^\d{4}_.+\.[jt]s$/.test(f) && !/\.test\.[jt]s$/.test(f))
      .sort();
    const out: Record<string, Migration> = {};
    for (const file of files) {
      out[file.replace(/\.[jt]s$/, '')] = await import(pathToFileURL(path.join(folder, file)).href);
    }
    return out;
  }
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<void> {
  // Modules are built side by side, each with its own range of migration numbers, so a database may
  // already have run a later-numbered migration when an earlier-numbered one lands.
  const migrator = new Migrator({ db, provider: new FolderProvider(), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`数据库迁移失败${failed ? `（${failed.migrationName}）` : ''}：${cause}`);
  }
}
