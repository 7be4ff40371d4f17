import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { commitmentOf, drawFromPool, partialShuffle, runDraw, uniformBelow } from './draw.ts';

const pool = [41, 7, 19, 3, 88, 23, 54, 12, 66, 30];
const base = { pool, count: 3, seed: 'a'.repeat(64), purpose: 'units' };

describe('the spot-check draw', () => {
  it('gives the same units for the same inputs, whatever order the pool was given in', () => {
    const a = drawFromPool(base);
    const b = drawFromPool({ ...base, pool: [...pool].reverse() });
    expect(b.drawn).toEqual(a.drawn);
    expect(b.poolHash).toBe(a.poolHash);
    expect(a.drawn).toHaveLength(3);
    expect(new Set(a.drawn).size).toBe(3);
    for (const id of a.drawn) expect(pool).toContain(id);
  });

  it('changes when one pool member or the seed changes', () => {
    const a = drawFromPool(base);
    // Replace one member that was not drawn: a draw that ignored the pool's identity would not notice.
    const spare = pool.find((id) => !a.drawn.includes(id))!;
    const swapped = drawFromPool({ ...base, pool: pool.map((id) => (id === spare ? 99 : id)) });
    expect(swapped.poolHash).not.toBe(a.poolHash);
    expect(swapped.drawn).not.toEqual(a.drawn);
    expect(drawFromPool({ ...base, seed: 'b'.repeat(64) }).drawn).not.toEqual(a.drawn);
  });

  it('draws every unit equally often over many seeds (chi-square, 9 degrees of freedom, p = 0.001)', () => {
    const counts = new Map<number, number>(pool.map((id) => [id, 0]));
    const draws = 3000;
    for (let s = 0; s < draws; s++) {
      for (const id of drawFromPool({ ...base, seed: `seed-${s}` }).drawn) counts.set(id, counts.get(id)! + 1);
    }
    const expected = (draws * base.count) / pool.length;
    const chi = [...counts.values()].reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    expect(chi).toBeLessThan(27.88);
  });

  it('rejects the values past the last whole multiple instead of folding them (no modulo bias)', () => {
    const values = [0xffffffff, 5];
    const next = () => values.shift()!;
    // 2^32 mod 3 = 1, so 0xffffffff lies past the last whole multiple of 3 and must be redrawn.
    expect(uniformBelow(next, 3)).toBe(2);
    expect(values).toHaveLength(0);
  });

  it('a partial shuffle is a permutation prefix for any stream', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 40 }),
        fc.nat(50),
        fc.array(fc.nat({ max: 0xffffffff }), { minLength: 1, maxLength: 20 }),
        (items, count, stream) => {
          let i = 0;
          const out = partialShuffle(items, count, () => stream[i++ % stream.length]);
          expect(out).toHaveLength(Math.min(count, items.length));
          expect(new Set(out).size).toBe(out.length);
          for (const x of out) expect(items).toContain(x);
        },
      ),
    );
  });

  it('never assigns an inspector with a conflict to the unit, and the whole draw recomputes', () => {
    const input = {
      pool,
      count: 3,
      secret: 'secret',
      publicValue: '福彩3D 2026325 518',
      roster: [501, 502, 503, 504],
      inspectorsPerUnit: 2,
      conflicts: pool.flatMap((orgId) => [
        { personId: 501, orgId },
        { personId: 502, orgId },
      ]),
    };
    const result = runDraw(input);
    for (const a of result.assignments) expect([...a.inspectorIds].sort()).toEqual([503, 504]);
    expect(runDraw(input)).toEqual(result);
    expect(result.commitment).toBe(commitmentOf('secret'));
    expect(runDraw({ ...input, publicValue: '福彩3D 2026325 519' }).seed).not.toBe(result.seed);
  });
});
