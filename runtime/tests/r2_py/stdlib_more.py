import math, string, sys, operator, heapq, bisect
from collections import Counter, defaultdict, deque, OrderedDict, namedtuple
from itertools import *
from functools import reduce, partial, lru_cache, cmp_to_key, total_ordering, wraps
print(math.pi, math.e, math.sqrt(16), math.floor(-2.5), math.ceil(2.1), math.trunc(-3.7), math.fabs(-2), math.pow(2, 10))
print(math.gcd(12, 18), math.gcd(0, 0), math.gcd(*[12, 18, 24]), math.lcm(4, 6), math.factorial(20), math.factorial(25), math.isqrt(99), math.comb(10, 3), math.perm(5, 2), math.perm(5))
print(math.log(math.e), math.log(8, 2), math.log2(1024), math.log10(1000), math.exp(1), math.hypot(3, 4), math.dist((0, 0), (3, 4)))
print(math.isclose(0.1 + 0.2, 0.3), math.isinf(math.inf), math.isnan(math.nan), math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]))
print(math.degrees(math.pi), math.radians(180), math.sin(0), math.cos(0), math.atan2(1, 1), math.copysign(3, -0.0), math.log(2**1000))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError", e)
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError", e)
print(string.ascii_lowercase, string.digits, string.punctuation, string.capwords("hello   world"), len(string.whitespace))
print(sys.maxsize, type(sys.argv).__name__)
sys.stdout.write("written\n")
print(operator.add(2, 3), operator.mul(3, 4), operator.itemgetter(1)([5, 6]), operator.itemgetter(0, 2)("abc"), operator.attrgetter("real")(5), operator.neg(3))
print(sorted([("b", 2), ("a", 3)], key=operator.itemgetter(1)), list(map(operator.methodcaller("upper"), ["a"])))
h = []
for v in [5, 1, 8, 3, 2, 9]:
    heapq.heappush(h, v)
print(h, heapq.heappop(h), h, heapq.nsmallest(2, [5, 1, 3]), heapq.nlargest(2, [5, 1, 3]), heapq.heappushpop(h, 0), heapq.heapreplace(h, 7), h)
nums = [9, 4, 7, 1, 8]
heapq.heapify(nums); print(nums)
print(heapq.nlargest(2, [("a", 3), ("b", 5), ("c", 1)], key=lambda p: p[1]), list(heapq.merge([1, 4], [2, 3])))
a = [1, 2, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 5)); bisect.insort(a, 3); print(a)
c = Counter("mississippi")
print(c, c.most_common(2), c["z"], sorted(c.elements())[:5], c.total())
c.update("ss"); c.subtract({"i": 4}); print(c, +c)
print(Counter(a=3, b=1) - Counter(a=1, b=2), Counter(a=1) | Counter(a=3, b=1), Counter(a=3, b=1) & Counter(a=1), Counter({"x": 2}) == Counter(x=2))
print(dict(Counter("aab")), list(Counter("cab").keys()), Counter(), repr(Counter([1, 1, 2])), type(c).__name__, isinstance(c, dict))
dd = defaultdict(list); dd["a"].append(1); dd["b"]; print(dd, dict(dd), len(dd), "a" in dd, dd.default_factory)
di = defaultdict(int)
for w in "a b a c a".split():
    di[w] += 1
print(di, sorted(di.items()), di.get("zz"), "zz" in di)
q = deque([1, 2, 3], maxlen=4)
q.append(4); q.append(5); q.appendleft(0); print(q, q.maxlen, len(q))
q.extend([7, 8]); q.rotate(-1); print(q, q.popleft(), q.pop(), q, list(reversed(q)), q.count(7), 7 in q, q[1], q[-1])
q2 = deque(); q2.extendleft([1, 2, 3]); print(q2, q2 == deque([3, 2, 1]), bool(deque()), deque("ab"))
try:
    deque().popleft()
except IndexError as e:
    print("IndexError", e)
od = OrderedDict(); od["x"] = 1; od["y"] = 2; od.move_to_end("x"); print(od, list(od), od.popitem(last=False))
P = namedtuple("P", "x y")
p = P(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=3), P._fields, P._make([5, 6]), tuple(p), p == (1, 2), len(p))
x, y = p; print(x + y, sorted([P(2, 1), P(1, 2)]), {p: "v"}[P(1, 2)], isinstance(p, tuple), type(p).__name__)
Pt = namedtuple("Pt", ["a", "b", "c"], defaults=[0])
print(Pt(1, 2), Pt(1, 2, 3).c)
try:
    P(1)
except TypeError as e:
    print("TypeError", e)
print(list(chain([1], (2,), "ab")), list(chain.from_iterable([[1], [2]])), list(islice(count(), 3)), list(islice("abcdef", 1, 5, 2)))
print(list(product("ab", repeat=2)), list(permutations(range(3), 2)), list(combinations("abcd", 2)), list(combinations_with_replacement("ab", 2)))
print(list(accumulate([1, 2, 3])), list(accumulate([1, 2, 3], operator.mul)), list(accumulate([1, 2], initial=10)), list(repeat(1, 3)))
print([(k, list(g)) for k, g in groupby("aabbbc")], [(k, len(list(g))) for k, g in groupby([1, 1, 2, 3, 3], key=lambda v: v % 2)])
print(list(zip_longest("ab", "xyz", fillvalue="-")), list(takewhile(lambda v: v < 3, [1, 2, 5, 1])), list(dropwhile(lambda v: v < 3, [1, 2, 5, 1])))
print(list(starmap(pow, [(2, 3), (3, 2)])), list(pairwise([1, 2, 3])), list(compress("abc", [1, 0, 1])), list(filterfalse(None, [0, 1, 2])))
cy = cycle("ab"); print([next(cy) for _ in range(5)])
t1, t2 = tee([1, 2, 3]); print(list(t1), list(t2))
print(reduce(operator.add, [1, 2, 3]), reduce(lambda a, b: a * b, [], 1), partial(int, base=2)("101"), partial(max, 5)(3))
try:
    reduce(operator.add, [])
except TypeError as e:
    print("TypeError", e)
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
@lru_cache(maxsize=2)
def sq(n):
    return n * n
print([sq(i) for i in [1, 2, 1, 3, 1, 2]], sq.cache_info())
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
def deco(fn):
    @wraps(fn)
    def inner(*a):
        return fn(*a)
    return inner
@deco
def named(x):
    "doc"
    return x
print(named.__name__, named(5))
