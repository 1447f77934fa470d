// Library mode over Kafka topics (`portalis library DIR --brokers B`, in-process workers in private
// consumer groups) against the embedded run of the same tier: the same .wasm bytes, the same outcomes.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { BrokerHandle } from "../bridges/kafka/broker.ts";
import type { ModuleReport } from "../operators/package/report.ts";
import { CORPUS } from "./corpus-support.ts";
import { broker, cli, tempDir } from "./kafka-support.ts";

let b: BrokerHandle;
beforeAll(async () => {
  b = await broker();
}, 240_000);

interface Report {
  ok: boolean;
  modules: ModuleReport[];
}

const readReport = (out: string) => JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as Report;

/** Size and mtime of every file that decides a program's bytes (transpiler, runtime, compiler bridge). */
function codeFingerprint(): string {
  const h = createHash("sha256");
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== "target" && e.name !== "node_modules") walk(p);
      } else {
        const s = statSync(p);
        h.update(`${p}\0${s.size}\0${s.mtimeMs}\0`);
      }
    }
  };
  for (const d of ["operators", "runtime/src", "bridges/rustc"]) walk(join(import.meta.dirname, "..", d));
  return h.digest("hex");
}

/** Both runs of a tier; again when the code changed meanwhile (a working tree being edited), up to 3 times. */
async function bothRuns(dir: string, work: string, brokers: string): Promise<{ embeddedOut: string; kafkaOut: string }> {
  for (let attempt = 1; ; attempt++) {
    const before = codeFingerprint();
    // Both as commands (each loads the code afresh, inside the window the fingerprint covers).
    const embeddedOut = join(work, `embedded-${attempt}`);
    const kafkaOut = join(work, `kafka-${attempt}`);
    for (const [out, extra] of [
      [embeddedOut, []],
      [kafkaOut, ["--brokers", brokers]],
    ] as const) {
      const run = cli(["library", dir, "--out", out, "--registry", join(out, ".registry"), ...extra]);
      // Exit 1 only says some module failed to translate: the comparison below is what matters here.
      expect([0, 1], run.stderr()).toContain(await run.exited);
      expect(run.stdout(), run.stderr()).toMatch(/modules: \d+ packaged/);
    }
    if (codeFingerprint() === before || attempt === 3) return { embeddedOut, kafkaOut };
    process.stderr.write(`kafka library: the translator or runtime changed during attempt ${attempt}; running both again\n`);
  }
}

describe("library mode over Kafka", () => {
  for (const tier of ["basic", "packages/shop"]) {
    it(`${tier}: byte-identical artifacts and the same outcomes as on the embedded transport`, async () => {
      const dir = join(CORPUS, tier);
      const work = tempDir(`kafka-library-${tier.replace(/\W/g, "_")}`);
      const { embeddedOut, kafkaOut } = await bothRuns(dir, work, b.brokers.join(","));

      const embedded = readReport(embeddedOut);
      const kafka = readReport(kafkaOut);
      const view = (r: Report) => r.modules.map((m) => ({ path: m.path, outcome: m.outcome, wasmDigest: m.wasmDigest, failure: m.failure?.message }));
      expect(view(kafka)).toEqual(view(embedded));
      const packaged = embedded.modules.filter((m) => m.outcome === "packaged");
      expect(packaged.length).toBeGreaterThan(0);
      for (const m of embedded.modules) {
        if (m.outcome === "imported") continue;
        const wasm = `${m.path.replace(/\.py$/, "")}.wasm`;
        expect(existsSync(join(kafkaOut, wasm)), wasm).toBe(existsSync(join(embeddedOut, wasm)));
        if (existsSync(join(embeddedOut, wasm))) expect(readFileSync(join(kafkaOut, wasm)).equals(readFileSync(join(embeddedOut, wasm))), wasm).toBe(true);
      }
    }, 600_000);
  }
});
