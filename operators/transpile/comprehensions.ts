// List/set/dict comprehensions (inline loops in their own scope) and generator expressions
// (lazy state machines).
import { type Node, field, fields, kids, named } from "./ast.ts";
import { type Expr, type Gen, indent, own, owned, ref } from "./context.ts";
import { emitCond, emitExpr } from "./expressions.ts";
import { declareLocals } from "./functions.ts";
import { StateMachine, recaptures, wrapMachine } from "./generators.ts";
import { emitAssignTo } from "./statements.ts";

interface Clause {
  kind: "for" | "if";
  node: Node;
}

function clausesOf(n: Node): Clause[] {
  return kids(n)
    .filter((c) => c.type === "for_in_clause" || c.type === "if_clause")
    .map((c) => ({ kind: c.type === "for_in_clause" ? "for" : "if", node: c }));
}

function forTarget(g: Gen, c: Node, v: string): string {
  const lefts = fields(c, "left");
  if (lefts.length === 1) return emitAssignTo(g, lefts[0]!, v);
  g.diag(c, "unsupported comprehension target");
  return "";
}

export function emitComprehension(g: Gen, n: Node): Expr {
  const cs = g.scopeOf(n);
  const clauses = clausesOf(n);
  const first = clauses[0];
  if (!first || first.kind !== "for") return g.bad(n, "malformed comprehension");
  if (kids(first.node).some((c) => c.type === "async")) return g.bad(n, "async comprehensions are not supported");
  const src = g.t("_src");
  const firstIter = emitExpr(g, field(first.node, "right")!);
  if (n.type === "generator_expression") return emitGenexp(g, n, cs, clauses, src, firstIter);
  return g.withScope(cs, () => {
    const acc = g.t("_acc");
    const body = field(n, "body")!;
    let push: string;
    let accType = "Vec<Value>";
    let finish: string;
    if (n.type === "dictionary_comprehension") {
      accType = "Vec<(Value, Value)>";
      const k = emitExpr(g, field(body, "key")!);
      const kt = g.t();
      const v = emitExpr(g, field(body, "value")!);
      push = `let ${kt} = ${own(k)}; ${acc}.push((${kt}, ${own(v)}));`;
      finish = `new_dict(${acc})?`;
    } else {
      push = `${acc}.push(${own(emitExpr(g, body))});`;
      finish = n.type === "set_comprehension" ? `new_set(${acc})?` : `new_list(${acc})`;
    }
    // nest clauses from the inside out
    let inner = push;
    const labels: string[] = [];
    const pieces: string[] = [];
    clauses.forEach((c, i) => {
      if (c.kind === "for") {
        const id = g.loopId();
        const label = `'c${id}`;
        labels.push(label);
        const it = i === 0 ? src : g.t("_it");
        const v = g.t("_v");
        const head =
          (i === 0 ? "" : `let ${it} = iter(${ref(emitExpr(g, field(c.node, "right")!))})?;\n`) +
          `${label}: loop {\n    let ${v} = match next(&${it})? { Some(x) => x, None => break ${label} };\n` +
          `${indent(forTarget(g, c.node, v))}\n`;
        pieces.push(head);
      } else {
        const conds = named(c.node);
        const label = labels[labels.length - 1]!;
        pieces.push(conds.map((x) => `if !${paren(emitCond(g, x))} { continue ${label}; }\n`).join(""));
      }
    });
    // assemble: each for opens a loop closed at the end
    let code = inner;
    for (let i = pieces.length - 1; i >= 0; i--) {
      const c = clauses[i]!;
      if (c.kind === "for") code = `${pieces[i]}${indent(code)}\n}`;
      else code = `${pieces[i]}${code}`;
    }
    inner = code;
    return owned(
      `{\n    let ${src} = iter(${ref(firstIter)})?;\n${indent(declareLocals(cs, new Set()))}    let mut ${acc}: ${accType} = Vec::new();\n${indent(inner)}\n    ${finish}\n}`,
    );
  });
}

function paren(c: string): string {
  return c.startsWith("(") ? c : `(${c})`;
}

function emitGenexp(g: Gen, n: Node, cs: ReturnType<Gen["scopeOf"]>, clauses: Clause[], src: string, firstIter: Expr): Expr {
  const st = g.t("_st");
  const sm = new StateMachine(st);
  const machine = g.withScope(cs, () =>
    g.inFrame({ kind: "gen" }, () => {
      const savedLoops = g.loops;
      g.loops = [];
      let forIdx = -1;
      const states: number[] = [];
      clauses.forEach((c, i) => {
        if (c.kind === "for") {
          forIdx++;
          const it = forIdx === 0 ? src : g.t("_gi");
          if (forIdx > 0) {
            sm.hidden.push(it);
            const s = sm.newState();
            sm.emit(`${it} = Some(iter(${ref(emitExpr(g, field(c.node, "right")!))})?);`);
            sm.goto(s);
            sm.cur = s;
          }
          states.push(sm.cur);
          const prev = states.length > 1 ? states[states.length - 2] : null;
          const v = g.t("_v");
          const nextCall = forIdx === 0 ? `next(&${it})?` : `next(${it}.as_ref().unwrap())?`;
          const onEnd = prev === null ? "return Ok(None)" : `{ ${it} = None; ${st} = ${prev}; continue 'sm; }`;
          sm.emit(`let ${v} = match ${nextCall} { Some(x) => x, None => ${onEnd} };`);
          sm.emit(forTarget(g, c.node, v));
        } else {
          for (const x of named(c.node)) sm.emit(`if !${paren(emitCond(g, x))} { continue 'sm; }`);
        }
        void i;
      });
      sm.emit(`return Ok(Some(${own(emitExpr(g, field(n, "body")!))}));`);
      g.loops = savedLoops;
      return sm.render();
    }),
  );
  let code = `{\n    let ${src} = iter(${ref(firstIter)})?;\n`;
  code += indent(recaptures(g, cs));
  code += indent(declareLocals(cs, new Set()));
  code += `    let mut ${st}: u32 = 0;\n`;
  for (const h of sm.hidden) code += `    let mut ${h}: Option<Value> = None;\n`;
  code += `    ${indent(wrapMachine(sm, machine)).trimStart()}\n}`;
  return owned(code);
}
