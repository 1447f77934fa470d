"""os.path: CPython 3.11's posixpath, the pure string functions.

Left out (they need the file system, the environment or the working directory): exists, isfile,
isdir, islink, getsize, getmtime, ..., expanduser, expandvars, realpath, abspath of a relative
path, samefile. relpath() is given when its result does not depend on the working directory.
"""

curdir = "."
pardir = ".."
extsep = "."
sep = "/"
pathsep = ":"
defpath = "/bin:/usr/bin"
altsep = None
devnull = "/dev/null"
supports_unicode_filenames = False


from os import fspath as _fspath  # os binds fspath before it imports this module


def _get_sep(path):
    if isinstance(path, bytes):
        return b"/"
    return "/"


def _check_arg_types(funcname, args):
    hasstr = False
    hasbytes = False
    for s in args:
        if isinstance(s, str):
            hasstr = True
        elif isinstance(s, bytes):
            hasbytes = True
        else:
            raise TypeError("%s() argument must be str, bytes, or os.PathLike object, not %r"
                            % (funcname, type(s).__name__))
    if hasstr and hasbytes:
        raise TypeError("Can't mix strings and bytes in path components")


def normcase(s):
    """Normalize case of pathname.  Has no effect under Posix"""
    return _fspath(s)


def isabs(s):
    """Test whether a path is absolute"""
    s = _fspath(s)
    return s.startswith(_get_sep(s))


def join(a, *p):
    """Join two or more pathname components, inserting '/' as needed."""
    a = _fspath(a)
    sep = _get_sep(a)
    path = a
    parts = []
    for b in p:
        if isinstance(b, (str, bytes)):
            parts.append(b)
        else:
            try:
                parts.append(_fspath(b))
            except TypeError:
                _check_arg_types("join", [a] + list(p))
                raise
    for b in parts:
        if isinstance(b, bytes) != isinstance(a, bytes):
            _check_arg_types("join", [a] + list(p))
        if b.startswith(sep):
            path = b
        elif not path or path.endswith(sep):
            path += b
        else:
            path += sep + b
    return path


def split(p):
    """Split a pathname into (head, tail) where tail is everything after the final slash."""
    p = _fspath(p)
    sep = _get_sep(p)
    i = p.rfind(sep) + 1
    head = p[:i]
    tail = p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def _splitext(p, sep, extsep):
    sep_index = p.rfind(sep)
    dot_index = p.rfind(extsep)
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index:filename_index + 1] != extsep:
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def splitext(p):
    """Split the extension from a pathname: (root, ext), ext may be empty."""
    p = _fspath(p)
    if isinstance(p, bytes):
        return _splitext(p, b"/", b".")
    return _splitext(p, "/", ".")


def splitdrive(p):
    """Split a pathname into drive and path. On Posix, drive is always empty."""
    p = _fspath(p)
    return p[:0], p


def basename(p):
    """Returns the final component of a pathname"""
    p = _fspath(p)
    sep = _get_sep(p)
    i = p.rfind(sep) + 1
    return p[i:]


def dirname(p):
    """Returns the directory component of a pathname"""
    p = _fspath(p)
    sep = _get_sep(p)
    i = p.rfind(sep) + 1
    head = p[:i]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def normpath(path):
    """Normalize path, eliminating double slashes, etc."""
    path = _fspath(path)
    if isinstance(path, bytes):
        sep = b"/"
        empty = b""
        dot = b"."
        dotdot = b".."
    else:
        sep = "/"
        empty = ""
        dot = "."
        dotdot = ".."
    if path == empty:
        return dot
    initial_slashes = 1 if path.startswith(sep) else 0
    if initial_slashes and path.startswith(sep * 2) and not path.startswith(sep * 3):
        initial_slashes = 2
    comps = path.split(sep)
    new_comps = []
    for comp in comps:
        if comp == empty or comp == dot:
            continue
        if (comp != dotdot or (not initial_slashes and not new_comps)
                or (new_comps and new_comps[-1] == dotdot)):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = sep.join(new_comps)
    if initial_slashes:
        path = sep * initial_slashes + path
    return path or dot


def abspath(path):
    """Return an absolute path (given only for an absolute path: no working directory here)."""
    path = _fspath(path)
    if not isabs(path):
        raise NotImplementedError("os.path.abspath() of a relative path needs the working directory")
    return normpath(path)


def commonprefix(m):
    """Given a list of pathnames, returns the longest common leading component"""
    if not m:
        return ""
    if not isinstance(m[0], (list, tuple)):
        m = tuple([_fspath(x) for x in m])
    s1 = min(m)
    s2 = max(m)
    i = 0
    for c in s1:
        if c != s2[i]:
            return s1[:i]
        i += 1
    return s1


def _above_start(p, sep, pardir):
    """Does normpath(p) climb above its starting directory?"""
    return normpath(p).split(sep)[0] == pardir


def relpath(path, start=None):
    """Return a relative version of a path (given when the answer does not depend on the
    working directory)."""
    if not path:
        raise ValueError("no path specified")
    path = _fspath(path)
    if isinstance(path, bytes):
        curdir = b"."
        sep = b"/"
        pardir = b".."
    else:
        curdir = "."
        sep = "/"
        pardir = ".."
    if start is None:
        start = curdir
    else:
        start = _fspath(start)
    _check_arg_types("relpath", [path, start])
    path_abs = isabs(path)
    start_abs = isabs(start)
    if path_abs != start_abs or (not path_abs and (_above_start(path, sep, pardir)
                                                   or _above_start(start, sep, pardir))):
        raise NotImplementedError("os.path.relpath(): this result needs the working directory")
    start_list = [x for x in normpath(start).split(sep) if x and x != curdir]
    path_list = [x for x in normpath(path).split(sep) if x and x != curdir]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return curdir
    return join(*rel_list)


def commonpath(paths):
    """Given a sequence of path names, returns the longest common sub-path."""
    if not paths:
        raise ValueError("commonpath() arg is an empty sequence")
    paths = tuple([_fspath(p) for p in paths])
    if isinstance(paths[0], bytes):
        sep = b"/"
        curdir = b"."
    else:
        sep = "/"
        curdir = "."
    _check_arg_types("commonpath", paths)
    split_paths = [path.split(sep) for path in paths]
    kinds = set([p[:1] == sep for p in paths])
    if len(kinds) != 1:
        raise ValueError("Can't mix absolute and relative paths")
    isabs = paths[0][:1] == sep
    split_paths = [[c for c in s if c and c != curdir] for s in split_paths]
    s1 = min(split_paths)
    s2 = max(split_paths)
    common = s1
    i = 0
    for c in s1:
        if c != s2[i]:
            common = s1[:i]
            break
        i += 1
    prefix = sep if isabs else sep[:0]
    return prefix + sep.join(common)
