"""Path bookkeeping for a build tool: normalising, grouping by extension, relative links."""
import os
import os.path
from os.path import join, splitext, basename, dirname, normpath
from collections import defaultdict


class Artifact:
    def __init__(self, path):
        self.path = path

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return f"Artifact({self.path!r})"


SOURCES = [
    "src/app/main.py", "src/app/../lib/util.py", "./src/lib/helpers.py", "src//lib/io/readers.py",
    "docs/index.md", "docs/guide/../api.md", "build/out.tar.gz", ".gitignore", "README",
    "/opt/tools/bin/lint", "/opt/tools/share/../bin/fmt", "src/app/static/logo.min.svg",
    "tests/test_main.py", "../outside/notes.txt", "src/lib/", "//net/share/x.cfg",
]


def describe(p):
    root, ext = splitext(p)
    head, tail = os.path.split(p)
    return (f"{p!r:36} norm={normpath(p)!r:28} dir={dirname(p)!r:22} base={basename(p)!r:16} "
            f"root={root!r} ext={ext!r} split={(head, tail)!r} abs={os.path.isabs(p)}")


def main():
    print("sep", repr(os.sep), "linesep", repr(os.linesep), "curdir", os.curdir, "pardir", os.pardir,
          "extsep", os.extsep, "pathsep", os.pathsep, "altsep", os.altsep, "devnull", os.devnull)
    print("== describe")
    for p in SOURCES:
        print(describe(p))
    print("== by extension")
    groups = defaultdict(list)
    for p in SOURCES:
        ext = splitext(p)[1] or "<none>"
        groups[ext].append(normpath(p))
    for ext in sorted(groups):
        print(f"  {ext:8} {sorted(groups[ext])}")
    print("== join")
    print(" ", join("src", "app", "main.py"))
    print(" ", join("src/", "/abs", "x"))
    print(" ", join("", "a", ""), join("a", ""), join("/", "etc", "hosts"))
    print(" ", os.path.join(*["build", "dist", "pkg-1.0.tar.gz"]))
    print(" ", join(Artifact("out"), Artifact("bin/tool")), os.fspath(Artifact("z")))
    print("== common")
    tree = [normpath(p) for p in SOURCES if p.startswith(("src", "./src"))]
    print("  commonpath:", os.path.commonpath(tree))
    print("  commonprefix:", os.path.commonprefix(tree))
    print("  commonpath abs:", os.path.commonpath(["/opt/tools/bin/lint", "/opt/tools/share/x"]))
    print("  commonprefix lists:", os.path.commonprefix([["a", "b", "c"], ["a", "b", "d"]]))
    print("== relative links")
    pairs = [("/opt/tools/bin/lint", "/opt/tools/share/doc"), ("/srv/www/a/b.html", "/srv/www"),
             ("/a/b", "/a/b"), ("/x/y", "/"), ("docs/api.md", "src/app"), ("src/lib/io", "src")]
    for target, start in pairs:
        print(f"  {target} from {start}: {os.path.relpath(target, start)}")
    print("== mirror to build/")
    for p in SOURCES:
        n = normpath(p)
        if os.path.isabs(n) or n.startswith(".."):
            print(f"  skip {n}")
            continue
        stem, ext = splitext(basename(n))
        out = join("build", dirname(n), stem + (".o" if ext == ".py" else ext or ".bin"))
        print(f"  {n} -> {out}")
    print("== errors")
    for bad in [lambda: join("a", 5), lambda: basename(None), lambda: os.path.commonpath([]),
                lambda: os.path.commonpath(["/a", "b"]), lambda: os.fspath(3.5), lambda: os.path.relpath("")]:
        try:
            print("  ok?", bad())
        except (TypeError, ValueError) as e:
            print(f"  {type(e).__name__}: {e}")


main()
