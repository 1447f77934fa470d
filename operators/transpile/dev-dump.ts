import { readFileSync } from "node:fs";
import type { Node } from "web-tree-sitter";
import { parsePython } from "../ingest/parser.ts";
const src = process.argv[2] === "-" ? readFileSync(0, "utf8") : process.argv[2];
const t = await parsePython(src);
function d(n: Node, ind: string, field: string | null): void {
  const txt = n.childCount === 0 ? JSON.stringify(n.text) : "";
  console.log(`${ind}${field ? field + ": " : ""}${n.type}${n.isNamed ? "" : "(anon)"} ${txt}`);
  for (let i = 0; i < n.childCount; i++) d(n.child(i)!, ind + "  ", n.fieldNameForChild(i));
}
d(t.rootNode, "", null);
