# Nested data: lists of dicts, grouping, ranking, zip/enumerate, sorted with multiple keys.
students = [
    {"name": "Ana", "grades": {"math": 91, "art": 78, "bio": 85}},
    {"name": "Ben", "grades": {"math": 67, "art": 94, "bio": 72}},
    {"name": "Caz", "grades": {"math": 91, "art": 88, "bio": 60}},
    {"name": "Dia", "grades": {"math": 55, "art": 70, "bio": 99}},
]
subjects = sorted({s for st in students for s in st["grades"]})
print(subjects)
for st in students:
    g = st["grades"]
    st["avg"] = round(sum(g.values()) / len(g), 2)
    st["best"] = max(g, key=g.get)
ranked = sorted(students, key=lambda s: (-s["avg"], s["name"]))
for rank, st in enumerate(ranked, 1):
    print(f"{rank}. {st['name']:<4} avg={st['avg']:6.2f} best={st['best']}")
by_subject = {sub: sorted(((st["grades"][sub], st["name"]) for st in students), reverse=True) for sub in subjects}
for sub, lst in by_subject.items():
    print(sub, lst[0], [n for _, n in lst])
top_math = [s["name"] for s in students if s["grades"]["math"] == max(t["grades"]["math"] for t in students)]
print(top_math)
table = [[st["name"]] + [st["grades"][sub] for sub in subjects] for st in students]
cols = list(zip(*table))
print(cols[0], [sum(c) / len(c) for c in cols[1:]])
passed = {st["name"]: all(v >= 60 for v in st["grades"].values()) for st in students}
print(passed, sum(passed.values()), [k for k, v in passed.items() if not v])
buckets = {}
for st in students:
    for sub, v in st["grades"].items():
        buckets.setdefault(v // 10 * 10, []).append(f"{st['name']}:{sub}")
for k in sorted(buckets, reverse=True):
    print(k, buckets[k])
pairs = list(zip(subjects, range(len(subjects)), strict=True))
print(pairs, dict(pairs), list(zip(*pairs)))
matrix = [[1, 2, 3], [4, 5, 6]]
matrix[0][1:] = [20, 30]
print(matrix, [row[:] for row in matrix] == matrix, [r[::-1] for r in matrix[::-1]])
stack = [[1, [2, [3, [4]]]]]
flat = []
while stack:
    item = stack.pop()
    if isinstance(item, list):
        stack.extend(reversed(item))
    else:
        flat.append(item)
print(flat)
d = {}
d[(1, 2)] = "a"
d[frozenset({1})] = "b"
d[None] = "c"
d[3.5] = "d"
print(d, d.get((1, 2)), list(d.items())[-1])
lst = [3, 1, 2]
lst.sort(key=lambda v: -v)
print(lst, sorted("hello world".split(), key=lambda w: w[::-1]), list(map(sorted, [[3, 1], [2, 0]])))
