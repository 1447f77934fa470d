// Functions of a module: signature with type hints, the names it calls (call graph edges) and the
// types of locals that can be read off their literal initializers.
import type { Node } from "web-tree-sitter";
import type { FunctionInfo, ParamInfo } from "../../schemas/events.ts";

const LITERAL_TYPES: Record<string, string> = {
  integer: "int",
  float: "float",
  string: "str",
  concatenated_string: "str",
  true: "bool",
  false: "bool",
  none: "None",
  list: "list",
  list_comprehension: "list",
  dictionary: "dict",
  dictionary_comprehension: "dict",
  set: "set",
  set_comprehension: "set",
  tuple: "tuple",
};

function param(node: Node): ParamInfo | null {
  switch (node.type) {
    case "identifier":
      return { name: node.text, annotation: null, hasDefault: false };
    case "typed_parameter": {
      const name = node.namedChildren.find((c) => c?.type === "identifier" || c?.type === "list_splat_pattern" || c?.type === "dictionary_splat_pattern");
      return { name: name?.text ?? node.text, annotation: node.childForFieldName("type")?.text ?? null, hasDefault: false };
    }
    case "default_parameter":
      return { name: node.childForFieldName("name")?.text ?? "", annotation: null, hasDefault: true };
    case "typed_default_parameter":
      return { name: node.childForFieldName("name")?.text ?? "", annotation: node.childForFieldName("type")?.text ?? null, hasDefault: true };
    case "list_splat_pattern":
    case "dictionary_splat_pattern":
      return { name: node.text, annotation: null, hasDefault: false };
    default:
      return null;
  }
}

/** Walks a function body without descending into nested scopes. */
function walkBody(node: Node, visit: (n: Node) => void): void {
  for (const child of node.namedChildren) {
    if (!child) continue;
    visit(child);
    if (child.type === "function_definition" || child.type === "class_definition" || child.type === "lambda") continue;
    walkBody(child, visit);
  }
}

function describe(def: Node, qualname: string): FunctionInfo {
  const params = (def.childForFieldName("parameters")?.namedChildren ?? []).map((p) => (p ? param(p) : null)).filter((p): p is ParamInfo => p !== null);
  const calls = new Set<string>();
  const locals = new Map<string, string>();
  let isGenerator = false;
  const body = def.childForFieldName("body");
  if (body) {
    walkBody(body, (n) => {
      if (n.type === "call") {
        const f = n.childForFieldName("function");
        if (f && (f.type === "identifier" || f.type === "attribute")) calls.add(f.text);
      } else if (n.type === "yield") isGenerator = true;
      else if (n.type === "assignment") {
        const left = n.childForFieldName("left");
        const right = n.childForFieldName("right");
        const annotated = n.childForFieldName("type")?.text;
        if (left?.type === "identifier") {
          const t = annotated ?? (right ? LITERAL_TYPES[right.type] : undefined);
          const prev = locals.get(left.text);
          if (t) locals.set(left.text, prev && prev !== t ? "object" : t);
        }
      }
    });
  }
  return {
    name: qualname,
    line: def.startPosition.row + 1,
    params,
    returns: def.childForFieldName("return_type")?.text ?? null,
    calls: [...calls].sort(),
    locals: [...locals].map(([name, type]) => ({ name, type })),
    isGenerator,
  };
}

export function collectFunctions(root: Node): { functions: FunctionInfo[]; classes: string[] } {
  const functions: FunctionInfo[] = [];
  const classes: string[] = [];
  const visit = (node: Node, prefix: string) => {
    for (const child of node.namedChildren) {
      if (!child) continue;
      const def = child.type === "decorated_definition" ? child.childForFieldName("definition") : child;
      if (def?.type === "function_definition") {
        const name = `${prefix}${def.childForFieldName("name")?.text}`;
        functions.push(describe(def, name));
        const body = def.childForFieldName("body");
        if (body) visit(body, `${name}.<locals>.`);
      } else if (def?.type === "class_definition") {
        const name = `${prefix}${def.childForFieldName("name")?.text}`;
        classes.push(name);
        const body = def.childForFieldName("body");
        if (body) visit(body, `${name}.`);
      } else if (child.type !== "lambda") visit(child, prefix);
    }
  };
  visit(root, "");
  return { functions, classes };
}
