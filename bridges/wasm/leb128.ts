/**
 * LEB128 encoding/decoding for the WebAssembly binary format.
 *
 *   readU32(bytes, pos)      -> { value, next }   unsigned, at most 5 bytes, value < 2^32
 *   readU64(bytes, pos)      -> { value, next }   unsigned, at most 10 bytes; value as a JS number
 *                                                 (throws above Number.MAX_SAFE_INTEGER)
 *   encodeU32(n) / encodeU64(n) -> number[]       canonical (shortest) unsigned encoding
 *   encodeS32(n)             -> number[]          signed encoding (for i32.const immediates)
 *
 * All readers throw WasmParseError on truncated or over-long input.
 */

export class WasmParseError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
    this.name = "WasmParseError";
  }
}

export interface Read<T> {
  value: T;
  next: number;
}

function readUnsigned(bytes: Uint8Array, pos: number, maxBytes: number, maxBits: number): Read<number> {
  let result = 0;
  let scale = 1;
  for (let i = 0; i < maxBytes; i++) {
    const p = pos + i;
    if (p >= bytes.length) throw new WasmParseError("unexpected end of LEB128", p);
    const byte = bytes[p];
    result += (byte & 0x7f) * scale;
    scale *= 128;
    if ((byte & 0x80) === 0) {
      if (result >= 2 ** maxBits) throw new WasmParseError(`LEB128 value exceeds ${maxBits} bits`, pos);
      if (result > Number.MAX_SAFE_INTEGER) throw new WasmParseError("LEB128 value too large", pos);
      return { value: result, next: p + 1 };
    }
  }
  throw new WasmParseError("LEB128 too long", pos);
}

export function readU32(bytes: Uint8Array, pos: number): Read<number> {
  return readUnsigned(bytes, pos, 5, 32);
}

export function readU64(bytes: Uint8Array, pos: number): Read<number> {
  return readUnsigned(bytes, pos, 10, 64);
}

function encodeUnsigned(n: number): number[] {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`cannot LEB128-encode ${n}`);
  const out: number[] = [];
  let rest = n;
  do {
    let byte = rest % 128;
    rest = Math.floor(rest / 128);
    if (rest !== 0) byte |= 0x80;
    out.push(byte);
  } while (rest !== 0);
  return out;
}

export function encodeU32(n: number): number[] {
  if (n > 0xffffffff) throw new RangeError(`${n} does not fit in u32`);
  return encodeUnsigned(n);
}

export function encodeU64(n: number): number[] {
  return encodeUnsigned(n);
}

export function encodeS32(n: number): number[] {
  if (!Number.isInteger(n) || n < -(2 ** 31) || n >= 2 ** 31) throw new RangeError(`${n} does not fit in s32`);
  const out: number[] = [];
  let v = n | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}
