// class statements -> make_class values (body executed inline into a namespace dict).
import { type Node, field, kids, named, stmts } from "./ast.ts";
import { type Gen, indent, own } from "./context.ts";
import { emitExpr } from "./expressions.ts";
import { rustStr } from "./names.ts";
import { emitBlock } from "./statements.ts";

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
  if (supers) {
    for (const a of named(supers)) {
      if (a.type === "keyword_argument") {
        g.diag(a, `class keyword argument '${field(a, "name")!.text}' (metaclasses / __init_subclass__ kwargs) is not supported`);
        continue;
      }
      if (a.type === "list_splat" || a.type === "dictionary_splat") {
        g.diag(a, "starred class bases are not supported");
        continue;
      }
      baseItems.push(own(emitExpr(g, a)));
    }
  }
  code += `    let ${bases}: Vec<Value> = vec![${baseItems.join(", ")}];\n`;
  const ns = g.t("_ns");
  const cell = g.t("_cls");
  g.classes.set(cs, { ns, cell });
  code += `    let ${ns} = new_dict(vec![])?;\n    let ${cell}: VarCell = new_cell(None);\n`;
  const qual = cs.qualname();
  code += `    class_store(&${ns}, "__module__", load_global(&module, "__name__")?)?;\n`;
  const body = stmts(field(def, "body"));
  const docNode = body[0];
  if (docNode?.type === "expression_statement" && named(docNode)[0]?.type === "string" && named(docNode).length === 1) {
    const s = named(docNode)[0]!;
    if (!/^[a-zA-Z]*[fF]/.test(s.text)) code += `    class_store(&${ns}, "__doc__", ${own(emitExpr(g, s))})?;\n`;
  }
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
  code += `    let mut ${c} = make_class(${rustStr(name)}, ${rustStr(qual)}, &module_name(&module)?, ${bases}, class_attrs(&${ns})?)?;\n`;
  code += `    cell_set(&${cell}, ${c}.clone());\n`;
  for (const t of decTemps.reverse()) code += `    ${c} = call(&${t}, vec![${c}], vec![])?;\n`;
  code += `${indent(g.store(name, c))}\n}`;
  return code;
}
