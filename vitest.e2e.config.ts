import { defineConfig } from 'vitest/config';

// End-to-end tests drive the BUILT extension in Debian's Chromium (and Firefox ESR); one browser at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
