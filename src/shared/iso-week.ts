/** ISO 8601 weeks ("2026-W49", Monday first) for the 周调度, shared by server and web. */

const utc = (date: string) => new Date(`${date}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The ISO week a date (YYYY-MM-DD) falls in. */
export function weekOf(date: string): string {
  const d = utc(date);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  d.setUTCDate(d.getUTCDate() - weekday + 3); // the week's Thursday decides its year
  const year = d.getUTCFullYear();
  const week = Math.floor((d.getTime() - Date.UTC(year, 0, 1)) / 86400000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of an ISO week, or null when the week does not exist in that year (W53 of a 52-week year). */
export function mondayOf(week: string): string | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return null;
  const jan4 = new Date(Date.UTC(Number(m[1]), 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + (Number(m[2]) - 1) * 7);
  const out = iso(monday);
  return weekOf(out) === week ? out : null;
}

/** The week before. */
export function previousWeek(week: string): string {
  const monday = mondayOf(week);
  if (!monday) return week;
  const d = utc(monday);
  d.setUTCDate(d.getUTCDate() - 7);
  return weekOf(iso(d));
}
