// Python -> Rust translation of one module (dynamic: every value is a pyrt `Value`).
import { parsePython } from "../ingest/parser.ts";
import { named } from "./ast.ts";
import { Gen, indent } from "./context.ts";
import { type Diagnostic, makeDiagnostic, syntaxDiagnostics } from "./diagnostics.ts";
import { type LinkableModule, linkProgram as link } from "./link.ts";
import { rustModuleIdent } from "./names.ts";
import { analyzeScopes } from "./scope.ts";
import { emitBlock } from "./statements.ts";

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
  const src = normalizeSource(source);
  const tree = await parsePython(src);
  const root = tree.rootNode;
  const rustModule = rustModuleIdent(opts.moduleName);
  const syntax = syntaxDiagnostics(opts.path, root);
  if (syntax.length) {
    tree.delete();
    return { moduleName: opts.moduleName, rustModule, rust: "", imports: [], diagnostics: syntax };
  }
  const info = analyzeScopes(root);
  const g = new Gen(src, opts.path, opts.moduleName, opts.isPackage, info);
  for (const issue of info.issues) g.diags.push(makeDiagnostic(opts.path, issue.node, issue.message));
  let body: string;
  try {
    body = emitBlock(g, named(root));
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

export function linkProgram(entryModule: string, modules: ModuleTranspile[]): string {
  return link(entryModule, modules as LinkableModule[]);
}
