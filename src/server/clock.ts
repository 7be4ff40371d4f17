/** Time in the one zone the product lives in: Asia/Shanghai. */

const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Current instant as ISO 8601 (UTC, with offset "Z"). */
export function nowIso(): string {
  return new Date().toISOString();
}

/** The calendar date (YYYY-MM-DD) in Asia/Shanghai of an instant. */
export function shanghaiDate(at: Date = new Date()): string {
  return dateFormat.format(at);
}

/** Today's date in Asia/Shanghai; TAIZHANG_TODAY overrides it for demos and tests. */
export function today(): string {
  return process.env.TAIZHANG_TODAY || shanghaiDate();
}

/** Adds calendar days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The UTC instant (ISO 8601, as instants are stored) at which a Shanghai calendar day starts: 00:00+08:00 is
 * 16:00Z the day before. Instants compared with these bounds (`at >= shanghaiDayStart(from)`,
 * `at < shanghaiDayStart(addDays(to, 1))`) fall on the Shanghai day, not the UTC one, and the comparison is
 * the same text comparison on SQLite and PostgreSQL.
 */
export function shanghaiDayStart(date: string): string {
  return `${addDays(date, -1)}T16:00:00.000Z`;
}
