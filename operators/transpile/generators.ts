// Generator functions: the body is lowered to a resumable state machine driven by `iter_from_fn`.
//
// Locals live in the `FnMut` closure (moved in), each statement containing `yield` is split into
// states; statements without `yield` are emitted as ordinary Rust inside a state. `break`/`continue`
// of lowered loops become state transitions (`_st = k; continue 'sm;`).
import { type Node, containsInScope, field, isYield, kids, named, stmts, unparen } from "./ast.ts";
import { type Gen, indent, own, ref } from "./context.ts";
import { emitCond, emitExpr } from "./expressions.ts";
import { rustVar } from "./names.ts";
import type { Scope } from "./scope.ts";
import { elseBody, emitAssignTo, emitStmt } from "./statements.ts";

export class StateMachine {
  states: string[][] = [[]];
  cur = 0;
  hidden: string[] = [];
  /** Hidden `Option<PyErr>` vars (exception being handled by a lowered try). */
  hiddenErr: string[] = [];
  /** Innermost lowered try region of each state (exceptions raised there go to its handler state). */
  stateRegion: (number | null)[] = [null];
  region: number | null = null;
  /** Region id -> handler dispatch state and the var receiving the exception. */
  regions: { handler: number; exc: string; parent: number | null; fin: boolean }[] = [];
  /** Hidden `u32` vars: pending jump target of a lowered try/finally (u32::MAX = none). */
  hiddenJump: string[] = [];
  private retSt: number | null = null;
  constructor(readonly st: string) {}
  /** A state that ends the generator (target of `return` routed through a lowered finally). */
  returnState(): number {
    if (this.retSt === null) {
      const saved = this.region;
      this.region = null;
      this.retSt = this.newState();
      this.region = saved;
      this.states[this.retSt]!.push("return Ok(None);");
    }
    return this.retSt;
  }
  newState(): number {
    this.states.push([]);
    this.stateRegion.push(this.region);
    return this.states.length - 1;
  }
  emit(code: string): void {
    if (code) this.states[this.cur]!.push(code);
  }
  goto(k: number): void {
    this.emit(`${this.st} = ${k}; continue 'sm;`);
  }
  render(): string {
    const arms = this.states.map((s, i) => `${i} => {\n${indent(s.join("\n"))}\n}`);
    arms.push("_ => return Ok(None),");
    return `'sm: loop {\n    match ${this.st} {\n${indent(arms.join("\n"), "        ")}\n    }\n}`;
  }
}

/** Wraps a rendered state machine into `iter_from_fn(...)` with done-state handling. */
export function wrapMachine(sm: StateMachine, machine: string): string {
  if (sm.regions.length === 0) {
    return (
      "iter_from_fn(Box::new(move || -> PyResult<Option<Value>> {\n" +
      `    let _r = (|| -> PyResult<Option<Value>> {\n${indent(machine, "        ")}\n    })();\n` +
      `    if !matches!(_r, Ok(Some(_))) { ${sm.st} = u32::MAX; }\n    _r\n}))`
    );
  }
  // exceptions raised in a state inside a lowered try go to that try's handler state
  const arms: string[] = [];
  // closing a paused generator (dropped / gen.close()) runs the lowered finally blocks around it
  const protectedRegion = (r: number | null): boolean => {
    for (let cur = r; cur !== null; cur = sm.regions[cur]!.parent) if (sm.regions[cur]!.fin) return true;
    return false;
  };
  const guarded = sm.stateRegion.map((r, i) => (protectedRegion(r) ? i : -1)).filter((i) => i >= 0);
  const closing = guarded.length ? `    if gen_closing() && !matches!(${sm.st}, ${guarded.join(" | ")}) { ${sm.st} = u32::MAX; return Ok(None); }\n` : "";
  sm.regions.forEach((r, id) => {
    const states = sm.stateRegion.map((reg, i) => (reg === id ? i : -1)).filter((i) => i >= 0);
    if (states.length) arms.push(`${states.join(" | ")} => { ${r.exc} = Some(_e); ${sm.st} = ${r.handler}; }`);
  });
  arms.push(`_ => { ${sm.st} = u32::MAX; return Err(_e); }`);
  return (
    `${guarded.length ? "gen_closable" : "iter_from_fn"}(Box::new(move || -> PyResult<Option<Value>> {\n${closing}    loop {\n` +
    `        let _r = (|| -> PyResult<Option<Value>> {\n${indent(machine, "            ")}\n        })();\n` +
    `        match _r {\n            Ok(Some(v)) => return Ok(Some(v)),\n            Ok(None) => { ${sm.st} = u32::MAX; return Ok(None); }\n` +
    `            Err(_e) => match ${sm.st} {\n${indent(arms.join("\n"), "                ")}\n            },\n        }\n    }\n}))`
  );
}

