/** A 0–1 ratio as a percentage with one decimal place (0.8567 → 85.7). */
export function percent(ratio: number): number {
  return Math.round(ratio * 1000) / 10;
}

/** part / total as a 0–1 ratio; 0 when there is nothing to count. */
export function ratio(part: number, total: number): number {
  return total ? part / total : 0;
}

/** The Beijing calendar date of a recorded instant ("2026-12-01T22:17:34Z" → "2026-12-02"). */
export function dateOf(at: string | null | undefined): string {
  if (!at) return '';
  return new Date(at).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}
