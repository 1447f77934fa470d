// Diagnostics: constructs that cannot be translated faithfully, with 1-based positions.
import { type Node, excerpt } from "./ast.ts";

export interface Diagnostic {
  path: string;
  line: number;
  col: number;
  construct: string;
  message: string;
}

export function makeDiagnostic(path: string, node: Node, message: string): Diagnostic {
  return {
    path,
    line: node.startPosition.row + 1,
    col: node.startPosition.column + 1,
    construct: `${node.type}: ${excerpt(node)}`,
    message,
  };
}

/** Syntax errors reported by tree-sitter (ERROR / MISSING nodes). */
export function syntaxDiagnostics(path: string, root: Node): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (n: Node): void => {
    if (n.type === "ERROR" || n.isMissing) {
      out.push(makeDiagnostic(path, n, n.isMissing ? `syntax error: missing ${n.type}` : "syntax error"));
      return;
    }
    if (!n.hasError) return;
    for (const c of n.children) if (c) walk(c);
  };
  walk(root);
  return out;
}
