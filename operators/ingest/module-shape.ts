// Facts about a module's top level: which names it defines and whether running it does anything
// (a "runnable" module yields a WASI command; a definitions-only module is linked into others).
import type { Node } from "web-tree-sitter";

const DEFINITION_TYPES = new Set([
  "function_definition",
  "class_definition",
  "decorated_definition",
  "import_statement",
  "import_from_statement",
  "future_import_statement",
]);

function isDocstringOrConstant(stmt: Node): boolean {
  if (stmt.type === "expression_statement") {
    const expr = stmt.namedChildren[0];
    if (expr?.type === "string") return true;
    if (expr?.type === "assignment") {
      // Module constants such as `PI = 3.14` or `TABLE = {...}` run, but print nothing.
      const right = expr.childForFieldName("right");
      return !right || !containsCall(right);
    }
  }
  return stmt.type === "pass_statement";
}

function containsCall(node: Node): boolean {
  if (node.type === "call") return true;
  return node.namedChildren.some((c) => c !== null && containsCall(c));
}

export function isRunnable(root: Node): boolean {
  return root.namedChildren.some((stmt) => stmt !== null && stmt.type !== "comment" && !DEFINITION_TYPES.has(stmt.type) && !isDocstringOrConstant(stmt));
}

export function topLevelNames(root: Node): string[] {
  const names: string[] = [];
  for (const stmt of root.namedChildren) {
    if (!stmt) continue;
    const def = stmt.type === "decorated_definition" ? stmt.childForFieldName("definition") : stmt;
    if (def && (def.type === "function_definition" || def.type === "class_definition")) {
      const name = def.childForFieldName("name")?.text;
      if (name) names.push(name);
    } else if (stmt.type === "expression_statement" && stmt.namedChildren[0]?.type === "assignment") {
      const left = stmt.namedChildren[0].childForFieldName("left");
      if (left?.type === "identifier") names.push(left.text);
    }
  }
  return names;
}
