// CI events over Kafka: `portalis ci-event --base B --head H` publishes the whole module set at H as one
// run; after a first full run, only the modified module is rebuilt (the others hit the build cache), and a
// deleted module becomes a tombstone that the artifacts view prints as a deletion.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrokerHandle } from "../bridges/kafka/broker.ts";
import type { KafkaTransport } from "../bridges/kafka/kafka-transport.ts";
import type { ArtifactLine } from "../streams/artifacts-view.ts";
import type { CiEventOutcome } from "../streams/ci-event.ts";
import { type RunningPipeline, startPipeline } from "../streams/pipeline.ts";
import { broker, cli, kafka, tempDir, uid, writeLibrary } from "./kafka-support.ts";

let b: BrokerHandle;
let t: KafkaTransport;
let pipeline: RunningPipeline;

beforeAll(async () => {
  b = await broker();
  t = await kafka(b);
  pipeline = await startPipeline(t, { registryDir: tempDir("ci-registry"), group: uid("portalis.test.ci"), fromBeginning: false });
}, 240_000);

afterAll(async () => {
  await pipeline?.stop();
  await t?.close();
});

function git(repo: string, ...args: string[]): string {
  return execFileSync("git", ["-C", repo, ...args], {
    encoding: "utf8",
    env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" },
  }).trim();
}

function commit(repo: string, message: string): string {
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", message);
  return git(repo, "rev-parse", "HEAD");
}

async function ciEvent(repo: string, base: string, head: string, wait = true): Promise<CiEventOutcome> {
  const run = cli(["ci-event", "--repo", repo, "--base", base, "--head", head, "--brokers", b.brokers.join(","), ...(wait ? ["--wait"] : [])]);
  const code = await run.exited;
  expect(code, run.stderr()).toBe(0);
  return JSON.parse(run.stdout()) as CiEventOutcome;
}

describe("CI events", () => {
  it("rebuild only the modified module among 50; a deleted module becomes a tombstone", async () => {
    const repo = tempDir("ci-repo");
    git(repo, "init", "-q");
    const files: Record<string, string> = {};
    for (let i = 0; i < 50; i++) files[`app/mod${String(i).padStart(2, "0")}.py`] = `def f(x):\n    return x * ${i + 3}\n\nprint(f(${i}), "ci")\n`;
    writeLibrary(repo, files);
    const base = commit(repo, "base");
    // A fresh change every time, so its build is cold even when this test ran before.
    writeFileSync(join(repo, "app/mod17.py"), `def f(x):\n    return x * ${Date.now()}\n\nprint(f(17), "changed")\n`);
    const head = commit(repo, "head");

    const full = await ciEvent(repo, base, base);
    expect(full.modules).toBe(50);
    expect(full.changed).toEqual([]);
    expect(full.results?.filter((r) => r.outcome !== "packaged")).toEqual([]);

    const push = await ciEvent(repo, base, head);
    expect(push.modified).toEqual(["app.mod17"]);
    expect(push.changed).toEqual(["app.mod17"]);
    expect(push.added).toEqual([]);
    expect(push.deleted).toEqual([]);
    expect(push.root).toContain(join("trees", git(repo, "rev-parse", `${head}^{tree}`)));
    const results = push.results ?? [];
    expect(results.length).toBe(50);
    expect(results.filter((r) => r.outcome !== "packaged")).toEqual([]);
    const rebuilt = results.filter((r) => r.buildCached === false).map((r) => r.module);
    expect(rebuilt).toEqual(["app.mod17"]);
    expect(results.filter((r) => r.buildCached === true).length).toBe(49);
    expect(results.find((r) => r.module === "app.mod17")?.changed).toBe(true);
    process.stderr.write(`ci: full run ${full.wallMs} ms, one-module push ${push.wallMs} ms\n`);

    // A deletion: a tombstone keyed by the run and the module, which `portalis artifacts` prints as a deletion
    // (next to the run's 49 artifacts, each once).
    git(repo, "rm", "-q", "app/mod03.py");
    const next = commit(repo, "delete mod03");
    const viewer = cli(["artifacts", "--brokers", b.brokers.join(","), "--count", "50"]);
    await viewer.waitFor(/watching new artifacts/, 60_000);
    const del = await ciEvent(repo, head, next, false);
    expect(del.deleted).toEqual(["app.mod03"]);
    expect(del.modules).toBe(49);
    expect(await viewer.exited, viewer.stderr()).toBe(0);
    const lines = viewer
      .stdout()
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as ArtifactLine)
      .filter((l) => l.runId === del.runId);
    expect(lines.filter((l) => "deleted" in l)).toEqual([{ module: "app.mod03", deleted: true, runId: del.runId }]);
    const artifacts = lines.filter((l) => "digest" in l);
    expect(new Set(artifacts.map((l) => l.module)).size).toBe(artifacts.length);
  }, 400_000);
});
