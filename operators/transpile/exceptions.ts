// try/except/else/finally, with, raise, assert.
//
// Protected blocks run in immediately-invoked closures returning `PyResult<Flow>`: exceptions are
// `Err`, and `return`/`break`/`continue` that leave the block become `Flow` values dispatched after
// the finally clause (rustc 1.63 has no labeled block breaks).
import { type Node, field, kids, named, stmts } from "./ast.ts";
import { type FlowRec, type Gen, indent, own, ref } from "./context.ts";
import { emitCond, emitExpr } from "./expressions.ts";
import { emitAssignTo, emitBlock, emitLoopJump, emitReturn } from "./statements.ts";

function newFlow(): FlowRec {
  return { breaks: new Set(), continues: new Set(), returns: false };
}

/** `(|| -> PyResult<Flow> { BODY Ok(Flow::Normal) })()` with BODY emitted one frame deeper. */
function closure(g: Gen, flow: FlowRec, body: () => string): string {
  return `(${lambda(g, flow, body)})()`;
}

/** The closure of `closure` itself, not called (an argument of `handling`). */
function lambda(g: Gen, flow: FlowRec, body: () => string): string {
  const inner = g.inFrame({ kind: "closure", flow }, body);
  return `|| -> PyResult<Flow> {\n${indent(inner)}\n    #[allow(unreachable_code)]\n    Ok(Flow::Normal)\n}`;
}

/** Statement dispatching a `PyResult<Flow>` held in `r` at the current level. */
function dispatch(g: Gen, node: Node, r: string, flow: FlowRec): string {
  const arms: string[] = ["Flow::Normal => {}"];
  if (flow.returns) arms.push(`Flow::Return(_rv) => { ${emitReturn(g, node, "_rv")} }`);
  if (flow.breaks.size) {
    const sub = [...flow.breaks].map((id) => `${id} => { ${emitLoopJump(g, id, "break")} }`);
    arms.push(`Flow::Break(_k) => match _k { ${sub.join(", ")}, _ => unreachable!() }`);
  }
  if (flow.continues.size) {
    const sub = [...flow.continues].map((id) => `${id} => { ${emitLoopJump(g, id, "continue")} }`);
    arms.push(`Flow::Continue(_k) => match _k { ${sub.join(", ")}, _ => unreachable!() }`);
  }
  if (arms.length === 1) return `${r}?;`;
  arms.push("_ => unreachable!()");
  return `match ${r}? {\n${indent(arms.join(",\n"))}\n}`;
}

export function emitTry(g: Gen, n: Node): string {
  const flow = newFlow();
  const handlers = kids(n).filter((c) => c.type === "except_clause" || c.type === "except_group_clause");
  const elseClause = kids(n).find((c) => c.type === "else_clause");
  const finallyClause = kids(n).find((c) => c.type === "finally_clause");
  const r = g.t("_r");
  let code = `{\nlet mut ${r}: PyResult<Flow> = ${closure(g, flow, () => emitBlock(g, stmts(field(n, "body"))))};\n`;
  if (handlers.length) {
    const e = g.t("_e");
    const hcode = lambdaNoNormal(g, flow, () => {
      let h = "";
      for (const hc of handlers) {
        if (hc.type === "except_group_clause") {
          g.diag(hc, "except* is not supported");
          continue;
        }
        const parts = named(hc);
        const blockNode = parts.find((p) => p.type === "block") ?? null;
        const head = parts.find((p) => p.type !== "block" && p.type !== "comment") ?? null;
        let typeNode: Node | null = head;
        let alias: Node | null = null;
        if (head?.type === "as_pattern") {
          typeNode = named(head)[0]!;
          alias = field(head, "alias");
          if (alias) alias = named(alias)[0] ?? alias;
        }
        const test = typeNode ? `err_matches(&${e}, ${ref(emitExpr(g, typeNode))})?` : "true";
        g.handlers = [...g.handlers, e];
        if (alias && alias.type === "identifier") {
          const aliasName = alias.text;
          const body = closure(g, flow, () => {
            g.handlers = [...g.handlers, e];
            return emitBlock(g, stmts(blockNode));
          });
          h += `if ${test} {\n    ${g.store(aliasName, `err_value(&${e})`)}\n    let _h: PyResult<Flow> = ${indent(body).trimStart()};\n    ${g.unbind(aliasName)}\n    return _h;\n}\n`;
        } else {
          if (alias) g.diag(alias, "unsupported except target");
          h += `if ${test} {\n${indent(emitBlock(g, stmts(blockNode)))}\n    return Ok(Flow::Normal);\n}\n`;
        }
        g.handlers = g.handlers.slice(0, -1);
      }
      return `${h}Err(${e}.clone())`;
    });
    const elseCode = elseClause ? closure(g, flow, () => emitBlock(g, stmts(field(elseClause, "body")))) : "Ok(Flow::Normal)";
    code += `${r} = match ${r} {\n    Err(${e}) => handling(&${e}, ${indent(hcode).trimStart()}),\n    Ok(Flow::Normal) => ${indent(elseCode).trimStart()},\n    _other => _other,\n};\n`;
  } else if (elseClause) {
    g.diag(elseClause, "try/else without except");
  }
  if (finallyClause) {
    const fin = lambda(g, flow, () => emitBlock(g, stmts(named(finallyClause).find((c) => c.type === "block") ?? null)));
    code += `let _fr: PyResult<Flow> = handling_opt(${r}.as_ref().err(), ${fin});\nmatch _fr { Ok(Flow::Normal) => {}, _other => { ${r} = _other; } }\n`;
  }
  code += `${dispatch(g, n, r, flow)}\n}`;
  return code;
}

