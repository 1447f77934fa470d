// analyze: imports (resolved, classified), functions with type hints and inferred local types, call graph.
import type { AnalyzedModule, ImportRef, ParsedModule } from "../../schemas/events.ts";
import { topics } from "../../topics/index.ts";
import { parsePython } from "../ingest/parser.ts";
import { type Stage, failureOf, guarded, timing } from "../stage.ts";
import { collectFunctions } from "./functions.ts";
import { collectImports } from "./imports.ts";
import { classifyImport } from "./stdlib.ts";

export const analyze: Stage<ParsedModule, AnalyzedModule> = {
  name: "analyze",
  input: topics.parsed,
  output: topics.analyzed,
  concurrency: 8,
  process: (ev) =>
    guarded("analyze", ev, async (startedAt) => {
      const tree = await parsePython(ev.source);
      try {
        const root = tree.rootNode;
        const imports: ImportRef[] = [];
        for (const imp of collectImports(root, ev.moduleId, ev.isPackage)) {
          const origin = classifyImport(imp.module);
          if (origin === "unsupported-stdlib") {
            return [
              {
                failure: failureOf(ev, "analyze", startedAt, {
                  kind: "unsupported",
                  line: imp.line,
                  col: imp.col,
                  construct: `import ${imp.module}`,
                  message: `standard-library module '${imp.module.split(".")[0]}' is not provided by the Portalis runtime`,
                }),
              },
            ];
          }
          imports.push({ ...imp, kind: origin === "stdlib" ? "stdlib" : "local" });
        }
        const { functions, classes } = collectFunctions(root);
        const { topLevel: _unused, ...rest } = ev;
        const analyzed: AnalyzedModule = { ...rest, imports, functions, classes, timings: [...ev.timings, timing("analyze", startedAt)] };
        return [{ ok: analyzed }];
      } finally {
        tree.delete();
      }
    }),
};
