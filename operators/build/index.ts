import { sha256 } from "../../bridges/rustc/cache.ts";
// build: Program (main.rs) -> WASI preview1 command module via rustc. Compile errors become failures
// pointing back at the Python line that produced the offending Rust.
import { compileProgram } from "../../bridges/rustc/compile.ts";
import { pythonLocation } from "../../bridges/rustc/errors.ts";
import type { BuiltProgram, Program } from "../../schemas/events.ts";
import { topics } from "../../topics/index.ts";
import { type Stage, cores, failureOf, guarded, timing } from "../stage.ts";

/** Module name -> source path, relative to the run root (a.b -> a/b.py). */
function pathOf(module: string, entry: Program): string {
  return module === entry.moduleId ? entry.path : `${module.replace(/\./g, "/")}.py`;
}

export const build: Stage<Program, BuiltProgram> = {
  name: "build",
  input: topics.programs,
  output: topics.built,
  concurrency: cores() * 2,
  process: (ev) =>
    guarded("build", ev, async (startedAt) => {
      const res = await compileProgram(ev.rust);
      if (!res.ok) {
        const first = res.errors[0];
        const loc = first ? pythonLocation(ev.rust, first.rustLine) : { module: null, line: 0 };
        const where = loc.module && loc.module !== ev.moduleId ? ` (in ${pathOf(loc.module, ev)})` : "";
        return [
          {
            failure: failureOf(ev, "build", startedAt, {
              kind: "compile",
              line: loc.line,
              col: 1,
              construct: "generated Rust",
              message: `rustc rejected the generated Rust${where}: ${first?.message ?? "unknown error"}`,
              detail: res.stderr.slice(0, 8000),
            }),
          },
        ];
      }
      const built: BuiltProgram = {
        ...ev,
        rustHash: res.rustHash,
        toolchain: res.toolchain,
        wasm: res.wasm,
        wasmDigest: `sha256:${sha256(res.wasm)}`,
        timings: [...ev.timings, timing("build", startedAt, res.cached)],
      };
      return [{ ok: built }];
    }),
};
