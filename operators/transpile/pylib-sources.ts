// Where runtime/pylib's modules are and what they are called (no transpiler here: analyze reads this).
import { readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const pylibDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../runtime/pylib");

export interface PylibSource {
  /** Dotted module name ("os.path"). */
  name: string;
  file: string;
  isPackage: boolean;
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) return walk(p);
      return f.endsWith(".py") ? [p] : [];
    });
}

/** The modules under runtime/pylib, sorted by name. */
export function pylibSources(): PylibSource[] {
  return walk(pylibDir)
    .map((file) => {
      const parts = relative(pylibDir, file).slice(0, -3).split("/");
      const isPackage = parts[parts.length - 1] === "__init__";
      if (isPackage) parts.pop();
      return { name: parts.join("."), file, isPackage };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Top-level names of the pylib modules (what analyze accepts as provided by the runtime). */
export const PYLIB_MODULES: ReadonlySet<string> = new Set(pylibSources().map((s) => s.name.split(".")[0]));
