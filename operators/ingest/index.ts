// ingest: source text -> tree-sitter parse. Syntax errors become failure events with file:line:col.
import type { ParsedModule, SourceEvent } from "../../schemas/events.ts";
import { topics } from "../../topics/index.ts";
import { type Stage, failureOf, guarded, timing } from "../stage.ts";
import { isRunnable, topLevelNames } from "./module-shape.ts";
import { parsePython } from "./parser.ts";
import { findSyntaxError } from "./syntax-errors.ts";

export const ingest: Stage<SourceEvent, ParsedModule> = {
  name: "ingest",
  input: topics.source,
  output: topics.parsed,
  concurrency: 8,
  process: (ev) =>
    guarded("ingest", ev, async (startedAt) => {
      const tree = await parsePython(ev.source);
      try {
        const problem = findSyntaxError(tree);
        if (problem) return [{ failure: failureOf(ev, "ingest", startedAt, { kind: "syntax", ...problem }) }];
        const root = tree.rootNode;
        const parsed: ParsedModule = {
          ...ev,
          lines: ev.source.split("\n").length - (ev.source.endsWith("\n") ? 1 : 0),
          runnable: isRunnable(root),
          topLevel: topLevelNames(root),
          timings: [...ev.timings, timing("ingest", startedAt)],
        };
        return [{ ok: parsed }];
      } finally {
        tree.delete();
      }
    }),
};
