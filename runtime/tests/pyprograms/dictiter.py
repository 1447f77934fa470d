d = {1: 'a', 2: 'b'}
try:
    for k in d:
        d[k + 10] = 'x'
except RuntimeError as e:
    print(e)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x * 10)
except RuntimeError as e:
    print(e)
d2 = {1: 1, 2: 2}
for k in d2:
    d2[k] = k * 100
print(d2, list(d2), [k for k in {5: 0, 3: 0}], sorted({3, 1, 2}), sum({1: 0, 2: 0}), max({4, 8}), set(d2))
for k in list(d2):
    del d2[k]
print(d2)
