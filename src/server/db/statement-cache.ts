import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * better-sqlite3 behind Kysely with prepared statements reused by SQL text. Kysely prepares every query it
 * runs: on a busy list or dashboard preparing costs about as much as executing, and better-sqlite3 frees a
 * statement only when V8 collects its small wrapper — V8 cannot see the native memory behind it, so a
 * transaction of tens of thousands of statements (an import) held hundreds of megabytes. Queries run one at
 * a time on the single connection, so a cached statement is never in use twice. Least recently used
 * statements are dropped past `size`.
 */
export function withStatementCache(database: SQLite.Database, size = 1000, onClose?: () => void): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      onClose?.();
      cache.clear();
      database.close();
    },
    prepare(sql: string) {
      const hit = cache.get(sql);
      if (hit) {
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const statement = database.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
      return statement;
    },
  } as SqliteDatabase;
}
