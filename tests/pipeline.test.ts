// The whole topology on the embedded transport: one result per module whatever happens to it.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ModuleReport } from "../operators/package/report.ts";
import type { ModuleResult } from "../schemas/events.ts";
import { startPipeline } from "../streams/pipeline.ts";
import { runModules } from "../streams/run.ts";
import { listPythonFiles, moduleOf, newRunId } from "../streams/sources.ts";
import { EmbeddedTransport } from "../topics/embedded-transport.ts";
import { topics } from "../topics/index.ts";

function library(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "portalis-lib-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

async function run(root: string, transport = new EmbeddedTransport()): Promise<Map<string, ModuleResult>> {
  const pipeline = await startPipeline(transport, { registryDir: join(root, ".registry") });
  try {
    const modules = (await listPythonFiles(root)).map(moduleOf);
    const results = await runModules(transport, { runId: newRunId(), mode: "library", root, modules });
    return new Map(results.map((r) => [r.moduleId, r]));
  } finally {
    await pipeline.stop();
  }
}

const report = (r: ModuleResult | undefined) => JSON.parse(r?.report ?? "{}") as ModuleReport;

describe("pipeline on the embedded transport", () => {
  it("ends every module in exactly one result: packaged, imported, or failed with a location", async () => {
    const root = library({
      "main.py": "from util import double\nimport pkg.helpers as h\nprint(double(21), h.name())\n",
      "util.py": "def double(x):\n    return 2 * x\n",
      "pkg/__init__.py": "",
      "pkg/helpers.py": "from . import consts\n\ndef name():\n    return consts.NAME\n",
      "pkg/consts.py": "NAME = 'portalis'\n",
      "broken.py": "def f(:\n    pass\n",
      "uses_broken.py": "import broken\nprint(broken)\n",
      "missing.py": "import nowhere\nprint(nowhere.x)\n",
    });
    const results = await run(root);
    expect(results.size).toBe(8);
    expect(results.get("main")?.outcome).toBe("packaged");
    expect(report(results.get("main")).test?.passed).toBe(true);
    for (const m of ["util", "pkg", "pkg.helpers", "pkg.consts"]) expect(results.get(m)?.outcome, m).toBe("imported");
    const broken = report(results.get("broken"));
    expect(broken.failure).toMatchObject({ stage: "ingest", kind: "syntax", line: 1 });
    expect(report(results.get("uses_broken")).failure).toMatchObject({ stage: "link", kind: "dependency" });
    // CPython raises ModuleNotFoundError (exit 1, nothing printed): the translation does the same.
    expect(results.get("missing")?.outcome).toBe("packaged");
    expect(report(results.get("missing")).test?.expectedExit).toBe(1);
  }, 300_000);

  it("skips a poison record (undecodable bytes) as a failure and goes on", async () => {
    const transport = new EmbeddedTransport();
    const root = library({ "a.py": "print('a')\n" });
    const pipeline = await startPipeline(transport, { registryDir: join(root, ".registry") });
    const failures: string[] = [];
    const sub = transport.subscribe(topics.failures, { group: "probe" }).subscribe((d) => {
      failures.push(d.value?.message ?? "");
      d.ack();
    });
    try {
      await transport.publishRaw(topics.source, "poison/x", Buffer.from("not avro"));
      const results = await runModules(transport, { runId: newRunId(), mode: "library", root, modules: [moduleOf("a.py")] });
      expect(results[0].outcome).toBe("packaged");
      expect(failures.some((m) => /undecodable record/.test(m))).toBe(true);
    } finally {
      sub.unsubscribe();
      await pipeline.stop();
    }
  }, 300_000);
});
