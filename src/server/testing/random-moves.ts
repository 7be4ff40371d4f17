/**
 * Steps the recount property tests share: the org tree as the tests see it, and a random move of one unit under
 * another outside its own subtree (what every maintained figure must survive).
 */
import { expect } from 'vitest';
import type { Harness } from './harness.ts';

export interface TreeUnit {
  id: number;
  path: string;
  parentId: number | null;
  version: number;
}

/** Every unit, in id order. */
export const treeUnits = (h: Harness): Promise<TreeUnit[]> =>
  h.db.selectFrom('orgUnits').select(['id', 'path', 'parentId', 'version']).orderBy('id').execute();

/** Moves the `pick.unit`-th movable unit under the `pick.parent`-th unit that may take it (as the admin). */
export async function moveSomeUnit(h: Harness, all: TreeUnit[], pick: { unit: number; parent: number }) {
  const movable = all.filter((u) => u.parentId !== null);
  const unit = movable[pick.unit % movable.length];
  const targets = all.filter((u) => !u.path.startsWith(unit.path) && u.id !== unit.parentId);
  if (!targets.length) return;
  const parent = targets[pick.parent % targets.length];
  const res = await h.call('admin', 'POST', `/api/v1/orgs/${unit.id}/move`, {
    parentId: parent.id,
    version: unit.version,
  });
  expect(res.statusCode, res.body).toBe(200);
}
