import { describe, expect, it } from 'vitest';
import { releaseNow } from './memory-release.ts';

describe('releaseNow', () => {
  it('collects the garbage a burst left and gives the young generation back', () => {
    let junk: string[] = [];
    for (let i = 0; i < 300_000; i++) junk.push(`row ${i} ${Math.random()}`);
    junk = [];
    const before = process.memoryUsage().heapTotal;
    releaseNow();
    expect(junk).toEqual([]);
    expect(process.memoryUsage().heapTotal).toBeLessThan(before);
  });
});
