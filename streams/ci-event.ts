// `portalis ci-event`: a push as an event. The Python files changed between two revisions are diffed
// with git; the HEAD tree is materialized once into a content-addressed folder (~/.cache/portalis/trees/
// <tree sha>, the run root, where the test stage runs python3); the whole module set at HEAD is published
// as one library run (unchanged modules hit the build and CPython caches: only changed ones are rebuilt);
// every deleted module gets a tombstone on the artifacts topic.
import { execFile, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { cacheRoot } from "../bridges/rustc/cache.ts";
import type { ModuleResult } from "../schemas/events.ts";
import { topics } from "../topics/index.ts";
import type { Transport } from "../topics/transport.ts";
import { awaitResults, publishRun } from "./run.ts";
import { isModulePath, listPythonFiles, moduleOf, newRunId } from "./sources.ts";

const run = promisify(execFile);

async function git(repo: string, ...args: string[]): Promise<string> {
  try {
    return (await run("git", ["-C", repo, ...args], { maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`git ${args.join(" ")}: ${(err.stderr ?? err.message).trim().split("\n")[0]}`);
  }
}

export interface ModuleChanges {
  added: string[];
  modified: string[];
  deleted: string[];
}

/** Module ids added, modified and deleted between two revisions (renames count as delete + add). */
export async function diffModules(repo: string, base: string, head: string): Promise<ModuleChanges> {
  const out = await git(repo, "diff", "--no-renames", "--name-status", "-z", base, head, "--", "*.py");
  const fields = out.split("\0").filter(Boolean);
  const changes: ModuleChanges = { added: [], modified: [], deleted: [] };
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [status, path] = [fields[i], fields[i + 1]];
    if (!isModulePath(path)) continue;
    const id = moduleOf(path).moduleId;
    if (status.startsWith("A")) changes.added.push(id);
    else if (status.startsWith("D")) changes.deleted.push(id);
    else changes.modified.push(id); // M, T (type change)
  }
  return changes;
}

/** Extracts a revision's tree once into cacheRoot()/trees/<tree sha> and returns that folder. */
export async function materializeTree(repo: string, rev: string): Promise<{ tree: string; root: string }> {
  const tree = (await git(repo, "rev-parse", "--verify", `${rev}^{tree}`)).trim();
  const root = join(cacheRoot(), "trees", tree);
  if (existsSync(root)) return { tree, root };
  const tmp = `${root}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  await mkdir(tmp, { recursive: true });
  try {
    await new Promise<void>((resolveP, reject) => {
      const archive = spawn("git", ["-C", repo, "archive", "--format=tar", tree], { stdio: ["ignore", "pipe", "pipe"] });
      const tar = spawn("tar", ["-x", "-C", tmp], { stdio: ["pipe", "ignore", "pipe"] });
      let err = "";
      archive.stderr.on("data", (d) => {
        err += d;
      });
      tar.stderr.on("data", (d) => {
        err += d;
      });
      archive.stdout.pipe(tar.stdin);
      let pending = 2;
      const done = (what: string) => (code: number | null) => {
        if (code !== 0) reject(new Error(`${what} exited with ${code}: ${err.trim().split("\n")[0]}`));
        else if (--pending === 0) resolveP();
      };
      archive.on("error", reject);
      tar.on("error", reject);
      archive.on("close", done("git archive"));
      tar.on("close", done("tar -x"));
    });
    await rename(tmp, root).catch(async (e) => {
      if (!existsSync(root)) throw e; // else another process materialized it meanwhile
      await rm(tmp, { recursive: true, force: true });
    });
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  return { tree, root };
}

export interface CiEventRequest {
  repo: string;
  base: string;
  head: string;
  runId?: string;
  /** Wait for every module's result (else return once the run is published). */
  wait?: boolean;
}

export interface CiModuleResult {
  module: string;
  path: string;
  outcome: ModuleResult["outcome"];
  changed: boolean;
  /** The build stage's cache hit, when the module got that far. */
  buildCached?: boolean;
  failure?: string;
}

export interface CiEventOutcome {
  runId: string;
  repo: string;
  base: string;
  head: string;
  tree: string;
  root: string;
  modules: number;
  /** Added and modified modules: those the run rebuilds. */
  changed: string[];
  added: string[];
  modified: string[];
  deleted: string[];
  publishedAt: number;
  results?: CiModuleResult[];
  wallMs?: number;
}

export async function publishCiEvent(transport: Transport, req: CiEventRequest): Promise<CiEventOutcome> {
  const repo = (await git(resolve(req.repo), "rev-parse", "--show-toplevel")).trim();
  const [base, head] = await Promise.all([req.base, req.head].map(async (r) => (await git(repo, "rev-parse", "--verify", `${r}^{commit}`)).trim()));
  const changes = await diffModules(repo, base, head);
  const { tree, root } = await materializeTree(repo, head);
  const modules = (await listPythonFiles(root)).map(moduleOf);
  const runId = req.runId ?? newRunId();
  const changed = [...changes.added, ...changes.modified].sort();
  const watch = req.wait
    ? awaitResults(
        transport,
        runId,
        modules.map((m) => m.moduleId),
      )
    : undefined;
  await watch?.ready;
  const publishedAt = Date.now();
  await publishRun(transport, { runId, mode: "library", root, modules });
  // Deletions: a tombstone per deleted module, keyed like its artifacts (run/module).
  if (changes.deleted.length) {
    await transport.publish(
      topics.artifacts,
      changes.deleted.map((m) => ({ key: `${runId}/${m}`, value: null })),
    );
  }
  const outcome: CiEventOutcome = { runId, repo, base, head, tree, root, modules: modules.length, changed, ...changes, publishedAt };
  if (!watch) return outcome;
  const results = await watch.results;
  const isChanged = new Set(changed);
  outcome.wallMs = Date.now() - publishedAt;
  outcome.results = results
    .map((r) => {
      const report = JSON.parse(r.report) as { stages?: { stage: string; cached: boolean }[]; failure?: { stage: string; message: string } };
      const build = report.stages?.find((s) => s.stage === "build");
      const line: CiModuleResult = { module: r.moduleId, path: r.path, outcome: r.outcome, changed: isChanged.has(r.moduleId) };
      if (build) line.buildCached = build.cached;
      if (report.failure) line.failure = `[${report.failure.stage}] ${report.failure.message}`;
      return line;
    })
    .sort((a, b) => a.path.localeCompare(b.path));
  return outcome;
}
