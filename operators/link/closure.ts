// Which program modules a module needs: its imports, their parent packages, and the submodules of a
// package it imports from (`from shapes import Circle` may come from shapes/circle.py), transitively.
//
// `python3 a/b.py` puts a/ first on sys.path, so an entry in a subfolder imports its neighbours by
// their names relative to that folder: `scope` is that folder as a dotted prefix ("" at the root).
export interface Closure {
  /** Module ids (relative to the library root) the program needs, entry included. */
  modules: string[];
  missing: string[];
  pending: string[];
}

export function importClosure(entry: string, importsOf: (m: string) => string[] | undefined, known: ReadonlySet<string>, scope = ""): Closure {
  const modules = new Set<string>();
  const missing = new Set<string>();
  const pending = new Set<string>();
  const queue = [entry];
  const add = (m: string) => {
    if (!modules.has(m)) {
      modules.add(m);
      queue.push(m);
    }
  };
  const scoped = (name: string) => (scope ? `${scope}.${name}` : name);
  while (queue.length) {
    const m = queue.pop() as string;
    modules.add(m);
    const imports = importsOf(m);
    if (!imports) {
      pending.add(m);
      continue;
    }
    for (const imported of imports) {
      const top = scoped(imported.split(".")[0]);
      const name = scope && (known.has(top) || [...known].some((k) => k.startsWith(`${top}.`))) ? scoped(imported) : imported;
      const parts = name.split(".");
      let parentFound = false;
      for (let i = 1; i < parts.length; i++) {
        const parent = parts.slice(0, i).join(".");
        if (known.has(parent) && parent.length > scope.length) {
          add(parent);
          parentFound = true;
        }
      }
      // `from m import name` may list "m.name": an attribute of m unless m.name is a module.
      let found = known.has(name) || parentFound;
      if (known.has(name)) add(name);
      for (const k of known) {
        if (k.startsWith(`${name}.`)) {
          add(k);
          found = true;
        }
      }
      if (!found) missing.add(imported);
    }
  }
  return { modules: [...modules].sort(), missing: [...missing], pending: [...pending] };
}

/** The name a module has inside a program whose entry lives in folder `scope`. */
export function nameInScope(moduleId: string, scope: string): string {
  return scope && moduleId.startsWith(`${scope}.`) ? moduleId.slice(scope.length + 1) : moduleId;
}
