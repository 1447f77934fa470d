# Context managers (class-based and contextlib), suppress, exception groups of cleanup steps.
import contextlib

class Resource:
    opened = []

    def __init__(self, name, fail_on_exit=False):
        self.name = name
        self.fail_on_exit = fail_on_exit

    def __enter__(self):
        Resource.opened.append(self.name)
        print(f"open {self.name}")
        return self

    def __exit__(self, exc_type, exc, tb):
        Resource.opened.remove(self.name)
        print(f"close {self.name} exc={exc_type.__name__ if exc_type else None}")
        return exc_type is KeyError

with Resource("a") as r1, Resource("b") as r2:
    print("using", r1.name, r2.name, Resource.opened)
with Resource("c"):
    raise KeyError("swallowed")
print("after c")
try:
    with Resource("d"):
        raise ValueError("escapes")
except ValueError as e:
    print("caught", e)

@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")

with tag("div") as t:
    with tag("p"):
        print("  text", t)

with contextlib.suppress(ZeroDivisionError, KeyError):
    print("before")
    1 / 0
    print("never")
print("suppressed")

def process(items):
    results = []
    for it in items:
        try:
            if it < 0:
                raise ValueError(f"negative: {it}")
            results.append(10 // it)
        except ZeroDivisionError:
            results.append(None)
            continue
        except ValueError as e:
            print("skip", e)
            break
        finally:
            print("checked", it)
    return results

print(process([5, 0, 2, -1, 7]))

def risky(n):
    try:
        if n == 0:
            return "zero"
        return 10 / n
    finally:
        print("finally runs for", n)

print(risky(0), risky(4))
count = 0
while True:
    try:
        count += 1
        if count < 3:
            raise ConnectionError(f"attempt {count} failed")
        print("connected after", count)
        break
    except ConnectionError as e:
        print(e)
try:
    raise RuntimeError("outer") from None
except RuntimeError as e:
    print(e, e.__cause__, e.__suppress_context__)
try:
    try:
        raise TypeError("first")
    except TypeError:
        raise ValueError("second")
except ValueError as e:
    print(repr(e), repr(e.__context__))
