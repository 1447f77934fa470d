// Shared state of one module's code generation.
import { type Node, lineOf } from "./ast.ts";
import { type Diagnostic, makeDiagnostic } from "./diagnostics.ts";
import { rustStr, rustVar } from "./names.ts";
import type { Resolved, Scope, ScopeInfo } from "./scope.ts";

/** A generated Rust expression: `r` = the code has type `&Value`, otherwise an owned `Value`. */
export interface Expr {
  c: string;
  r: boolean;
}

export function ref(e: Expr): string {
  return e.r ? e.c : `&${e.c}`;
}

export function own(e: Expr): string {
  return e.r ? `${e.c}.clone()` : e.c;
}

export const owned = (c: string): Expr => ({ c, r: false });

/** Escaping control flow recorded on a `try`/`with` (closure) frame, dispatched after it. */
export interface FlowRec {
  breaks: Set<number>;
  continues: Set<number>;
  returns: boolean;
}

export interface Frame {
  kind: "module" | "fn" | "gen" | "closure";
  flow?: FlowRec;
}

export interface LoopRec {
  id: number;
  level: number;
  /** "rust": a labeled Rust loop; "sm": a loop lowered into generator states. */
  mode: "rust" | "sm";
  breakState?: number;
  continueState?: number;
  /** Generator loops: number of lowered try/finally blocks enclosing the loop. */
  finDepth?: number;
}

export interface ClassCtx {
  ns: string; // Rust var holding the namespace dict
  cell: string; // Rust var holding the `__class__` cell
}

export class Gen {
  readonly diags: Diagnostic[] = [];
  scope: Scope;
  private tmp = 0;
  private loopIds = 0;
  loops: LoopRec[] = [];
  frames: Frame[] = [{ kind: "module" }];
  /** Rust vars holding the exception being handled (innermost last), for bare `raise`. */
  handlers: string[] = [];
  /** Class namespace variables by class scope. */
  readonly classes = new Map<Scope, ClassCtx>();
  /** Imports collected (absolute module names). */
  readonly imports = new Set<string>();
  /** Generator state machine context when emitting inside a lowered generator. */
  genState: {
    stVar: string;
    label: string;
    /** Lowered try/finally blocks enclosing the current point (innermost last). */
    finallys: { fin: number; jump: string; targets: Map<number, number> }[];
    retState: () => number;
  } | null = null;
  /** Inside a generator statement whose `yield` was hoisted: that yield reads this hidden var. */
  yieldSubst: { node: Node; var: string } | null = null;

  constructor(
    readonly source: string,
    readonly path: string,
    readonly moduleName: string,
    readonly isPackage: boolean,
    readonly info: ScopeInfo,
  ) {
    this.scope = info.module;
  }

  t(prefix = "_t"): string {
    return `${prefix}${++this.tmp}`;
  }

  loopId(): number {
    return ++this.loopIds;
  }

  get level(): number {
    return this.frames.length - 1;
  }

  diag(node: Node, message: string): void {
    this.diags.push(makeDiagnostic(this.path, node, message));
  }

  /** Records a diagnostic and returns a placeholder expression. */
  bad(node: Node, message: string): Expr {
    this.diag(node, message);
    return owned("Value::None");
  }

  line(node: Node): string {
    return `// py:${lineOf(node)}`;
  }

  scopeOf(node: Node): Scope {
    const s = this.info.byNode.get(node.id);
    if (!s) throw new Error(`no scope for ${node.type} at ${lineOf(node)}`);
    return s;
  }

  withScope<T>(s: Scope, f: () => T): T {
    const saved = this.scope;
    this.scope = s;
    try {
      return f();
    } finally {
      this.scope = saved;
    }
  }

  /** Runs `f` inside a new closure frame (Rust closure boundary). */
  inFrame<T>(frame: Frame, f: () => T): T {
    const savedHandlers = this.handlers;
    this.frames.push(frame);
    try {
      return f();
    } finally {
      this.frames.pop();
      this.handlers = savedHandlers;
    }
  }

