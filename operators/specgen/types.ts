// Python type hints -> Rust and WIT types. Anything not expressible falls back to the runtime's
// dynamic `pyrt::Value` (and is left out of the typed WIT interface).
export interface MappedType {
  rust: string;
  wit: string | null;
}

const DYNAMIC: MappedType = { rust: "pyrt::Value", wit: null };

function splitArgs(inner: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of inner) {
    if (ch === "[") depth++;
    if (ch === "]") depth--;
    if (ch === "," && depth === 0) {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

export function mapType(hint: string | null): MappedType {
  if (!hint) return DYNAMIC;
  const h = hint.replace(/^typing\./, "").trim();
  switch (h) {
    case "int":
      return { rust: "i64", wit: "s64" };
    case "float":
      return { rust: "f64", wit: "f64" };
    case "str":
      return { rust: "String", wit: "string" };
    case "bool":
      return { rust: "bool", wit: "bool" };
    case "None":
      return { rust: "()", wit: null };
    case "bytes":
      return { rust: "Vec<u8>", wit: "list<u8>" };
  }
  const m = /^(\w+)\[(.*)\]$/.exec(h);
  if (!m) return DYNAMIC;
  const [, outer, inner] = m;
  const args = splitArgs(inner).map(mapType);
  const all = (f: (a: MappedType[]) => MappedType): MappedType => (args.some((a) => a.wit === null) ? { ...f(args), wit: null } : f(args));
  switch (outer) {
    case "list":
    case "List":
    case "Sequence":
      return all(([a]) => ({ rust: `Vec<${a.rust}>`, wit: `list<${a.wit}>` }));
    case "tuple":
    case "Tuple":
      return all((a) => ({ rust: `(${a.map((x) => x.rust).join(", ")}${a.length === 1 ? "," : ""})`, wit: `tuple<${a.map((x) => x.wit).join(", ")}>` }));
    case "dict":
    case "Dict":
      return all(([k, v]) => ({ rust: `Vec<(${k.rust}, ${v.rust})>`, wit: `list<tuple<${k.wit}, ${v.wit}>>` }));
    case "Optional":
      return all(([a]) => ({ rust: `Option<${a.rust}>`, wit: `option<${a.wit}>` }));
    default:
      return DYNAMIC;
  }
}

/** WIT identifiers are kebab-case. */
export function witName(python: string): string {
  return python
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/_+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();
}