/** Closure (not called) whose body produces its own final value (handlers: ends in `Err(e)`). */
function lambdaNoNormal(g: Gen, flow: FlowRec, body: () => string): string {
  const inner = g.inFrame({ kind: "closure", flow }, body);
  return `|| -> PyResult<Flow> {\n${indent(inner)}\n}`;
}

export function emitWith(g: Gen, n: Node): string {
  if (kids(n).some((c) => c.type === "async")) {
    g.diag(n, "async with is not supported");
    return "";
  }
  const clause = kids(n).find((c) => c.type === "with_clause");
  const items = clause ? named(clause).filter((c) => c.type === "with_item") : [];
  if (!items.length) {
    g.diag(n, "unsupported with statement");
    return "";
  }
  const body = stmts(field(n, "body"));
  return emitWithItems(g, n, items, body);
}

function emitWithItems(g: Gen, n: Node, items: Node[], body: Node[]): string {
  const [item, ...rest] = items;
  const flow = newFlow();
  const v = field(item!, "value")!;
  let ctxNode = v;
  let target: Node | null = null;
  if (v.type === "as_pattern") {
    ctxNode = named(v)[0]!;
    const alias = field(v, "alias");
    target = alias ? (named(alias)[0] ?? alias) : null;
  }
  const m = g.t("_m");
  const r = g.t("_r");
  let code = `{\nlet ${m} = ${own(emitExpr(g, ctxNode))};\n`;
  code += `let ${m}x = getattr(&${m}, "__exit__")?;\n`;
  code += `let ${m}v = call_method(&${m}, "__enter__", vec![], vec![])?;\n`;
  const inner = closure(g, flow, () => {
    const assign = target ? emitAssignTo(g, target, `${m}v`) : `let _ = ${m}v;`;
    const b = rest.length ? emitWithItems(g, n, rest, body) : emitBlock(g, body);
    return `${assign}\n${b}`;
  });
  code += `let ${r}: PyResult<Flow> = ${inner};\n`;
  code +=
    `let ${r}: PyResult<Flow> = match ${r} {\n` +
    `    Err(_e) => handling(&_e, || if truthy(&call(&${m}x, vec![exc_type(&_e)?, err_value(&_e), Value::None], vec![])?)? { Ok(Flow::Normal) } else { Err(_e.clone()) }),\n` +
    `    _other => { call(&${m}x, vec![Value::None, Value::None, Value::None], vec![])?; _other }\n};\n`;
  code += `${dispatch(g, n, r, flow)}\n}`;
  return code;
}

export function emitRaise(g: Gen, n: Node): string {
  const parts = named(n);
  const cause = field(n, "cause");
  const exc = parts.find((p) => p !== cause) ?? null;
  if (!exc) {
    const h = g.handlers[g.handlers.length - 1];
    if (!h) {
      g.diag(n, "bare 'raise' outside an except clause is not supported");
      return "";
    }
    return `return Err(${h}.clone());`;
  }
  const x = own(emitExpr(g, exc));
  if (cause) return `return Err(raise_from(${x}, ${own(emitExpr(g, cause))}));`;
  return `return Err(raise(${x}));`;
}

export function emitAssert(g: Gen, n: Node): string {
  const parts = named(n);
  const cond = emitCond(g, parts[0]!);
  const msg = parts[1] ? `vec![${own(emitExpr(g, parts[1]))}]` : "vec![]";
  return `if !${cond.startsWith("(") ? cond : `(${cond})`} {\n    return Err(raise(call_builtin("AssertionError", ${msg}, vec![])?));\n}`;
}
