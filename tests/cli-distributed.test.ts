// The distributed commands' argument checks, which fail before any broker is contacted; and tombstones
// on the embedded pipeline (skipped and acknowledged by every stage).
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startPipeline } from "../streams/pipeline.ts";
import { runModules } from "../streams/run.ts";
import { moduleOf, newRunId } from "../streams/sources.ts";
import { parseBrokers } from "../streams/transports.ts";
import { EmbeddedTransport } from "../topics/embedded-transport.ts";
import { topics } from "../topics/index.ts";
import type { AnyTopic } from "../topics/topic.ts";

const bin = join(import.meta.dirname, "../bin/portalis.mjs");
const cli = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });

describe("distributed commands", () => {
  it("reject unknown stages and malformed broker lists with one line", () => {
    const bad = cli("worker", "--brokers", "127.0.0.1:1", "--stages", "ingest,bogus");
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toMatch(/^portalis: unknown stage bogus \(stages: ingest,/);
    const brokers = cli("worker", "--brokers", "not a broker");
    expect(brokers.status).toBe(1);
    expect(brokers.stderr.trim()).toMatch(/^portalis: --brokers expects HOST:PORT/);
    expect(cli("ci-event", "--brokers", "h:1").status).toBe(2); // --repo, --base, --head missing
    expect(parseBrokers("a:1, b:2")).toEqual(["a:1", "b:2"]);
  });

  it("skips tombstones in every stage (the run behind them completes)", async () => {
    const transport = new EmbeddedTransport();
    const root = mkdtempSync(join(tmpdir(), "portalis-tomb-"));
    writeFileSync(join(root, "a.py"), "print('a')\n");
    const pipeline = await startPipeline(transport, { registryDir: join(root, ".registry") });
    try {
      const stageInputs: AnyTopic[] = [topics.source, topics.joins, topics.programs, topics.failures];
      for (const tp of stageInputs) await transport.publish(tp, [{ key: "gone/x", value: null }]);
      const [r] = await runModules(transport, { runId: newRunId(), mode: "library", root, modules: [moduleOf("a.py")] });
      expect(r.outcome).toBe("packaged");
    } finally {
      await pipeline.stop();
    }
  }, 120_000);
});
