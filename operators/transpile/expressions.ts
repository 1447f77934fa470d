// Expressions -> Rust expressions over `Value`.
import { type Node, field, fields, kids, named, unparen } from "./ast.ts";
import { emitComprehension } from "./comprehensions.ts";
import { type Expr, type Gen, own, owned, ref } from "./context.ts";
import { emitString } from "./fstrings.ts";
import { emitLambda } from "./functions.ts";
import { LiteralError, parseFloatLiteral, parseIntLiteral, parseStringStart, rustF64, rustInt } from "./literals.ts";
import { rustStr } from "./names.ts";

export const BINOPS: Record<string, string> = {
  "+": "add",
  "-": "sub",
  "*": "mul",
  "/": "truediv",
  "//": "floordiv",
  "%": "modulo",
  "**": "pow",
  "<<": "lshift",
  ">>": "rshift",
  "&": "bitand",
  "|": "bitor",
  "^": "bitxor",
  "@": "matmul",
};

export const AUGOPS: Record<string, string> = {
  "+=": "iadd",
  "-=": "isub",
  "*=": "imul",
  "/=": "itruediv",
  "//=": "ifloordiv",
  "%=": "imod",
  "**=": "ipow",
  "<<=": "ilshift",
  ">>=": "irshift",
  "&=": "iand",
  "|=": "ior",
  "^=": "ixor",
  "@=": "matmul",
};

const CMPOPS: Record<string, string> = { "<": "lt", "<=": "le", ">": "gt", ">=": "ge", "==": "eq", "!=": "ne" };

/** Names whose zero-argument / frame-dependent forms cannot be translated. */
const FRAME_BUILTINS = new Set(["locals", "globals", "eval", "exec", "compile", "breakpoint", "__import__"]);