/** Captures re-cloned inside an `Fn` body before moving into the `FnMut` machine. */
export function recaptures(g: Gen, s: Scope): string {
  let code = "let module = module.clone();\n";
  for (const f of s.free) code += `let ${rustVar(f)} = ${rustVar(f)}.clone();\n`;
  if (s.usesSuper && s.parent?.kind === "class") {
    const cell = g.classCtxFor(s.parent).cell;
    code += `let ${cell} = ${cell}.clone();\n`;
  }
  return code;
}

const hasYield = (n: Node): boolean => containsInScope(n, isYield);

export function emitGeneratorBody(g: Gen, fnScope: Scope, body: Node[]): string {
  const st = g.t("_st");
  const sm = new StateMachine(st);
  const savedGen = g.genState;
  g.genState = { stVar: st, label: "sm", finallys: [], retState: () => sm.returnState() };
  const machine = g.inFrame({ kind: "gen" }, () => {
    lowerBlock(g, sm, body);
    sm.emit("return Ok(None);");
    return sm.render();
  });
  g.genState = savedGen;
  let code = recaptures(g, fnScope);
  code += `let mut ${st}: u32 = 0;\n`;
  for (const h of sm.hidden) code += `let mut ${h}: Option<Value> = None;\n`;
  for (const h of sm.hiddenErr) code += `let mut ${h}: Option<PyErr> = None;\n`;
  for (const h of sm.hiddenJump) code += `let mut ${h}: u32 = u32::MAX;\n`;
  code += `Ok(${wrapMachine(sm, machine)})`;
  return code;
}

function lowerBlock(g: Gen, sm: StateMachine, body: Node[]): void {
  for (const s of body) lowerStmt(g, sm, s);
}

/**
 * A statement holding one yield expression: the yield is hoisted (its operand evaluated and yielded
 * first), then the statement runs with the yield replaced by the value sent in.
 */
function lowerStatementWithYield(g: Gen, sm: StateMachine, n: Node): void {
  const ys: Node[] = [];
  collectYields(n, ys);
  if (ys.length !== 1) {
    g.diag(n, "more than one yield in a single statement is not supported");
    return;
  }
  const sv = g.t("_sv");
  sm.hidden.push(sv);
  lowerYield(g, sm, ys[0]!, sv);
  const saved = g.yieldSubst;
  g.yieldSubst = { node: ys[0]!, var: sv };
  try {
    sm.emit(emitStmt(g, n));
  } finally {
    g.yieldSubst = saved;
  }
}

function lowerStmt(g: Gen, sm: StateMachine, n: Node): void {
  if (!hasYield(n)) {
    sm.emit(emitStmt(g, n));
    return;
  }
  sm.emit(g.line(n));
  switch (n.type) {
    case "expression_statement":
    case "return_statement": {
      const parts = named(n);
      const e = parts[0] ? unparen(parts[0]) : null;
      if (n.type === "expression_statement" && parts.length === 1 && e?.type === "yield") {
        lowerYield(g, sm, e, null);
        return;
      }
      lowerStatementWithYield(g, sm, n);
      return;
    }
    case "assert_statement":
    case "delete_statement":
    case "raise_statement": {
      lowerStatementWithYield(g, sm, n);
      return;
    }
    case "if_statement": {
      const branches: { cond: Node | null; body: Node[] }[] = [{ cond: field(n, "condition"), body: stmts(field(n, "consequence")) }];
      for (const alt of kids(n).filter((c) => c.type === "elif_clause" || c.type === "else_clause")) {
        if (alt.type === "elif_clause") branches.push({ cond: field(alt, "condition"), body: stmts(field(alt, "consequence")) });
        else branches.push({ cond: null, body: stmts(field(alt, "body")) });
      }
      const join = sm.newState();
      const targets = branches.map(() => sm.newState());
      let code = "";
      branches.forEach((b, i) => {
        if (b.cond) code += `${i ? " else " : ""}if ${emitCond(g, b.cond)} { ${sm.st} = ${targets[i]}; }`;
        else code += ` else { ${sm.st} = ${targets[i]}; }`;
      });
      if (branches[branches.length - 1]!.cond) code += ` else { ${sm.st} = ${join}; }`;
      sm.emit(`${code}\ncontinue 'sm;`);
      branches.forEach((b, i) => {
        sm.cur = targets[i]!;
        lowerBlock(g, sm, b.body);
        sm.goto(join);
      });
      sm.cur = join;
      return;
    }
    case "while_statement": {
      const head = sm.newState();
      const exit = sm.newState();
      const els = elseBody(n);
      const elseState = els ? sm.newState() : exit;
      sm.goto(head);
      sm.cur = head;
      sm.emit(`if !(${emitCond(g, field(n, "condition")!)}) { ${sm.st} = ${elseState}; continue 'sm; }`);
      const id = g.loopId();
      g.loops.push({ id, level: g.level, mode: "sm", breakState: exit, continueState: head, finDepth: g.genState!.finallys.length });
      lowerBlock(g, sm, stmts(field(n, "body")));
      sm.goto(head);
      g.loops.pop();
      if (els) {
        sm.cur = elseState;
        lowerBlock(g, sm, els);
        sm.goto(exit);
      }
      sm.cur = exit;
      return;
    }
    case "for_statement": {
      const it = g.t("_gi");
      sm.hidden.push(it);
      const head = sm.newState();
      const exit = sm.newState();
      const els = elseBody(n);
      const elseState = els ? sm.newState() : exit;
      const src = emitExpr(g, field(n, "right")!);
      sm.emit(`${it} = Some(iter(${ref(src)})?);`);
      sm.goto(head);
      sm.cur = head;
      const v = g.t("_v");
      sm.emit(`let ${v} = match next(${it}.as_ref().unwrap())? { Some(x) => x, None => { ${it} = None; ${sm.st} = ${elseState}; continue 'sm; } };`);
      const id = g.loopId();
      g.loops.push({ id, level: g.level, mode: "sm", breakState: exit, continueState: head, finDepth: g.genState!.finallys.length });
      sm.emit(emitAssignTo(g, field(n, "left")!, v));
      lowerBlock(g, sm, stmts(field(n, "body")));
      sm.goto(head);
      g.loops.pop();
      if (els) {
        sm.cur = elseState;
        lowerBlock(g, sm, els);
        sm.goto(exit);
      }
      sm.cur = exit;
      return;
    }
    case "try_statement":
      lowerTry(g, sm, n);
      return;
    default:
      g.diag(n, `yield inside ${n.type.replace(/_statement$/, "")} is not supported in generator functions`);
  }
}

