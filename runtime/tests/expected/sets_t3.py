print({5, 3, 17, 1, 33, 9})
s = set()
for x in [100, 3, 64, 8, 16, 24, 7, 1000, -1, -2, 2**61, 2**64, 31, 39]:
    s.add(x)
print(s)
s.discard(64); s.discard(3); s.add(72); s.add(3)
print(s)
print(set(range(50, 0, -3)))
print({x * 8 for x in range(20)})
print(set([1.5, 2.0, 0.25, -3.75, 1e10]))
print({(1, 2), (2, 1), (0, 0), (1, 'a') if False else (3, 3)})
a = {1, 2, 3, 9, 17, 25}
b = {3, 4, 17, 33, 41}
print(a | b, a & b, a - b, b - a, a ^ b, b ^ a)
print(frozenset([40, 8, 16]), {frozenset([1]), frozenset([2, 3])} == {frozenset([3, 2]), frozenset([1])})
print(hash((1, 2)), hash(()), hash(frozenset([1, 2, 3])), hash(2**64), hash(-1), hash(1.5), hash(-2.5e-10), hash(True))
c = {10, 20, 30, 40, 50, 60}
print(c.pop(), c.pop(), c)
d = {}
for k in [5, 1, 9]:
    d[k] = k * k
print(set(d), {1: 'a', True: 'b', 1.0: 'c'})
big = set(range(0, 200, 7))
big -= set(range(0, 100, 2))
print(big)
print({'a', 'b'} == {'b', 'a'}, {1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1} > set())
print(sorted({'x', 'y'}) if False else len({'x','y'}))
