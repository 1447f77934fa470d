// tree-sitter-python loaded once per process (web-tree-sitter + the grammar's shipped .wasm: no compiler needed).
import { createRequire } from "node:module";
import { Language, Parser, type Tree } from "web-tree-sitter";
import { blankSpecWalruses } from "./fstring-specs.ts";

const require = createRequire(import.meta.url);
let parserPromise: Promise<Parser> | undefined;

export function pythonParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    await Parser.init();
    const grammar = await Language.load(require.resolve("tree-sitter-python/tree-sitter-python.wasm"));
    const parser = new Parser();
    parser.setLanguage(grammar);
    return parser;
  })();
  return parserPromise;
}

/** Passes for format specs nested in format specs (`f"{x:={w:=^3}}"`), each revealing the next. */
const MAX_SPEC_PASSES = 4;

export async function parsePython(source: string): Promise<Tree> {
  const parser = await pythonParser();
  let text = source;
  let tree = parser.parse(text);
  for (let pass = 0; tree && pass < MAX_SPEC_PASSES; pass++) {
    const repaired = blankSpecWalruses(text, tree.rootNode);
    if (repaired === null) break;
    tree.delete();
    text = repaired;
    tree = parser.parse(text);
  }
  if (!tree) throw new Error("tree-sitter returned no tree");
  return tree;
}
