// Generator functions: the body is lowered to a resumable state machine driven by `iter_from_fn`.
//
// Locals live in the `FnMut` closure (moved in), each statement containing `yield` is split into
// states; statements without `yield` are emitted as ordinary Rust inside a state. `break`/`continue`
// of lowered loops become state transitions (`_st = k; continue 'sm;`).
import { type Node, containsInScope, field, fields, isYield, kids, named, stmts, unparen } from "./ast.ts";
import { type Gen, indent, own, ref } from "./context.ts";
import { emitCond, emitExpr } from "./expressions.ts";
import { rustVar } from "./names.ts";
import { emitCaseTest, emitMatchSubject, matchCases } from "./patterns.ts";
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
  /** Per state: hidden var holding the exception being handled there (context of new exceptions). */
  stateHandling: (string | null)[] = [null];
  handling: string | null = null;
  /** Region id -> handler dispatch state and the var receiving the exception. */
  regions: { handler: number; exc: string }[] = [];
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
    this.stateHandling.push(this.handling);
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

/**
 * Wraps a rendered state machine into `iter_from_fn(...)` with done-state handling. A StopIteration
 * escaping the body becomes RuntimeError (PEP 479).
 */
export function wrapMachine(sm: StateMachine, machine: string): string {
  if (sm.regions.length === 0) {
    return (
      "iter_from_fn(Box::new(move || -> PyResult<Option<Value>> {\n" +
      `    let _r = (|| -> PyResult<Option<Value>> {\n${indent(machine, "        ")}\n    })();\n` +
      `    if !matches!(_r, Ok(Some(_))) { ${sm.st} = u32::MAX; }\n    _r.map_err(gen_escape)\n}))`
    );
  }
  // closing a paused generator (dropped / gen.close()) raises GeneratorExit at its yield when a
  // lowered try can handle it; elsewhere the generator just ends
  const guarded = statesWhere(sm.stateRegion, (r) => r !== null);
  return (
    "gen_closable(Box::new(move || -> PyResult<Option<Value>> {\n" +
    `    if gen_take_closing() && !matches!(${sm.st}, ${guarded.join(" | ")}) { ${sm.st} = u32::MAX; return Ok(None); }\n    loop {\n` +
    `        let _r = (|| -> PyResult<Option<Value>> {\n${indent(machine, "            ")}\n        })();\n` +
    `        match _r {\n            Ok(Some(v)) => return Ok(Some(v)),\n            Ok(None) => { ${sm.st} = u32::MAX; return Ok(None); }\n` +
    `            Err(_e) => {\n${indent(routeError(sm), "                ")}\n            }\n        }\n    }\n}))`
  );
}

/** An exception raised in a state: chained to the one being handled there, then sent to the handler state of its region. */
function routeError(sm: StateMachine): string {
  const ctxArms = [...new Set(sm.stateHandling)]
    .filter((h): h is string => h !== null)
    .map((h) => `${statesWhere(sm.stateHandling, (x) => x === h).join(" | ")} => { if let Some(_h) = &${h} { set_context(&_e, _h); } }`);
  const setCtx = ctxArms.length ? `match ${sm.st} {\n${indent([...ctxArms, "_ => {}"].join("\n"))}\n}\n` : "";
  const arms: string[] = [];
  sm.regions.forEach((r, id) => {
    const states = statesWhere(sm.stateRegion, (x) => x === id);
    if (states.length) arms.push(`${states.join(" | ")} => { ${r.exc} = Some(_e); ${sm.st} = ${r.handler}; }`);
  });
  arms.push(`_ => { ${sm.st} = u32::MAX; return Err(gen_escape(_e)); }`);
  return `${setCtx}match ${sm.st} {\n${indent(arms.join("\n"))}\n}`;
}

