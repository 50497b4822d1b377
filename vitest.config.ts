import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// Three projects: unit tests beside the code, and the integration tests in tests/integration
// run twice, once on PGlite and once on a real PostgreSQL server (started by the setup when
// DATABASE_URL is not given).
export default defineConfig({
  test: {
    // Integration tests spend most of their time waiting on a database, so one worker per core
    // (vitest's default leaves one core idle: a single worker on a 2-core machine).
    maxWorkers: Math.max(2, availableParallelism()),
    setupFiles: ["tests/setup/fail-on-console-error.ts"],
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "scripts/**/*.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "integration-pglite",
          include: ["tests/integration/**/*.test.ts"],
          env: { SENDERO_TEST_ENGINE: "pglite" },
          globalSetup: ["tests/setup/global-pglite.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration-postgres",
          include: ["tests/integration/**/*.test.ts"],
          env: { SENDERO_TEST_ENGINE: "postgres" },
          globalSetup: ["tests/setup/global-postgres.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
