import { defineConfig } from 'vitest/config';

// End-to-end tests of the Firefox build (.output/firefox-mv3) in Debian's Firefox ESR: one browser, generous timeouts.
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
