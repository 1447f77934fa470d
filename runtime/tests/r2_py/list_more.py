xs = [3, 1, 4, 1, 5, 9, 2, 6]
print(sorted(xs), sorted(xs, reverse=True), xs.index(1), xs.index(1, 2), xs.count(1))
ys = xs.copy(); ys.sort(key=lambda v: -v); print(ys, xs)
pairs = [(2, "b"), (1, "a"), (2, "a"), (1, "b")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[1], reverse=True))
try:
    xs.index(42)
except ValueError as e:
    print("ValueError", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError", e)
try:
    [1].pop(5)
except IndexError as e:
    print("IndexError", e)
try:
    [1].remove(2)
except ValueError as e:
    print("ValueError", e)
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError", e)
zs = [1, 2, 3]
zs.insert(-10, 0); zs.insert(10, 4); zs.extend(range(5, 7)); zs.extend("ab"); zs.extend(zs[:2])
print(zs, zs.pop(-2), zs)
zs.reverse(); print(zs); zs.clear(); print(zs)
a = [1, 2]; a.extend(a); print(a)
t = (1, 2, 3, 2)
print(t.count(2), t.index(3))
try:
    t.index(9)
except ValueError as e:
    print("ValueError", e)
print(sorted("banana"), sorted({3: 1, 1: 2}), sorted({5, 2, 8}), sorted([3.5, -1.0, 2.25]), sorted([[2, 1], [1, 5], [1, 2]]))
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")), list(reversed(range(1, 10, 3))), list(reversed({"a": 1, "b": 2})))
print(list(enumerate("ab")), list(enumerate("ab", 5)), list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print("ValueError", e)
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(filter(None, [0, 1, "", "x", None, []])), list(map(str, range(3))))
print(sum([1, 2, 3]), sum([0.1] * 10), sum([[1], [2]], []), sum(range(101)), sum([1.5, 2], 10), sum([2**62, 2**62]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError", e)
print(min(3, 1, 2), max([1, 5, 3]), max("abc"), min([], default=None), max([(1, "b"), (1, "a")]), min(["bb", "a", "ccc"], key=len))
try:
    max([])
except ValueError as e:
    print("ValueError", e)
try:
    min(1)
except TypeError as e:
    print("TypeError", e)
print(any([]), all([]), any([0, 0, 1]), all([1, 1, 0]), any(x > 2 for x in range(5)), all(c.isalpha() for c in "abc"))
it = map(lambda v: v * 2, [1, 2, 3])
print(next(it), list(it), list(it))
e = enumerate([10, 20])
print(next(e), next(e), next(e, "done"))
print([i for i, _ in enumerate(range(3))], dict(enumerate("xy")), dict(zip("ab", [1, 2])))
m = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*m)), [list(r) for r in zip(*m)], list(map(sum, m)), max(m, key=sum))
f = xs.append
f(100)
print(xs[-1], f.__name__ if hasattr(f, "__name__") else "?")
print([1, 2] < [1, 3], [3] > [2, 9], sorted([[], [0], [-1, 5]]))
big = list(range(1000, 0, -1))
big.sort()
print(big[:3], big[-3:], sorted(range(20), key=lambda v: v % 3)[:8])
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"K({self.v})"
print(sorted([K(3), K(1), K(2)]), max([K(3), K(5), K(2)]), min(K(4), K(2)))
print(list(reversed(sorted([5, 2, 8]))), sorted([0.5, 1, -2, 3.25, True]))
