// Import statements of a module, resolved to absolute module names (relative imports included).
import type { Node } from "web-tree-sitter";

export interface RawImport {
  module: string;
  line: number;
  col: number;
}

/** `from ..x import y` inside module `moduleId` -> absolute "pkg.x". */
export function resolveRelative(moduleId: string, isPackage: boolean, dots: number, rest: string): string | null {
  const parts = moduleId.split(".");
  const pkg = isPackage ? parts : parts.slice(0, -1);
  const up = dots - 1;
  if (up > pkg.length || (up === pkg.length && !rest)) return null;
  const base = pkg.slice(0, pkg.length - up);
  return [...base, ...(rest ? [rest] : [])].join(".");
}

function at(node: Node, module: string): RawImport {
  return { module, line: node.startPosition.row + 1, col: node.startPosition.column + 1 };
}

export function collectImports(root: Node, moduleId: string, isPackage: boolean): RawImport[] {
  const out: RawImport[] = [];
  const visit = (node: Node) => {
    if (node.type === "import_statement") {
      for (const name of node.childrenForFieldName("name")) {
        if (!name) continue;
        const dotted = name.type === "aliased_import" ? name.childForFieldName("name") : name;
        if (dotted) out.push(at(node, dotted.text));
      }
      return;
    }
    if (node.type === "import_from_statement") {
      const mod = node.childForFieldName("module_name");
      if (!mod) return;
      if (mod.type === "relative_import") {
        const prefix = mod.namedChildren.find((c) => c?.type === "import_prefix");
        const dots = prefix ? prefix.text.length : 0;
        const rest = mod.namedChildren.find((c) => c?.type === "dotted_name")?.text ?? "";
        const base = resolveRelative(moduleId, isPackage, dots, rest);
        if (base === null) return;
        if (rest) out.push(at(node, base));
        else {
          // `from . import a, b`: each name is (usually) a submodule of the package.
          for (const name of node.childrenForFieldName("name")) {
            const n = name?.type === "aliased_import" ? name.childForFieldName("name") : name;
            if (n) out.push(at(node, base ? `${base}.${n.text}` : n.text));
          }
          if (base) out.push(at(node, base));
        }
      } else out.push(at(node, mod.text));
      return;
    }
    for (const child of node.namedChildren) if (child) visit(child);
  };
  visit(root);
  return out;
}
