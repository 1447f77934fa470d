// transpile: Python module -> Rust `mod` body against the pyrt runtime, onto the link join's topic. Constructs that cannot be
// translated faithfully are failures that point at file:line:col; nothing is emitted for them.
import type { JoinEvent, SpecModule, TranspiledModule } from "../../schemas/events.ts";
import { topics } from "../../topics/index.ts";
import { classifyImport } from "../analyze/stdlib.ts";
import { type Stage, failureOf, guarded, timing } from "../stage.ts";
import { transpileModule } from "./index.ts";

export const transpile: Stage<SpecModule, JoinEvent> = {
  name: "transpile",
  input: topics.specs,
  output: topics.joins,
  concurrency: 4,
  process: (ev) =>
    guarded("transpile", ev, async (startedAt) => {
      const mod = await transpileModule(ev.source, { moduleName: ev.moduleId, path: ev.path, isPackage: ev.isPackage });
      if (mod.diagnostics.length) {
        const [first] = mod.diagnostics;
        const detail = mod.diagnostics.map((d) => `${ev.path}:${d.line}:${d.col}: ${d.construct}: ${d.message}`).join("\n");
        return [
          {
            failure: failureOf(ev, "transpile", startedAt, {
              kind: "unsupported",
              line: first.line,
              col: first.col,
              construct: first.construct,
              message: first.message,
              detail,
            }),
          },
        ];
      }
      const out: TranspiledModule = {
        runId: ev.runId,
        moduleId: ev.moduleId,
        path: ev.path,
        root: ev.root,
        contentHash: ev.contentHash,
        isPackage: ev.isPackage,
        mode: ev.mode,
        lines: ev.lines,
        runnable: ev.runnable,
        rustModule: mod.rustModule,
        rust: mod.rust,
        imports: [...new Set(mod.imports.filter((m) => classifyImport(m) === "local"))],
        wit: ev.wit,
        timings: [...ev.timings, timing("transpile", startedAt)],
      };
      return [{ ok: { runId: out.runId, manifest: null, module: out, failure: null } }];
    }),
};
