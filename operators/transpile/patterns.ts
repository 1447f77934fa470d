// `match` statements: structural pattern matching compiled to checks over `Value`.
//
// Each case is a labeled `loop` evaluating to bool (`break 'mN false` on the first failed check);
// captures go to temporaries and are bound only when the whole pattern matched (before the guard).
import { type Node, field, fields, kids, named, stmts } from "./ast.ts";
import { type Gen, indent, own } from "./context.ts";
import { emitCond, emitExpr } from "./expressions.ts";
import { emitString } from "./fstrings.ts";
import { LiteralError, parseFloatLiteral, parseIntLiteral, rustF64, rustInt } from "./literals.ts";
import { rustStr } from "./names.ts";
import { emitBlock } from "./statements.ts";

interface Ctx {
  label: string;
  caps: Map<string, string>;
  lines: string[];
}

export function emitMatch(g: Gen, n: Node): string {
  const subj = g.t("_ms");
  const mt = `'mt${g.loopId()}`;
  let code = `{\nlet ${subj} = ${emitMatchSubject(g, n)};\n${mt}: loop {\n`;
  for (const cc of matchCases(n)) {
    const test = emitCaseTest(g, cc, subj);
    const bodyCode = emitBlock(g, stmts(field(cc, "consequence")));
    code += indent(`if ${test} {\n${indent(bodyCode)}\n    break ${mt};\n}\n`);
  }
  code += `    break ${mt};\n}\n}`;
  return code;
}

/** The subject value of a match statement (a tuple for `match a, b:`). */
export function emitMatchSubject(g: Gen, n: Node): string {
  const subjects = fields(n, "subject");
  return subjects.length > 1 ? `new_tuple(vec![${subjects.map((s) => own(emitExpr(g, s))).join(", ")}])` : own(emitExpr(g, subjects[0]!));
}

export function matchCases(n: Node): Node[] {
  const body = field(n, "body");
  return body ? kids(body).filter((c) => c.type === "case_clause") : [];
}

/**
 * Block expression: whether case clause `cc` matches the value in var `subj`. Captures are bound
 * when the pattern matched, before the guard is evaluated (as in CPython).
 */
export function emitCaseTest(g: Gen, cc: Node, subj: string): string {
  const pats = kids(cc).filter((c) => c.type === "case_pattern");
  const label = `'m${g.loopId()}`;
  const ctx: Ctx = { label, caps: new Map(), lines: [] };
  if (pats.length === 1) compile(g, pats[0]!, `&${subj}`, ctx);
  else compileSequence(g, cc, pats, `&${subj}`, ctx);
  const guard = field(cc, "guard");
  let code = "{\n";
  for (const t of ctx.caps.values()) code += `    let mut ${t}: Option<Value> = None;\n`;
  code += `    let _ok: bool = ${label}: loop {\n${indent(ctx.lines.join("\n"), "        ")}\n        break ${label} true;\n    };\n`;
  code += "    if _ok {\n";
  for (const [name, t] of ctx.caps) code += `        ${g.store(name, `${t}.unwrap()`)}\n`;
  code += `        ${guard ? emitCond(g, named(guard)[0]!) : "true"}\n    } else {\n        false\n    }\n}`;
  return code;
}

function fail(ctx: Ctx, cond: string): void {
  ctx.lines.push(`if !(${cond}) { break ${ctx.label} false; }`);
}

function capture(g: Gen, name: string, subj: string, ctx: Ctx, node: Node): void {
  if (ctx.caps.has(name)) {
    g.diag(node, `multiple assignments to name '${name}' in pattern`);
    return;
  }
  const t = g.t("_cap");
  ctx.caps.set(name, t);
  ctx.lines.push(`${t} = Some((${subj}).clone());`);
}

function unwrapCase(p: Node): Node {
  let cur = p;
  while (cur.type === "case_pattern" && named(cur).length === 1) cur = named(cur)[0]!;
  return cur;
}

function isWildcard(p: Node): boolean {
  return p.type === "case_pattern" && named(p).length === 0 && p.text.trim() === "_";
}

