import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Browser scenarios poll the page; on a busy machine a reload can take seconds.
    expect: { poll: { timeout: 10_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'api',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/e2e/**'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // The browser scenarios run after the rest, two at a time: each drives a real chromium against its own
        // server, and run beside every API test file at once on a two-core machine their steps time out.
        extends: true,
        test: {
          name: 'browser',
          include: ['test/e2e/**/*.test.ts'],
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          // Two chromiums and their servers share two cores here: a step that waits on a server round trip
          // and a re-render can take longer than the API tests' 10 s.
          expect: { poll: { timeout: 20_000 } },
        },
      },
    ],
  },
});
