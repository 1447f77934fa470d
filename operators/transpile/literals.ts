// Python literal decoding: integers, floats, string/bytes escape sequences.

import { lookupUnicodeName } from "./unicode-names.ts";
export class LiteralError extends Error {}

export type IntLit = { kind: "small"; value: bigint } | { kind: "big"; value: bigint };

const I64_MAX = (1n << 63n) - 1n;
const I64_MIN = -(1n << 63n);

export function fitsI64(v: bigint): boolean {
  return v >= I64_MIN && v <= I64_MAX;
}

/** Parses a Python integer literal (`0x1F`, `0o17`, `0b101`, `1_000`). */
export function parseIntLiteral(text: string): bigint {
  const t = text.replace(/_/g, "").toLowerCase();
  if (t.endsWith("j")) throw new LiteralError("complex literals are not supported");
  if (/^0[xob]/.test(t)) return BigInt(t);
  if (!/^[0-9]+$/.test(t)) throw new LiteralError(`bad integer literal ${text}`);
  return BigInt(t);
}

/** Rust expression (type Value) for an integer value. */
export function rustInt(v: bigint): string {
  if (fitsI64(v)) {
    if (v === I64_MIN) return "Value::Int(i64::MIN)";
    return `Value::Int(${v.toString()})`;
  }
  return `int_lit(${JSON.stringify(v.toString())})`;
}

/** Parses a Python float literal (`1e5`, `.5`, `5.`, `1_0.5`). */
export function parseFloatLiteral(text: string): number {
  const t = text.replace(/_/g, "");
  if (/[jJ]$/.test(t)) throw new LiteralError("complex literals are not supported");
  const n = Number(t);
  if (Number.isNaN(n)) throw new LiteralError(`bad float literal ${text}`);
  return n;
}

/** Rust f64 expression for a JS number (exact round trip). */
export function rustF64(n: number): string {
  if (Number.isNaN(n)) return "f64::NAN";
  if (n === Number.POSITIVE_INFINITY) return "f64::INFINITY";
  if (n === Number.NEGATIVE_INFINITY) return "f64::NEG_INFINITY";
  if (Object.is(n, -0)) return "-0.0f64";
  let s = String(n);
  if (!/[.e]/.test(s)) s += ".0";
  return `${s}f64`;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
};

/**
 * Decodes the body of a Python string literal segment.
 * raw: r-prefix (no escapes). bytes: b-prefix (\u, \U, \N not escapes). fstring: `{{`/`}}` collapse.
 */
export function decodeStringBody(body: string, opts: { raw: boolean; bytes: boolean; fstring: boolean }): string {
  let out = "";
  let i = 0;
  while (i < body.length) {
    const c = body[i]!;
    if (opts.fstring && (c === "{" || c === "}") && body[i + 1] === c) {
      out += c;
      i += 2;
      continue;
    }
    if (c !== "\\" || opts.raw) {
      out += c;
      i++;
      continue;
    }
    const n = body[i + 1];
    if (n === undefined) {
      out += c;
      i++;
      continue;
    }
    if (n === "\n") {
      i += 2;
      continue;
    }
    if (n in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[n];
      i += 2;
      continue;
    }
    if (/[0-7]/.test(n)) {
      let j = i + 1;
      let digits = "";
      while (j < body.length && digits.length < 3 && /[0-7]/.test(body[j]!)) digits += body[j++];
      const cp = Number.parseInt(digits, 8);
      if (opts.bytes && cp > 255) throw new LiteralError("octal escape out of range in bytes");
      out += String.fromCodePoint(cp);
      i = j;
      continue;
    }
    if (n === "x" || (!opts.bytes && (n === "u" || n === "U"))) {
      const len = n === "x" ? 2 : n === "u" ? 4 : 8;
      const hex = body.slice(i + 2, i + 2 + len);
      if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) throw new LiteralError(`truncated \\${n} escape`);
      const cp = Number.parseInt(hex, 16);
      if (cp > 0x10ffff) throw new LiteralError("illegal Unicode character");
      if (cp >= 0xd800 && cp <= 0xdfff) throw new LiteralError("lone surrogate code points are not supported");
      out += String.fromCodePoint(cp);
      i += 2 + len;
      continue;
    }
    if (!opts.bytes && n === "N") {
      const close = body.indexOf("}", i + 2);
      if (body[i + 2] !== "{" || close < 0) throw new LiteralError("malformed \\N character escape");
      const name = body.slice(i + 3, close);
      const cp = lookupUnicodeName(name);
      if (cp === null) throw new LiteralError(`\\N{${name}}: unknown or unsupported Unicode character name`);
      out += String.fromCodePoint(cp);
      i = close + 1;
      continue;
    }
    // Unknown escape: kept verbatim (Python emits a DeprecationWarning, value keeps the backslash).
    out += c;
    i++;
  }
  return out;
}

export interface StringPrefix {
  raw: boolean;
  bytes: boolean;
  fstring: boolean;
  quote: string;
}

/** Parses a string_start token text like `rb'''` / `f"`. */
export function parseStringStart(text: string): StringPrefix {
  const m = /^([A-Za-z]*)('''|"""|'|")$/.exec(text);
  if (!m) throw new LiteralError(`unrecognised string start ${text}`);
  const p = m[1]!.toLowerCase();
  if (p.includes("u") && p.length > 1) throw new LiteralError(`bad string prefix ${m[1]}`);
  return { raw: p.includes("r"), bytes: p.includes("b"), fstring: p.includes("f"), quote: m[2]! };
}
