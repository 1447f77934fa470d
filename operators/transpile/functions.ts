// def / lambda -> make_function values.
import { type Node, field, kids, named, stmts } from "./ast.ts";
import { type Expr, type Gen, indent, own, owned } from "./context.ts";
import { emitExpr } from "./expressions.ts";
import { emitGeneratorBody } from "./generators.ts";
import { rustStr, rustVar } from "./names.ts";
import type { Scope } from "./scope.ts";
import { emitBlock } from "./statements.ts";

interface ParamSpec {
  name: string;
  kind: "Positional" | "VarArgs" | "KwOnly" | "VarKw";
  default: Node | null;
}

function collectParams(g: Gen, params: Node | null): ParamSpec[] {
  const out: ParamSpec[] = [];
  if (!params) return out;
  let kwOnly = false;
  for (const p of named(params)) {
    let nameNode: Node | null = null;
    let def: Node | null = null;
    let kind: ParamSpec["kind"] = kwOnly ? "KwOnly" : "Positional";
    let inner = p;
    if (p.type === "typed_parameter") {
      inner = named(p).find((c) => c.type !== "type") ?? p;
    }
    switch (inner.type) {
      case "identifier":
        nameNode = inner;
        break;
      case "default_parameter":
      case "typed_default_parameter":
        nameNode = field(inner, "name");
        def = field(inner, "value");
        break;
      case "list_splat_pattern":
        nameNode = named(inner)[0] ?? null;
        kind = "VarArgs";
        kwOnly = true;
        break;
      case "dictionary_splat_pattern":
        nameNode = named(inner)[0] ?? null;
        kind = "VarKw";
        break;
      case "keyword_separator":
        kwOnly = true;
        continue;
      case "positional_separator":
        continue;
      default:
        g.diag(p, `unsupported parameter (${p.type})`);
        continue;
    }
    if (!nameNode || nameNode.type !== "identifier") {
      g.diag(p, "unsupported parameter form");
      continue;
    }
    out.push({ name: nameNode.text, kind, default: def });
  }
  return out;
}

/**
 * Rust expression creating a function value. Defaults are evaluated (in the enclosing scope)
 * into temporaries emitted in `pre`.
 */
function makeFunction(g: Gen, node: Node, fnScope: Scope, name: string, paramsNode: Node | null, body: () => string): { pre: string; value: string } {
  const params = collectParams(g, paramsNode);
  let pre = "";
  const paramCode = params.map((p) => {
    let def = "None";
    if (p.default) {
      const t = g.t("_d");
      pre += `let ${t} = ${own(emitExpr(g, p.default))};\n`;
      def = `Some(${t})`;
    }
    return `Param { name: ${rustStr(p.name)}, default: ${def}, kind: ParamKind::${p.kind} }`;
  });
  let captures = "let module = module.clone();\n";
  for (const f of fnScope.free) captures += `let ${rustVar(f)} = ${rustVar(f)}.clone();\n`;
  if (fnScope.usesSuper && fnScope.parent?.kind === "class") {
    const cell = g.classCtxFor(fnScope.parent).cell;
    captures += `let ${cell} = ${cell}.clone();\n`;
  }
  const savedLoops = g.loops;
  const savedHandlers = g.handlers;
  const savedGen = g.genState;
  g.loops = [];
  g.handlers = [];
  g.genState = null;
  let inner: string;
  try {
    inner = g.withScope(fnScope, () => {
      let code = "let mut _a = args.into_iter();\n";
      for (const p of params) {
        const v = rustVar(p.name);
        code += fnScope.cells.has(p.name) ? `let ${v}: VarCell = new_cell(_a.next());\n` : `let mut ${v}: Option<Value> = _a.next();\n`;
      }
      code += declareLocals(fnScope, new Set(params.map((p) => p.name)));
      code += body();
      return code;
    });
  } finally {
    g.loops = savedLoops;
    g.handlers = savedHandlers;
    g.genState = savedGen;
  }
  const qual = fnScope.qualname();
  const value =
    `{\n${indent(captures)}\n    make_function(${rustStr(name)}, ${rustStr(qual)}, vec![${paramCode.join(", ")}], ` +
    `Rc::new(move |args: Vec<Value>| -> PyResult<Value> {\n${indent(inner, "        ")}\n    }))\n}`;
  void node;
  return { pre, value };
}

/** `let` declarations for a scope's own locals (not params, not globals/nonlocals). */
export function declareLocals(s: Scope, skip: Set<string>): string {
  let code = "";
  for (const name of s.order) {
    if (skip.has(name)) continue;
    const r = s.resolve(name);
    if (r.kind !== "local" || r.owner !== s) continue;
    const v = rustVar(name);
    code += s.cells.has(name) ? `let ${v}: VarCell = new_cell(None);\n` : `let mut ${v}: Option<Value> = None;\n`;
  }
  return code;
}

export function emitFunctionDef(g: Gen, n: Node): string {
  const decorators = n.type === "decorated_definition" ? kids(n).filter((c) => c.type === "decorator") : [];
  const def = n.type === "decorated_definition" ? field(n, "definition")! : n;
  if (kids(def).some((c) => c.type === "async")) {
    g.diag(def, "async functions are not supported");
    return "";
  }
  const fnScope = g.scopeOf(def);
  const name = field(def, "name")!.text;
  let code = "{\n";
  const decTemps: string[] = [];
  for (const d of decorators) {
    const t = g.t("_dec");
    code += `    let ${t} = ${own(emitExpr(g, named(d)[0]!))};\n`;
    decTemps.push(t);
  }
  const bodyStmts = stmts(field(def, "body"));
  const { pre, value } = makeFunction(g, def, fnScope, name, field(def, "parameters"), () => {
    if (fnScope.isGenerator) return emitGeneratorBody(g, fnScope, bodyStmts);
    return g.inFrame({ kind: "fn" }, () => `${emitBlock(g, bodyStmts)}\nOk(Value::None)`);
  });
  code += indent(pre);
  const f = g.t("_f");
  code += `    let mut ${f} = ${indent(value).trimStart()};\n`;
  const docNode = bodyStmts[0];
  if (docNode?.type === "expression_statement" && named(docNode).length === 1 && named(docNode)[0]!.type === "string") {
    const s = named(docNode)[0]!;
    if (!/^[a-zA-Z]*[fF]/.test(s.text)) code += `    setattr(&${f}, "__doc__", ${own(emitExpr(g, s))})?;\n`;
  }
  for (const t of decTemps.reverse()) code += `    ${f} = call(&${t}, vec![${f}], vec![])?;\n`;
  code += `${indent(g.store(name, f))}\n}`;
  return code;
}

export function emitLambda(g: Gen, n: Node): Expr {
  const s = g.scopeOf(n);
  const { pre, value } = makeFunction(g, n, s, "<lambda>", field(n, "parameters"), () =>
    g.inFrame({ kind: "fn" }, () => `Ok(${own(emitExpr(g, field(n, "body")!))})`),
  );
  if (!pre) return owned(value);
  return owned(`{\n${indent(pre)}    ${indent(value).trimStart()}\n}`);
}
