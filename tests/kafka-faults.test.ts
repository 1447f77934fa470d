// Faults on a real broker: the broker restarted in the middle of a run, an undecodable record, and a
// record that makes a stage throw. In-process workers in private consumer groups (pinned at the end of
// the shared topics when they start), so other runs on the broker do not interfere.
import { createHash, randomUUID } from "node:crypto";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrokerHandle } from "../bridges/kafka/broker.ts";
import type { KafkaTransport } from "../bridges/kafka/kafka-transport.ts";
import type { ModuleReport } from "../operators/package/report.ts";
import type { DeadLetter, ModuleResult, SourceEvent, ValidatedProgram } from "../schemas/events.ts";
import { type RunningPipeline, startPipeline } from "../streams/pipeline.ts";
import { awaitResults, runModules } from "../streams/run.ts";
import { listPythonFiles, moduleOf, newRunId } from "../streams/sources.ts";
import { decodeValue } from "../topics/codec.ts";
import { topics } from "../topics/index.ts";
import { type Collector, broker, collect, generatedModules, kafka, tempDir, uid, until, writeLibrary } from "./kafka-support.ts";

let b: BrokerHandle;
let t: KafkaTransport;
let pipeline: RunningPipeline;
let deadLetters: Collector<unknown>;

beforeAll(async () => {
  b = await broker();
  t = await kafka(b);
  pipeline = await startPipeline(t, { registryDir: tempDir("faults-registry"), group: uid("portalis.test.faults"), fromBeginning: false });
  deadLetters = (await collect(t, topics.deadLetters, "faults.dead-letters")) as Collector<unknown>;
}, 240_000);

afterAll(async () => {
  deadLetters?.stop();
  await pipeline?.stop();
  await t?.close();
});

const report = (r: ModuleResult | undefined) => JSON.parse(r?.report ?? "{}") as ModuleReport;

describe("faults over Kafka", () => {
  it("a broker stopped and restarted in the middle of a run: the run completes, nothing lost", async () => {
    const root = writeLibrary(tempDir("faults-restart"), generatedModules(24, 1_000_000 + (Date.now() % 1_000_000)));
    const modules = (await listPythonFiles(root)).map(moduleOf);
    const runId = newRunId();
    const seen: string[] = [];
    const results = runModules(t, { runId, mode: "library", root, modules, onResult: (r) => seen.push(r.moduleId) });
    await until(
      () => seen.length >= 3,
      () => `3 results (have ${seen.length})`,
      180_000,
    );
    const t0 = Date.now();
    await b.restart();
    process.stderr.write(`faults: broker restarted after ${seen.length} results in ${Date.now() - t0} ms\n`);
    const all = await results;
    expect(all.length).toBe(24);
    expect(new Set(all.map((r) => r.moduleId)).size).toBe(24);
    expect(all.filter((r) => r.outcome !== "packaged").map((r) => `${r.path}: ${r.report}`)).toEqual([]);
  }, 400_000);

  it("an undecodable record lands in the dead letters with its bytes, and the stream goes on", async () => {
    const runId = newRunId();
    const root = writeLibrary(tempDir("faults-poison"), { "good.py": "print('after the poison')\n" });
    const raw = Buffer.from(`not avro ${randomUUID()}`);
    // Keyed into the run, so the failure it becomes settles with the run at the join.
    await t.publishRaw(topics.source, `${runId}/poison`, raw);
    const [result] = await runModules(t, { runId, mode: "library", root, modules: [moduleOf("good.py")] });
    expect(result.outcome).toBe("packaged");
    await until(
      () => deadLetters.all.some((d) => (d.value as { payload?: Buffer })?.payload?.equals(raw)),
      () => "the poison's dead letter",
      60_000,
    );
    const dl = deadLetters.all.find((d) => (d.value as { payload?: Buffer })?.payload?.equals(raw))?.value as Record<string, unknown>;
    expect(dl).toMatchObject({ stage: "ingest", topic: "portalis.source", key: `${runId}/poison`, attempts: 0 });
    expect(dl.error).toMatch(/undecodable record/);
  }, 120_000);

  it("an event that makes a stage throw is retried, then dead-lettered, and its module fails as internal", async () => {
    // The run root does not exist: the test stage cannot start python3 there (a fresh program, so no cached CPython run).
    const runId = newRunId();
    const root = join("/nonexistent", `portalis-${randomUUID()}`);
    const source = `print(${Date.now()} * 3)\n`;
    const ev: SourceEvent = {
      ...{ runId, moduleId: "gone", path: "gone.py", root, source, isPackage: false, mode: "library", timings: [] },
      contentHash: createHash("sha256").update(source).digest("hex"),
    };
    const watch = awaitResults(t, runId, ["gone"]);
    await watch.ready;
    await t.publish(topics.joins, [
      { value: { runId, manifest: { runId, mode: "library", root, modules: ["gone"], createdAt: Date.now() }, module: null, failure: null } },
    ]);
    await t.publish(topics.source, [{ value: ev }]);
    const [result] = await watch.results;
    expect(result.outcome).toBe("failed");
    expect(report(result).failure).toMatchObject({ stage: "test", kind: "internal" });
    expect(report(result).failure?.message).toMatch(/failed 3 times: python3 gone\.py could not start/);
    const find = () => deadLetters.all.map((d) => d.value as DeadLetter | null).find((v) => v?.stage === "test" && v.key === `${runId}/gone`);
    await until(
      () => !!find(),
      () => "the dead letter of the test stage",
      60_000,
    );
    const dl = find();
    expect(dl).toMatchObject({ stage: "test", topic: "portalis.validated", attempts: 3 });
    expect(dl?.error).toMatch(/could not start/);
    const original = decodeValue(topics.validated, dl?.payload as Buffer) as ValidatedProgram;
    expect(original).toMatchObject({ runId, moduleId: "gone", root });
  }, 180_000);
});
