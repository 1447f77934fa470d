from contextlib import contextmanager, suppress, nullcontext
@contextmanager
def tag(name):
    print(f"<{name}>")
    yield name.upper()
    print(f"</{name}>")
with tag("b") as t:
    print("inside", t)
with suppress(KeyError, IndexError):
    {}["x"]
print("after suppress")
with nullcontext(5) as n:
    print(n)
@contextmanager
def swallow():
    try:
        yield
    except ZeroDivisionError:
        print("handled zero")
with swallow():
    1 / 0
print("done")
