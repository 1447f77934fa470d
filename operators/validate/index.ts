// validate: structural validation with the engine's own message, imports/exports, memory, size.
import { validateWasm, wasmInfo } from "../../bridges/wasm/inspect.ts";
import type { BuiltProgram, ValidatedProgram, ValidationReport } from "../../schemas/events.ts";
import { topics } from "../../topics/index.ts";
import { type Stage, failureOf, guarded, timing } from "../stage.ts";

export function validationReport(bytes: Uint8Array): ValidationReport {
  const v = validateWasm(bytes);
  if (!v.valid) {
    return { valid: false, error: v.error, size: bytes.length, imports: [], exports: [], memoryMinBytes: 0, memoryMaxBytes: null, wasiCommand: false };
  }
  const info = wasmInfo(bytes);
  return {
    valid: true,
    error: null,
    size: info.size,
    imports: info.imports.map((i) => `${i.module}.${i.name}`),
    exports: info.exports.map((e) => e.name),
    memoryMinBytes: info.memory?.initialBytes ?? 0,
    memoryMaxBytes: info.memory?.maximumBytes ?? null,
    wasiCommand: info.wasi.kind === "command",
  };
}

/** Why a module is not a runnable WASI preview1 command, or null when it is. */
export function validationProblem(v: ValidationReport): string | null {
  if (!v.valid) return v.error;
  if (!v.wasiCommand) return "not a WASI preview1 command (needs a _start export and wasi_snapshot_preview1 imports)";
  const foreign = v.imports.find((i) => !i.startsWith("wasi_snapshot_preview1."));
  return foreign ? `imports '${foreign}', which is outside WASI preview1` : null;
}

export const validate: Stage<BuiltProgram, ValidatedProgram> = {
  name: "validate",
  input: topics.built,
  output: topics.validated,
  concurrency: 4,
  process: (ev) =>
    guarded("validate", ev, async (startedAt) => {
      const validation = validationReport(ev.wasm);
      const problem = validationProblem(validation);
      if (problem) return [{ failure: failureOf(ev, "validate", startedAt, { kind: "invalid", message: problem }) }];
      return [{ ok: { ...ev, validation, timings: [...ev.timings, timing("validate", startedAt)] } }];
    }),
};
