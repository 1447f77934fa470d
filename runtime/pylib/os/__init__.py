"""os: the parts that do not need the operating system (a WASM program has no file system,
environment or working directory here): the path constants, fspath, and the os.path module.

Left out: getcwd, environ, getenv, listdir, walk, stat, mkdir, remove, ..., urandom, getpid,
cpu_count.
"""

name = "posix"
linesep = "\n"
curdir = "."
pardir = ".."
extsep = "."
sep = "/"
pathsep = ":"
defpath = "/bin:/usr/bin"
altsep = None
devnull = "/dev/null"
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


def fspath(path):
    """Return the file system path representation of the object."""
    if isinstance(path, (str, bytes)):
        return path
    if not hasattr(path, "__fspath__"):
        raise TypeError("expected str, bytes or os.PathLike object, not " + type(path).__name__)
    path_repr = path.__fspath__()
    if isinstance(path_repr, (str, bytes)):
        return path_repr
    raise TypeError("expected %s.__fspath__() to return str or bytes, not %s"
                    % (type(path).__name__, type(path_repr).__name__))


from os import path