function statesWhere<T>(perState: T[], pred: (x: T) => boolean): number[] {
  return perState.map((x, i) => (pred(x) ? i : -1)).filter((i) => i >= 0);
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

const NESTED_SCOPES = new Set(["function_definition", "class_definition", "decorated_definition", "lambda"]);
/** Whether `n` holds a yield of the current generator (nested defs/classes are their own scopes). */
const hasYield = (n: Node): boolean => !NESTED_SCOPES.has(n.type) && containsInScope(n, isYield);

export function emitGeneratorBody(g: Gen, fnScope: Scope, body: Node[]): string {
  const st = g.t("_st");
  const sm = new StateMachine(st);
  const savedGen = g.genState;
  g.genState = { stVar: st, label: "sm", finallys: [], retState: () => sm.returnState() };
  const machine = g.inFrame({ kind: "gen" }, () => {
    // gen.throw() before the first next() raises without running the body
    sm.emit("gen_resume_throw()?;");
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
    case "with_statement":
      lowerWith(g, sm, n);
      return;
    case "match_statement":
      lowerMatch(g, sm, n);
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
  lowerCleanupRegion(
    g,
    sm,
    () => {
      if (handlers.length || elseClause) lowerTryExcept(g, sm, n, handlers, elseClause);
      else lowerBlock(g, sm, stmts(field(n, "body")));
    },
    (pend) => {
      handling(sm, pend, () => lowerBlock(g, sm, stmts(named(finallyClause).find((c) => c.type === "block") ?? null)));
      sm.emit(`if let Some(_e) = ${pend}.take() { return Err(_e); }`);
    },
  );
}

/**
 * A region whose exit always runs `cleanup` (finally, `with` exit): exceptions of `body` reach the
 * cleanup state pending in the var passed to `cleanup`; break/continue/return leaving the body go
 * there with a pending jump, continued after it.
 */
function lowerCleanupRegion(g: Gen, sm: StateMachine, body: () => void, cleanup: (pend: string) => void): void {
  const outer = sm.region;
  const pend = g.t("_gf");
  sm.hiddenErr.push(pend);
  const jump = g.t("_gj");
  sm.hiddenJump.push(jump);
  const fin = sm.newState(); // outer region
  const region = sm.regions.length;
  sm.regions.push({ handler: fin, exc: pend });
  sm.region = region;
  const bodyState = sm.newState();
  sm.emit(`${pend} = None; ${jump} = u32::MAX;`);
  sm.goto(bodyState);
  sm.cur = bodyState;
  const rec = { fin, jump, targets: new Map<number, number>() };
  g.genState!.finallys.push(rec);
  try {
    body();
  } finally {
    g.genState!.finallys.pop();
  }
  sm.region = outer;
  sm.goto(fin);
  sm.cur = fin;
  sm.stateHandling[fin] = pend;
  cleanup(pend);
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

/** `with` whose body contains `yield`: `__exit__` runs as a cleanup region and may suppress the exception. */
function lowerWith(g: Gen, sm: StateMachine, n: Node): void {
  const clause = kids(n).find((c) => c.type === "with_clause");
  const items = clause ? named(clause).filter((c) => c.type === "with_item") : [];
  if (kids(n).some((c) => c.type === "async") || !items.length) {
    g.diag(n, "unsupported with statement in a generator function");
    return;
  }
  lowerWithItems(g, sm, items, stmts(field(n, "body")));
}

function lowerWithItems(g: Gen, sm: StateMachine, items: Node[], body: Node[]): void {
  const [item, ...rest] = items;
  const v = field(item!, "value")!;
  const ctxNode = v.type === "as_pattern" ? named(v)[0]! : v;
  const alias = v.type === "as_pattern" ? field(v, "alias") : null;
  const target = alias ? (named(alias)[0] ?? alias) : null;
  const exit = g.t("_gw");
  const entered = g.t("_gv");
  sm.hidden.push(exit, entered);
  sm.emit(
    `{ let _m = ${own(emitExpr(g, ctxNode))}; let _x = getattr(&_m, "__exit__")?; ` +
      `${entered} = Some(call_method(&_m, "__enter__", vec![], vec![])?); ${exit} = Some(_x); }`,
  );
  lowerCleanupRegion(
    g,
    sm,
    () => {
      sm.emit(target ? emitAssignTo(g, target, `${entered}.take().unwrap()`) : `${entered} = None;`);
      if (rest.length) lowerWithItems(g, sm, rest, body);
      else lowerBlock(g, sm, body);
    },
    (pend) =>
      sm.emit(
        `let _x = ${exit}.take().unwrap();\nif let Some(_e) = ${pend}.clone() {\n` +
          "    let _s = truthy(&call(&_x, vec![exc_type(&_e)?, err_value(&_e), Value::None], vec![])?)?;\n" +
          `    ${pend} = None;\n    if !_s { return Err(_e); }\n` +
          "} else {\n    call(&_x, vec![Value::None, Value::None, Value::None], vec![])?;\n}",
      ),
  );
}

/** `match` with `yield` in case bodies: the cases are tested in one state, each body is lowered. */
function lowerMatch(g: Gen, sm: StateMachine, n: Node): void {
  const cases = matchCases(n);
  const guardYield = cases.some((cc) => {
    const guard = field(cc, "guard");
    return guard !== null && hasYield(guard);
  });
  if (guardYield || fields(n, "subject").some(hasYield)) {
    g.diag(n, "yield in a match subject or guard is not supported in generator functions");
    return;
  }
  const subj = g.t("_ms");
  const join = sm.newState();
  const targets = cases.map(() => sm.newState());
  let code = `let ${subj} = ${emitMatchSubject(g, n)};\n`;
  cases.forEach((cc, i) => {
    const hit = g.t("_mh");
    code += `let ${hit}: bool = ${emitCaseTest(g, cc, subj)};\nif ${hit} { ${sm.st} = ${targets[i]}; continue 'sm; }\n`;
  });
  sm.emit(`${code}${sm.st} = ${join}; continue 'sm;`);
  cases.forEach((cc, i) => {
    sm.cur = targets[i]!;
    lowerBlock(g, sm, stmts(field(cc, "consequence")));
    sm.goto(join);
  });
  sm.cur = join;
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
  sm.regions.push({ handler: handlerState, exc });
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
  sm.stateHandling[handlerState] = exc;
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
    const st = handling(sm, exc, () => sm.newState());
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
    handling(sm, exc, () => lowerBlock(g, sm, stmts(b.block)));
    g.handlers = g.handlers.slice(0, -1);
    if (b.alias) sm.emit(g.unbind(b.alias));
    sm.emit(`${exc} = None;`);
    sm.goto(exit);
  }
  sm.cur = exit;
}

/** Runs `f` with states created meanwhile marked as handling the exception in `exc`. */
function handling<T>(sm: StateMachine, exc: string, f: () => T): T {
  const saved = sm.handling;
  sm.handling = exc;
  try {
    return f();
  } finally {
    sm.handling = saved;
  }
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
      `match gen_delegate(${it}.as_ref().unwrap())? { Some(x) => return Ok(Some(x)), None => { ${it} = None; ${done} ${sm.st} = ${after}; continue 'sm; } }`,
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
