import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Room for a loaded machine: tests wait on conditions, and a slow machine only makes them slower.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