export function emitExpr(g: Gen, n: Node): Expr {
  switch (n.type) {
    case "identifier":
      return g.load(n.text);
    case "integer": {
      try {
        return owned(rustInt(parseIntLiteral(n.text)));
      } catch (e) {
        if (e instanceof LiteralError) return g.bad(n, e.message);
        throw e;
      }
    }
    case "float": {
      try {
        return owned(`Value::Float(${rustF64(parseFloatLiteral(n.text))})`);
      } catch (e) {
        if (e instanceof LiteralError) return g.bad(n, e.message);
        throw e;
      }
    }
    case "true":
      return owned("Value::Bool(true)");
    case "false":
      return owned("Value::Bool(false)");
    case "none":
      return owned("Value::None");
    case "ellipsis":
      return owned(`load_global(&module, "Ellipsis")?`);
    case "string":
    case "concatenated_string":
      return emitString(g, n);
    case "parenthesized_expression": {
      const inner = named(n);
      if (inner.length !== 1) return g.bad(n, "unsupported parenthesized expression");
      return emitExpr(g, inner[0]!);
    }
    case "binary_operator": {
      const op = field(n, "operator")!.type;
      const fn = BINOPS[op];
      if (!fn) return g.bad(n, `unsupported operator ${op}`);
      const l = emitExpr(g, field(n, "left")!);
      const r = emitExpr(g, field(n, "right")!);
      return owned(`${fn}(${refSafe(g, l, field(n, "right")!)}, ${ref(r)})?`);
    }
    case "unary_operator": {
      const op = field(n, "operator")!.type;
      const arg = unparen(field(n, "argument")!);
      if (op === "-" && (arg.type === "integer" || arg.type === "float")) {
        try {
          if (arg.type === "integer") return owned(rustInt(-parseIntLiteral(arg.text)));
          return owned(`Value::Float(${rustF64(-parseFloatLiteral(arg.text))})`);
        } catch (e) {
          if (e instanceof LiteralError) return g.bad(n, e.message);
          throw e;
        }
      }
      const a = emitExpr(g, arg);
      const fn = op === "-" ? "neg" : op === "+" ? "pos" : op === "~" ? "invert" : null;
      if (!fn) return g.bad(n, `unsupported unary operator ${op}`);
      return owned(`${fn}(${ref(a)})?`);
    }
    case "not_operator":
      return owned(`Value::Bool(!${emitCond(g, field(n, "argument")!)})`);
    case "comparison_operator":
      return owned(`Value::Bool(${emitCompare(g, n)})`);
    case "boolean_operator": {
      const op = field(n, "operator")!.type;
      const l = emitExpr(g, field(n, "left")!);
      const r = emitExpr(g, field(n, "right")!);
      const t = g.t();
      return op === "and"
        ? owned(`{ let ${t} = ${own(l)}; if truthy(&${t})? { ${own(r)} } else { ${t} } }`)
        : owned(`{ let ${t} = ${own(l)}; if truthy(&${t})? { ${t} } else { ${own(r)} } }`);
    }
    case "conditional_expression": {
      const [body, cond, alt] = named(n);
      return owned(`(if ${emitCond(g, cond!)} { ${own(emitExpr(g, body!))} } else { ${own(emitExpr(g, alt!))} })`);
    }
    case "named_expression": {
      const name = field(n, "name")!.text;
      const v = emitExpr(g, field(n, "value")!);
      const t = g.t();
      return owned(`{ let ${t} = ${own(v)}; ${g.store(name, `${t}.clone()`)} ${t} }`);
    }
    case "attribute": {
      const obj = emitExpr(g, field(n, "object")!);
      return owned(`getattr(${ref(obj)}, ${rustStr(field(n, "attribute")!.text)})?`);
    }
    case "subscript": {
      const v = emitExpr(g, field(n, "value")!);
      const idx = emitSubscriptIndex(g, n);
      return owned(`getitem(${ref(v)}, ${ref(idx)})?`);
    }
    case "call":
      return emitCall(g, n);
    case "list":
      return owned(emitSeq(g, named(n), "new_list"));
    case "tuple":
    case "expression_list":
      return owned(emitSeq(g, named(n), "new_tuple"));
    case "set":
      return emitSet(g, n);
    case "dictionary":
      return emitDict(g, n);
    case "list_comprehension":
    case "set_comprehension":
    case "dictionary_comprehension":
    case "generator_expression":
      return emitComprehension(g, n);
    case "lambda":
      return emitLambda(g, n);
    case "yield":
      if (g.yieldSubst && g.yieldSubst.node.id === n.id) return { c: `${g.yieldSubst.var}.as_ref().unwrap()`, r: true };
      return g.bad(n, "yield used as an expression value is not supported");
    case "await":
      return g.bad(n, "async/await is not supported");
    case "list_splat":
      if (unstarred.has(n.id)) return emitExpr(g, named(n)[0]!);
      return g.bad(n, "starred expression is not allowed here");
    case "dictionary_splat":
      return g.bad(n, "starred expression is not allowed here");
    case "keyword_argument":
      return g.bad(n, "unexpected keyword argument");
    default:
      return g.bad(n, `unsupported expression (${n.type})`);
  }
}

/** Left operand as a reference, made owned first when the right side could rebind a local (walrus). */
function refSafe(g: Gen, l: Expr, right: Node): string {
  if (l.r && hasWalrus(right)) return `&${own(l)}`;
  return ref(l);
}

function hasWalrus(n: Node): boolean {
  if (n.type === "named_expression") return true;
  return kids(n).some(hasWalrus);
}

/** A Rust `bool` expression for Python truthiness of `n` (short-circuits like CPython jumps). */
export function emitCond(g: Gen, node: Node): string {
  const n = unparen(node);
  switch (n.type) {
    case "true":
      return "true";
    case "false":
      return "false";
    case "not_operator":
      return `!${emitCond(g, field(n, "argument")!)}`;
    case "comparison_operator":
      return emitCompare(g, n);
    case "boolean_operator": {
      const op = field(n, "operator")!.type;
      return `(${emitCond(g, field(n, "left")!)} ${op === "and" ? "&&" : "||"} ${emitCond(g, field(n, "right")!)})`;
    }
    default:
      return `truthy(${ref(emitExpr(g, n))})?`;
  }
}

function cmpCall(op: string, a: string, b: string): string {
  switch (op) {
    case "in":
      return `contains(${b}, ${a})?`;
    case "not in":
      return `!contains(${b}, ${a})?`;
    case "is":
      return `is_(${a}, ${b})`;
    case "is not":
      return `!is_(${a}, ${b})`;
    default:
      return `${CMPOPS[op]}(${a}, ${b})?`;
  }
}

