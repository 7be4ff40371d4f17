import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: true,
    // Browser scenarios poll the page; with every test file running at once a reload can take seconds.
    expect: { poll: { timeout: 10_000 } },
  },
});
