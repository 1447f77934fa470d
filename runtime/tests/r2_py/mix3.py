import operator, itertools, functools
xs = list(range(10))
print(list(zip(*[iter(xs)] * 3)), list(itertools.zip_longest(*[iter(xs)] * 4)))
print("{:*^30}".format(" hi "), "{:,}".format(10**9), "{:_}".format(10**6), "{0:b} {0:o} {0:x} {0:#X}".format(255), "%-10s|%+.3e" % ("ab", 12345.678))
words = ["Banana", "apple", "Cherry", "date"]
words.sort(key=str.lower); print(words, sorted(words, key=len, reverse=True), sorted({"a": 2, "b": 2, "c": 1}.items(), key=operator.itemgetter(1, 0)))
print(list(filter(str.isalpha, "a1b2 c")), functools.reduce(operator.or_, [{1}, {2}, {3}]), any(v in "hello" for v in "aeiou"), all(isinstance(v, int) for v in xs))
pts = [(3, 4), (-1, 1), (0, 2), (1, -1)]
print(min(pts, key=lambda p: (p[0] ** 2 + p[1] ** 2, p)), sorted(pts, key=lambda p: abs(p[0]) + abs(p[1])), " ".join(map(str, range(5))))
print(["".join(p) for p in itertools.permutations("abc", 3)][:4], list(itertools.product(range(2), "xy")), list(itertools.chain.from_iterable(map(range, [1, 2, 3]))))
print(dict(zip(["a", "b"], itertools.count(1))), list(itertools.islice(itertools.cycle([1, 2]), 5)), list(map(operator.mul, [1, 2], [3, 4])))
grid = [[0] * 3 for _ in range(3)]
for i, j in itertools.product(range(3), repeat=2):
    grid[i][j] = i * 3 + j
print(grid, [sum(row) for row in grid], list(map(max, *grid)))
text = "one two three two one two"
freq = {}
for w in text.split():
    freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])), max(freq, key=freq.get), min(freq.values()))
acc = list(itertools.accumulate([3, 1, 4, 1, 5], max)); print(acc, list(itertools.accumulate([1, 2, 3], lambda a, b: a * 10 + b)))
pairs = list(itertools.combinations(range(4), 2)); print(pairs, len(pairs), [a + b for a, b in pairs if (a + b) % 2])
print(sorted(set(itertools.permutations([1, 1, 2]))), list(itertools.groupby([1, 1, 2]))[0][0], [list(g) for _, g in itertools.groupby("aabccc")])
print(str([1, "a", None, 2.5, (1,), {"k": [True]}]), repr({"s": "it's"}), [str(x) for x in (1.0, 1e20, 1e-7, 0.1 + 0.2)])
