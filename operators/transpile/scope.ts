// Per-scope name analysis: which names are local / global / nonlocal / free, which locals must be
// cells (captured by a nested closure living in another Rust frame).
import { type Node, field, fields, kids, named } from "./ast.ts";

export type ScopeKind = "module" | "class" | "function" | "lambda" | "comprehension" | "genexp";

export type Resolved =
  | { kind: "global" }
  | { kind: "local"; owner: Scope; cell: boolean }
  | { kind: "classns" }
  | { kind: "classderef"; owner: Scope; cell: boolean };

export interface ScopeIssue {
  node: Node;
  message: string;
}

export class Scope {
  readonly bound = new Set<string>();
  readonly globals = new Set<string>();
  readonly nonlocals = new Set<string>();
  readonly params: string[] = [];
  /** Own variables captured by a closure in another Rust frame: stored as `Rc<RefCell<..>>`. */
  readonly cells = new Set<string>();
  /** Names this closure scope captures from enclosing Rust frames (including pass-through). */
  readonly free = new Set<string>();
  readonly children: Scope[] = [];
  isGenerator = false;
  usesSuper = false;
  /** Bound names in first-binding order (stable declaration order for emitted Rust). */
  readonly order: string[] = [];
  private memo = new Map<string, Resolved>();

  constructor(
    readonly kind: ScopeKind,
    readonly node: Node,
    readonly parent: Scope | null,
    readonly name: string,
  ) {
    parent?.children.push(this);
  }

  bind(name: string): void {
    if (!this.bound.has(name)) {
      this.bound.add(name);
      this.order.push(name);
    }
  }

  isClosure(): boolean {
    return this.kind === "function" || this.kind === "lambda" || this.kind === "genexp";
  }

  /** Scope whose Rust body holds this scope's code (class bodies and comprehensions are inline). */
  frame(): Scope {
    let s: Scope = this;
    while (s.kind === "class" || s.kind === "comprehension") s = s.parent!;
    return s;
  }

  /** Nearest function-like scope (for qualnames: `f.<locals>.g`). */
  qualname(): string {
    const parts: string[] = [];
    let s: Scope | null = this;
    let first = true;
    while (s && s.kind !== "module") {
      if (!first && (s.kind === "function" || s.kind === "lambda")) parts.unshift(`${s.name}.<locals>`);
      else if (s.kind === "comprehension" || s.kind === "genexp") {
        if (first) parts.unshift(s.name);
        else parts.unshift(`${s.name}.<locals>`);
      } else parts.unshift(s.name);
      first = false;
      s = s.parent;
    }
    return parts.join(".");
  }

  resolve(name: string): Resolved {
    let r = this.memo.get(name);
    if (!r) {
      r = this.computeResolve(name);
      this.memo.set(name, r);
    }
    // cell-ness can change after the first resolution (a later closure captures the variable)
    if (r.kind === "local" || r.kind === "classderef") return { ...r, cell: r.owner.cells.has(name) };
    return r;
  }

  private computeResolve(name: string): Resolved {
    if (this.kind === "module") return { kind: "global" };
    if (this.globals.has(name)) return { kind: "global" };
    if (this.kind === "class") {
      if (this.nonlocals.has(name)) return this.capture(name, findEnclosing(this.parent, name), true);
      if (this.bound.has(name)) return { kind: "classns" };
      const r = findEnclosing(this.parent, name);
      if (r) return this.capture(name, r, true);
      return { kind: "classns" };
    }
    if (this.nonlocals.has(name)) return this.capture(name, findEnclosing(this.parent, name), false);
    if (this.bound.has(name)) return { kind: "local", owner: this, cell: this.cells.has(name) };
    return this.capture(name, findEnclosing(this.parent, name), false);
  }

  private capture(name: string, owner: Scope | null, classDeref: boolean): Resolved {
    if (!owner) return { kind: "global" };
    const ownerFrame = owner.frame();
    if (ownerFrame !== this.frame()) {
      owner.cells.add(name);
      let s: Scope | null = this;
      while (s && s !== ownerFrame) {
        if (s.isClosure() && s !== owner) s.free.add(name);
        s = s.parent;
      }
    }
    const cell = owner.cells.has(name);
    return classDeref ? { kind: "classderef", owner, cell } : { kind: "local", owner, cell };
  }
}

function findEnclosing(start: Scope | null, name: string): Scope | null {
  let p = start;
  while (p) {
    if (p.kind === "class") {
      p = p.parent;
      continue;
    }
    if (p.kind === "module") return null;
    if (p.globals.has(name)) return null;
    if (p.nonlocals.has(name)) {
      p = p.parent;
      continue;
    }
    if (p.bound.has(name)) return p;
    p = p.parent;
  }
  return null;
}

