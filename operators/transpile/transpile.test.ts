import { describe, expect, it } from "vitest";
import { parsePython } from "../ingest/parser.ts";
import { resolveRelative } from "./imports.ts";
import { linkProgram, transpileModule } from "./index.ts";
import { decodeStringBody, parseIntLiteral, rustF64, rustInt } from "./literals.ts";
import { rustModuleIdent, rustStr, rustVar } from "./names.ts";
import { type Scope, analyzeScopes } from "./scope.ts";

const opts = { moduleName: "m", path: "m.py", isPackage: false };

describe("names", () => {
  it("prefixes every Python variable so keywords and runtime names cannot collide", () => {
    expect(rustVar("type")).toBe("v_type");
    expect(rustVar("self")).toBe("v_self");
    expect(rustVar("add")).toBe("v_add");
    expect(rustVar("_")).toBe("v__");
  });
  it("escapes non-ASCII identifiers injectively", () => {
    expect(rustVar("café")).toBe("vu_caf_e9_");
    expect(rustVar("a_é")).not.toBe(rustVar("a__é"));
  });
  it("mangles module names injectively", () => {
    expect(rustModuleIdent("a.b")).toBe("m_a_db");
    expect(rustModuleIdent("a_b")).toBe("m_a__b");
    expect(rustModuleIdent("a.b")).not.toBe(rustModuleIdent("a_db"));
  });
  it("renders Rust string literals", () => {
    expect(rustStr('a"b\\c\n')).toBe('"a\\"b\\\\c\\n"');
    expect(rustStr("é")).toBe('"\\u{e9}"');
  });
});

describe("literals", () => {
  it("parses integer forms", () => {
    expect(parseIntLiteral("0x1F")).toBe(31n);
    expect(parseIntLiteral("0o17")).toBe(15n);
    expect(parseIntLiteral("0b101")).toBe(5n);
    expect(parseIntLiteral("1_000")).toBe(1000n);
    expect(rustInt(2n ** 64n)).toBe('int_lit("18446744073709551616")');
    expect(rustInt(5n)).toBe("Value::Int(5)");
  });
  it("round-trips floats", () => {
    expect(rustF64(1e22)).toBe("1e+22f64");
    expect(rustF64(0.1)).toBe("0.1f64");
    expect(rustF64(5)).toBe("5.0f64");
  });
  it("decodes escapes", () => {
    expect(decodeStringBody("a\\tb\\x41\\101\\u00e9\\q", { raw: false, bytes: false, fstring: false })).toBe("a\tbAAé\\q");
    expect(decodeStringBody("\\n", { raw: true, bytes: false, fstring: false })).toBe("\\n");
    expect(decodeStringBody("{{x}}", { raw: false, bytes: false, fstring: true })).toBe("{x}");
    expect(decodeStringBody("a\\\nb", { raw: false, bytes: false, fstring: false })).toBe("ab");
  });
});

describe("relative imports", () => {
  it("resolves against the package", () => {
    expect(resolveRelative("pkg.mod", false, 1, "base")).toBe("pkg.base");
    expect(resolveRelative("pkg", true, 1, "base")).toBe("pkg.base");
    expect(resolveRelative("pkg.sub.mod", false, 2, "u")).toBe("pkg.u");
    expect(resolveRelative("pkg.mod", false, 1, "")).toBe("pkg");
    expect(resolveRelative("main", false, 1, "x")).toEqual({ error: "attempted relative import with no known parent package" });
  });
});

async function scopes(src: string) {
  const tree = await parsePython(src);
  const info = analyzeScopes(tree.rootNode);
  const find = (name: string): Scope => {
    const walk = (s: Scope): Scope | null => {
      if (s.name === name) return s;
      for (const c of s.children) {
        const r = walk(c);
        if (r) return r;
      }
      return null;
    };
    return walk(info.module)!;
  };
  return { info, find };
}

