/** A 0–1 ratio as a percentage with one decimal place (0.8567 → 85.7). */
export function percent(ratio: number): number {
  return Math.round(ratio * 1000) / 10;
}

/** part / total as a 0–1 ratio; 0 when there is nothing to count. */
export function ratio(part: number, total: number): number {
  return total ? part / total : 0;
}
