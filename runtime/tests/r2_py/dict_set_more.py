d = {"a": 1, "b": 2}
print(d.keys(), d.values(), d.items(), list(d.items()), len(d.keys()), "a" in d.keys(), 2 in d.values(), ("a", 1) in d.items())
k = d.keys(); d["c"] = 3; print(k, list(reversed(d)), list(reversed(d.keys())))
print(d.keys() & {"a", "z"}, d.keys() | {"z"} == {"a", "b", "c", "z"}, d.keys() - {"a"} == {"b", "c"}, d.keys() == {"a", "b", "c"})
print(d.get("z"), d.get("z", 0), d.setdefault("a", 9), d.setdefault("q"), d)
print(d.pop("q"), d.pop("zz", None), d.popitem(), d)
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError", e)
d.update([("x", 1)], y=2); d.update({"a": 100}); print(d)
try:
    d.update([(1, 2, 3)])
except ValueError as e:
    print("ValueError", e)
print(dict.fromkeys("ab"), dict.fromkeys([1, 2], []), d.copy() == d, d.copy() is d)
d.clear(); print(d, len(d))
s = {3, 1, 2}
s.add(4); s.discard(10); s.remove(1); print(sorted(s), s.pop() in {2, 3, 4}, len(s))
try:
    s.remove(99)
except KeyError as e:
    print("KeyError", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
a, b = {1, 2, 3}, {2, 3, 4}
print(a.union(b, [9]), a.intersection(b, {3}), a.difference(b), a.symmetric_difference(b), a.issubset({1, 2, 3, 4}), a.issuperset([1]), a.isdisjoint([7]))
c = a.copy(); c.update([5], (6,)); c.intersection_update(range(4, 10)); print(c)
c = {1, 2, 3, 4}; c.difference_update([1], [2]); c.symmetric_difference_update({4, 5}); print(c)
fs = frozenset([1, 2])
print(fs.union([3]), fs | {5}, fs.copy() is fs, type(fs.union()).__name__, frozenset("aba"))
print(set.union(*[{1}, {2}, {3}]), set().union(), {1, 2} == frozenset({1, 2}))
print({x % 3 for x in range(10)}, {"b", "a", "c"} - {"a"}, set("hello"))
nested = {"k": {"inner": [1, 2]}}
print(nested["k"]["inner"], {**d, "z": 1}, dict(a=1, **{"b": 2}))
print(sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]), max({"x": 3, "y": 9}.items(), key=lambda kv: kv[1]))
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts, key=counts.get, reverse=True))
print({1: "a", 2: "b"}.items() == {(1, "a"), (2, "b")}, list({}.keys()), type({}.keys()).__name__)
