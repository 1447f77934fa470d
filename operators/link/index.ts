// link: joins a run's manifest, transpiled modules and failures; once a runnable module and every
// program module it imports are transpiled, emits one complete program (main.rs) for it.
import { createHash } from "node:crypto";
import type { FailureEvent, ModuleResult, Program, RunManifest, TranspiledModule } from "../../schemas/events.ts";
import { topics } from "../../topics/index.ts";
import { type JoinStage, type StageResult, failureOf, timing } from "../stage.ts";
import { linkProgram } from "../transpile/index.ts";
import { importClosure, nameInScope } from "./closure.ts";

interface RunState {
  manifest?: RunManifest;
  transpiled: Map<string, TranspiledModule>;
  failed: Map<string, FailureEvent>;
  settled: Set<string>;
}

export function createLink(): JoinStage<Program> {
  const runs = new Map<string, RunState>();
  const state = (runId: string) => {
    let s = runs.get(runId);
    if (!s) {
      s = { transpiled: new Map(), failed: new Map(), settled: new Set() };
      runs.set(runId, s);
    }
    return s;
  };

  const evaluate = (s: RunState): StageResult<Program>[] => {
    const manifest = s.manifest;
    if (!manifest) return [];
    const known = new Set(manifest.modules);
    const out: StageResult<Program>[] = [];
    for (const mod of s.transpiled.values()) {
      if (s.settled.has(mod.moduleId)) continue;
      const startedAt = Date.now();
      if (!mod.runnable) {
        s.settled.add(mod.moduleId);
        out.push({ result: importedResult(mod) });
        continue;
      }
      const scope = scopeOf(mod);
      const closure = importClosure(mod.moduleId, (m) => s.transpiled.get(m)?.imports ?? (s.failed.has(m) ? [] : undefined), known, scope);
      const failedDep = closure.modules.find((m) => m !== mod.moduleId && s.failed.has(m));
      if (closure.missing.length || failedDep) {
        s.settled.add(mod.moduleId);
        const message = failedDep
          ? `imports module '${failedDep}', which failed at ${s.failed.get(failedDep)?.stage}`
          : `No module named '${closure.missing[0]}'`;
        out.push({
          failure: failureOf(mod, "link", startedAt, { kind: "dependency", message, detail: failedDep ? (s.failed.get(failedDep)?.message ?? "") : "" }),
        });
        continue;
      }
      if (closure.pending.length) continue;
      s.settled.add(mod.moduleId);
      const members = closure.modules.map((m) => s.transpiled.get(m) as TranspiledModule);
      out.push({ ok: program(mod, members, scope, startedAt) });
    }
    if (manifest.modules.every((m) => s.settled.has(m) || s.failed.has(m))) runs.delete(manifest.runId);
    return out;
  };

  return {
    name: "link",
    inputs: [topics.runs, topics.transpiled, topics.failures] as const,
    output: topics.programs,
    process(topic, event) {
      if (topic === topics.runs.name) {
        const m = event as RunManifest;
        state(m.runId).manifest = m;
        return evaluate(state(m.runId));
      }
      if (topic === topics.transpiled.name) {
        const t = event as TranspiledModule;
        state(t.runId).transpiled.set(t.moduleId, t);
        return evaluate(state(t.runId));
      }
      const f = event as FailureEvent;
      const s = state(f.runId);
      if (!s.failed.has(f.moduleId)) s.failed.set(f.moduleId, f);
      s.settled.add(f.moduleId);
      return evaluate(s);
    },
  };
}

function importedResult(mod: TranspiledModule): ModuleResult {
  const report = { module: mod.moduleId, path: mod.path, outcome: "imported", stages: mod.timings };
  return { runId: mod.runId, moduleId: mod.moduleId, path: mod.path, outcome: "imported", stage: "link", report: JSON.stringify(report) };
}

/** The folder of a module's file as a dotted prefix: where `python3 path` starts looking for imports. */
function scopeOf(mod: TranspiledModule): string {
  return mod.path.split("/").slice(0, -1).join(".");
}

function program(entry: TranspiledModule, members: TranspiledModule[], scope: string, startedAt: number): Program {
  const rust = linkProgram(
    nameInScope(entry.moduleId, scope),
    members.map((m) => ({ moduleName: nameInScope(m.moduleId, scope), rustModule: m.rustModule, rust: m.rust, imports: m.imports, diagnostics: [] })),
  );
  const hash = createHash("sha256");
  for (const m of members) hash.update(`${m.moduleId}\0${m.contentHash}\0`);
  return {
    runId: entry.runId,
    moduleId: entry.moduleId,
    path: entry.path,
    root: entry.root,
    contentHash: hash.digest("hex"),
    mode: entry.mode,
    lines: members.reduce((n, m) => n + m.lines, 0),
    modules: members.map((m) => m.moduleId),
    rust,
    wit: entry.wit,
    timings: [...entry.timings, timing("link", startedAt)],
  };
}
