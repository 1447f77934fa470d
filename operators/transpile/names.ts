// Python identifier -> Rust identifier mangling, Rust string literals.
import { type Node, field } from "./ast.ts";

const RUST_KEYWORDS = new Set(
  (
    "as break const continue crate else enum extern false fn for if impl in let loop match mod move mut pub ref " +
    "return self Self static struct super trait true type unsafe use where while async await dyn abstract become box " +
    "do final macro override priv typeof unsized virtual yield try union"
  ).split(" "),
);

/** True when `s` is a plain ASCII identifier. */
function isAsciiIdent(s: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);
}

/**
 * Rust identifier for a Python variable. All Python variables get a `v_` prefix so they can never
 * collide with runtime functions (`add`, `call`, ...), generated temporaries (`_t3`) or Rust
 * keywords. Non-ASCII identifiers use an injective escape under a distinct `vu_` prefix.
 */
export function rustVar(name: string): string {
  if (isAsciiIdent(name)) return `v_${name}`;
  let out = "vu_";
  for (const ch of name) {
    if (/[A-Za-z0-9]/.test(ch)) out += ch;
    else if (ch === "_") out += "__";
    else out += `_${ch.codePointAt(0)!.toString(16)}_`;
  }
  return out;
}

/** Rust module identifier for a Python module name (`a.b` -> `m_a_db`), injective. */
export function rustModuleIdent(moduleName: string): string {
  let out = "m_";
  for (const ch of moduleName) {
    if (/[A-Za-z0-9]/.test(ch)) out += ch;
    else if (ch === "_") out += "__";
    else if (ch === ".") out += "_d";
    else out += `_x${ch.codePointAt(0)!.toString(16)}_`;
  }
  return out;
}

export function isRustKeyword(s: string): boolean {
  return RUST_KEYWORDS.has(s);
}

/** A Rust string literal (double-quoted, escaped) holding exactly `s`. */
export function rustStr(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (cp === 0) out += "\\0";
    else if (cp < 0x20 || cp === 0x7f) out += `\\u{${cp.toString(16)}}`;
    else if (cp >= 0xd800 && cp <= 0xdfff) throw new Error("lone surrogate in string literal");
    else if (cp > 0x7e) out += `\\u{${cp.toString(16)}}`;
    else out += ch;
  }
  return `${out}"`;
}

/** A source replacement: `text` replaces source[start, end) (JS string indices). */
export interface SourceEdit {
  start: number;
  end: number;
  text: string;
}

/** CPython's private name mangling: `__x` inside class `_Cls` -> `_Cls__x`. */
export function mangledName(name: string, className: string): string | null {
  if (!name.startsWith("__") || name.endsWith("__") || name.includes(".")) return null;
  const stripped = className.replace(/^_+/, "");
  return stripped ? `_${stripped}${name}` : null;
}

/** Identifier nodes that are not Python names: keyword argument / class pattern keys and import paths. */
function isUnmangledIdentifier(id: Node): boolean {
  const p = id.parent;
  if (!p) return true;
  if ((p.type === "keyword_argument" || p.type === "keyword_pattern") && field(p, "name")?.id === id.id) return true;
  for (let a: Node | null = p; a; a = a.parent) {
    if (a.type === "import_statement" || a.type === "import_from_statement" || a.type === "future_import_statement") return true;
    if (a.type.endsWith("_statement") || a.type === "block" || a.type === "module") return false;
  }
  return false;
}

/**
 * Edits renaming private names the way CPython's compiler does: every identifier (names,
 * attributes, defs, parameters) of the form `__x` inside a class body, nested functions
 * included, becomes `_Class__x` for the innermost enclosing class. Strings are left alone.
 */
export function privateNameEdits(root: Node): SourceEdit[] {
  const edits: SourceEdit[] = [];
  const walk = (n: Node, cls: string | null): void => {
    if (n.type === "identifier") {
      const m = cls === null ? null : mangledName(n.text, cls);
      if (m && !isUnmangledIdentifier(n)) edits.push({ start: n.startIndex, end: n.endIndex, text: m });
      return;
    }
    const body = n.type === "class_definition" ? field(n, "body") : null;
    for (const c of n.children) {
      if (c) walk(c, c.id === body?.id ? field(n, "name")!.text : cls);
    }
  };
  walk(root, null);
  return edits;
}

/** `source` with non-overlapping `edits` applied. */
export function applyEdits(source: string, edits: SourceEdit[]): string {
  let out = "";
  let pos = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += source.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + source.slice(pos);
}