describe("scope analysis", () => {
  it("marks captured variables as cells and records free variables", async () => {
    const { find } = await scopes("def f():\n    x = 1\n    y = 2\n    def g():\n        return x\n    return g\n");
    const f = find("f");
    expect([...f.cells]).toEqual(["x"]);
    expect([...find("g").free]).toEqual(["x"]);
    expect(f.resolve("y")).toMatchObject({ kind: "local", cell: false });
  });
  it("handles nonlocal and global", async () => {
    const { find } = await scopes("def f():\n    n = 0\n    def g():\n        nonlocal n\n        global G\n        n += 1\n        G = n\n    return g\n");
    expect(find("g").resolve("n")).toMatchObject({ kind: "local", cell: true });
    expect(find("g").resolve("G")).toEqual({ kind: "global" });
    expect(find("f").cells.has("n")).toBe(true);
  });
  it("gives comprehensions their own scope, first iterable in the enclosing one", async () => {
    const { find } = await scopes("def f(x):\n    return [x for x in x]\n");
    const comp = find("<listcomp>");
    expect(comp.bound.has("x")).toBe(true);
    expect(find("f").cells.size).toBe(0);
  });
  it("lambdas in comprehensions capture the comprehension variable as a cell", async () => {
    const { find } = await scopes("fs = [lambda: i for i in range(3)]\n");
    expect(find("<listcomp>").cells.has("i")).toBe(true);
  });
  it("class bodies are skipped by methods", async () => {
    const { find } = await scopes("v = 1\nclass A:\n    v = 2\n    def m(self):\n        return v\n");
    expect(find("m").resolve("v")).toEqual({ kind: "global" });
    expect(find("A").resolve("v")).toEqual({ kind: "classns" });
  });
  it("detects generators and qualnames", async () => {
    const { find } = await scopes("class A:\n    def m(self):\n        def inner():\n            yield 1\n        return inner\n");
    expect(find("inner").isGenerator).toBe(true);
    expect(find("inner").qualname()).toBe("A.m.<locals>.inner");
  });
});

