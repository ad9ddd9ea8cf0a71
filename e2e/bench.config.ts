import { defineConfig } from 'vitest/config';

/** `npm run bench:web`: the canvas benchmark, kept out of `npm test` (it measures, it does not check). */
export default defineConfig({
  test: {
    include: ['e2e/**/*.benchmark.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
