/**
 * 老不改 and repeats: a demand near an open or recently closed one of the same category. Places are bucketed
 * into a grid of cells about 250 m square, so the check reads one index range per neighbouring cell (a 3×3
 * block) instead of scanning; the few candidates found are then measured exactly.
 */

const LAT_STEP = 0.0025; // ≈ 278 m
const LONG_STEP = 0.003; // ≈ 250–300 m at Chinese latitudes

export function cellOf(lat: number | null | undefined, long: number | null | undefined): string | null {
  if (lat == null || long == null) return null;
  return `${Math.floor(lat / LAT_STEP)}:${Math.floor(long / LONG_STEP)}`;
}

/** The cell and its eight neighbours; enough for any distance up to one cell's size. */
export function neighbourCells(cell: string, rings = 1): string[] {
  const [r, c] = cell.split(':').map(Number);
  const out: string[] = [];
  for (let dr = -rings; dr <= rings; dr++) for (let dc = -rings; dc <= rings; dc++) out.push(`${r + dr}:${c + dc}`);
  return out;
}

/** How many rings of cells cover a radius in metres. */
export function ringsFor(distanceM: number): number {
  return Math.max(1, Math.min(4, Math.ceil(distanceM / 250)));
}

/** Great-circle distance in metres (haversine). */
export function distanceM(a: { lat: number; long: number }, b: { lat: number; long: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLong = (b.long - a.long) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLong / 2) ** 2;
  return 2 * 6371000 * Math.asin(Math.sqrt(h));
}
