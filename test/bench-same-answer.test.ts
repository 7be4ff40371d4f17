import { expect, it } from 'vitest';
import { firstDifference } from '../scripts/bench/same-answer.ts';

it('names the first path where two answers differ, and nothing when they are equal', () => {
  const served = { items: [{ id: 1, measures: [{ ownerName: '张三' }] }], total: 3 };
  expect(firstDifference(served, structuredClone(served))).toBeNull();
  expect(firstDifference(served, { ...served, total: 4 })).toBe('$.total: 3 ≠ 4');
  expect(firstDifference(served, { items: [{ id: 1, measures: [{ ownerName: null }] }], total: 3 })).toBe(
    '$.items[0].measures[0].ownerName: "张三" ≠ null',
  );
  expect(firstDifference({ a: 1 }, { a: 1, b: 2 })).toBe('$.b: undefined ≠ 2');
});
