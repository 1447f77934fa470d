// The per-module report (report.json): each stage's status and time, validation, test, failure.
import type { FailureEvent, Outcome, TestReport, Timing, ValidationReport } from "../../schemas/events.ts";

export interface ModuleReport {
  module: string;
  path: string;
  outcome: Outcome;
  stages: { stage: string; status: "ok" | "failed"; ms: number; cached: boolean }[];
  validation?: ValidationReport;
  test?: TestReport;
  failure?: Pick<FailureEvent, "stage" | "kind" | "line" | "col" | "construct" | "message" | "detail">;
  wasmDigest?: string;
  rustDigest?: string;
  registryRef?: string;
}

export function stageList(timings: Timing[], failedStage?: string): ModuleReport["stages"] {
  return timings.map((t) => ({ stage: t.stage, status: t.stage === failedStage ? "failed" : "ok", ms: t.ms, cached: t.cached }));
}

export function failureReport(f: FailureEvent): ModuleReport {
  const { stage, kind, line, col, construct, message, detail } = f;
  return {
    module: f.moduleId,
    path: f.path,
    outcome: "failed",
    stages: stageList(f.timings, f.stage),
    failure: { stage, kind, line, col, construct, message, detail },
  };
}
