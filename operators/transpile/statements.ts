// Statements -> Rust statements.
import { type Node, field, fields, kids, named, stmts, unparen } from "./ast.ts";
import { emitClassDef } from "./classes.ts";
import { type Gen, indent, own, ref } from "./context.ts";
import { emitAssert, emitRaise, emitTry, emitWith } from "./exceptions.ts";
import { AUGOPS, emitCond, emitExpr, emitSeq, emitSlice } from "./expressions.ts";
import { emitFunctionDef } from "./functions.ts";
import { emitImport, emitImportFrom } from "./imports.ts";
import { rustStr } from "./names.ts";
import { emitMatch } from "./patterns.ts";

/** The docstring of a module / class body: a leading plain (not f-, not bytes) string literal. */
export function docstringOf(body: Node[]): Node | null {
  const first = body[0];
  if (first?.type !== "expression_statement" || named(first).length !== 1) return null;
  const s = named(first)[0]!;
  return s.type === "string" && !/^[a-zA-Z]*[fFbB]/.test(s.text) ? s : null;
}

export function emitBlock(g: Gen, nodes: Node[]): string {
  return nodes.map((n) => emitStmt(g, n)).join("\n");
}

export function emitStmt(g: Gen, n: Node): string {
  const body = emitStmtInner(g, n);
  return `${g.line(n)}\n${body}`;
}

function emitStmtInner(g: Gen, n: Node): string {
  switch (n.type) {
    case "expression_statement":
      return emitExprStmt(g, n);
    case "pass_statement":
    case "global_statement":
    case "nonlocal_statement":
      return "";
    case "return_statement": {
      const vals = named(n);
      // `return a, b` parses as one expression_list child
      const v = vals.length === 0 ? "Value::None" : own(emitExpr(g, vals[0]!));
      return emitReturn(g, n, v);
    }
    case "if_statement":
      return emitIf(g, n);
    case "while_statement":
      return emitWhile(g, n);
    case "for_statement":
      return emitFor(g, n);
    case "break_statement":
      return emitBreakContinue(g, n, "break");
    case "continue_statement":
      return emitBreakContinue(g, n, "continue");
    case "function_definition":
    case "decorated_definition": {
      const def = n.type === "decorated_definition" ? field(n, "definition")! : n;
      if (def.type === "class_definition") return emitClassDef(g, n);
      return emitFunctionDef(g, n);
    }
    case "class_definition":
      return emitClassDef(g, n);
    case "try_statement":
      return emitTry(g, n);
    case "with_statement":
      return emitWith(g, n);
    case "raise_statement":
      return emitRaise(g, n);
    case "assert_statement":
      return emitAssert(g, n);
    case "delete_statement":
      return named(n)
        .map((t) => emitDel(g, t))
        .join("\n");
    case "import_statement":
      return emitImport(g, n);
    case "import_from_statement":
      return emitImportFrom(g, n);
    case "future_import_statement":
      return "";
    case "match_statement":
      return emitMatch(g, n);
    default:
      g.diag(n, `unsupported statement (${n.type})`);
      return "";
  }
}

function emitExprStmt(g: Gen, n: Node): string {
  const parts = named(n);
  if (parts.length === 1) {
    const e = parts[0]!;
    if (e.type === "assignment") return emitAssignment(g, e);
    if (e.type === "augmented_assignment") return emitAugAssign(g, e);
    if (e.type === "yield") {
      g.diag(e, "yield outside a generator function body");
      return "";
    }
    // docstrings / bare constants: nothing to evaluate
    if (e.type === "string" && !e.text.match(/^[a-zA-Z]*f/i)) return "";
    const x = emitExpr(g, e);
    return `let _ = ${x.c};`;
  }
  // `a, b` as a statement: a tuple expression (each item evaluated in order)
  return `let _ = ${emitSeq(g, parts, "new_tuple")};`;
}

// ---- return / break / continue ----------------------------------------------------------------

export function emitReturn(g: Gen, n: Node, value: string): string {
  const frame = g.frames[g.level]!;
  switch (frame.kind) {
    case "fn":
      return `return Ok(${value});`;
    case "gen": {
      const gs = g.genState;
      const f = gs?.finallys[gs.finallys.length - 1];
      if (gs && f) {
        // leave through the enclosing lowered finally blocks (innermost first)
        f.targets.set(gs.retState(), 0);
        return `{ gen_set_return(${value}); ${f.jump} = ${gs.retState()}; ${gs.stVar} = ${f.fin}; continue 'sm; }`;
      }
      return `{ gen_set_return(${value}); return Ok(None); }`;
    }
    case "closure":
      frame.flow!.returns = true;
      return `return Ok(Flow::Return(${value}));`;
    case "module":
      g.diag(n, "'return' outside function");
      return "";
  }
}

