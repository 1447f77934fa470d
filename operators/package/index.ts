// package: every tested program's .wasm and .rs go into the registry as content-addressed blobs; the
// ones that passed are tagged as OCI wasm artifacts and announced on the artifacts topic.
import { MEDIA, OciLayout } from "../../bridges/registry/oci-layout.ts";
import type { ArtifactEvent, ModuleResult, TestedProgram } from "../../schemas/events.ts";
import { topics } from "../../topics/index.ts";
import { type Stage, type StageResult, failureOf, guarded, timing } from "../stage.ts";
import { type ModuleReport, stageList } from "./report.ts";

export function artifactRef(ev: { moduleId: string; contentHash: string }): string {
  return `portalis/${ev.moduleId.replace(/\./g, "/").toLowerCase()}:${ev.contentHash.slice(0, 16)}`;
}

export function createPackage(registryDir: string): Stage<TestedProgram, ArtifactEvent> {
  const registry = new OciLayout(registryDir);
  return {
    name: "package",
    input: topics.tested,
    output: topics.artifacts,
    concurrency: 4,
    process: (ev) =>
      guarded("package", ev, async (startedAt) => {
        const rustBlob = await registry.putBlob(Buffer.from(ev.rust), MEDIA.rust);
        const stem = ev.path.replace(/\.py$/, "").split("/").pop() ?? ev.moduleId;
        const base: ModuleReport = {
          module: ev.moduleId,
          path: ev.path,
          outcome: "packaged",
          stages: [],
          validation: ev.validation,
          test: ev.test,
          wasmDigest: ev.wasmDigest,
          rustDigest: rustBlob.digest,
        };
        if (!ev.test.passed) {
          await registry.putBlob(ev.wasm, MEDIA.wasm);
          const failure = failureOf(ev, "test", startedAt, {
            kind: "mismatch",
            message: ev.test.timedOut
              ? "the WASM run timed out"
              : ev.test.trap
                ? `the WASM run trapped: ${ev.test.trap}`
                : "the WASM output differs from CPython's",
            detail: ev.test.diff ?? "",
          });
          const report: ModuleReport = { ...base, outcome: "failed", stages: stageList(failure.timings, "test"), failure };
          const out: StageResult<ArtifactEvent>[] = [{ failure }, { result: result(ev, "failed", "test", report) }];
          return out;
        }
        const ref = artifactRef(ev);
        await registry.putWasmArtifact(ref, ev.wasm, {
          "org.opencontainers.image.title": `${stem}.wasm`,
          "dev.portalis.module": ev.moduleId,
          "dev.portalis.source-hash": ev.contentHash,
          "dev.portalis.rust-digest": rustBlob.digest,
          "dev.portalis.toolchain": ev.toolchain,
        });
        const timings = [...ev.timings, timing("package", startedAt)];
        const artifact: ArtifactEvent = {
          runId: ev.runId,
          moduleId: ev.moduleId,
          path: ev.path,
          contentHash: ev.contentHash,
          wasmDigest: ev.wasmDigest,
          size: ev.wasm.length,
          registryRef: ref,
          files: [],
          validation: ev.validation,
          test: ev.test,
          timings,
        };
        const report: ModuleReport = { ...base, stages: stageList(timings), registryRef: ref };
        const out: StageResult<ArtifactEvent>[] = [{ ok: artifact }, { result: result(ev, "packaged", "package", report) }];
        return out;
      }),
  };
}

function result(ev: TestedProgram, outcome: ModuleResult["outcome"], stage: string, report: ModuleReport): ModuleResult {
  return { runId: ev.runId, moduleId: ev.moduleId, path: ev.path, outcome, stage, report: JSON.stringify(report) };
}
