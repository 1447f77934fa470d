// The bench's `kafka` section: library throughput over Kafka with 1 and 2 worker processes (cold builds:
// every configuration gets its own distinct programs), the embedded transport on an equal library for
// scale, and the end-to-end latency of a CI event (publish -> the changed module's artifact event).
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { filter, firstValueFrom, tap } from "rxjs";
import { ensureBroker } from "../bridges/kafka/broker.ts";
import { topics } from "../topics/index.ts";
import type { Transport } from "../topics/transport.ts";
import { publishCiEvent } from "./ci-event.ts";
import { startPipeline } from "./pipeline.ts";
import { awaitResults, runModules } from "./run.ts";
import { listPythonFiles, moduleOf, newRunId } from "./sources.ts";
import { transportFor } from "./transports.ts";

const BIN = fileURLToPath(new URL("../bin/portalis.mjs", import.meta.url));
const round = (x: number) => Math.round(x * 10) / 10;
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] : 0;
};

/** n small distinct programs: a fresh salt makes every build cold. */
async function generatedLibrary(dir: string, n: number): Promise<string> {
  const salt = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < n; i++) await writeFile(join(dir, `m${String(i).padStart(3, "0")}.py`), `def f(x):\n    return x * ${i + 2}\n\nprint(f(${salt}))\n`);
  return dir;
}

async function startWorkers(n: number, brokers: string, group: string, registry: string): Promise<ChildProcess[]> {
  const workers = Array.from({ length: n }, () =>
    spawn(process.execPath, [BIN, "worker", "--brokers", brokers, "--group", group, "--latest"], {
      env: { ...process.env, PORTALIS_REGISTRY: registry },
      stdio: ["ignore", "ignore", "pipe"],
    }),
  );
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          let err = "";
          w.stderr?.on("data", (d) => {
            err += d;
            if (/ready in \d+ ms/.test(err)) resolve();
          });
          w.on("exit", (code) => reject(new Error(`worker exited (${code}) before it was ready: ${err}`)));
        }),
    ),
  );
  return workers;
}

async function stopWorkers(workers: ChildProcess[]): Promise<void> {
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          if (w.exitCode !== null) return resolve();
          w.on("exit", () => resolve());
          w.kill("SIGTERM");
        }),
    ),
  );
}

async function timedRun(t: Transport, root: string) {
  const modules = (await listPythonFiles(root)).map(moduleOf);
  const t0 = performance.now();
  const results = await runModules(t, { runId: newRunId(), mode: "library", root, modules });
  const wallMs = performance.now() - t0;
  return {
    modules: modules.length,
    packaged: results.filter((r) => r.outcome === "packaged").length,
    wallMs: round(wallMs),
    modulesPerSecond: round((modules.length * 1000) / wallMs),
  };
}

/** A git repository of `n` modules; each CI event changes one module (fresh content: its build is cold). */
async function ciLatency(t: Transport, dir: string, n: number, events: number): Promise<number[]> {
  const git = (...args: string[]) =>
    execFileSync("git", ["-C", dir, ...args], {
      encoding: "utf8",
      env: { ...process.env, GIT_AUTHOR_NAME: "bench", GIT_AUTHOR_EMAIL: "b@b", GIT_COMMITTER_NAME: "bench", GIT_COMMITTER_EMAIL: "b@b" },
    }).trim();
  await generatedLibrary(dir, n);
  git("init", "-q");
  git("add", "-A");
  git("commit", "-q", "-m", "base");
  // Warm: the whole set once, so each event rebuilds only its changed module.
  let head = git("rev-parse", "HEAD");
  await publishCiEvent(t, { repo: dir, base: head, head, wait: true });
  const latencies: number[] = [];
  for (let e = 0; e < events; e++) {
    const file = `m${String(e % n).padStart(3, "0")}.py`;
    await writeFile(join(dir, file), `print(${Date.now()} + ${e})\n`);
    git("commit", "-q", "-a", "-m", `event ${e}`);
    const next = git("rev-parse", "HEAD");
    const runId = newRunId();
    const moduleId = file.replace(/\.py$/, "");
    let onReady = () => {};
    const ready = new Promise<void>((r) => {
      onReady = r;
    });
    const artifact = firstValueFrom(
      t.subscribe(topics.artifacts, { group: `portalis.bench.latency.${runId}`, fromBeginning: false, onReady }).pipe(
        tap((d) => d.ack()),
        filter((d) => d.value?.runId === runId && d.value.moduleId === moduleId),
      ),
    );
    // The whole run finishes before the next event (events would otherwise queue behind each other).
    const rest = awaitResults(
      t,
      runId,
      (await listPythonFiles(dir)).map((f) => moduleOf(f).moduleId),
    );
    await Promise.all([ready, rest.ready]);
    const t0 = performance.now(); // from the CI event (git diff, tree materialized, run published) ...
    await publishCiEvent(t, { repo: dir, base: head, head: next, runId });
    await artifact; // ... to the changed module's artifact event
    latencies.push(performance.now() - t0);
    await rest.results;
    head = next;
  }
  return latencies;
}

export async function benchKafka(work: string) {
  const t0 = performance.now();
  const broker = await ensureBroker();
  const brokerReadyMs = Math.round(performance.now() - t0);
  const brokers = broker.brokers.join(",");
  const t = await transportFor(brokers, "portalis-bench");
  const modules = 40;
  try {
    const throughput: Record<string, unknown>[] = [];
    for (const n of [1, 2]) {
      const workers = await startWorkers(n, brokers, `portalis.bench.${randomUUID().slice(0, 8)}`, join(work, `kafka-registry-${n}`));
      try {
        throughput.push({ workers: n, ...(await timedRun(t, await generatedLibrary(join(work, `kafka-lib-${n}`), modules))) });
      } finally {
        await stopWorkers(workers);
      }
    }
    // The same library shape on the embedded transport, in this process.
    const embedded = await (async () => {
      const { EmbeddedTransport } = await import("../topics/embedded-transport.ts");
      const et = new EmbeddedTransport();
      const p = await startPipeline(et, { registryDir: join(work, "embedded-registry") });
      try {
        return await timedRun(et, await generatedLibrary(join(work, "embedded-lib"), modules));
      } finally {
        await p.stop();
      }
    })();
    // CI latency on 2 worker processes, as deployed.
    const workers = await startWorkers(2, brokers, `portalis.bench.${randomUUID().slice(0, 8)}`, join(work, "kafka-registry-ci"));
    let latencies: number[];
    try {
      latencies = await ciLatency(t, join(work, "ci-repo"), 10, 10);
    } finally {
      await stopWorkers(workers);
    }
    return {
      broker: { kind: broker.kind, brokers: broker.brokers, readyMs: brokerReadyMs },
      cache: "cold builds (distinct programs per configuration)",
      throughput,
      embeddedSameLibrary: embedded,
      ciEventToArtifact: {
        events: latencies.length,
        modulesPerEvent: 10,
        changedPerEvent: 1,
        workers: 2,
        medianMs: round(quantile(latencies, 0.5)),
        p95Ms: round(quantile(latencies, 0.95)),
        ms: latencies.map(round),
      },
    };
  } finally {
    await t.close();
    await broker.stop();
  }
}
