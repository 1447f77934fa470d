// Small helpers over web-tree-sitter nodes.
import type { Node } from "web-tree-sitter";

export type { Node };

export function kids(n: Node): Node[] {
  return n.children.filter((c): c is Node => c !== null);
}

export function named(n: Node): Node[] {
  return n.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment");
}

export function field(n: Node, name: string): Node | null {
  return n.childForFieldName(name);
}

export function fields(n: Node, name: string): Node[] {
  return n.childrenForFieldName(name).filter((c): c is Node => c !== null);
}

/** The block/body statements of a `block` node (comments dropped). */
export function stmts(block: Node | null): Node[] {
  if (!block) return [];
  if (block.type !== "block") return [block];
  return named(block);
}

/** Strips redundant parentheses. */
export function unparen(n: Node): Node {
  let cur = n;
  while (cur.type === "parenthesized_expression") {
    const inner = named(cur);
    if (inner.length !== 1) break;
    cur = inner[0]!;
  }
  return cur;
}

/** 1-based line of a node. */
export function lineOf(n: Node): number {
  return n.startPosition.row + 1;
}

/** Short excerpt of the source of a node for diagnostics. */
export function excerpt(n: Node, max = 60): string {
  const t = n.text.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 3)}...` : t;
}

/** Whether `n` contains a node satisfying `pred`, not descending into nested scopes (defs/lambdas/classes). */
export function containsInScope(n: Node, pred: (x: Node) => boolean, descendComprehensions = false): boolean {
  if (pred(n)) return true;
  for (const c of kids(n)) {
    if (
      c.type === "function_definition" ||
      c.type === "class_definition" ||
      c.type === "lambda" ||
      (!descendComprehensions &&
        (c.type === "list_comprehension" || c.type === "set_comprehension" || c.type === "dictionary_comprehension" || c.type === "generator_expression"))
    )
      continue;
    if (containsInScope(c, pred, descendComprehensions)) return true;
  }
  return false;
}

export function isYield(n: Node): boolean {
  return n.type === "yield";
}
