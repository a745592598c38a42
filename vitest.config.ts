import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

// type-graphql and Apollo load graphql through CommonJS; alias the ESM import to the same copy so that only one
// graphql realm exists in the test process.
const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }] },
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    // Builds the dashboard page (web/dist) that the servers of the tests serve at `/`.
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    fileParallelism: true,
    maxWorkers: 2,
  },
});
