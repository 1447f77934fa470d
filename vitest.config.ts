import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{streams,operators,topics,schemas,bridges,tests}/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    pool: "forks",
    globalSetup: ["tests/global-setup.ts"],
    reporters: ["default"],
  },
});
