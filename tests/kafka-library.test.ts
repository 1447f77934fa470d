// Library mode over Kafka topics (`portalis library DIR --brokers B`, in-process workers in private
// consumer groups) against the embedded run of the same tier: the same .wasm bytes, the same outcomes.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { BrokerHandle } from "../bridges/kafka/broker.ts";
import type { ModuleReport } from "../operators/package/report.ts";
import { translateLibrary } from "../streams/commands.ts";
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

describe("library mode over Kafka", () => {
  for (const tier of ["basic", "packages/shop"]) {
    it(`${tier}: byte-identical artifacts and the same outcomes as on the embedded transport`, async () => {
      const dir = join(CORPUS, tier);
      const work = tempDir(`kafka-library-${tier.replace(/\W/g, "_")}`);
      const embeddedOut = join(work, "embedded");
      await translateLibrary(dir, embeddedOut, { registryDir: join(work, "registry-embedded") });

      const kafkaOut = join(work, "kafka");
      const run = cli(["library", dir, "--out", kafkaOut, "--brokers", b.brokers.join(","), "--registry", join(work, "registry-kafka")]);
      const code = await run.exited;
      expect(code, run.stderr()).toBe(0);
      expect(run.stdout()).toMatch(/modules: \d+ packaged/);

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
    }, 300_000);
  }
});
