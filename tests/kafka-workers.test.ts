// Three `portalis worker` processes in one set of consumer groups share a 100-module run; one is
// SIGKILLed in the middle. At-least-once: its uncommitted records go to the others after the session
// timeout, so every module still ends with its artifact (maybe twice), and the deduplicated downstream
// view holds each module exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrokerHandle } from "../bridges/kafka/broker.ts";
import type { KafkaTransport } from "../bridges/kafka/kafka-transport.ts";
import { OciLayout } from "../bridges/registry/oci-layout.ts";
import type { ModuleResult } from "../schemas/events.ts";
import { type ArtifactLine, artifactView } from "../streams/artifacts-view.ts";
import { topics } from "../topics/index.ts";
import { type Cli, broker, cli, collect, generatedModules, kafka, tempDir, uid, until, writeLibrary } from "./kafka-support.ts";

let b: BrokerHandle;
let t: KafkaTransport;
const workers: Cli[] = [];

beforeAll(async () => {
  b = await broker();
  t = await kafka(b);
}, 240_000);

afterAll(async () => {
  for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
  await t?.close();
});

describe("worker processes", () => {
  it("share a 100-module run; one SIGKILLed mid-run loses nothing and the deduplicated view holds each module once", async () => {
    const brokers = b.brokers.join(",");
    const group = uid("portalis.test.workers");
    const env = { PORTALIS_REGISTRY: tempDir("workers-registry"), PORTALIS_KAFKA_SESSION_TIMEOUT_MS: "6000" };
    // 100 distinct programs (distinct Rust each). The same ones every time: after a first cold run the builds
    // hit the cache, and the run still lasts long enough (10 stages per module) to be interrupted.
    const lib = writeLibrary(tempDir("workers-lib"), generatedModules(100, 424242));
    // One after another: three members joining every stage group at once make kafkajs (eager rebalancing
    // only) rebalance over and over; joining in turn costs one rebalance each.
    for (let i = 0; i < 3; i++) {
      const w = cli(["worker", "--brokers", brokers, "--group", group, "--latest"], env);
      workers.push(w);
      await w.waitFor(/ready in \d+ ms/, 240_000);
    }

    const results = await collect(t, topics.results, "workers.results");
    const artifacts = await collect(t, topics.artifacts, "workers.artifacts");
    const view: ArtifactLine[] = [];
    await new Promise<void>((onReady, fail) => artifactView(t, { onReady }).subscribe({ next: (l) => view.push(l), error: fail }));

    const publish = cli(["publish", lib, "--brokers", brokers]);
    expect(await publish.exited, publish.stderr()).toBe(0);
    const runId = publish.stdout().trim();
    expect(runId).toMatch(/^[0-9a-f-]{36}$/);

    const mine = () => new Map(results.all.filter((d) => d.value?.runId === runId).map((d) => [d.value?.moduleId, d.value as ModuleResult]));
    await until(
      () => mine().size >= 20,
      () => `20 results (have ${mine().size})`,
      240_000,
    );
    const before = mine().size;
    workers[1].child.kill("SIGKILL");
    expect(await workers[1].exited).toBe("SIGKILL");
    await until(
      () => mine().size === 100,
      () => `100 results (have ${mine().size})`,
      400_000,
    );

    const byModule = mine();
    const failed = [...byModule.values()].filter((r) => r.outcome !== "packaged").map((r) => `${r.path}: ${r.report}`);
    expect(failed).toEqual([]);
    // Every module's artifact arrived at least once (duplicates are allowed: at-least-once) ...
    await until(
      () => new Set(artifacts.all.filter((d) => d.value?.runId === runId).map((d) => d.value?.moduleId)).size === 100,
      () => "100 distinct artifacts",
      60_000,
    );
    const delivered = artifacts.all.filter((d) => d.value?.runId === runId).length;
    // ... and the deduplicated view shows each exactly once.
    const lines = view.filter((l) => l.runId === runId);
    expect(lines.length).toBe(100);
    expect(new Set(lines.map((l) => l.module)).size).toBe(100);
    // The workers tagged into one shared registry: no tag was lost to concurrent index.json writes.
    const registry = new OciLayout(env.PORTALIS_REGISTRY);
    const untagged = [];
    for (const l of lines) if ("registryRef" in l && !(await registry.resolve(l.registryRef))) untagged.push(l.registryRef);
    expect(untagged).toEqual([]);
    process.stderr.write(`workers: killed one after ${before} results; ${delivered} artifact records for 100 modules (${delivered - 100} redelivered)\n`);

    // The survivors drain and exit 0 on SIGTERM.
    for (const w of [workers[0], workers[2]]) w.child.kill("SIGTERM");
    expect(await workers[0].exited).toBe(0);
    expect(await workers[2].exited).toBe(0);
    expect(workers[0].stderr()).toMatch(/drained and left the groups/);
    results.stop();
    artifacts.stop();
  }, 600_000);
});
