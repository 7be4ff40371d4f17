import { sql, type SqlBool } from 'kysely';

/**
 * A measure (aliased `pm`) finished after its deadline, in Shanghai dates: done at or after the start of the
 * Shanghai day after the deadline. That day's 00:00+08:00 is the deadline's own date at 16:00Z, so the bound
 * is `deadline || 'T16:00:00.000Z'` — a text comparison of ISO instants, the same on SQLite and PostgreSQL.
 * (Comparing the UTC date of done_at would call a measure done at 07:00 the day after its deadline on time.)
 * The on-time figure of the list (onTimePredicate) and of the tally (problemTally) both use it.
 */
export const MEASURE_DONE_LATE = sql<SqlBool>`pm.done_at >= (pm.deadline || 'T16:00:00.000Z')`;
