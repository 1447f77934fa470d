// rustc diagnostics -> Python locations: generated code marks each statement with `// py:LINE`
// comments and each module with `// Python module NAME`, so an error in main.rs maps back to the source.
export interface RustError {
  message: string;
  rustLine: number;
  rustCol: number;
}

export function parseRustcErrors(stderr: string): RustError[] {
  const errors: RustError[] = [];
  const lines = stderr.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^error(\[E\d+\])?: (.*)$/.exec(lines[i]);
    if (!m) continue;
    let rustLine = 0;
    let rustCol = 0;
    for (let j = i + 1; j < Math.min(lines.length, i + 4); j++) {
      const loc = /-->\s+.*?:(\d+):(\d+)/.exec(lines[j]);
      if (loc) {
        rustLine = Number(loc[1]);
        rustCol = Number(loc[2]);
        break;
      }
    }
    if (m[2].startsWith("aborting due to")) continue;
    errors.push({ message: m[2], rustLine, rustCol });
  }
  return errors;
}

export interface PythonLocation {
  module: string | null;
  line: number;
}

/** Nearest `// py:N` marker at or above a main.rs line, and the module it belongs to. */
export function pythonLocation(rust: string, rustLine: number): PythonLocation {
  const lines = rust.split("\n");
  let line = 0;
  let module: string | null = null;
  for (let i = Math.min(rustLine, lines.length) - 1; i >= 0; i--) {
    if (!line) {
      const py = /\/\/ py:(\d+)/.exec(lines[i]);
      if (py) line = Number(py[1]);
    }
    const mod = /\/\/ Python module ([\w.]+)/.exec(lines[i]);
    if (mod) {
      module = mod[1];
      break;
    }
  }
  return { module, line };
}
