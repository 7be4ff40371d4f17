/**
 * The honest limit's database access: no query builder, every statement prepared once and reused — a
 * better-sqlite3 statement per SQL text, or a named node-postgres prepared statement (parsed and planned
 * once per connection). SQL is written once with `@name` parameters; rows come back with the aliases the SQL
 * gives them (quoted camelCase), as the served route's presenters expect.
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';

// As the server's connection does: counts and ids as numbers.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export type Params = Record<string, unknown>;

export interface LimitDb {
  dialect: 'sqlite' | 'postgres';
  all<T>(sql: string, params?: Params): Promise<T[]>;
  close(): Promise<void>;
}

function sqliteDb(file: string): LimitDb {
  const db = new SQLite(file, { readonly: false });
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  const statements = new Map<string, SQLite.Statement>();
  return {
    dialect: 'sqlite',
    async all<T>(text: string, params: Params = {}) {
      let s = statements.get(text);
      if (!s) statements.set(text, (s = db.prepare(text)));
      return s.all(params) as T[];
    },
    async close() {
      db.close();
    },
  };
}

/** `@name` → `$n`, each name one position, so a parameter used twice is sent once. */
function positional(text: string): { text: string; names: string[] } {
  const names: string[] = [];
  const out = text.replace(/@([a-zA-Z]\w*)/g, (_, name: string) => {
    let i = names.indexOf(name);
    if (i < 0) i = names.push(name) - 1;
    return `$${i + 1}`;
  });
  return { text: out, names };
}

function postgresDb(url: string, poolSize: number): LimitDb {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const prepared = new Map<string, { name: string; text: string; names: string[] }>();
  return {
    dialect: 'postgres',
    async all<T>(text: string, params: Params = {}) {
      let p = prepared.get(text);
      if (!p) prepared.set(text, (p = { name: `limit_${prepared.size}`, ...positional(text) }));
      const result = await pool.query({ name: p.name, text: p.text, values: p.names.map((n) => params[n]) });
      return result.rows as T[];
    },
    close: () => pool.end(),
  };
}

export function openLimitDb(url: string): LimitDb {
  return /^postgres(ql)?:\/\//.test(url) ? postgresDb(url, 10) : sqliteDb(url);
}