/** Comparison chain as a Rust bool; middle operands evaluated once. */
export function emitCompare(g: Gen, n: Node): string {
  const operands = named(n);
  const ops = kids(n)
    .filter((c) => !c.isNamed)
    .map((c) => c.text.replace(/\s+/g, " "));
  if (ops.length !== operands.length - 1) {
    g.diag(n, "unsupported comparison");
    return "false";
  }
  for (const op of ops) if (!(op in CMPOPS) && !["in", "not in", "is", "is not"].includes(op)) g.diag(n, `unknown comparison ${op}`);
  if (ops.length === 1) {
    const a = emitExpr(g, operands[0]!);
    const b = emitExpr(g, operands[1]!);
    return cmpCall(ops[0]!, refSafe(g, a, operands[1]!), ref(b));
  }
  // a < b < c: { let t0 = a; let t1 = b; if lt(&t0,&t1)? { let t2 = c; lt(&t1,&t2)? } else { false } }
  const temps = operands.map(() => g.t());
  let code = "";
  let close = "";
  code += `{ let ${temps[0]} = ${own(emitExpr(g, operands[0]!))}; `;
  for (let i = 0; i < ops.length; i++) {
    code += `let ${temps[i + 1]} = ${own(emitExpr(g, operands[i + 1]!))}; `;
    const test = cmpCall(ops[i]!, `&${temps[i]}`, `&${temps[i + 1]}`);
    if (i === ops.length - 1) code += test;
    else {
      code += `if ${test} { `;
      close = ` } else { false }${close}`;
    }
  }
  code += `${close} }`;
  return code;
}

/** The index of a subscript (`a[i]`, `a[i:j]`, `a[i, j:k]`, `a[*b]`). */
function emitSubscriptIndex(g: Gen, n: Node): Expr {
  const subs = fields(n, "subscript");
  if (subs.length === 1 && !isStarred(subs[0]!)) return emitIndexPart(g, subs[0]!);
  return owned(`new_tuple(${emitSeqVec(g, subs, emitIndexPart)})`);
}

function emitIndexPart(g: Gen, s: Node): Expr {
  if (s.type === "slice") return emitSlice(g, s);
  return emitExpr(g, s);
}

export function emitSlice(g: Gen, s: Node): Expr {
  const parts: (Node | null)[] = [null, null, null];
  let idx = 0;
  for (const c of kids(s)) {
    if (c.type === ":") idx++;
    else if (c.isNamed && c.type !== "comment") parts[idx] = c;
  }
  const [a, b, c] = parts.map((p) => (p ? own(emitExpr(g, p)) : "Value::None"));
  return owned(`new_slice(${a}, ${b}, ${c})`);
}

/** `new_list(vec![..])` / `new_tuple` / `new_set`, expanding `*x` items. */
export function emitSeq(g: Gen, items: Node[], ctor: string): string {
  return `${ctor}(${emitSeqVec(g, items)})`;
}

/**
 * Node ids of `list_splat`s that stand for their operand: see `misparsedSplat`. Consulted by
 * `emitExpr` while an item that contains one is being emitted.
 */
const unstarred = new Set<number>();

function leftOperand(n: Node): Node | null {
  switch (n.type) {
    case "attribute":
      return field(n, "object");
    case "subscript":
      return field(n, "value");
    case "call":
      return field(n, "function");
    case "binary_operator":
      return field(n, "left");
    default:
      return null;
  }
}

/**
 * tree-sitter-python parses the display item `*a.b` (also `*f()`, `*a[i]`, `*a + b`) as an
 * attribute / call / subscript / binary operator whose leftmost operand is `list_splat(a)`;
 * Python stars the whole item (`*(a.b)`). Returns that inner `list_splat`, if any.
 */
function misparsedSplat(item: Node): Node | null {
  for (let cur = leftOperand(item); cur; cur = leftOperand(cur)) if (cur.type === "list_splat") return cur;
  return null;
}

/** Whether a display / argument / index item is `*iterable`. */
export function isStarred(item: Node): boolean {
  return item.type === "list_splat" || misparsedSplat(item) !== null;
}

