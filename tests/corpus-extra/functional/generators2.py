# Generators: yield from, infinite generators, send, generator expressions, itertools.
import itertools

def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

def chain_all(*its):
    for it in its:
        yield from it

def delegator():
    result = yield from countdown(3)
    yield result

def running_avg():
    total = 0
    n = 0
    avg = None
    while True:
        value = yield avg
        total += value
        n += 1
        avg = total / n

print(list(countdown(5)), list(itertools.islice(fib(), 12)), list(chain_all([1, 2], "ab", range(2))))
print(list(delegator()))
g = countdown(2)
print(next(g), next(g), next(g, "done"))
try:
    next(g)
except StopIteration:
    print("stopped")
avg = running_avg()
next(avg)
print([avg.send(v) for v in (10, 20, 30, 40)])
squares = (x * x for x in range(10))
print(sum(squares), sum(squares), max((len(w), w) for w in ["aa", "b", "ccc"]))
print(list(itertools.chain([1], [2, 3])), list(itertools.chain.from_iterable(["ab", "cd"])))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([3, 1, 4], max)))
print(list(itertools.combinations("abcd", 2)), list(itertools.permutations([1, 2, 3], 2))[:4])
print(list(itertools.product("ab", repeat=2)), list(itertools.combinations_with_replacement("ab", 2)))
for key, grp in itertools.groupby(sorted("mississippi")):
    print(key, len(list(grp)), end=" | ")
print()
print(list(itertools.takewhile(lambda x: x < 5, fib())), list(itertools.dropwhile(lambda x: x < 3, [1, 4, 2])))
print(list(itertools.zip_longest("abc", [1], fillvalue="-")), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(list(itertools.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(itertools.islice(itertools.cycle("xy"), 5)))
print(list(itertools.repeat("z", 3)), list(zip(itertools.count(10, 5), "abc")), list(itertools.pairwise([1, 2, 4, 7])))
def tree_walk(node, depth=0):
    name, children = node
    yield "  " * depth + name
    for ch in children:
        yield from tree_walk(ch, depth + 1)
tree = ("root", [("a", [("a1", []), ("a2", [])]), ("b", [])])
print("\n".join(tree_walk(tree)))
gen = (i for i in range(3))
print(type(gen).__name__, list(gen), list(gen))
def evens():
    for i in range(10):
        if i % 2:
            continue
        yield i
e = evens()
print(next(e), list(e), list(enumerate(evens(), 1))[:2], dict(zip(evens(), "abcde")))
