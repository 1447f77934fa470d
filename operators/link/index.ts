// link: joins a run's manifest, transpiled modules and early failures (one topic keyed by run); once a
// runnable module and every program module it imports are transpiled, emits one program (main.rs).
// Replays are harmless: a module seen twice is stored once, a program emitted twice is built from cache.
import { createHash } from "node:crypto";
import type { FailureEvent, JoinEvent, ModuleResult, Program, RunManifest, TranspiledModule } from "../../schemas/events.ts";
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

/** How many settled run ids to remember, to recognise late duplicates of their records. */
const COMPLETED_MEMORY = 10_000;

export function createLink(): JoinStage<JoinEvent, Program> {
  const runs = new Map<string, RunState>();
  const completed = new Set<string>();
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
      // Imports of modules that exist nowhere are left to run time: like CPython, the program raises
      // ModuleNotFoundError there (and may catch it), and the test stage compares the outcome.
      if (failedDep) {
        s.settled.add(mod.moduleId);
        const message = `imports module '${failedDep}', which failed at ${s.failed.get(failedDep)?.stage}`;
        out.push({ failure: failureOf(mod, "link", startedAt, { kind: "dependency", message, detail: s.failed.get(failedDep)?.message ?? "" }) });
        continue;
      }
      if (closure.pending.length) continue;
      s.settled.add(mod.moduleId);
      const members = closure.modules.map((m) => s.transpiled.get(m) as TranspiledModule);
      out.push({ ok: program(mod, members, scope, startedAt) });
    }
    return out;
  };

  return {
    name: "link",
    input: topics.joins,
    output: topics.programs,
    runOf: (e) => e.runId,
    process(e) {
      // A replayed record of a run that already settled: nothing to do, acknowledge it.
      if (completed.has(e.runId)) return { results: [], settled: [e.runId] };
      const s = state(e.runId);
      if (e.manifest) s.manifest = e.manifest;
      else if (e.module) s.transpiled.set(e.module.moduleId, e.module);
      else if (e.failure) {
        if (!s.failed.has(e.failure.moduleId)) s.failed.set(e.failure.moduleId, e.failure);
        s.settled.add(e.failure.moduleId);
      }
      const results = evaluate(s);
      const done = s.manifest?.modules.every((m) => s.settled.has(m)) === true;
      if (done) {
        runs.delete(e.runId);
        completed.add(e.runId);
        if (completed.size > COMPLETED_MEMORY) completed.delete(completed.values().next().value as string);
      }
      return { results, settled: done ? [e.runId] : [] };
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