function emitBreakContinue(g: Gen, n: Node, kind: "break" | "continue"): string {
  const loop = g.loops[g.loops.length - 1];
  if (!loop) {
    g.diag(n, `'${kind}' outside loop`);
    return "";
  }
  return emitLoopJump(g, loop.id, kind);
}

/** Jump to a loop's exit/head from the current frame level (Flow value across closures). */
export function emitLoopJump(g: Gen, id: number, kind: "break" | "continue"): string {
  const loop = g.loops.find((l) => l.id === id)!;
  if (loop.level === g.level) {
    if (loop.mode === "rust") return `${kind} 'l${id};`;
    const target = kind === "break" ? loop.breakState : loop.continueState;
    const gs = g.genState!;
    const crossing = gs.finallys.slice(loop.finDepth ?? 0);
    if (crossing.length) {
      // route through the innermost lowered finally (it forwards to the outer ones: see lowerTry)
      const f = crossing[crossing.length - 1]!;
      f.targets.set(target!, loop.finDepth ?? 0);
      return `{ ${f.jump} = ${target}; ${gs.stVar} = ${f.fin}; continue 'sm; }`;
    }
    return `{ ${gs.stVar} = ${target}; continue 'sm; }`;
  }
  const frame = g.frames[g.level]!;
  (kind === "break" ? frame.flow!.breaks : frame.flow!.continues).add(id);
  return `return Ok(Flow::${kind === "break" ? "Break" : "Continue"}(${id}));`;
}

// ---- if / while / for ----------------------------------------------------------------------------

function emitIf(g: Gen, n: Node): string {
  let code = `if ${emitCond(g, field(n, "condition")!)} {\n${indent(emitBlock(g, stmts(field(n, "consequence"))))}\n}`;
  for (const alt of fields(n, "alternative")) {
    if (alt.type === "elif_clause") {
      code += ` else if ${emitCond(g, field(alt, "condition")!)} {\n${indent(emitBlock(g, stmts(field(alt, "consequence"))))}\n}`;
    } else {
      code += ` else {\n${indent(emitBlock(g, stmts(field(alt, "body"))))}\n}`;
    }
  }
  return code;
}

export function elseBody(n: Node): Node[] | null {
  const alt = field(n, "alternative");
  if (!alt) return null;
  return stmts(field(alt, "body"));
}

function emitWhile(g: Gen, n: Node): string {
  const id = g.loopId();
  const cond = emitCond(g, field(n, "condition")!);
  const els = elseBody(n);
  const elseCode = els ? `${emitBlock(g, els)}\n` : "";
  g.loops.push({ id, level: g.level, mode: "rust" });
  const body = emitBlock(g, stmts(field(n, "body")));
  g.loops.pop();
  return `'l${id}: loop {\n    if !${wrapCond(cond)} {\n${indent(elseCode, "        ")}        break 'l${id};\n    }\n${indent(body)}\n}`;
}

function wrapCond(c: string): string {
  return /^[A-Za-z_][A-Za-z_0-9]*\(.*\)\?$/.test(c) || c.startsWith("(") ? c : `(${c})`;
}

function emitFor(g: Gen, n: Node): string {
  const id = g.loopId();
  const it = g.t("_it");
  const v = g.t("_v");
  const src = emitExpr(g, field(n, "right")!);
  const els = elseBody(n);
  const elseCode = els ? `${emitBlock(g, els)}\n` : "";
  g.loops.push({ id, level: g.level, mode: "rust" });
  const assign = emitAssignTo(g, field(n, "left")!, v);
  const body = emitBlock(g, stmts(field(n, "body")));
  g.loops.pop();
  // own block: the iterator is dropped (a generator closed) when the loop ends, as in CPython
  return (
    `{\nlet ${it} = iter(${ref(src)})?;\n'l${id}: loop {\n` +
    `    let ${v} = match next(&${it})? { Some(x) => x, None => {\n${indent(elseCode, "        ")}        break 'l${id};\n    } };\n` +
    `${indent(assign)}\n${indent(body)}\n}\n}`
  );
}

// ---- assignment ------------------------------------------------------------------------------------

