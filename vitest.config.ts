import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Most test time is spent waiting (PostgreSQL, sockets, Chromium), so even a 2-core machine keeps
// two workers busy; Vitest's default there would be one. All projects share these workers.
const workers = Math.max(2, availableParallelism());

const shared = {
  environment: 'node',
  maxWorkers: workers,
  // Stubs end with their test (workers run file after file without reloading, below).
  unstubEnvs: true,
  unstubGlobals: true,
} as const;

export default defineConfig({
  test: {
    maxWorkers: workers,
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['test/cli/**'],
          globalSetup: ['test/support/build-once.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // A worker keeps the modules it loaded from one file to the next (loading Fastify, Kysely
          // and the services again for every file cost about a second of CPU each). Tests share no
          // state through modules: each opens its own database, server and temporary folders.
          isolate: false,
        },
      },
      {
        test: {
          ...shared,
          // `rebound` runs in process (test/cli/run.ts); a few files run the real binary.
          name: 'cli',
          include: ['test/cli/**/*.test.ts'],
          globalSetup: ['test/support/build-once.ts'],
          // The limit only catches a hang; speed is measured by `npm run bench -- cli`.
          testTimeout: 180_000,
          hookTimeout: 60_000,
          isolate: false,
        },
      },
      {
        test: {
          ...shared,
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          // One Chromium per worker, shared by the files it runs in turn (launchBrowser in
          // e2e/support/browser.ts); each file opens its own contexts.
          // Limits catch hangs, not slowness: on a busy 2-core machine Chromium can take minutes.
          testTimeout: 180_000,
          hookTimeout: 180_000,
          expect: { poll: { timeout: 20_000 } },
          // Browser files run beside the other tests, not in a queue after them, and keep loaded
          // modules between files as the others do.
          isolate: false,
        },
      },
    ],
  },
});
