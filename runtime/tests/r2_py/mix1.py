from collections import Counter, defaultdict, deque, namedtuple, OrderedDict
from itertools import groupby, product, permutations, combinations, chain, islice, count, accumulate
from functools import reduce, partial, lru_cache
import heapq, bisect, math, string

text = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity"""
words = [w.strip(string.punctuation).lower() for w in text.split()]
freq = Counter(words)
print(freq.most_common(4))
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
for w, n in top:
    print(f"{w:>10} {'#' * n} ({n})")
by_len = defaultdict(set)
for w in words:
    by_len[len(w)].add(w)
print({k: sorted(v) for k, v in sorted(by_len.items())})
letters = Counter(c for c in text.lower() if c.isalpha())
print(letters.most_common(3), sum(letters.values()), len(letters))
print(Counter("hello") + Counter("world"), Counter("aaa") - Counter("a"))
Student = namedtuple("Student", ["name", "grade", "age"])
students = [Student("ann", 88, 20), Student("bob", 72, 22), Student("cy", 95, 21), Student("dee", 72, 19)]
print(sorted(students, key=lambda s: (-s.grade, s.name))[0])
print(max(students, key=lambda s: s.age).name, [s.name for s in sorted(students, key=lambda s: s.grade)])
for grade, group in groupby(sorted(students, key=lambda s: s.grade), key=lambda s: s.grade):
    print(grade, [s.name for s in group])
def letter(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([letter(s) for s in [33, 99, 77, 70, 89, 90, 100]])
tasks = [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]
heapq.heapify(tasks)
order = []
while tasks:
    order.append(heapq.heappop(tasks)[1])
print(order)
print(list(product([0, 1], repeat=3))[:4], len(list(permutations("abcd"))), list(combinations([1, 2, 3, 4], 3)))
print(["".join(p) for p in permutations("abc")])
print(reduce(lambda acc, x: acc * 10 + x, [1, 2, 3, 4]), reduce(lambda a, b: a if len(a) >= len(b) else b, words))
print(list(islice(accumulate(count(1)), 5)), list(chain(*[[1, 2], [3]])))
@lru_cache(maxsize=None)
def ways(n, coins=(1, 5, 10, 25)):
    if n == 0:
        return 1
    if n < 0 or not coins:
        return 0
    return ways(n - coins[0], coins) + ways(n, coins[1:])
print(ways(100), ways.cache_info().currsize > 0)
q = deque(maxlen=3)
for i in range(10):
    q.append(i)
print(q, list(q), sum(q))
grid = ["#..#", ".##.", "#..#"]
print(["".join(row[i] for row in grid) for i in range(len(grid[0]))])
print("\n".join(line.center(10, ".") for line in ["a", "bbb", "ccccc"]))
table = [("apple", 1.5, 3), ("banana", 0.25, 12), ("cherry", 10, 1)]
for name, price, qty in table:
    print("{:<8}|{:>6.2f}|{:^5}|{:>7,.1f}".format(name, price, qty, price * qty * 1000))
od = OrderedDict(sorted({"b": 2, "a": 1, "c": 3}.items()))
print(od, list(od.keys()), od == {"a": 1, "b": 2, "c": 3})
caesar = str.maketrans(string.ascii_lowercase, string.ascii_lowercase[3:] + string.ascii_lowercase[:3])
print("hello world".translate(caesar))
print(" ".join(w.capitalize() for w in "the quick brown fox".split()), "x".join(sorted(set("mississippi"))))
print(math.floor(7 / 2), math.ceil(7 / 2), round(7 / 2), divmod(17, 5), math.gcd(48, 180), sum(range(1, 11)) / 10)
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([list(r) for r in zip(*matrix[::-1])], [sum(col) for col in zip(*matrix)], max(map(max, matrix)))
pairs = {frozenset({1, 2}): "a", frozenset({3}): "b"}
print(pairs[frozenset([2, 1])], sorted(map(sorted, pairs)))
dd = defaultdict(lambda: "N/A", {"x": 1})
print(dd["x"], dd["y"], sorted(dd.items()))
print(sorted("The Quick brown Fox".split(), key=str.casefold), sorted([-3, 1, -2], key=abs))
print(list(map(len, ["a", "bb"])), list(zip(*[("a", 1), ("b", 2)])))
