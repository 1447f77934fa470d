from operator import itemgetter, attrgetter
from itertools import groupby
s = "racecar level hello"
print("".join(reversed(s)), s[::-1], any(map(str.isdigit, s)), sum(map(int, str(9876))), list(map(list, zip(*["ab", "cd"]))))
words = "the cat the dog a cat".split()
print(sorted(set(words), key=words.index), dict(sorted({"b": 1, "a": 2}.items())), {k: v for k, v in zip("abc", range(3))})
rows = [("x", 1), ("y", 2), ("x", 3), ("y", 4), ("z", 5)]
for k, g in groupby(sorted(rows, key=itemgetter(0)), key=itemgetter(0)):
    print(k, list(map(itemgetter(1), g)))
class Emp:
    def __init__(self, n, a): self.name, self.age = n, a
    def __repr__(self): return f"Emp({self.name})"
es = [Emp("b", 30), Emp("a", 25), Emp("c", 30)]
print(sorted(es, key=attrgetter("age", "name")), max(es, key=attrgetter("age")), min(es, key=lambda e: e.name))
print(list(enumerate(zip("ab", "cd"), start=1)), [i * j for i, j in zip(range(3), range(3, 6))])
nums = [5, 3, 8, 1]
nums.sort(reverse=True); print(nums, nums.index(max(nums)), sorted(nums, key=lambda x: (x % 2, x)))
matrix = [[1, 2], [3, 4], [5, 6]]
print([[row[i] for row in matrix] for i in range(2)], list(map(sum, zip(*matrix))), sum(sum(r) for r in matrix))
print("{:^10}".format("mid"), "{:-^10}".format("x"), "|".join(f"{n:>3}" for n in [1, 22, 333]))
inventory = {"apple": 3, "pear": 0, "kiwi": 5}
print([k for k, v in inventory.items() if v], sorted(inventory, key=inventory.get), max(inventory.values()), sum(inventory.values()))
print(list(filter(lambda kv: kv[1] > 2, inventory.items())), dict(filter(lambda kv: kv[1], inventory.items())))
text = "a-b-c"
print(text.split("-", 1), text.rsplit("-", 1), text.partition("-")[2], "-".join(text.split("-")[::-1]))
print(sorted("Hello World".lower().replace(" ", "")), "".join(sorted(set("mississippi"))), "ab" in "cabd", "x".join("") == "")
counts = {}
for w in words:
    counts.setdefault(w, []).append(len(w))
print(counts, {w: words.count(w) for w in set(words)} == {"the": 2, "cat": 2, "dog": 1, "a": 1})
stack = [1, 2, 3]
while stack:
    print(stack.pop(), end=" ")
print()
print(list(range(10))[::3], list(reversed(range(5)))[1:3], [x for x in range(20) if x % 3 == 0][-2:])
print(str(list(map(str, [1, 2]))), repr(list(map(repr, ["a"]))), tuple(sorted({3, 1, 2})), sorted([(1, "b"), (1, "a")], key=lambda t: t[1]))
