import { describe, expect, it } from "vitest";
import { importClosure } from "./closure.ts";

describe("import closure", () => {
  const known = new Set(["main", "models", "money", "shapes", "shapes.base", "shapes.circle", "unused"]);
  const imports: Record<string, string[]> = {
    main: ["models", "shapes"],
    models: ["money"],
    money: [],
    shapes: ["shapes.base", "shapes.circle"],
    "shapes.base": [],
    "shapes.circle": ["shapes.base"],
  };

  it("follows imports, parents and package submodules transitively", () => {
    const c = importClosure("main", (m) => imports[m], known);
    expect(c.modules).toEqual(["main", "models", "money", "shapes", "shapes.base", "shapes.circle"]);
    expect(c.missing).toEqual([]);
    expect(c.pending).toEqual([]);
  });

  it("reports missing modules and modules not transpiled yet", () => {
    const c = importClosure("main", (m) => (m === "money" ? undefined : m === "models" ? ["money", "nowhere"] : imports[m]), known);
    expect(c.missing).toEqual(["nowhere"]);
    expect(c.pending).toEqual(["money"]);
  });
});

describe("import closure for an entry in a subfolder", () => {
  it("resolves neighbours relative to the entry's folder", () => {
    const known = new Set(["app.main", "app.stock", "stock"]);
    const c = importClosure("app.main", (m) => ({ "app.main": ["stock"], "app.stock": [], stock: [] })[m], known, "app");
    expect(c.modules).toEqual(["app.main", "app.stock"]);
  });
});

describe("import closure with from-imports", () => {
  it("treats `from m import name` as an attribute of m when m.name is not a module", () => {
    const known = new Set(["main", "stock"]);
    const c = importClosure("main", (m) => ({ main: ["stock", "stock.Item"], stock: [] })[m], known);
    expect(c.modules).toEqual(["main", "stock"]);
    expect(c.missing).toEqual([]);
  });
});
