// import statements -> import_module / import_from.
import { type Node, field, fields, kids, named } from "./ast.ts";
import type { Gen } from "./context.ts";
import { rustStr } from "./names.ts";

/** Absolute module name of a `from` target (resolving leading dots against the package). */
export function resolveRelative(moduleName: string, isPackage: boolean, level: number, dotted: string): string | { error: string } {
  if (level === 0) return dotted;
  const parts = moduleName.split(".");
  const pkg = isPackage ? parts : parts.slice(0, -1);
  if (pkg.length === 0) return { error: "attempted relative import with no known parent package" };
  if (level - 1 >= pkg.length) return { error: "attempted relative import beyond top-level package" };
  const base = pkg.slice(0, pkg.length - (level - 1));
  return dotted ? `${base.join(".")}.${dotted}` : base.join(".");
}

export function emitImport(g: Gen, n: Node): string {
  const out: string[] = [];
  for (const c of fields(n, "name")) {
    if (c.type === "aliased_import") {
      const mod = field(c, "name")!.text.replace(/\s+/g, "");
      g.imports.add(mod);
      out.push(g.store(field(c, "alias")!.text, `import_module(${rustStr(mod)})?`));
    } else {
      const mod = c.text.replace(/\s+/g, "");
      g.imports.add(mod);
      const top = mod.split(".")[0]!;
      if (top === mod) out.push(g.store(top, `import_module(${rustStr(mod)})?`));
      else out.push(`let _ = import_module(${rustStr(mod)})?;\n${g.store(top, `import_module(${rustStr(top)})?`)}`);
    }
  }
  return out.join("\n");
}

export function emitImportFrom(g: Gen, n: Node): string {
  const modNode = field(n, "module_name")!;
  let level = 0;
  let dotted = "";
  if (modNode.type === "relative_import") {
    const prefix = kids(modNode).find((c) => c.type === "import_prefix");
    level = prefix ? prefix.text.replace(/\s+/g, "").length : 0;
    const dn = named(modNode).find((c) => c.type === "dotted_name");
    dotted = dn ? dn.text.replace(/\s+/g, "") : "";
  } else dotted = modNode.text.replace(/\s+/g, "");
  const abs = resolveRelative(g.moduleName, g.isPackage, level, dotted);
  if (typeof abs !== "string") {
    g.diag(n, abs.error);
    return "";
  }
  if (abs === "__future__") return "";
  g.imports.add(abs);
  const m = g.t("_mod");
  let code = `{\n    let ${m} = import_module(${rustStr(abs)})?;\n`;
  if (kids(n).some((c) => c.type === "wildcard_import")) {
    code += "    star_import(&module, &" + m + ")?;\n";
    return `${code}}`;
  }
  for (const c of fields(n, "name")) {
    let name: string;
    let alias: string;
    if (c.type === "aliased_import") {
      name = field(c, "name")!.text.replace(/\s+/g, "");
      alias = field(c, "alias")!.text;
    } else {
      name = c.text.replace(/\s+/g, "");
      alias = name;
    }
    if (name.includes(".")) {
      g.diag(c, "dotted name in from-import");
      continue;
    }
    g.imports.add(`${abs}.${name}`);
    code += `    ${g.store(alias, `import_from(&${m}, ${rustStr(name)})?`)}\n`;
  }
  return `${code}}`;
}
