// `npm run bench`: convert latency (cold build cache and warm), library throughput over the corpus,
// time per stage — medians — and the Kafka engine (bench-kafka.ts), printed as JSON.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { ModuleReport } from "../operators/package/report.ts";
import { benchKafka } from "./bench-kafka.ts";
import { convertFile, translateLibrary } from "./commands.ts";

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : 0;
};
const round = (x: number) => Math.round(x * 10) / 10;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const v = await fn();
  return [v, performance.now() - t];
}

async function withCache<T>(cold: boolean, fn: () => Promise<T>): Promise<T> {
  const prev = process.env.PORTALIS_NO_CACHE;
  process.env.PORTALIS_NO_CACHE = cold ? "1" : "0";
  try {
    return await fn();
  } finally {
    process.env.PORTALIS_NO_CACHE = prev ?? "0";
  }
}

export async function runBench(corpusDir: string, kafka = true) {
  const corpus = resolve(corpusDir);
  const out = await mkdtemp(join(tmpdir(), "portalis-bench-"));
  const registryDir = join(out, "registry");
  try {
    const file = join(corpus, "basic", "fib_gcd_ack.py");
    await convertFile(file, join(out, "warmup"), { registryDir }); // builds the runtime rlib once
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) cold.push((await withCache(true, () => timed(() => convertFile(file, join(out, `c${i}`), { registryDir }))))[1]);
    for (let i = 0; i < 5; i++) warm.push((await withCache(false, () => timed(() => convertFile(file, join(out, `w${i}`), { registryDir }))))[1]);

    const libraries = [...(await readdir(corpus, { withFileTypes: true }))]
      .filter((d) => d.isDirectory() && d.name !== "packages")
      .map((d) => join(corpus, d.name));
    for (const p of await readdir(join(corpus, "packages"), { withFileTypes: true }).catch(() => []))
      if (p.isDirectory()) libraries.push(join(corpus, "packages", p.name));
    let modules = 0;
    let lines = 0;
    let wall = 0;
    const reports: ModuleReport[] = [];
    await withCache(true, async () => {
      for (const lib of libraries) {
        const res = await translateLibrary(lib, join(out, "lib", lib.slice(corpus.length)), { registryDir });
        modules += res.reports.length;
        lines += (res.linesPerSecond * res.wallMs) / 1000;
        wall += res.wallMs;
        reports.push(...res.reports);
      }
    });
    const perStage: Record<string, { medianMs: number; totalMs: number; count: number }> = {};
    for (const r of reports) {
      for (const s of r.stages) {
        perStage[s.stage] ??= { medianMs: 0, totalMs: 0, count: 0 };
        const e = perStage[s.stage];
        e.totalMs += s.ms;
        e.count++;
      }
    }
    for (const [stage, e] of Object.entries(perStage)) {
      e.medianMs = round(median(reports.flatMap((r) => r.stages.filter((s) => s.stage === stage).map((s) => s.ms))));
      e.totalMs = round(e.totalMs);
    }
    return {
      machine: { cores: (await import("node:os")).availableParallelism(), node: process.version },
      convert: {
        file: "basic/fib_gcd_ack.py",
        coldMedianMs: round(median(cold)),
        warmMedianMs: round(median(warm)),
        cold: cold.map(round),
        warm: warm.map(round),
      },
      library: {
        cache: "cold (build and CPython caches bypassed)",
        modules,
        lines: Math.round(lines),
        wallMs: round(wall),
        modulesPerSecond: round((modules * 1000) / wall),
        linesPerSecond: round((lines * 1000) / wall),
        packaged: reports.filter((r) => r.outcome === "packaged").length,
        failed: reports.filter((r) => r.outcome === "failed").length,
      },
      stages: perStage,
      kafka: kafka ? await benchKafka(join(out, "kafka")) : { skipped: "--no-kafka" },
    };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
