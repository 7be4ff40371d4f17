/** Multi-row inserts for the generator: rows are buffered and written a few thousand bind parameters at a time. */
import type { Db } from '../../src/server/db/connection.ts';

/** Bind parameters per statement: well under SQLite's 32,766 and PostgreSQL's 65,535. */
const PARAMS_PER_STATEMENT = 8_000;

const rowsPerStatement = (row: Record<string, unknown>) => Math.max(1, Math.floor(PARAMS_PER_STATEMENT / Object.keys(row).length));

/** Inserts every row and returns the new ids in row order (ids are handed out in VALUES order by both databases). */
export async function insertReturningIds(db: Db, table: string, rows: Record<string, unknown>[]): Promise<number[]> {
  if (!rows.length) return [];
  const size = rowsPerStatement(rows[0]);
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += size) {
    const out = (await (db as any).insertInto(table).values(rows.slice(i, i + size)).returning('id').execute()) as Array<{ id: number }>;
    ids.push(...out.map((r) => Number(r.id)).sort((a, b) => a - b));
  }
  return ids;
}

/** Buffers rows of one table and flushes them as multi-row inserts, so millions of rows never sit in memory at once. */
export class BatchWriter {
  private rows: Record<string, unknown>[] = [];
  private readonly db: Db;
  private readonly table: string;
  count = 0;
  constructor(db: Db, table: string) {
    this.db = db;
    this.table = table;
  }

  async push(row: Record<string, unknown>): Promise<void> {
    this.rows.push(row);
    this.count++;
    if (this.rows.length >= rowsPerStatement(row)) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.rows.length) return;
    const rows = this.rows;
    this.rows = [];
    await (this.db as any).insertInto(this.table).values(rows).execute();
  }
}
