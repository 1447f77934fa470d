// class statements -> make_class values (body executed inline into a namespace dict).
import { type Node, field, kids, named, stmts } from "./ast.ts";
import { type Gen, indent, own } from "./context.ts";
import { emitExpr } from "./expressions.ts";
import { rustStr } from "./names.ts";
import { docstringOf, emitBlock } from "./statements.ts";

export function emitClassDef(g: Gen, n: Node): string {
  const decorators = n.type === "decorated_definition" ? kids(n).filter((c) => c.type === "decorator") : [];
  const def = n.type === "decorated_definition" ? field(n, "definition")! : n;
  const cs = g.scopeOf(def);
  const name = field(def, "name")!.text;
  let code = "{\n";
  const decTemps: string[] = [];
  for (const d of decorators) {
    const t = g.t("_dec");
    code += `    let ${t} = ${own(emitExpr(g, named(d)[0]!))};\n`;
    decTemps.push(t);
  }
  const bases = g.t("_bases");
  const supers = field(def, "superclasses");
  const baseItems: string[] = [];
  const kwItems: string[] = [];
  for (const a of supers ? named(supers) : []) {
    if (a.type === "keyword_argument") {
      const kw = classKeyword(g, a);
      if (kw) kwItems.push(kw);
    } else if (a.type === "list_splat" || a.type === "dictionary_splat") {
      g.diag(a, "starred class bases are not supported");
    } else baseItems.push(own(emitExpr(g, a)));
  }
  code += `    let ${bases}: Vec<Value> = vec![${baseItems.join(", ")}];\n`;
  const kws = g.t("_kw");
  if (kwItems.length) code += `    let ${kws}: Vec<(String, Value)> = vec![${kwItems.join(", ")}];\n`;
  const ns = g.t("_ns");
  const cell = g.t("_cls");
  g.classes.set(cs, { ns, cell });
  code += `    let ${ns} = new_dict(vec![])?;\n    let ${cell}: VarCell = new_cell(None);\n`;
  const qual = cs.qualname();
  code += `    class_store(&${ns}, "__module__", load_global(&module, "__name__")?)?;\n`;
  const body = stmts(field(def, "body"));
  const doc = docstringOf(body);
  if (doc) code += `    class_store(&${ns}, "__doc__", ${own(emitExpr(g, doc))})?;\n`;
  const annotated = body.some((st) => {
    const e = st.type === "expression_statement" ? named(st)[0] : null;
    return e?.type === "assignment" && field(e, "type") !== null;
  });
  if (annotated) code += `    class_store(&${ns}, "__annotations__", new_dict(vec![])?)?;\n`;
  const savedLoops = g.loops;
  g.loops = [];
  const bodyCode = g.withScope(cs, () => emitBlock(g, body));
  g.loops = savedLoops;
  code += `${indent(bodyCode)}\n`;
  const c = g.t("_c");
  const head = `${rustStr(name)}, ${rustStr(qual)}, &module_name(&module)?, ${bases}, class_attrs(&${ns})?`;
  code += `    let mut ${c} = ${kwItems.length ? `make_class_kw(${head}, ${kws})` : `make_class(${head})`}?;\n`;
  code += `    cell_set(&${cell}, ${c}.clone());\n`;
  for (const t of decTemps.reverse()) code += `    ${c} = call(&${t}, vec![${c}], vec![])?;\n`;
  code += `${indent(g.store(name, c))}\n}`;
  return code;
}

/** Metaclasses the runtime models (ABCMeta: abstract-method checks; `type`: the default). */
const METACLASSES = new Set(["ABCMeta", "abc.ABCMeta", "type"]);

/** `(name, value)` of a class keyword (`metaclass=ABCMeta`, `__init_subclass__` keywords). */
function classKeyword(g: Gen, a: Node): string | null {
  const name = field(a, "name")!.text;
  const value = field(a, "value")!;
  if (name === "metaclass" && !METACLASSES.has(value.text)) {
    g.diag(a, `metaclass '${value.text}' is not supported (only abc.ABCMeta)`);
    return null;
  }
  return `(${rustStr(name)}.to_string(), ${own(emitExpr(g, value))})`;
}