function compile(g: Gen, p0: Node, subj: string, ctx: Ctx): void {
  if (isWildcard(p0)) return;
  if (p0.type === "case_pattern" && kids(p0).some((c) => c.type === "-")) {
    const lit = literal(g, kids(p0));
    if (lit) fail(ctx, `eq(${subj}, &${lit.code})?`);
    return;
  }
  const p = unwrapCase(p0);
  if (isWildcard(p)) return;
  switch (p.type) {
    case "dotted_name": {
      const parts = named(p);
      if (parts.length === 1) {
        if (parts[0]!.text !== "_") capture(g, parts[0]!.text, subj, ctx, p);
        return;
      }
      fail(ctx, `eq(${subj}, &${valueOfDotted(g, parts)})?`);
      return;
    }
    case "identifier":
      if (p.text !== "_") capture(g, p.text, subj, ctx, p);
      return;
    case "as_pattern": {
      const inner = named(p)[0]!;
      const alias = named(p).find((c, i) => i > 0 && c.type === "identifier");
      compile(g, inner, subj, ctx);
      if (alias) capture(g, alias.text, subj, ctx, alias);
      return;
    }
    case "union_pattern":
      compileUnion(g, p, subj, ctx);
      return;
    case "tuple_pattern":
      // `(p)` is a group pattern, not a one-element tuple (`(p,)`)
      if (named(p).length === 1 && !kids(p).some((c) => c.type === ",")) {
        compile(g, named(p)[0]!, subj, ctx);
        return;
      }
      compileSequence(g, p, named(p), subj, ctx);
      return;
    case "list_pattern":
      compileSequence(g, p, named(p), subj, ctx);
      return;
    case "dict_pattern":
      compileMapping(g, p, subj, ctx);
      return;
    case "class_pattern":
      compileClass(g, p, subj, ctx);
      return;
    case "splat_pattern":
      g.diag(p, "star pattern outside a sequence pattern");
      return;
    default: {
      const lit = literal(g, [p]);
      if (lit) fail(ctx, lit.identity ? `is_(${subj}, &${lit.code})` : `eq(${subj}, &${lit.code})?`);
    }
  }
}

function valueOfDotted(g: Gen, parts: Node[]): string {
  let code = own(g.load(parts[0]!.text));
  for (const a of parts.slice(1)) code = `getattr(&${code}, ${rustStr(a.text)})?`;
  return code;
}

/** Literal pattern (possibly `-` number, complex rejected): value code and identity flag. */
function literal(g: Gen, nodes: Node[]): { code: string; identity: boolean } | null {
  const neg = nodes.length === 2 && nodes[0]!.type === "-";
  const n = nodes[nodes.length - 1]!;
  try {
    switch (n.type) {
      case "integer":
        return { code: rustInt(neg ? -parseIntLiteral(n.text) : parseIntLiteral(n.text)), identity: false };
      case "float":
        return { code: `Value::Float(${rustF64(neg ? -parseFloatLiteral(n.text) : parseFloatLiteral(n.text))})`, identity: false };
      case "string":
      case "concatenated_string":
        return { code: emitString(g, n).c, identity: false };
      case "true":
        return { code: "Value::Bool(true)", identity: true };
      case "false":
        return { code: "Value::Bool(false)", identity: true };
      case "none":
        return { code: "Value::None", identity: true };
      case "dotted_name":
        return { code: valueOfDotted(g, named(n)), identity: false };
    }
  } catch (e) {
    if (e instanceof LiteralError) {
      g.diag(n, e.message);
      return null;
    }
    throw e;
  }
  g.diag(n, `unsupported pattern (${n.type})`);
  return null;
}

function compileUnion(g: Gen, p: Node, subj: string, ctx: Ctx): void {
  // group children between '|' separators (negative numbers are split into '-' and the number)
  const groups: Node[][] = [[]];
  for (const c of kids(p)) {
    if (c.type === "|") groups.push([]);
    else groups[groups.length - 1]!.push(c);
  }
  const alts: string[] = [];
  const allCaps: Map<string, string>[] = [];
  for (const grp of groups) {
    const label = `'u${g.loopId()}`;
    const sub: Ctx = { label, caps: new Map(), lines: [] };
    if (grp.length === 1 && !["-", "integer", "float", "string", "true", "false", "none"].includes(grp[0]!.type)) {
      compile(g, grp[0]!, subj, sub);
    } else {
      const lit = literal(g, grp);
      if (lit) fail(sub, lit.identity ? `is_(${subj}, &${lit.code})` : `eq(${subj}, &${lit.code})?`);
    }
    allCaps.push(sub.caps);
    alts.push(`${label}: loop {\n${indent(sub.lines.join("\n"))}\n    break ${label} true;\n}`);
  }
  const names = [...(allCaps[0]?.keys() ?? [])].sort();
  for (const c of allCaps)
    if ([...c.keys()].sort().join(",") !== names.join(",")) {
      g.diag(p, "alternative patterns bind different names");
      return;
    }
  // shared capture temps: alternative temps are copied into the outer ones on success
  for (const name of names) {
    if (ctx.caps.has(name)) g.diag(p, `multiple assignments to name '${name}' in pattern`);
    ctx.caps.set(name, g.t("_cap"));
  }
  let code = "";
  allCaps.forEach((caps, i) => {
    const decl = [...caps.values()].map((t) => `let mut ${t}: Option<Value> = None;`).join(" ");
    const copy = names.map((nm) => `${ctx.caps.get(nm)} = ${caps.get(nm)}.clone();`).join(" ");
    code += `${i ? " else " : ""}if ({ ${decl} let _a = ${alts[i]}; if _a { ${copy} } _a }) {}`;
  });
  code += ` else { break ${ctx.label} false; }`;
  ctx.lines.push(code);
}

