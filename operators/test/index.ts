// test: CPython's stdout and exit code for the program vs the WASM run in the sandbox (worker thread,
// no preopens, empty environment, memory cap, wall-clock timeout), compared byte for byte.
import { goldenRun } from "../../bridges/python/golden.ts";
import { defaultPool } from "../../bridges/sandbox/run-wasi.ts";
import type { TestReport, TestedProgram, ValidatedProgram } from "../../schemas/events.ts";
import { topics } from "../../topics/index.ts";
import { type Stage, cores, guarded, timing } from "../stage.ts";
import { firstDifference } from "./diff.ts";

export const SANDBOX_LIMITS = { timeoutMs: 10_000, memoryBytes: 512 * 1024 * 1024 };

export async function compareWithPython(ev: ValidatedProgram): Promise<TestReport> {
  const golden = await goldenRun(ev.root, ev.path, ev.contentHash);
  const started = performance.now();
  // A module that cannot start at all (SandboxError) counts as a trap of the run, not a crash of the stage.
  const run = await defaultPool()
    .run(ev.wasm, { name: `${ev.moduleId}.wasm`, ...SANDBOX_LIMITS })
    .catch((e: Error) => ({ exitCode: null, stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), timedOut: false, trap: e.message, durationMs: 0 }));
  const wasmMs = performance.now() - started;
  const stdoutMatches = Buffer.compare(golden.stdout, run.stdout) === 0;
  const passed = stdoutMatches && run.exitCode === golden.exitCode;
  let diff = stdoutMatches ? null : firstDifference(golden.stdout.toString("utf8"), run.stdout.toString("utf8"));
  if (!diff && !passed) diff = `exit code: python ${golden.exitCode}, wasm ${run.exitCode ?? (run.timedOut ? "timeout" : "trap")}`;
  return {
    passed,
    expectedExit: golden.exitCode,
    actualExit: run.exitCode,
    stdoutMatches,
    timedOut: run.timedOut,
    trap: run.trap ?? null,
    diff,
    stderrTail: run.stderr.toString("utf8").slice(-2000),
    pythonMs: golden.ms,
    wasmMs,
  };
}

export const test: Stage<ValidatedProgram, TestedProgram> = {
  name: "test",
  input: topics.validated,
  output: topics.tested,
  concurrency: cores() * 2,
  process: (ev) =>
    guarded("test", ev, async (startedAt) => {
      const report = await compareWithPython(ev);
      return [{ ok: { ...ev, test: report, timings: [...ev.timings, timing("test", startedAt)] } }];
    }),
};
