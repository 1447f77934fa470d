// The CLI as users run it: exit codes and one-line errors.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { helloModule } from "../bridges/wasm/fixtures.ts";

const bin = join(import.meta.dirname, "../bin/portalis.mjs");
const tmp = mkdtempSync(join(tmpdir(), "portalis-cli-"));
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", cwd: tmp, env: { ...process.env, PORTALIS_REGISTRY: join(tmp, "reg") } });

describe("validate-wasm", () => {
  it("rejects random bytes, a truncated module and a .py file with the engine's message", () => {
    const good = helloModule();
    const cases = {
      "random.wasm": randomBytes(64),
      "truncated.wasm": Buffer.from(good).subarray(0, good.length - 5),
      "prog.py": Buffer.from("print('hi')\n"),
    };
    for (const [name, bytes] of Object.entries(cases)) {
      writeFileSync(join(tmp, name), bytes);
      const r = cli("validate-wasm", name);
      expect(r.status, name).not.toBe(0);
      expect(r.stdout + r.stderr, name).toMatch(/WebAssembly|magic|section|unexpected end|expected/i);
    }
  });

  it("lists imports and exports of a good module with --json", () => {
    writeFileSync(join(tmp, "hello.wasm"), helloModule());
    const r = cli("validate-wasm", "hello.wasm", "--json");
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.valid).toBe(true);
    expect(report.imports.map((i: { name: string }) => i.name)).toContain("fd_write");
    expect(report.exports.map((e: { name: string }) => e.name)).toContain("_start");
  });
});

describe("convert", () => {
  it("exits non-zero with file:line:col on a syntax error and still writes the report", () => {
    writeFileSync(join(tmp, "bad.py"), "x = 1\nwhile x <\n    pass\n");
    const r = cli("convert", "bad.py", "--out", "o");
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^portalis: bad\.py:2:\d+: \[ingest\] .*invalid syntax/);
    const report = JSON.parse(readFileSync(join(tmp, "o", "bad.report.json"), "utf8"));
    expect(report.outcome).toBe("failed");
  });

  it("translates a script into .rs, .wasm and a report, and the wasm runs", () => {
    writeFileSync(join(tmp, "ok.py"), "def sq(x):\n    return x * x\n\nprint([sq(i) for i in range(5)], 2 ** 70)\n");
    const r = cli("convert", "ok.py", "--out", "o");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const report = JSON.parse(readFileSync(join(tmp, "o", "ok.report.json"), "utf8"));
    expect(report.outcome).toBe("packaged");
    expect(report.stages.map((s: { stage: string }) => s.stage)).toEqual([
      "ingest",
      "analyze",
      "specgen",
      "transpile",
      "link",
      "build",
      "validate",
      "test",
      "package",
    ]);
    const run = cli("run-wasm", join(tmp, "o", "ok.wasm"));
    expect(run.stdout).toBe("[0, 1, 4, 9, 16] 1180591620717411303424\n");
  });

  it("fails with a usage error when arguments are missing", () => {
    expect(cli("convert").status).toBe(2);
  });
});
