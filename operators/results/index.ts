// results: a failure ends its module, so it becomes the module's result. Test mismatches are the
// exception: package already emitted their result (with the artifacts' digests).
import type { FailureEvent, ModuleResult } from "../../schemas/events.ts";
import { topics } from "../../topics/index.ts";
import { failureReport } from "../package/report.ts";
import type { Stage } from "../stage.ts";

export function resultOfFailure(f: FailureEvent): ModuleResult | null {
  if (f.kind === "mismatch") return null;
  return { runId: f.runId, moduleId: f.moduleId, path: f.path, outcome: "failed", stage: f.stage, report: JSON.stringify(failureReport(f)) };
}

export const results: Stage<FailureEvent, ModuleResult> = {
  name: "results",
  input: topics.failures,
  output: topics.results,
  concurrency: 16,
  process: async (f) => {
    const r = resultOfFailure(f);
    return r ? [{ ok: r }] : [];
  },
};
