/**
 * How a list page is read when its total is known from maintained figures: walk the list's order index and
 * skip rows outside the subtree ('ordered'), or read the subtree's rows by path and sort them ('range').
 * Walking in order reads about (offset + limit) / share rows; reading the range sorts all `total` of them.
 * Without this SQLite picks the path index and a sort even for a whole city (about 10× slower there), or
 * the ordered walk for a branch of 16 rows (a scan of the whole campaign).
 */
export type ListPlan = 'ordered' | 'range';

export function listPlan(total: number, share: number, page: number, pageSize: number): ListPlan {
  return share > 0 && (page * pageSize) / share < total ? 'ordered' : 'range';
}
