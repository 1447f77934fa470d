// Which program modules a module needs: its imports, their parent packages, and the submodules of a
// package it imports from (`from shapes import Circle` may come from shapes/circle.py), transitively.
export function importClosure(entry: string, importsOf: (m: string) => string[] | undefined, known: ReadonlySet<string>): { modules: string[]; missing: string[]; pending: string[] } {
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
  while (queue.length) {
    const m = queue.pop() as string;
    modules.add(m);
    const imports = importsOf(m);
    if (!imports) {
      pending.add(m);
      continue;
    }
    for (const name of imports) {
      const parts = name.split(".");
      for (let i = 1; i < parts.length; i++) {
        const parent = parts.slice(0, i).join(".");
        if (known.has(parent)) add(parent);
      }
      let found = known.has(name);
      if (found) add(name);
      for (const k of known) {
        if (k.startsWith(`${name}.`)) {
          add(k);
          found = true;
        }
      }
      if (!found) missing.add(name);
    }
  }
  return { modules: [...modules].sort(), missing: [...missing], pending: [...pending] };
}
