// Python identifier -> Rust identifier mangling, Rust string literals.

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
