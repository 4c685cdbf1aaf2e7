import { defineConfig } from "vitest/config";

// In CI the JSON reporter also writes the real counts that .ci/run prints as its last line.
const reporters = process.env["CI"] ? ["default", ["json", { outputFile: "test-results.json" }]] : ["default"];

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/setup/compile.ts", "test/setup/build-sample.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    // Two files at a time on two cores: the suite is mostly CPU-bound (CLI builds, Chromium), so this
    // gains only a little (874 → 824 s on a clean clone), but it fills the gaps while a test waits.
    maxWorkers: 2,
    // Test files share the modules a worker has imported (no test mutates them): importing the
    // pipeline again for each of the 45 files cost about a minute.
    isolate: false,
    reporters: reporters as never,
  },
});