function compileSequence(g: Gen, at: Node, pats: Node[], subj: string, ctx: Ctx): void {
  const items = pats.map((x) => unwrapCase(x));
  const starIdx = items.findIndex((x) => x.type === "splat_pattern");
  const seq = g.t("_sq");
  ctx.lines.push(`let ${seq}: Vec<Value> = match match_sequence(${subj})? { Some(v) => v, None => break ${ctx.label} false };`);
  if (starIdx < 0) {
    fail(ctx, `${seq}.len() == ${items.length}`);
    items.forEach((x, i) => compile(g, pats[i]!, `&${seq}[${i}]`, ctx));
    return;
  }
  if (items.slice(starIdx + 1).some((x) => x.type === "splat_pattern")) {
    g.diag(at, "multiple starred names in sequence pattern");
    return;
  }
  const after = items.length - starIdx - 1;
  fail(ctx, `${seq}.len() >= ${items.length - 1}`);
  for (let i = 0; i < starIdx; i++) compile(g, pats[i]!, `&${seq}[${i}]`, ctx);
  for (let j = 0; j < after; j++) compile(g, pats[starIdx + 1 + j]!, `&${seq}[${seq}.len() - ${after - j}]`, ctx);
  const starName = named(items[starIdx]!)[0];
  if (starName && starName.text !== "_") {
    capture(g, starName.text, `new_list(${seq}[${starIdx}..${seq}.len() - ${after}].to_vec())`, ctx, starName);
  }
}

function compileMapping(g: Gen, p: Node, subj: string, ctx: Ctx): void {
  fail(ctx, `match_mapping(${subj})?`);
  const keys = fields(p, "key");
  const values = fields(p, "value");
  const keyTemps: string[] = [];
  keys.forEach((k, i) => {
    const kt = g.t("_mk");
    keyTemps.push(kt);
    const lit = literal(g, [k]);
    ctx.lines.push(`let ${kt}: Value = ${lit ? lit.code : "Value::None"};`);
    const vt = g.t("_mv");
    ctx.lines.push(`let ${vt}: Value = match mapping_get(${subj}, &${kt})? { Some(v) => v, None => break ${ctx.label} false };`);
    compile(g, values[i]!, `&${vt}`, ctx);
  });
  const rest = named(p).find((c) => c.type === "splat_pattern");
  if (rest) {
    const nm = named(rest)[0];
    if (nm && nm.text !== "_") capture(g, nm.text, `mapping_rest(${subj}, &[${keyTemps.map((k) => `${k}.clone()`).join(", ")}])?`, ctx, nm);
  }
}

function compileClass(g: Gen, p: Node, subj: string, ctx: Ctx): void {
  const clsNode = named(p)[0]!;
  const cls = g.t("_mc");
  ctx.lines.push(`let ${cls} = ${valueOfDotted(g, named(clsNode))};`);
  fail(ctx, `isinstance(${subj}, &${cls})?`);
  const args = named(p)
    .slice(1)
    .map((a) => unwrapCase(a));
  const pos = args.filter((a) => a.type !== "keyword_pattern");
  const kws = args.filter((a) => a.type === "keyword_pattern");
  if (pos.length) {
    const vals = g.t("_mp");
    ctx.lines.push(
      `let ${vals}: Vec<Value> = match match_class_positional(&${cls}, ${subj}, ${pos.length})? { Some(v) => v, None => break ${ctx.label} false };`,
    );
    pos.forEach((a, i) => compile(g, a, `&${vals}[${i}]`, ctx));
  }
  for (const kw of kws) {
    const parts = named(kw);
    const name = parts[0]!.text;
    const a = g.t("_ma");
    ctx.lines.push(`if !hasattr(${subj}, ${rustStr(name)}) { break ${ctx.label} false; }`);
    ctx.lines.push(`let ${a} = getattr(${subj}, ${rustStr(name)})?;`);
    const pat = parts[1]!;
    if (pat.type === "dotted_name" || pat.type === "case_pattern") compile(g, pat, `&${a}`, ctx);
    else {
      const lit = literal(g, kids(kw).slice(2));
      if (lit) fail(ctx, lit.identity ? `is_(&${a}, &${lit.code})` : `eq(&${a}, &${lit.code})?`);
    }
  }
}
