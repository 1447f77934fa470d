// Locates the first syntax error in a tree-sitter tree: an ERROR node or a MISSING token.
import type { Node, Tree } from "web-tree-sitter";

export interface SyntaxProblem {
  line: number; // 1-based
  col: number; // 1-based
  construct: string;
  message: string;
}

function firstBad(node: Node): Node | null {
  if (node.isMissing) return node;
  if (node.type === "ERROR") return node;
  if (!node.hasError) return null;
  for (const child of node.children) {
    if (!child) continue;
    const bad = firstBad(child);
    if (bad) return bad;
  }
  return null;
}

export function findSyntaxError(tree: Tree): SyntaxProblem | null {
  const bad = firstBad(tree.rootNode);
  if (!bad) return null;
  const line = bad.startPosition.row + 1;
  const col = bad.startPosition.column + 1;
  if (bad.isMissing) {
    return { line, col, construct: `missing ${bad.type}`, message: `invalid syntax: expected '${bad.type}'` };
  }
  const text = bad.text.split("\n")[0].slice(0, 40);
  return { line, col, construct: text ? `'${text}'` : "ERROR", message: "invalid syntax" };
}
