// tree-sitter-python lexes the `:=` of `f"{x:=^9}"` as a walrus, but in a replacement field an
// unbracketed `:` always starts the format spec (Python 3.11 needs `f"{(x:=9)}"` for a walrus).
// The parser is given the source with the `=` of each such `:=` blanked: offsets do not move and
// the transpiler reads format specs from the original text.
import type { Node } from "web-tree-sitter";

const OPENERS = new Set(["(", "[", "{"]);

/** Whether the `:=` token `tok` sits at the top level of an f-string replacement field. */
function isMisreadSpec(tok: Node): boolean {
  let child = tok;
  for (let p = tok.parent; p; child = p, p = p.parent) {
    if (p.type === "interpolation" || p.type === "format_expression") return true;
    if (p.type === "string" || p.type === "lambda") return false;
    for (const k of p.children) {
      if (!k || k.startIndex >= child.startIndex) break;
      if (OPENERS.has(k.type)) return false;
    }
  }
  return false;
}

function collectWalruses(n: Node, out: Node[]): void {
  if (n.type === ":=") out.push(n);
  for (const c of n.children) if (c) collectWalruses(c, out);
}

/** `source` with the misread `:=` tokens of `root` turned into `: `, or null when there are none. */
export function blankSpecWalruses(source: string, root: Node): string | null {
  if (!source.includes(":=")) return null;
  const toks: Node[] = [];
  collectWalruses(root, toks);
  const offsets = toks.filter(isMisreadSpec).map((t) => t.startIndex + 1);
  if (offsets.length === 0) return null;
  let out = "";
  let pos = 0;
  for (const at of offsets) {
    out += `${source.slice(pos, at)} `;
    pos = at + 1;
  }
  return out + source.slice(pos);
}
