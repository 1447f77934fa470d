// tree-sitter-python loaded once per process (web-tree-sitter + the grammar's shipped .wasm: no compiler needed).
import { createRequire } from "node:module";
import { Language, Parser, type Tree } from "web-tree-sitter";

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

export async function parsePython(source: string): Promise<Tree> {
  const tree = (await pythonParser()).parse(source);
  if (!tree) throw new Error("tree-sitter returned no tree");
  return tree;
}