function emitAssignment(g: Gen, n: Node): string {
  // chained: a = b = value  parses as assignment(left a, right assignment(left b, right value))
  const targets: Node[] = [];
  let cur: Node = n;
  while (cur.type === "assignment" && field(cur, "right")?.type === "assignment") {
    targets.push(field(cur, "left")!);
    cur = field(cur, "right")!;
  }
  const right = field(cur, "right");
  targets.push(field(cur, "left")!);
  const ann = annotationSkip === n ? null : field(cur, "type");
  annotationSkip = null;
  if (ann && g.scope.kind === "class" && unparen(targets[0]!).type === "identifier") {
    // class-body annotations feed __annotations__ (dataclasses, NamedTuple-style classes)
    const store = emitClassAnnotation(g, unparen(targets[0]!).text, ann);
    if (!right) return store;
    return `${emitAssignment(g, withoutAnnotation(n))}\n${store}`;
  }
  if (!right) return ""; // bare annotation `x: int` (not evaluated, like a function-level annotation)
  if (right.type === "yield" && !(g.yieldSubst && g.yieldSubst.node.id === right.id)) {
    g.diag(right, "yield used as an expression value is not supported");
    return "";
  }
  if (targets.length === 1) {
    const t = unparen(targets[0]!);
    // a, b = x, y : evaluate right items first, then assign left-to-right (no tuple built)
    const rItems = right.type === "expression_list" || right.type === "tuple" ? named(right) : null;
    const lItems = isSeqTarget(t) ? named(t) : null;
    if (
      rItems &&
      lItems &&
      rItems.length === lItems.length &&
      !rItems.some((i) => i.type === "list_splat") &&
      !lItems.some((i) => i.type === "list_splat_pattern" || i.type === "list_splat")
    ) {
      const temps = rItems.map(() => g.t());
      let code = "{\n";
      rItems.forEach((r, i) => {
        code += `    let ${temps[i]} = ${own(emitExpr(g, r))};\n`;
      });
      lItems.forEach((l, i) => {
        code += `${indent(emitAssignTo(g, l, temps[i]!))}\n`;
      });
      return `${code}}`;
    }
    if (t.type === "identifier") return g.store(t.text, own(emitExpr(g, right)));
  }
  const v = g.t();
  let code = `{\n    let ${v} = ${own(emitExpr(g, right))};\n`;
  targets.forEach((t, i) => {
    code += `${indent(emitAssignTo(g, t, i === targets.length - 1 ? v : `${v}.clone()`))}\n`;
  });
  return `${code}}`;
}

let annotationSkip: Node | null = null;

function withoutAnnotation(n: Node): Node {
  annotationSkip = n;
  return n;
}

/** `__annotations__[name] = <annotation>`: simple names are evaluated, other forms kept as source text. */
function emitClassAnnotation(g: Gen, name: string, ann: Node): string {
  const ns = g.classCtxFor(g.scope).ns;
  const inner = named(ann)[0] ?? ann;
  const simple = inner.type === "identifier" || (inner.type === "attribute" && /^[\w.]+$/.test(inner.text));
  const value = simple && !g.info.futureAnnotations ? own(emitExpr(g, inner)) : `str_lit(${rustStr(inner.text)})`;
  return `setitem(&class_load(&${ns}, "__annotations__", &module)?, &str_lit(${rustStr(name)}), ${value})?;`;
}

