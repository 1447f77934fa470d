// Inputs: Python files on disk -> source events. Library mode walks a folder; script mode takes a file.
import { createHash, randomUUID } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import type { RunMode, SourceEvent } from "../schemas/events.ts";

const SKIP_DIRS = new Set(["__pycache__", "node_modules", "venv", ".venv", "site-packages", "build", "dist"]);

export interface ModuleFile {
  moduleId: string;
  path: string; // relative to root, with '/'
  isPackage: boolean;
}

/** `a/b.py` -> `a.b`; `a/__init__.py` -> `a` (a package). */
export function moduleOf(relPath: string): ModuleFile {
  const path = relPath.split(sep).join("/");
  const parts = path.replace(/\.py$/, "").split("/");
  const isPackage = parts[parts.length - 1] === "__init__";
  if (isPackage) parts.pop();
  return { moduleId: parts.join(".") || "__init__", path, isPackage };
}

/** Whether listPythonFiles would list this relative path (a `.py` file outside hidden and skipped folders). */
export function isModulePath(relPath: string): boolean {
  const parts = relPath.split(/[\\/]/);
  const file = parts.pop() ?? "";
  return file.endsWith(".py") && !file.startsWith(".") && parts.every((d) => !d.startsWith(".") && !SKIP_DIRS.has(d));
}

export async function listPythonFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith(".")) continue;
      const full = join(dir, e.name);
      if (e.isDirectory() && !SKIP_DIRS.has(e.name)) await walk(full);
      else if (e.isFile() && e.name.endsWith(".py")) out.push(relative(root, full));
    }
  };
  await walk(root);
  return out;
}

export function newRunId(): string {
  return randomUUID();
}

export async function sourceEvent(runId: string, root: string, file: ModuleFile, mode: RunMode): Promise<SourceEvent> {
  const source = await readFile(join(root, file.path), "utf8");
  return {
    runId,
    moduleId: file.moduleId,
    path: file.path,
    root,
    source,
    contentHash: createHash("sha256").update(source).digest("hex"),
    isPackage: file.isPackage,
    mode,
    timings: [],
  };
}

/** Script mode: the file alone, as its stem, run from its own folder. */
export function scriptModule(file: string): { root: string; module: ModuleFile } {
  const abs = resolve(file);
  const stem = basename(abs).replace(/\.py$/, "");
  return { root: dirname(abs), module: { moduleId: stem, path: basename(abs), isPackage: false } };
}