const COMPREHENSIONS = new Set(["list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression"]);

export interface ScopeInfo {
  module: Scope;
  byNode: Map<number, Scope>;
  issues: ScopeIssue[];
  /** Names bound anywhere at module level (assignments, defs, imports, `global` writes). */
  moduleNames: Set<string>;
  hasStarImport: boolean;
  /** `from __future__ import annotations` present. */
  futureAnnotations: boolean;
}

/** Builds the scope tree for a module and resolves every name use (marks cells / free variables). */
export function analyzeScopes(root: Node): ScopeInfo {
  const module = new Scope("module", root, null, "<module>");
  const byNode = new Map<number, Scope>();
  byNode.set(root.id, module);
  const uses: Array<[Scope, string]> = [];
  const issues: ScopeIssue[] = [];
  let hasStarImport = false;
  const globalWrites = new Set<string>();

  const bindTarget = (t: Node, s: Scope): void => {
    switch (t.type) {
      case "identifier":
        s.bind(t.text);
        uses.push([s, t.text]);
        if (s.kind === "module" || s.globals.has(t.text)) globalWrites.add(t.text);
        return;
      case "pattern_list":
      case "tuple_pattern":
      case "list_pattern":
      case "tuple":
      case "list":
      case "expression_list":
      case "parenthesized_expression":
      case "list_splat_pattern":
      case "list_splat":
      case "as_pattern_target":
        for (const c of named(t)) bindTarget(c, s);
        return;
      default:
        // attribute / subscript targets are loads of their sub-expressions
        visit(t, s);
    }
  };

  const visitParams = (params: Node | null, fnScope: Scope, outer: Scope): void => {
    if (!params) return;
    for (const p of named(params)) {
      let nameNode: Node | null = null;
      switch (p.type) {
        case "identifier":
          nameNode = p;
          break;
        case "default_parameter":
        case "typed_default_parameter":
          nameNode = field(p, "name");
          visit(field(p, "value"), outer);
          break;
        case "typed_parameter":
          nameNode = named(p).find((c) => c.type === "identifier" || c.type.endsWith("splat_pattern")) ?? null;
          break;
        case "list_splat_pattern":
        case "dictionary_splat_pattern":
          nameNode = p;
          break;
        default:
          break;
      }
      if (!nameNode) continue;
      if (nameNode.type.endsWith("splat_pattern")) nameNode = named(nameNode)[0] ?? null;
      if (nameNode?.type === "identifier") {
        fnScope.bind(nameNode.text);
        fnScope.params.push(nameNode.text);
      }
    }
  };

  const nearestNonComprehension = (s: Scope): Scope => {
    let p = s;
    while (p.kind === "comprehension" || p.kind === "genexp") p = p.parent!;
    return p;
  };

  const visitComprehension = (n: Node, s: Scope): void => {
    const clauses = kids(n).filter((c) => c.type === "for_in_clause" || c.type === "if_clause");
    const first = clauses[0];
    if (first) visit(field(first, "right"), s);
    const kind = n.type === "generator_expression" ? "genexp" : "comprehension";
    const label =
      n.type === "list_comprehension"
        ? "<listcomp>"
        : n.type === "set_comprehension"
          ? "<setcomp>"
          : n.type === "dictionary_comprehension"
            ? "<dictcomp>"
            : "<genexpr>";
    const cs = new Scope(kind, n, s, label);
    byNode.set(n.id, cs);
    clauses.forEach((c, i) => {
      if (c.type === "for_in_clause") {
        for (const l of fields(c, "left")) bindTarget(l, cs);
        if (i > 0) visit(field(c, "right"), cs);
      } else {
        for (const x of named(c)) visit(x, cs);
      }
    });
    visit(field(n, "body"), cs);
  };

  function visit(n: Node | null, s: Scope): void {
    if (!n) return;
    switch (n.type) {
      case "comment":
      case "type":
        return;
      case "identifier":
        uses.push([s, n.text]);
        if (n.text === "super") {
          const f = nearestNonComprehension(s);
          if (f.kind === "function") f.usesSuper = true;
        }
        return;
      case "decorated_definition": {
        for (const d of kids(n).filter((c) => c.type === "decorator")) for (const x of named(d)) visit(x, s);
        visit(field(n, "definition"), s);
        return;
      }
      case "function_definition": {
        const name = field(n, "name")!.text;
        bindTarget(field(n, "name")!, s);
        const fs = new Scope("function", n, s, name);
        byNode.set(n.id, fs);
        visitParams(field(n, "parameters"), fs, s);
        for (const st of named(field(n, "body")!)) visit(st, fs);
        return;
      }
      case "lambda": {
        const ls = new Scope("lambda", n, s, "<lambda>");
        byNode.set(n.id, ls);
        visitParams(field(n, "parameters"), ls, s);
        visit(field(n, "body"), ls);
        return;
      }
      case "class_definition": {
        const name = field(n, "name")!.text;
        visit(field(n, "superclasses"), s);
        const cs = new Scope("class", n, s, name);
        byNode.set(n.id, cs);
        for (const st of named(field(n, "body")!)) visit(st, cs);
        bindTarget(field(n, "name")!, s);
        return;
      }
      case "list_comprehension":
      case "set_comprehension":
      case "dictionary_comprehension":
      case "generator_expression":
        visitComprehension(n, s);
        return;
      case "assignment": {
        visit(field(n, "right"), s);
        for (const l of fields(n, "left")) bindTarget(l, s);
        return;
      }
      case "augmented_assignment": {
        visit(field(n, "right"), s);
        const l = field(n, "left")!;
        if (l.type === "identifier") {
          s.bind(l.text);
          uses.push([s, l.text]);
          if (s.kind === "module" || s.globals.has(l.text)) globalWrites.add(l.text);
        } else visit(l, s);
        return;
      }
      case "named_expression": {
        visit(field(n, "value"), s);
        const target = nearestNonComprehension(s);
        const nm = field(n, "name")!;
        target.bind(nm.text);
        if (target.kind === "module") globalWrites.add(nm.text);
        uses.push([s, nm.text]);
        return;
      }
      case "for_statement": {
        visit(field(n, "right"), s);
        bindTarget(field(n, "left")!, s);
        visit(field(n, "body"), s);
        visit(field(n, "alternative"), s);
        for (const c of named(n)) if (c.type === "else_clause") visit(c, s);
        return;
      }
      case "with_item": {
        const v = field(n, "value")!;
        if (v.type === "as_pattern") {
          const parts = named(v);
          visit(parts[0]!, s);
          const alias = field(v, "alias");
          if (alias) bindTarget(alias, s);
        } else visit(v, s);
        return;
      }
      case "except_clause": {
        for (const c of named(n)) {
          if (c.type === "as_pattern") {
            visit(named(c)[0]!, s);
            const alias = field(c, "alias");
            if (alias) bindTarget(alias, s);
          } else visit(c, s);
        }
        return;
      }
      case "delete_statement": {
        for (const c of named(n)) bindTarget(c, s);
        return;
      }
      case "global_statement":
        for (const c of named(n)) {
          s.globals.add(c.text);
          globalWrites.add(c.text);
        }
        return;
      case "nonlocal_statement":
        for (const c of named(n)) s.nonlocals.add(c.text);
        return;
      case "import_statement": {
        for (const c of fields(n, "name")) {
          if (c.type === "aliased_import") bindTarget(field(c, "alias")!, s);
          else bindTarget(named(c)[0]!, s);
        }
        return;
      }
      case "import_from_statement": {
        if (kids(n).some((c) => c.type === "wildcard_import")) {
          hasStarImport = true;
          if (s.kind !== "module") issues.push({ node: n, message: "import * only allowed at module level" });
        }
        for (const c of fields(n, "name")) {
          if (c.type === "aliased_import") bindTarget(field(c, "alias")!, s);
          else {
            const parts = named(c);
            bindTarget(parts[parts.length - 1]!, s);
          }
        }
        return;
      }
      case "yield": {
        const f = s;
        if (f.kind === "function") f.isGenerator = true;
        else if (f.kind === "lambda") issues.push({ node: n, message: "yield inside lambda is not supported" });
        else if (f.kind === "comprehension" || f.kind === "genexp") issues.push({ node: n, message: "'yield' inside a comprehension" });
        else issues.push({ node: n, message: "'yield' outside function" });
        for (const c of named(n)) visit(c, s);
        return;
      }
      case "attribute":
        visit(field(n, "object"), s);
        return;
      case "keyword_argument":
        visit(field(n, "value"), s);
        return;
      case "parameters":
      case "lambda_parameters":
        return;
      default:
        for (const c of named(n)) visit(c, s);
    }
  }

  for (const st of named(root)) visit(st, module);
  for (const [s, name] of uses) s.resolve(name);
  const moduleNames = new Set<string>([...module.bound, ...globalWrites]);
  const futureAnnotations = named(root).some((st) => st.type === "future_import_statement" && /\bannotations\b/.test(st.text));
  return { module, byNode, issues, moduleNames, hasStarImport, futureAnnotations };
}
