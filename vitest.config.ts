import { configDefaults, defineConfig } from "vitest/config";

// Everything that talks to the Kafka broker runs after the rest, one file at a time: one broker serves
// them all (started by tests/kafka-global-setup.ts), and some of them restart it.
const KAFKA = ["tests/kafka-*.test.ts", "bridges/kafka/kafka-transport.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 600_000,
    pool: "forks",
    reporters: ["default"],
    projects: [
      {
        extends: true,
        test: {
          name: "main",
          include: ["{streams,operators,topics,schemas,bridges,tests}/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...KAFKA],
          globalSetup: ["tests/global-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "kafka",
          include: KAFKA,
          globalSetup: ["tests/global-setup.ts", "tests/kafka-global-setup.ts"],
          sequence: { groupOrder: 1 },
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