function isSeqTarget(t: Node): boolean {
  return ["pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "expression_list"].includes(t.type);
}

/** Statements assigning the owned value expression `val` (usually a temp name) to target `t`. */
export function emitAssignTo(g: Gen, target: Node, val: string): string {
  const t = unparen(target);
  switch (t.type) {
    case "identifier":
      return g.store(t.text, val);
    case "attribute": {
      const obj = emitExpr(g, field(t, "object")!);
      return `setattr(${ref(obj)}, ${rustStr(field(t, "attribute")!.text)}, ${val})?;`;
    }
    case "subscript": {
      const obj = emitExpr(g, field(t, "value")!);
      const subs = fields(t, "subscript");
      const idx =
        subs.length === 1
          ? subs[0]!.type === "slice"
            ? own(emitSlice(g, subs[0]!))
            : own(emitExpr(g, subs[0]!))
          : `new_tuple(vec![${subs.map((s) => own(s.type === "slice" ? emitSlice(g, s) : emitExpr(g, s))).join(", ")}])`;
      return `setitem(${ref(obj)}, &${idx}, ${val})?;`;
    }
    case "pattern_list":
    case "tuple_pattern":
    case "list_pattern":
    case "tuple":
    case "list":
    case "expression_list": {
      const items = named(t);
      const starIdx = items.findIndex((i) => i.type === "list_splat_pattern" || i.type === "list_splat");
      if (starIdx >= 0 && items.slice(starIdx + 1).some((i) => i.type === "list_splat_pattern" || i.type === "list_splat")) {
        g.diag(t, "multiple starred expressions in assignment");
        return "";
      }
      const u = g.t("_u");
      if (starIdx < 0) {
        let code = `{\n    let mut ${u} = unpack_exact(&${val}, ${items.length})?.into_iter();\n`;
        for (const i of items) code += `${indent(emitAssignTo(g, i, `${u}.next().unwrap()`))}\n`;
        return `${code}}`;
      }
      const before = items.slice(0, starIdx);
      const after = items.slice(starIdx + 1);
      let code = `{\n    let (${u}a, ${u}m, ${u}b) = unpack_star(&${val}, ${before.length}, ${after.length})?;\n`;
      code += `    let mut ${u}a = ${u}a.into_iter();\n    let mut ${u}b = ${u}b.into_iter();\n`;
      for (const i of before) code += `${indent(emitAssignTo(g, i, `${u}a.next().unwrap()`))}\n`;
      code += `${indent(emitAssignTo(g, named(items[starIdx]!)[0]!, `${u}m`))}\n`;
      for (const i of after) code += `${indent(emitAssignTo(g, i, `${u}b.next().unwrap()`))}\n`;
      return `${code}}`;
    }
    case "list_splat_pattern":
    case "list_splat":
      g.diag(t, "starred assignment target must be in a list or tuple");
      return "";
    default:
      g.diag(t, `cannot assign to ${t.type}`);
      return "";
  }
}

function emitAugAssign(g: Gen, n: Node): string {
  const op = kids(n).find((c) => !c.isNamed)!.type;
  const fn = AUGOPS[op];
  if (!fn) {
    g.diag(n, `unsupported augmented assignment ${op}`);
    return "";
  }
  const t = unparen(field(n, "left")!);
  const right = field(n, "right")!;
  switch (t.type) {
    case "identifier": {
      const cur = g.load(t.text);
      const r = emitExpr(g, right);
      if (cur.r) {
        // read, then compute (the reference borrow ends before the store)
        const tmp = g.t();
        return `{ let ${tmp} = ${fn}(${cur.c}, ${ref(r)})?; ${g.store(t.text, tmp)} }`;
      }
      const tmp = g.t();
      return `{ let ${tmp} = ${fn}(&${cur.c}, ${ref(r)})?; ${g.store(t.text, tmp)} }`;
    }
    case "attribute": {
      const o = g.t();
      const obj = emitExpr(g, field(t, "object")!);
      const name = rustStr(field(t, "attribute")!.text);
      const r = emitExpr(g, right);
      return `{ let ${o} = ${own(obj)}; let ${o}v = ${fn}(&getattr(&${o}, ${name})?, ${ref(r)})?; setattr(&${o}, ${name}, ${o}v)?; }`;
    }
    case "subscript": {
      const o = g.t();
      const obj = emitExpr(g, field(t, "value")!);
      const subs = fields(t, "subscript");
      const idx =
        subs.length === 1
          ? own(subs[0]!.type === "slice" ? emitSlice(g, subs[0]!) : emitExpr(g, subs[0]!))
          : `new_tuple(vec![${subs.map((s) => own(s.type === "slice" ? emitSlice(g, s) : emitExpr(g, s))).join(", ")}])`;
      const r = emitExpr(g, right);
      return `{ let ${o} = ${own(obj)}; let ${o}i = ${idx}; let ${o}v = ${fn}(&getitem(&${o}, &${o}i)?, ${ref(r)})?; setitem(&${o}, &${o}i, ${o}v)?; }`;
    }
    default:
      g.diag(t, `illegal expression for augmented assignment (${t.type})`);
      return "";
  }
}

function emitDel(g: Gen, target: Node): string {
  const t = unparen(target);
  switch (t.type) {
    case "identifier":
      return g.del(t.text);
    case "attribute":
      return `delattr(${ref(emitExpr(g, field(t, "object")!))}, ${rustStr(field(t, "attribute")!.text)})?;`;
    case "subscript": {
      const obj = emitExpr(g, field(t, "value")!);
      const subs = fields(t, "subscript");
      const idx =
        subs.length === 1
          ? own(subs[0]!.type === "slice" ? emitSlice(g, subs[0]!) : emitExpr(g, subs[0]!))
          : `new_tuple(vec![${subs.map((s) => own(s.type === "slice" ? emitSlice(g, s) : emitExpr(g, s))).join(", ")}])`;
      return `delitem(${ref(obj)}, &${idx})?;`;
    }
    case "expression_list":
    case "tuple":
    case "list":
    case "pattern_list":
    case "tuple_pattern":
    case "list_pattern":
      return named(t)
        .map((i) => emitDel(g, i))
        .join("\n");
    default:
      g.diag(t, `cannot delete ${t.type}`);
      return "";
  }
}
