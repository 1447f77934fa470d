// Which imported modules come from Python's standard library, and which of those the pyrt runtime
// provides: natively (RUNTIME_MODULES, in step with runtime/src/stdlib*.rs) or written in Python
// (runtime/pylib, PYLIB_MODULES).
import { PYLIB_MODULES } from "../transpile/pylib-sources.ts";

export const RUNTIME_MODULES = new Set([
  "__future__",
  "math",
  "collections",
  "itertools",
  "functools",
  "string",
  "sys",
  "operator",
  "heapq",
  "bisect",
  "typing",
  "enum",
  "dataclasses",
  "abc",
  "copy",
  "random",
  "statistics",
  "textwrap",
  "json",
  "re",
  "contextlib",
  "io",
  "pprint",
  "time",
]);

/** Standard-library top-level module names (CPython 3.11), for telling stdlib imports from local ones. */
const PYTHON_STDLIB = new Set(
  `__future__ abc argparse array ast asyncio base64 binascii bisect builtins bz2 calendar cmath codecs collections
colorsys concurrent configparser contextlib contextvars copy copyreg csv ctypes dataclasses datetime decimal difflib
dis doctest email encodings enum errno faulthandler fileinput fnmatch fractions functools gc getopt getpass gettext
glob graphlib gzip hashlib heapq hmac html http imaplib importlib inspect io ipaddress itertools json keyword
linecache locale logging lzma marshal math mimetypes mmap multiprocessing numbers operator os pathlib pdb pickle
pkgutil platform pprint profile queue random re reprlib sched secrets select selectors shelve shlex shutil signal
site socket sqlite3 ssl stat statistics string stringprep struct subprocess sys sysconfig tarfile tempfile
textwrap threading time timeit tkinter token tokenize tomllib trace traceback types typing unicodedata unittest
urllib uuid warnings weakref xml zipfile zipimport zlib zoneinfo`.split(/\s+/),
);

export type ModuleOrigin = "stdlib" | "unsupported-stdlib" | "local";

export function classifyImport(absolute: string): ModuleOrigin {
  const top = absolute.split(".")[0];
  if (!PYTHON_STDLIB.has(top)) return "local";
  return RUNTIME_MODULES.has(top) || PYLIB_MODULES.has(top) ? "stdlib" : "unsupported-stdlib";
}
