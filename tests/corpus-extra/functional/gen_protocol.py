# Generator protocol: send, throw, close-free cleanup via finally, contextmanager with exceptions.
import contextlib

def accumulate():
    total = 0
    while True:
        try:
            x = yield total
        except ValueError as e:
            print("  gen caught", e)
            total = 0
            continue
        if x is None:
            break
        total += x
    return total

g = accumulate()
print(next(g), g.send(5), g.send(7))
print(g.throw(ValueError("reset")), g.send(3))
try:
    g.send(None)
except StopIteration as e:
    print("finished with", e.value)

@contextlib.contextmanager
def managed(name):
    print("enter", name)
    try:
        yield name
    except KeyError as e:
        print("manager handled KeyError", e)
    else:
        print("no error in", name)
    finally:
        print("exit", name)

with managed("a") as n:
    print("body", n)
with managed("b"):
    raise KeyError("k")
try:
    with managed("c"):
        raise TypeError("not handled")
except TypeError as e:
    print("outer got", e)

@contextlib.contextmanager
def timer(label, log):
    log.append(f"start {label}")
    try:
        yield log
    finally:
        log.append(f"end {label}")

log = []
with timer("x", log) as lg, timer("y", log):
    lg.append("work")
print(log)

def walker(items):
    for i, it in enumerate(items):
        try:
            if it is None:
                return "stopped"
            yield it
        finally:
            print("  after item", i)
    yield "end"

print(list(walker([1, 2])))
print(list(walker([1, None, 3])))

def nested():
    try:
        for i in range(5):
            try:
                if i == 2:
                    continue
                if i == 4:
                    break
                yield i
            finally:
                print("  inner finally", i)
    finally:
        print("  outer finally")
    yield "done"

print(list(nested()))

def echo():
    received = []
    while len(received) < 3:
        received.append((yield len(received)))
    yield received

e = echo()
print(next(e), e.send("a"), e.send("b"), e.send("c"))

def safe_gen():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        raise
    except Exception as ex:
        yield f"recovered from {type(ex).__name__}"

s = safe_gen()
print(next(s), s.throw(RuntimeError("boom")))
