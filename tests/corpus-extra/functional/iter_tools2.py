# Custom iterators, iterator protocol classes, zip/map laziness, enumerate, reversed on custom classes, sorted stability.
class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1
    def __reversed__(self):
        return iter(range(1, self.start + 1))

class Fib:
    def __init__(self, limit):
        self.limit = limit
        self.a, self.b = 0, 1
    def __iter__(self):
        return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        v = self.a
        self.a, self.b = self.b, self.a + self.b
        return v

class Seq:
    def __init__(self, data):
        self.data = data
    def __getitem__(self, i):
        return self.data[i]
    def __len__(self):
        return len(self.data)

print(list(Countdown(4)), list(reversed(Countdown(3))), sum(Countdown(10)))
print(list(Fib(50)), 21 in Fib(30), max(Fib(100)))
s = Seq("abc")
print(list(s), list(reversed(s)), "b" in s, s[1:], sorted(s, reverse=True))
it = iter([1, 2, 3, 4, 5])
print(next(it), list(zip(it, it)))
m = map(lambda x: x * 10, range(5))
print(next(m), next(m), list(m), list(m))
evens = filter(lambda x: x % 2 == 0, range(10))
print(list(evens)[:3])
z = zip("ab", [1, 2, 3])
print(list(z), list(enumerate(reversed("xyz"))), dict(enumerate("ab", 10)))
def take(n, iterable):
    out = []
    for i, x in enumerate(iterable):
        if i >= n:
            break
        out.append(x)
    return out
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(take(5, naturals()), take(3, (x * x for x in naturals() if x % 3 == 0)))
def window(seq, k):
    return [tuple(seq[i:i + k]) for i in range(len(seq) - k + 1)]
print(window([1, 2, 3, 4, 5], 3))
def chunks(seq, k):
    for i in range(0, len(seq), k):
        yield seq[i:i + k]
print(list(chunks("abcdefgh", 3)), list(chunks([1, 2, 3, 4], 2)))
nested = [[1, 2], [3], [], [4, 5, 6]]
print([x for sub in nested for x in sub], sum(map(len, nested)), max(nested, key=len))
records = [("a", 2), ("b", 1), ("c", 2), ("d", 1)]
print(sorted(records, key=lambda r: r[1]), sorted(records, key=lambda r: r[1], reverse=True))
gen = (c.upper() for c in "hey")
print(" ".join(gen), tuple(x for x in range(3)), set(x % 3 for x in range(10)), frozenset("aab") == {"a", "b"})
print(all(isinstance(x, int) for x in [1, 2]), any(c.isdigit() for c in "ab1"), min((3, "c"), (1, "z")))
it2 = iter(range(3))
for x in it2:
    print("first", x)
    break
print("rest", list(it2))
print(list(iter(lambda: 1, 1)), next(iter([]), "empty"))
