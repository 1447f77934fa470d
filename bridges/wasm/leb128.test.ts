import { describe, expect, it } from "vitest";
import { WasmParseError, encodeS32, encodeU32, encodeU64, readU32, readU64 } from "./leb128.ts";

describe("leb128", () => {
  it("round-trips unsigned values", () => {
    for (const n of [0, 1, 127, 128, 255, 624485, 65536, 2 ** 31, 2 ** 32 - 1]) {
      const enc = encodeU32(n);
      expect(readU32(Uint8Array.from(enc), 0)).toEqual({ value: n, next: enc.length });
    }
    expect(readU64(Uint8Array.from(encodeU64(2 ** 40 + 3)), 0).value).toBe(2 ** 40 + 3);
  });

  it("matches the spec example and signed encodings", () => {
    expect(encodeU32(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(encodeS32(-1)).toEqual([0x7f]);
    expect(encodeS32(64)).toEqual([0xc0, 0x00]);
    expect(encodeS32(-65)).toEqual([0xbf, 0x7f]);
  });

  it("accepts non-canonical padding but rejects truncation, over-long and overflowing input", () => {
    expect(readU32(Uint8Array.from([0x81, 0x80, 0x00]), 0)).toEqual({ value: 1, next: 3 });
    expect(() => readU32(Uint8Array.from([0x80, 0x80]), 0)).toThrow(WasmParseError);
    expect(() => readU32(Uint8Array.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x00]), 0)).toThrow(/too long/);
    expect(() => readU32(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x1f]), 0)).toThrow(/exceeds 32 bits/);
  });
});
