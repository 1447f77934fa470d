# Dict/list/set operations on an inventory; sorting with keys; nested structures.
from collections import Counter, defaultdict, OrderedDict, namedtuple, deque, ChainMap

Item = namedtuple("Item", ["name", "category", "price", "qty"])
stock = [
    Item("pen", "office", 1.2, 100),
    Item("stapler", "office", 7.5, 12),
    Item("apple", "food", 0.5, 200),
    Item("bread", "food", 2.25, 30),
    Item("laptop", "tech", 999.0, 4),
    Item("mouse", "tech", 19.99, 25),
]
by_cat = defaultdict(list)
for it in stock:
    by_cat[it.category].append(it.name)
print(dict(by_cat))
value = {it.name: round(it.price * it.qty, 2) for it in stock}
print(sorted(value.items(), key=lambda kv: kv[1], reverse=True)[:3])
print(stock[0], stock[0]._asdict(), stock[1]._replace(qty=0))
cats = Counter(it.category for it in stock)
print(cats, cats.most_common(1), cats["none"])
words = Counter("the cat and the hat and the bat".split())
print(words.most_common(2), sum(words.values()), list(words.elements())[:4])
c2 = Counter(a=3, b=1) - Counter(a=1, b=2)
print(c2, Counter(a=1) + Counter(a=2, b=1), Counter("aab") & Counter("abb"))
od = OrderedDict()
od["z"] = 1
od["a"] = 2
od.move_to_end("z")
print(od, list(od.keys()), od.popitem(last=False))
dq = deque([1, 2, 3], maxlen=4)
dq.appendleft(0)
dq.append(4)
dq.rotate(-1)
print(dq, dq[0], len(dq), dq.popleft(), list(reversed(dq)))
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm))
s1 = {it.category for it in stock}
s2 = {"food", "toys"}
print(sorted(s1 | s2), sorted(s1 & s2), sorted(s1 - s2), sorted(s1 ^ s2), s2 <= s1, s1.isdisjoint({"x"}))
d = {"b": 2, "a": 1}
d |= {"c": 3}
print(d, {**d, "a": 10}, list(d), list(d.values()), "a" in d, d.get("z", "?"))
nested = {"x": {"y": [1, 2, {"z": 3}]}}
nested["x"]["y"][2]["z"] += 10
print(nested, nested["x"]["y"][-1])
matrix = [[i * j for j in range(4)] for i in range(3)]
print(matrix, [row[1] for row in matrix], list(map(list, zip(*matrix))))
flat = [x for row in matrix for x in row if x]
print(flat, sorted(flat, reverse=True)[:3], sorted(set(flat)))
print(sorted(stock, key=lambda it: (it.category, -it.price))[0].name)
print(min(stock, key=lambda it: it.price).name, max(it.qty for it in stock))
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv, dict(zip("abc", range(3))), dict.fromkeys(["x", "y"], 0), list(enumerate("ab")))