describe("transpileModule", () => {
  it("emits line markers and a module init", async () => {
    const r = await transpileModule("x = 1\nprint(x)\n", opts);
    expect(r.diagnostics).toEqual([]);
    expect(r.rust).toContain("pub fn init(module: &Value) -> PyResult<()>");
    expect(r.rust).toContain("// py:2");
    expect(r.rust).toContain('call_builtin("print"');
  });
  it("does not use the builtin fast path for shadowed names", async () => {
    const r = await transpileModule("def len(x):\n    return 0\nprint(len([1]))\n", opts);
    expect(r.rust).toContain('load_global(&module, "len")');
    expect(r.rust).not.toContain('call_builtin("len"');
  });
  it("reports unsupported constructs with 1-based line:col", async () => {
    const r = await transpileModule("x = 1\nprint(locals())\nasync def f():\n    pass\n", opts);
    expect(r.diagnostics.map((d) => [d.line, d.col, d.message])).toEqual([
      [2, 7, "locals() needs interpreter frames and is not supported"],
      [3, 1, "async functions are not supported"],
    ]);
    expect(r.diagnostics[0]!.construct).toBe("call: locals()");
  });
  it("reports two yields in one generator statement and complex literals", async () => {
    const r = await transpileModule("def g():\n    x = (yield 1) + (yield 2)\nz = 2j\n", opts);
    expect(r.diagnostics.map((d) => [d.line, d.col])).toEqual([
      [2, 5],
      [3, 5],
    ]);
  });
  it("lowers yield inside try/finally, send() values and generator docstrings", async () => {
    const r = await transpileModule('def g():\n    """doc"""\n    try:\n        x = yield 1\n        print(x)\n    finally:\n        print("done")\n', opts);
    expect(r.diagnostics).toEqual([]);
  });
  it("lowers yield inside with and match, and generators nested in generators", async () => {
    const src =
      "def g(xs):\n    def inner():\n        yield 1\n    with open('f') as fh:\n        yield fh\n    match xs:\n        case [a]:\n            yield a\n    yield from inner()\n";
    const r = await transpileModule(src, opts);
    expect(r.diagnostics).toEqual([]);
    expect(r.rust).toContain("gen_closable(");
    expect(r.rust).toContain('"__exit__"');
    expect(r.rust).toContain("gen_delegate(");
  });
  it("reports syntax errors", async () => {
    const r = await transpileModule("def f(:\n", opts);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics[0]!.message).toMatch(/syntax error/);
  });
  it("resolves relative imports into absolute module names", async () => {
    const r = await transpileModule("from .base import Shape\nfrom . import util\nimport os.path\n", {
      moduleName: "pkg.mod",
      path: "pkg/mod.py",
      isPackage: false,
    });
    expect(r.imports).toEqual(expect.arrayContaining(["pkg.base", "pkg", "os.path"]));
    expect(r.diagnostics).toEqual([]);
  });
  it("compiles match statements", async () => {
    const r = await transpileModule(
      "match x:\n    case [1, *rest] | (2, *rest):\n        pass\n    case {'k': v}:\n        pass\n    case _:\n        pass\n",
      opts,
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.rust).toContain("match_sequence(");
    expect(r.rust).toContain("mapping_get(");
  });
  it("links modules into main.rs", async () => {
    const a = await transpileModule("print(1)\n", { moduleName: "a.b", path: "a/b.py", isPackage: false });
    const main = linkProgram("a.b", [a]);
    expect(main).toContain("mod m_a_db {");
    expect(main).toContain('register_module("a.b", m_a_db::init);');
    expect(main).toContain('run_main("a.b")');
  });
  it("stars the whole item when tree-sitter parses `*a.b` / `*f()` as a primary over a splat", async () => {
    const r = await transpileModule("class S:\n    items = [1]\nx = [*S.items, *sorted('ba')], {*S.items[0:]}, *S.items\n", opts);
    expect(r.diagnostics).toEqual([]);
    expect(r.rust.match(/unpack_iterable\(/g)?.length).toBe(4);
  });
  it("reads `:=` at the top of an f-string field as a format spec starting with `=`", async () => {
    const r = await transpileModule('n = -255\nprint(f"{n:=+8}", f"{n:=^{n}}", f"{(y:=5)}", f"{n=:=>9}")\n', opts);
    expect(r.diagnostics).toEqual([]);
    expect(r.rust).toContain('"n")?, "=+8")');
    expect(r.rust).toContain('_sp.push_str("=^")');
    expect(r.rust).toContain('String::from("n="); _p.push_str(&format_value(&load_global(&module, "n")?, "=>9")');
    expect(r.rust).toContain('store_global(&module, "y"');
    expect(r.rust.match(/store_global\(&module, "n"/g)?.length).toBe(1);
  });
  it("builds constant set displays the way CPython's frozenset constant does", async () => {
    const r = await transpileModule("v = 1\na = {1, -2, (3, 4)}\nb = {1, 2}\nc = {1, 2, v}\nfor x in {1, 2}:\n    pass\n", opts);
    expect(r.diagnostics).toEqual([]);
    expect(r.rust).toContain("new_set_const(vec![Value::Int(1), Value::Int(-2), new_tuple(");
    expect(r.rust.match(/new_set\(/g)?.length).toBe(2);
    expect(r.rust).toContain("new_frozenset(unpack_iterable(&new_frozenset(vec![Value::Int(1), Value::Int(2)])?)?)?");
  });
  it("passes an owned value to ascii() for `!a`", async () => {
    const r = await transpileModule('y = "e"\nprint(f"{y + y!a}")\n', opts);
    expect(r.rust).toMatch(/call_builtin\("ascii", vec!\[add\(/);
  });
  it("f-string self-documenting expressions keep source text", async () => {
    const r = await transpileModule("n = 1\nprint(f'{n * 2 = }')\n", opts);
    expect(r.rust).toContain('String::from("n * 2 = ")');
    expect(r.rust).toContain("to_repr(");
  });
});