  classCtxFor(s: Scope): ClassCtx {
    const c = this.classes.get(s);
    if (!c) throw new Error("class context missing");
    return c;
  }

  resolve(name: string): Resolved {
    return this.scope.resolve(name);
  }

  /** Is `name` (read in the current scope) certainly the builtin of that name? */
  isBuiltinName(name: string): boolean {
    if (!BUILTIN_NAMES.has(name)) return false;
    if (this.info.hasStarImport) return false;
    if (this.info.moduleNames.has(name)) return false;
    return this.resolve(name).kind === "global";
  }

  // ---- name access -------------------------------------------------------------------------

  load(name: string): Expr {
    const r = this.resolve(name);
    const v = rustVar(name);
    const q = rustStr(name);
    switch (r.kind) {
      case "global":
        return owned(`load_global(&module, ${q})?`);
      case "classns":
        return owned(`class_load(&${this.classCtxFor(this.scope).ns}, ${q}, &module)?`);
      case "classderef":
        return owned(
          r.cell
            ? `class_deref_cell(&${this.classCtxFor(this.scope).ns}, ${q}, &${v})?`
            : `class_deref_local(&${this.classCtxFor(this.scope).ns}, ${q}, &${v})?`,
        );
      case "local":
        if (r.cell) {
          const own = r.owner.frame() === this.scope.frame();
          return owned(own ? `cell_get(&${v}, ${q})?` : `cell_get_free(&${v}, ${q})?`);
        }
        return { c: `local(&${v}, ${q})?`, r: true };
    }
  }

  /** Statement storing owned Rust value expression `val` into `name`. */
  store(name: string, val: string): string {
    const r = this.resolve(name);
    const v = rustVar(name);
    const q = rustStr(name);
    switch (r.kind) {
      case "global":
        return `store_global(&module, ${q}, ${val});`;
      case "classns":
        return `class_store(&${this.classCtxFor(this.scope).ns}, ${q}, ${val})?;`;
      case "classderef":
      case "local":
        return r.cell ? `cell_set(&${v}, ${val});` : `${v} = Some(${val});`;
    }
  }

  del(name: string): string {
    const r = this.resolve(name);
    const v = rustVar(name);
    const q = rustStr(name);
    switch (r.kind) {
      case "global":
        return `del_global(&module, ${q})?;`;
      case "classns":
        return `class_del(&${this.classCtxFor(this.scope).ns}, ${q})?;`;
      case "classderef":
      case "local":
        return r.cell ? `cell_del(&${v}, ${q})?;` : `local_del(&mut ${v}, ${q})?;`;
    }
  }

  /** Unbinds without error when unbound (exception variable cleanup). */
  unbind(name: string): string {
    const r = this.resolve(name);
    const v = rustVar(name);
    const q = rustStr(name);
    switch (r.kind) {
      case "global":
        return `let _ = del_global(&module, ${q});`;
      case "classns":
        return `let _ = class_del(&${this.classCtxFor(this.scope).ns}, ${q});`;
      case "classderef":
      case "local":
        return r.cell ? `cell_clear(&${v});` : `${v} = None;`;
    }
  }
}

export function indent(code: string, by = "    "): string {
  if (!code) return code;
  return code
    .split("\n")
    .map((l) => (l ? by + l : l))
    .join("\n");
}

export const BUILTIN_NAMES = new Set(
  (
    "abs all any ascii bin bool bytearray bytes callable chr classmethod complex delattr dict dir divmod enumerate " +
    "filter float format frozenset getattr hasattr hash hex id input int isinstance issubclass iter len list map max " +
    "min next object oct ord pow print property range repr reversed round set setattr slice sorted staticmethod str " +
    "sum tuple type vars zip"
  ).split(" "),
);
