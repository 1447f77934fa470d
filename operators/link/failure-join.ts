// Failures of the stages before link go onto the join topic too: a module that failed early settles
// its run's bookkeeping, and the programs importing it fail with a dependency error.
import type { FailureEvent, JoinEvent } from "../../schemas/events.ts";
import { topics } from "../../topics/index.ts";
import type { Stage } from "../stage.ts";

const BEFORE_LINK = new Set(["ingest", "analyze", "specgen", "transpile"]);

export const failureJoin: Stage<FailureEvent, JoinEvent> = {
  name: "failure-join",
  input: topics.failures,
  output: topics.joins,
  concurrency: 16,
  process: async (f) => (BEFORE_LINK.has(f.stage) ? [{ ok: { runId: f.runId, manifest: null, module: null, failure: f } }] : []),
};
