/** Buffered multi-row inserts for the generator, so millions of rows never sit in memory at once. */
import type { Db } from '../../src/server/db/connection.ts';
import { insertMany, rowsPerStatement } from '../../src/server/db/insert-many.ts';
import type { Database } from '../../src/server/db/schema.ts';

export class BatchWriter {
  private rows: object[] = [];
  private readonly db: Db;
  private readonly table: keyof Database & string;
  count = 0;
  constructor(db: Db, table: keyof Database & string) {
    this.db = db;
    this.table = table;
  }

  async push(row: object): Promise<void> {
    this.rows.push(row);
    this.count++;
    if (this.rows.length >= rowsPerStatement(row)) await this.flush();
  }

  async flush(): Promise<void> {
    const rows = this.rows;
    this.rows = [];
    await insertMany(this.db, this.table, rows, { returnIds: false });
  }
}