/** try/except[/else][/finally] whose blocks contain `yield`. */
function lowerTry(g: Gen, sm: StateMachine, n: Node): void {
  const handlers = kids(n).filter((c) => c.type === "except_clause" || c.type === "except_group_clause");
  const elseClause = kids(n).find((c) => c.type === "else_clause");
  const finallyClause = kids(n).find((c) => c.type === "finally_clause");
  if (handlers.some((h) => h.type === "except_group_clause")) {
    g.diag(n, "yield inside try/except* is not supported in generator functions");
    return;
  }
  if (!finallyClause) {
    lowerTryExcept(g, sm, n, handlers, elseClause);
    return;
  }
  // try/finally: exceptions of the body (and its handlers) go to the finally state with the
  // exception pending; break/continue/return leaving the body go there with a pending jump.
  const outer = sm.region;
  const pend = g.t("_gf");
  sm.hiddenErr.push(pend);
  const jump = g.t("_gj");
  sm.hiddenJump.push(jump);
  const fin = sm.newState(); // outer region
  const region = sm.regions.length;
  sm.regions.push({ handler: fin, exc: pend, parent: outer, fin: true });
  sm.region = region;
  const bodyState = sm.newState();
  sm.emit(`${pend} = None; ${jump} = u32::MAX;`);
  sm.goto(bodyState);
  sm.cur = bodyState;
  const rec = { fin, jump, targets: new Map<number, number>() };
  g.genState!.finallys.push(rec);
  try {
    if (handlers.length || elseClause) lowerTryExcept(g, sm, n, handlers, elseClause);
    else lowerBlock(g, sm, stmts(field(n, "body")));
  } finally {
    g.genState!.finallys.pop();
  }
  sm.region = outer;
  sm.goto(fin);
  sm.cur = fin;
  lowerBlock(g, sm, stmts(named(finallyClause).find((c) => c.type === "block") ?? null));
  sm.emit(`if let Some(_e) = ${pend}.take() { return Err(_e); }`);
  // pending jumps whose target lies outside enclosing lowered finally blocks continue through them
  const encl = g.genState!.finallys;
  for (const [target, depth] of rec.targets) {
    if (depth < encl.length) {
      const o = encl[encl.length - 1]!;
      o.targets.set(target, depth);
      sm.emit(`if ${jump} == ${target} { ${jump} = u32::MAX; ${o.jump} = ${target}; ${sm.st} = ${o.fin}; continue 'sm; }`);
    }
  }
  sm.emit(`if ${jump} != u32::MAX { ${sm.st} = ${jump}; ${jump} = u32::MAX; continue 'sm; }`);
}

