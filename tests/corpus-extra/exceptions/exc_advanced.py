# Exceptions: nested handlers, re-raise with context, exceptions in generators and comprehensions, custom __str__.
class AppError(Exception):
    code = 1
    def __init__(self, msg, *, detail=None):
        super().__init__(msg)
        self.detail = detail
    def __str__(self):
        base = super().__str__()
        return f"[{self.code}] {base}" + (f" ({self.detail})" if self.detail else "")

class DbError(AppError):
    code = 2

class NotFound(DbError, KeyError):
    code = 3

def lookup(db, key):
    try:
        return db[key]
    except KeyError:
        raise NotFound(f"missing {key}", detail="lookup") from None

db = {"a": 1}
for k in ("a", "b"):
    try:
        print("found", lookup(db, k))
    except KeyError as e:
        print(type(e).__name__, e, isinstance(e, AppError), e.code)
print([c.__name__ for c in NotFound.__mro__])
def gen_numbers(items):
    for it in items:
        try:
            yield int(it)
        except ValueError:
            yield -1
print(list(gen_numbers(["1", "x", "3"])))
try:
    [1 / x for x in (1, 0)]
except ZeroDivisionError as e:
    print("in comprehension:", e)
def cleanup_order():
    log = []
    try:
        try:
            log.append("try")
            raise ValueError("v")
        except ValueError:
            log.append("except")
            raise TypeError("t")
        finally:
            log.append("finally")
    except TypeError as e:
        log.append(f"outer {e} ctx={e.__context__!r}")
    return log
print(cleanup_order())
def returns_in_finally():
    try:
        raise RuntimeError("lost")
    finally:
        return "finally wins"
print(returns_in_finally())
def exc_in_loop():
    out = []
    for i in range(5):
        try:
            if i % 2:
                raise ValueError(i)
            out.append(i)
        except ValueError as e:
            out.append(f"e{e}")
            if i == 3:
                break
        else:
            out.append("ok")
    return out
print(exc_in_loop())
try:
    raise AppError("plain")
except AppError as e:
    print(e, repr(e), e.args, e.detail)
try:
    raise DbError("with detail", detail="x=1")
except Exception as e:
    print(str(e), type(e).__bases__[0].__name__)
err = ValueError("reused")
for i in range(2):
    try:
        raise err
    except ValueError as e:
        print(i, e is err)
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("wrapped") from e
except ValueError as e:
    print(e, "<-", e.__cause__, type(e.__cause__).__name__)
try:
    import nonexistent_module_xyz
except ImportError as e:
    print(type(e).__name__, e)
try:
    raise SystemExit(0) if False else StopIteration("s")
except StopIteration as e:
    print("StopIteration", e)
print(issubclass(NotFound, LookupError), issubclass(AppError, BaseException), Exception.__name__)
try:
    int("5") + "5"
except TypeError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
try:
    "abc".foo()
except AttributeError as e:
    print(e)
try:
    print(undefined_thing)
except NameError as e:
    print(e)
try:
    {}.pop("k")
except KeyError as e:
    print(repr(e))
try:
    x = [1, 2, 3]
    a, b = x
except ValueError as e:
    print(e)
try:
    max([])
except ValueError as e:
    print(e)
try:
    def f(a, b): pass
    f(1, 2, 3)
except TypeError as e:
    print(e)
try:
    f(1, c=2)
except TypeError as e:
    print(e)
