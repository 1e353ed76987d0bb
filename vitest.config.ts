import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Parsing fixtures and driving Chromium are CPU-bound; two workers match the CI machine.
    maxWorkers: 2,
    // A test that asserts nothing passes whatever the code does: it fails instead.
    expect: { requireAssertions: true },
  },
});