function lowerTryExcept(g: Gen, sm: StateMachine, n: Node, handlers: Node[], elseClause: Node | undefined): void {
  if (handlers.length === 0) {
    lowerBlock(g, sm, stmts(field(n, "body")));
    if (elseClause) lowerBlock(g, sm, stmts(field(elseClause, "body")));
    return;
  }
  const outer = sm.region;
  const exc = g.t("_gx");
  sm.hiddenErr.push(exc);
  const exit = sm.newState();
  const handlerState = sm.newState(); // belongs to the outer region
  const region = sm.regions.length;
  sm.regions.push({ handler: handlerState, exc, parent: outer, fin: false });
  // body runs in its own region
  sm.region = region;
  const bodyState = sm.newState();
  sm.goto(bodyState);
  sm.cur = bodyState;
  lowerBlock(g, sm, stmts(field(n, "body")));
  sm.region = outer;
  const elseState = elseClause ? sm.newState() : exit;
  sm.goto(elseState);
  if (elseClause) {
    sm.cur = elseState;
    lowerBlock(g, sm, stmts(field(elseClause, "body")));
    sm.goto(exit);
  }
  // handler dispatch
  sm.cur = handlerState;
  const e = `${exc}.clone().unwrap()`;
  let dispatch = `let _e: PyErr = ${e};\n`;
  const bodies: { state: number; block: Node | null; alias: string | null }[] = [];
  for (const hc of handlers) {
    const parts = named(hc);
    const blockNode = parts.find((p) => p.type === "block") ?? null;
    const head = parts.find((p) => p.type !== "block" && p.type !== "comment") ?? null;
    let typeNode: Node | null = head;
    let alias: string | null = null;
    if (head?.type === "as_pattern") {
      typeNode = named(head)[0]!;
      const a = field(head, "alias");
      alias = a ? (named(a)[0] ?? a).text : null;
    }
    const st = sm.newState();
    bodies.push({ state: st, block: blockNode, alias });
    const test = typeNode ? `err_matches(&_e, ${ref(emitExpr(g, typeNode))})?` : "true";
    const bind = alias ? g.store(alias, "err_value(&_e)") : "";
    dispatch += `if ${test} { ${bind} ${sm.st} = ${st}; continue 'sm; }\n`;
  }
  dispatch += `${exc} = None;\nreturn Err(_e);`;
  sm.emit(dispatch);
  for (const b of bodies) {
    sm.cur = b.state;
    g.handlers = [...g.handlers, e];
    lowerBlock(g, sm, stmts(b.block));
    g.handlers = g.handlers.slice(0, -1);
    if (b.alias) sm.emit(g.unbind(b.alias));
    sm.emit(`${exc} = None;`);
    sm.goto(exit);
  }
  sm.cur = exit;
}

function collectYields(n: Node, out: Node[]): void {
  if (n.type === "yield") {
    out.push(n);
    return;
  }
  for (const c of kids(n)) {
    if (
      c.type === "function_definition" ||
      c.type === "class_definition" ||
      c.type === "lambda" ||
      c.type === "list_comprehension" ||
      c.type === "set_comprehension" ||
      c.type === "dictionary_comprehension" ||
      c.type === "generator_expression"
    )
      continue;
    collectYields(c, out);
  }
}

/** Lowers one `yield`/`yield from`; `into` receives the value of the yield expression. */
function lowerYield(g: Gen, sm: StateMachine, y: Node, into: string | null): void {
  const isFrom = kids(y).some((c) => c.type === "from");
  const arg = named(y)[0] ?? null;
  if (isFrom) {
    if (!arg) {
      g.diag(y, "yield from without operand");
      return;
    }
    const it = g.t("_gi");
    sm.hidden.push(it);
    const loop = sm.newState();
    const after = sm.newState();
    sm.emit(`${it} = Some(iter(${ref(emitExpr(g, arg))})?);`);
    sm.goto(loop);
    sm.cur = loop;
    const done = into ? `${into} = Some(gen_take_return());` : "gen_take_return();";
    sm.emit(
      `gen_take_return();\nmatch next(${it}.as_ref().unwrap())? { Some(x) => return Ok(Some(x)), None => { ${it} = None; ${done} ${sm.st} = ${after}; continue 'sm; } }`,
    );
    sm.cur = after;
    return;
  }
  const val = arg ? own(emitExpr(g, unparenYieldArg(arg))) : "Value::None";
  const next = sm.newState();
  sm.emit(`let _y = ${val};\n${sm.st} = ${next};\nreturn Ok(Some(_y));`);
  sm.cur = next;
  // resumed: gen.throw() raises at the paused yield, gen.send(v) gives its value
  sm.emit("gen_resume_throw()?;");
  if (into) sm.emit(`${into} = Some(gen_resume_send());`);
  else sm.emit("gen_resume_send();");
}

function unparenYieldArg(n: Node): Node {
  return n;
}