/** The iterable a starred item unpacks. */
export function emitStarred(g: Gen, item: Node): Expr {
  if (item.type === "list_splat") return emitExpr(g, named(item)[0]!);
  const splat = misparsedSplat(item)!;
  unstarred.add(splat.id);
  try {
    return emitExpr(g, item);
  } finally {
    unstarred.delete(splat.id);
  }
}

/** `vec![..]` of the items' values, expanding `*x` items. */
function emitSeqVec(g: Gen, items: Node[], one: (g: Gen, n: Node) => Expr = emitExpr): string {
  if (!items.some(isStarred)) return `vec![${items.map((i) => own(one(g, i))).join(", ")}]`;
  const t = g.t();
  let code = `{ let mut ${t}: Vec<Value> = Vec::new(); `;
  for (const i of items) {
    if (isStarred(i)) code += `${t}.extend(unpack_iterable(${ref(emitStarred(g, i))})?); `;
    else code += `${t}.push(${own(one(g, i))}); `;
  }
  return `${code}${t} }`;
}

/**
 * A set display. CPython folds one made only of constants into a frozenset constant (built from
 * the items, then rebuilt in its own iteration order when constants are merged); that layout can
 * differ from one-by-one insertion. As a `for` iterable the frozenset itself is iterated (any
 * size); otherwise, from 3 items, BUILD_SET + SET_UPDATE copies it into a new set.
 */
function emitSet(g: Gen, n: Node): Expr {
  const items = named(n);
  if (!items.every(isConstant)) return owned(`${emitSeq(g, items, "new_set")}?`);
  if (isForIterable(n)) return owned(`new_frozenset(unpack_iterable(&${emitSeq(g, items, "new_frozenset")}?)?)?`);
  return owned(`${emitSeq(g, items, items.length >= 3 ? "new_set_const" : "new_set")}?`);
}

/** Whether CPython's AST optimizer folds `n` into a constant (literals, tuples of them, `-1`). */
function isConstant(n: Node): boolean {
  switch (n.type) {
    case "integer":
    case "float":
    case "true":
    case "false":
    case "none":
    case "ellipsis":
      return true;
    case "string":
      return !parseStringStart(kids(n)[0]!.text).fstring;
    case "concatenated_string":
      return named(n).every(isConstant);
    case "unary_operator": {
      const arg = unparen(field(n, "argument")!);
      return ["integer", "float", "true", "false", "unary_operator"].includes(arg.type) && isConstant(arg);
    }
    case "parenthesized_expression":
      return unparen(n) !== n && isConstant(unparen(n));
    case "tuple":
      return named(n).every(isConstant);
    default:
      return false;
  }
}

/** Whether `n` is the iterable of a `for` statement or comprehension clause (parentheses aside). */
function isForIterable(n: Node): boolean {
  let cur = n;
  while (cur.parent?.type === "parenthesized_expression") cur = cur.parent;
  const p = cur.parent;
  return !!p && (p.type === "for_statement" || p.type === "for_in_clause") && field(p, "right")?.id === cur.id;
}

function emitDict(g: Gen, n: Node): Expr {
  const items = named(n);
  if (!items.some((i) => i.type === "dictionary_splat")) {
    const pairs = items.map((p) => {
      if (p.type !== "pair") {
        g.diag(p, "unsupported dict item");
        return "";
      }
      const k = own(emitExpr(g, field(p, "key")!));
      const v = own(emitExpr(g, field(p, "value")!));
      return `(${k}, ${v})`;
    });
    return owned(`new_dict(vec![${pairs.join(", ")}])?`);
  }
  const t = g.t();
  let code = `{ let mut ${t}: Vec<(Value, Value)> = Vec::new(); `;
  for (const p of items) {
    if (p.type === "dictionary_splat") code += `${t}.extend(mapping_items(${ref(emitExpr(g, named(p)[0]!))})?); `;
    else if (p.type === "pair") {
      const k = own(emitExpr(g, field(p, "key")!));
      const v = own(emitExpr(g, field(p, "value")!));
      code += `${t}.push((${k}, ${v})); `;
    } else g.diag(p, "unsupported dict item");
  }
  return owned(`${code}new_dict(${t})? }`);
}

