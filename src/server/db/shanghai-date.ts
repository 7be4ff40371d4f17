import { sql, type Expression, type RawBuilder } from 'kysely';
import type { DialectName } from './connection.ts';

/**
 * SQL for the Shanghai calendar date ('YYYY-MM-DD') of a stored UTC instant, for a date shown from SQL (a
 * union's column, where JavaScript cannot convert it). Filters should not use it: they compare the instant with
 * shanghaiDayStart bounds (clock.ts), which an index can serve.
 */
export function shanghaiDateSql(dialect: DialectName, instant: Expression<string | null>): RawBuilder<string> {
  return dialect === 'postgres'
    ? sql<string>`to_char(cast(${instant} as timestamptz) at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`
    : sql<string>`date(${instant}, '+8 hours')`;
}
