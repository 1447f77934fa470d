// String, bytes and f-string literals.
import { type Node, field, kids } from "./ast.ts";
import { type Expr, type Gen, own, owned, ref } from "./context.ts";
import { emitExpr } from "./expressions.ts";
import { LiteralError, type StringPrefix, decodeStringBody, parseStringStart } from "./literals.ts";
import { rustStr } from "./names.ts";

/** A piece of a (possibly concatenated, possibly formatted) string literal. */
export type StrPart = { lit: string } | { interp: Node };

/** Splits a `string` / `concatenated_string` node into literal text and interpolation nodes. */
export function stringParts(g: Gen | null, n: Node): { bytes: boolean; parts: StrPart[] } {
  const strings = n.type === "concatenated_string" ? kids(n).filter((c) => c.type === "string") : [n];
  const parts: StrPart[] = [];
  let bytes: boolean | null = null;
  for (const s of strings) {
    const ch = kids(s);
    const start = ch[0]!;
    const end = ch[ch.length - 1]!;
    const prefix: StringPrefix = parseStringStart(start.text);
    if (bytes !== null && bytes !== prefix.bytes) throw new LiteralError("cannot mix bytes and nonbytes literals");
    bytes = prefix.bytes;
    if (!prefix.fstring) {
      const body = s.text.slice(start.text.length, s.text.length - end.text.length);
      parts.push({ lit: decodeStringBody(body, { raw: prefix.raw, bytes: prefix.bytes, fstring: false }) });
      continue;
    }
    // f-string: literal runs between interpolations are the source text between nodes
    let pos = start.endIndex;
    const flush = (upto: number): void => {
      if (upto > pos) {
        const body = g ? g.source.slice(pos, upto) : "";
        parts.push({ lit: decodeStringBody(body, { raw: prefix.raw, bytes: false, fstring: true }) });
      }
    };
    for (const c of ch.slice(1, -1)) {
      if (c.type === "interpolation") {
        flush(c.startIndex);
        parts.push({ interp: c });
        pos = c.endIndex;
      }
    }
    flush(end.startIndex);
  }
  return { bytes: bytes ?? false, parts };
}

export function emitString(g: Gen, n: Node): Expr {
  let sp: { bytes: boolean; parts: StrPart[] };
  try {
    sp = stringParts(g, n);
  } catch (e) {
    if (e instanceof LiteralError) return g.bad(n, e.message);
    throw e;
  }
  if (sp.bytes) {
    const lit = sp.parts.map((p) => ("lit" in p ? p.lit : "")).join("");
    for (const ch of lit) if (ch.codePointAt(0)! > 255) return g.bad(n, "bytes can only contain ASCII literal characters");
    const bytes = [...lit].map((c) => c.codePointAt(0)!);
    return owned(`Value::Bytes(Rc::new(vec![${bytes.map((b) => `${b}u8`).join(", ")}]))`);
  }
  const merged: StrPart[] = [];
  for (const p of sp.parts) {
    const last = merged[merged.length - 1];
    if ("lit" in p && last && "lit" in last) merged[merged.length - 1] = { lit: last.lit + p.lit };
    else merged.push(p);
  }
  if (merged.every((p) => "lit" in p)) {
    const s = merged.map((p) => ("lit" in p ? p.lit : "")).join("");
    return owned(safeStrLit(g, n, s));
  }
  const t = g.t("_s");
  let code = `{ let mut ${t} = String::new(); `;
  for (const p of merged) {
    if ("lit" in p) {
      if (p.lit) code += `${t}.push_str(${safeRust(g, n, p.lit)}); `;
    } else code += `${t}.push_str(&${emitInterpolation(g, p.interp)}); `;
  }
  return owned(`${code}Value::from(${t}) }`);
}

function safeRust(g: Gen, n: Node, s: string): string {
  try {
    return rustStr(s);
  } catch (e) {
    g.diag(n, (e as Error).message);
    return '""';
  }
}

function safeStrLit(g: Gen, n: Node, s: string): string {
  return `str_lit(${safeRust(g, n, s)})`;
}

/**
 * Rust expression of type `String` for one replacement field: `{expr!conv:spec}` and the
 * self-documenting `{expr=}` form.
 */
export function emitInterpolation(g: Gen, interp: Node): string {
  const exprNode = field(interp, "expression");
  if (!exprNode) {
    g.diag(interp, "empty f-string expression");
    return "String::new()";
  }
  const conv = field(interp, "type_conversion");
  const spec = field(interp, "format_specifier");
  const hasEq = kids(interp).some((c) => !c.isNamed && c.type === "=");
  let prefix = "";
  if (hasEq) {
    const stop = conv ? conv.startIndex : spec ? spec.startIndex : interp.endIndex - 1;
    prefix = g.source.slice(interp.startIndex + 1, stop);
  }
  const v = emitExpr(g, exprNode);
  let convKind = conv ? conv.text.slice(1) : hasEq && !spec ? "r" : "";
  if (convKind && !["r", "s", "a"].includes(convKind)) {
    g.diag(conv ?? interp, `unknown conversion !${convKind}`);
    convKind = "";
  }
  const specCode = spec ? emitSpec(g, spec) : null;
  let out: string;
  if (convKind) {
    const converted = conversion(convKind, v);
    if (specCode === null || specCode === '""') out = converted;
    else out = `format_value(&Value::from(${converted}), ${specCode})?`;
  } else {
    out = `format_value(${ref(v)}, ${specCode ?? '""'})?`;
  }
  if (hasEq) return `{ let mut _p = String::from(${rustStr(prefix)}); _p.push_str(&${out}); _p }`;
  return out;
}

/** Rust `String` expression for `!r` / `!s` / `!a` applied to `v`. */
function conversion(kind: string, v: Expr): string {
  if (kind === "r") return `to_repr(${ref(v)})?`;
  if (kind === "s") return `to_str(${ref(v)})?`;
  return `to_str(&call_builtin("ascii", vec![${own(v)}], vec![])?)?`;
}

/** Rust `&str` expression for a format spec (possibly with nested replacement fields). */
function emitSpec(g: Gen, spec: Node): string {
  const nested = kids(spec).filter((c) => c.type === "format_expression" || c.type === "interpolation");
  const raw = g.source.slice(spec.startIndex + 1, spec.endIndex); // drop ':'
  if (nested.length === 0) return safeRust(g, spec, decodeStringBody(raw, { raw: false, bytes: false, fstring: true }));
  let code = "&{ let mut _sp = String::new(); ";
  let pos = spec.startIndex + 1;
  for (const ne of nested) {
    if (ne.startIndex > pos) {
      const lit = decodeStringBody(g.source.slice(pos, ne.startIndex), { raw: false, bytes: false, fstring: true });
      code += `_sp.push_str(${safeRust(g, spec, lit)}); `;
    }
    code += `_sp.push_str(&${emitInterpolation(g, ne)}); `;
    pos = ne.endIndex;
  }
  if (spec.endIndex > pos) {
    const lit = decodeStringBody(g.source.slice(pos, spec.endIndex), { raw: false, bytes: false, fstring: true });
    code += `_sp.push_str(${safeRust(g, spec, lit)}); `;
  }
  return `${code}_sp }`;
}
