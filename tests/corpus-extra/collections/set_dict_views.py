# Sets, frozensets, dict views, comprehension varieties, and mapping iteration.
inventory = {"apples": 3, "pears": 0, "kiwis": 7, "plums": 2}
keys = inventory.keys()
vals = inventory.values()
items = inventory.items()
print(keys, vals, items)
inventory["figs"] = 5
print(len(keys), "figs" in keys, sorted(vals), list(items)[-1])
print(keys & {"apples", "grapes"}, keys - {"pears"} == {"apples", "kiwis", "plums", "figs"})
in_stock = {k for k, v in inventory.items() if v}
print(sorted(in_stock), len(in_stock))
for k in list(inventory):
    if inventory[k] == 0:
        del inventory[k]
print(inventory)
print(inventory.pop("kiwis"), inventory.pop("nope", None), inventory.setdefault("limes", 9), inventory)
print(inventory.popitem(), inventory)
fs = frozenset([3, 1, 2])
print(fs, fs | {4}, frozenset() == set(), {fs: "ok"}[frozenset({1, 2, 3})])
a = set("abracadabra")
b = set("alacazam")
print(sorted(a), sorted(a - b), sorted(a | b), sorted(a & b), sorted(a ^ b))
a.add("z")
a.discard("q")
a.remove("z")
print(len(a), a.issubset(a | b), a.issuperset({"a"}), a.union([1]) == a | {1})
try:
    a.remove("q")
except KeyError as e:
    print("KeyError", e)
squares = {x: x * x for x in range(6)}
evens = {k: v for k, v in squares.items() if k % 2 == 0}
print(squares, evens, sum(squares.values()), max(squares, key=squares.get))
counts = {}
for w in "a b a c b a".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, sorted(counts, key=counts.get, reverse=True))
merged = dict(squares)
merged.update({10: 100}, extra=1)
print(merged)
print({1, 2, 3} == {3, 2, 1}, {1: "a"} == {1: "a"}, [1, 2] == (1, 2), set() or "empty")
print({(1, 2), (1, 2), (2, 1)}, len({1, 1.0, True}), {None: 0}.get(None))
print(list(zip(*[(1, "a"), (2, "b")])), dict([("k", 1), ("j", 2)]), sorted({3: 1, 1: 2}.items()))
grid = {(r, c): r * 3 + c for r in range(2) for c in range(3)}
print(grid[(1, 2)], [k for k, v in grid.items() if v % 2], min(grid.items(), key=lambda kv: -kv[1]))
