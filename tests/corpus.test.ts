// End to end over ../shared/corpus: every tier through the whole pipeline on the embedded transport.
// Issue tiers (basic, strings, collections) must pass at >= 90%, byte-identical under a second WASI
// runtime too; the other tiers are measured and reported.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CORPUS, type TierResult, runTier } from "./corpus-support.ts";

const REQUIRED = ["basic", "strings", "collections"];
const OTHER = ["classes", "exceptions", "functional", "algorithms", "typed_api"];
const results: TierResult[] = [];

afterAll(() => {
  const lines = results.map((r) => `${r.tier.padEnd(20)} ${String(r.passed.length).padStart(3)}/${r.total}  (wasmtime agrees on ${r.wasmtimeAgrees.length})`);
  const failures = results.flatMap((r) => r.failed.map((f) => `  ${r.tier}: ${f}`));
  console.log(`\ncorpus pass counts\n${lines.join("\n")}\n${failures.join("\n")}\n`);
});

describe("corpus tiers required by the pipeline issue", () => {
  for (const tier of REQUIRED) {
    it(`translates ${tier} (>= 90% byte-identical, also under wasmtime)`, async () => {
      const r = await runTier(join(CORPUS, tier), tier);
      results.push(r);
      expect(r.total).toBeGreaterThan(0);
      expect(r.passed.length / r.total).toBeGreaterThanOrEqual(0.9);
      expect(r.wasmtimeAgrees.sort()).toEqual(r.passed.sort());
      for (const f of r.failed) expect(f).toMatch(/^[\w/]+\.py(:\d+:\d+)?: \[\w+\] /); // precise diagnostics
    }, 1_800_000);
  }
});

describe("packages: modules importing each other", () => {
  it("library packages/shop yields main.wasm printing main.expected", async () => {
    const r = await runTier(join(CORPUS, "packages", "shop"), "packages/shop");
    results.push(r);
    expect(r.passed).toContain("main.py");
    expect(r.wasmtimeAgrees).toContain("main.py");
  }, 600_000);
});

describe("other tiers (measured, reported)", () => {
  const tiers = OTHER.filter((t) => readdirSync(CORPUS).includes(t));
  for (const tier of tiers) {
    it(`runs ${tier} without crashing the pipeline`, async () => {
      const r = await runTier(join(CORPUS, tier), tier);
      results.push(r);
      expect(r.passed.length + r.failed.length).toBe(r.total);
    }, 1_800_000);
  }
});

// Our own programs, written beside the public corpus in the same style (tests/corpus-extra/<tier>).
const EXTRA = join(import.meta.dirname, "corpus-extra");
describe("own corpus (tests/corpus-extra)", () => {
  const dirs = (p: string) =>
    readdirSync(p, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
  // packages/<pkg> are libraries of their own (`cd <pkg> && python3 main.py`), as in the public corpus.
  const tiers = existsSync(EXTRA) ? dirs(EXTRA).flatMap((t) => (t === "packages" ? dirs(join(EXTRA, t)).map((p) => `packages/${p}`) : [t])) : [];
  for (const tier of tiers) {
    it(`translates extra/${tier} (>= 90% byte-identical, also under wasmtime)`, async () => {
      const r = await runTier(join(EXTRA, tier), `extra/${tier}`);
      results.push(r);
      expect(r.passed.length / r.total).toBeGreaterThanOrEqual(0.9);
      expect(r.wasmtimeAgrees.sort()).toEqual(r.passed.sort());
    }, 1_800_000);
  }
});
