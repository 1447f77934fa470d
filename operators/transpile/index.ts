// Python -> Rust translation of one module (dynamic: every value is a pyrt `Value`).
import { parsePython } from "../ingest/parser.ts";
import { type Node, named } from "./ast.ts";
import { Gen, indent, own } from "./context.ts";
import { type Diagnostic, makeDiagnostic, syntaxDiagnostics } from "./diagnostics.ts";
import { emitExpr } from "./expressions.ts";
import { type LinkableModule, linkProgram as link } from "./link.ts";
import { applyEdits, privateNameEdits, rustModuleIdent } from "./names.ts";
import { analyzeScopes } from "./scope.ts";
import { docstringOf, emitBlock } from "./statements.ts";

export type { Diagnostic };

export interface ModuleTranspile {
  moduleName: string;
  /** Rust identifier of the `mod`. */
  rustModule: string;
  /** The mod's body. */
  rust: string;
  /** Absolute module names this module imports (program-local or stdlib), relative imports resolved. */
  imports: string[];
  diagnostics: Diagnostic[];
}

/** Normalises newlines the way Python's tokenizer does. */
export function normalizeSource(source: string): string {
  let s = source.replace(/\r\n?/g, "\n");
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  return s;
}

export async function transpileModule(source: string, opts: { moduleName: string; path: string; isPackage: boolean }): Promise<ModuleTranspile> {
  let src = normalizeSource(source);
  let tree = await parsePython(src);
  const rustModule = rustModuleIdent(opts.moduleName);
  const syntax = syntaxDiagnostics(opts.path, tree.rootNode);
  if (syntax.length) {
    tree.delete();
    return { moduleName: opts.moduleName, rustModule, rust: "", imports: [], diagnostics: syntax };
  }
  // private names are mangled in the source (lines are kept, so diagnostics still point right)
  const edits = privateNameEdits(tree.rootNode);
  if (edits.length) {
    tree.delete();
    src = applyEdits(src, edits);
    tree = await parsePython(src);
  }
  const root = tree.rootNode;
  const info = analyzeScopes(root);
  const g = new Gen(src, opts.path, opts.moduleName, opts.isPackage, info);
  for (const issue of info.issues) g.diags.push(makeDiagnostic(opts.path, issue.node, issue.message));
  let body: string;
  try {
    body = emitModuleDoc(g, named(root)) + emitBlock(g, named(root));
  } catch (e) {
    tree.delete();
    throw e;
  }
  const rust =
    "use pyrt::*;\nuse std::rc::Rc;\nuse std::cell::RefCell;\n\n" +
    "pub fn init(module: &Value) -> PyResult<()> {\n    let module: Value = module.clone();\n" +
    `${indent(body)}\n    Ok(())\n}`;
  tree.delete();
  // dedupe diagnostics (same position + message)
  const seen = new Set<string>();
  const diagnostics = g.diags.filter((d) => {
    const k = `${d.line}:${d.col}:${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { moduleName: opts.moduleName, rustModule, rust, imports: [...g.imports], diagnostics };
}

/** `__doc__ = "..."` for a module docstring (the module dict starts with `__doc__ = None`). */
function emitModuleDoc(g: Gen, body: Node[]): string {
  const doc = docstringOf(body);
  return doc ? `store_global(&module, "__doc__", ${own(emitExpr(g, doc))});\n` : "";
}

export function linkProgram(entryModule: string, modules: ModuleTranspile[]): string {
  return link(entryModule, modules as LinkableModule[]);
}