/** (positional vec code, keyword vec code) for an argument_list / generator argument. */
export function emitArgs(g: Gen, argNode: Node | null): [string, string] {
  if (!argNode) return ["vec![]", "vec![]"];
  if (argNode.type === "generator_expression") return [`vec![${own(emitExpr(g, argNode))}]`, "vec![]"];
  const args = named(argNode);
  const pos = args.filter((a) => a.type !== "keyword_argument" && a.type !== "dictionary_splat");
  const kws = args.filter((a) => a.type === "keyword_argument" || a.type === "dictionary_splat");
  // Evaluation order: source order. Keyword args placed before positional ones are rare; reorder check.
  const firstKw = args.findIndex((a) => a.type === "keyword_argument" || a.type === "dictionary_splat");
  if (firstKw >= 0 && args.slice(firstKw).some((a) => a.type !== "keyword_argument" && a.type !== "dictionary_splat")) {
    // f(a=1, *rest): evaluation order would differ only with side effects; keep positional first.
  }
  const posCode = emitSeqVec(g, pos);
  let kwCode: string;
  if (!kws.some((k) => k.type === "dictionary_splat")) {
    kwCode = `vec![${kws.map((k) => `(String::from(${rustStr(field(k, "name")!.text)}), ${own(emitExpr(g, field(k, "value")!))})`).join(", ")}]`;
  } else {
    const t = g.t();
    kwCode = `{ let mut ${t}: Vec<(String, Value)> = Vec::new(); `;
    for (const k of kws) {
      if (k.type === "dictionary_splat") kwCode += `${t}.extend(unpack_kwargs(${ref(emitExpr(g, named(k)[0]!))})?); `;
      else kwCode += `${t}.push((String::from(${rustStr(field(k, "name")!.text)}), ${own(emitExpr(g, field(k, "value")!))})); `;
    }
    kwCode += `${t} }`;
  }
  return [posCode, kwCode];
}

function emitCall(g: Gen, n: Node): Expr {
  const fnNode = unparen(field(n, "function")!);
  const argNode = field(n, "arguments");
  if (fnNode.type === "identifier") {
    const name = fnNode.text;
    const isBuiltin = g.isBuiltinName(name);
    if (g.resolve(name).kind === "global" && !g.info.moduleNames.has(name) && !g.info.hasStarImport) {
      if (FRAME_BUILTINS.has(name)) return g.bad(n, `${name}() needs interpreter frames and is not supported`);
      const nargs = argNode ? named(argNode).length : 0;
      if ((name === "vars" || name === "dir") && nargs === 0) return g.bad(n, `${name}() without arguments is not supported`);
      if (name === "super") return emitSuper(g, n, argNode);
    }
    if (isBuiltin) {
      const [pos, kw] = emitArgs(g, argNode);
      return owned(`call_builtin(${rustStr(name)}, ${pos}, ${kw})?`);
    }
  }
  if (fnNode.type === "attribute") {
    const obj = emitExpr(g, field(fnNode, "object")!);
    const [pos, kw] = emitArgs(g, argNode);
    return owned(`call_method(${ref(obj)}, ${rustStr(field(fnNode, "attribute")!.text)}, ${pos}, ${kw})?`);
  }
  const f = emitExpr(g, fnNode);
  const [pos, kw] = emitArgs(g, argNode);
  return owned(`call(${ref(f)}, ${pos}, ${kw})?`);
}

function emitSuper(g: Gen, n: Node, argNode: Node | null): Expr {
  const args = argNode ? named(argNode) : [];
  if (args.length > 0) {
    const [pos, kw] = emitArgs(g, argNode);
    return owned(`call_builtin("super", ${pos}, ${kw})?`);
  }
  // zero-argument form: enclosing class cell + first parameter of the enclosing function
  let s = g.scope;
  while (s.kind === "comprehension" || s.kind === "genexp") s = s.parent!;
  if (s.kind !== "function" || !s.parent || s.parent.kind !== "class" || s.params.length === 0)
    return g.bad(n, "super() without arguments is only supported directly inside a method");
  const cls = g.classCtxFor(s.parent);
  const self = g.load(s.params[0]!);
  return owned(`super_(&cell_get_free(&${cls.cell}, "__class__")?, ${ref(self)})?`);
}
