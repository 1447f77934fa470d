# Exercises generators that define helper generators, hold context managers across yields, dispatch with match, and PEP 479.
class Resource:
    log = []

    def __init__(self, name):
        self.name = name

    def __enter__(self):
        Resource.log.append(f"open {self.name}")
        return self

    def __exit__(self, exc_type, exc, tb):
        Resource.log.append(f"close {self.name}" + (f" after {exc_type.__name__}" if exc_type else ""))
        return False

    def read(self):
        return [f"{self.name}:{i}" for i in range(3)]

def records(names):
    def numbered(lines):
        for i, line in enumerate(lines, 1):
            yield i, line

    for name in names:
        with Resource(name) as res:
            for n, line in numbered(res.read()):
                if n == 2 and name == "skip":
                    break
                yield line

print(list(records(["a", "skip", "b"])))
print(Resource.log)
Resource.log.clear()
first = records(["x", "y"])
print(next(first), next(first))
first.close()
print(Resource.log)

def tokens(text):
    def words():
        for w in text.split():
            yield w

    for w in words():
        match w:
            case "+" | "-" | "*" | "/":
                yield ("op", w)
            case _ if w.isdigit():
                yield ("num", int(w))
            case _ if w.replace(".", "", 1).isdigit():
                yield ("num", float(w))
            case "(" | ")":
                yield ("paren", w)
            case _:
                yield ("name", w)

print(list(tokens("3 + x * ( 2.5 - y1 ) / 4")))
kinds = {}
for kind, value in tokens("a b 1 2 3 + -"):
    kinds.setdefault(kind, []).append(value)
print(kinds)

def pairs(items):
    it = iter(items)
    for a in it:
        yield a, next(it)

print(list(pairs("abcd")))
try:
    print(list(pairs("abcde")))
except RuntimeError as e:
    print("RuntimeError:", e)

def take_while_sum(limit):
    def naturals():
        n = 1
        while True:
            yield n
            n += 1

    total = 0
    for n in naturals():
        if total + n > limit:
            return total
        total += n
        yield n

gen = take_while_sum(20)
print(list(gen))
def collect(g):
    out = []
    try:
        while True:
            out.append(next(g))
    except StopIteration as stop:
        return out, stop.value
print(collect(take_while_sum(10)), collect(take_while_sum(0)))
