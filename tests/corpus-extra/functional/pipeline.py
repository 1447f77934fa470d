# map/filter/reduce pipelines, lambdas, sorted keys, partial, compose, operator module.
from functools import reduce, partial
import operator

def compose(*fns):
    def composed(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return composed

inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7))
nums = list(range(1, 11))
print(list(map(lambda x: x ** 2, nums)), list(filter(lambda x: x % 3 == 0, nums)))
print(reduce(operator.add, nums), reduce(lambda a, b: a * b, nums, 1), reduce(max, [3, 9, 2]))
print(list(map(operator.mul, [1, 2, 3], [4, 5, 6])), list(map(str.upper, ["a", "b"])), list(map(len, ["ab", "c"])))
pow2 = partial(pow, 2)
print(pow2(10), partial(int, base=2)("1011"), [partial(operator.sub, 10)(i) for i in range(3)])
getter = operator.itemgetter(1)
people = [("ann", 31, "nyc"), ("bob", 25, "sf"), ("cy", 31, "la")]
print(sorted(people, key=getter), sorted(people, key=operator.itemgetter(1, 0)), list(map(operator.itemgetter(0), people)))
class P:
    def __init__(self, n, a):
        self.n, self.a = n, a
    def __repr__(self):
        return self.n
ps = [P("x", 3), P("y", 1), P("z", 2)]
print(sorted(ps, key=operator.attrgetter("a")), max(ps, key=lambda p: p.a))
print(operator.neg(5), operator.truediv(7, 2), operator.floordiv(7, 2), operator.mod(7, 3), operator.contains([1], 1))
print(list(zip(nums[:3], map(dbl, nums), filter(lambda n: n > 5, nums))))
print(sum(map(int, "12345")), "".join(map(str, range(5))), list(map(lambda a, b: a + b, "abc", "xyz")))
print(any(map(lambda x: x > 9, nums)), all(x > 0 for x in nums), list(enumerate(map(dbl, [1, 2]))))
adders = [lambda x, i=i: x + i for i in range(3)]
late = [lambda x: x + i for i in range(3)]
print([f(10) for f in adders], [f(10) for f in late])
def apply_n(f, n):
    return lambda x: reduce(lambda acc, _: f(acc), range(n), x)
print(apply_n(dbl, 5)(1), apply_n(inc, 0)(1))
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words, key=lambda w: (len(w), w)), sorted(set(words), key=words.index)[:4])
print(reduce(lambda d, w: {**d, w[0]: d.get(w[0], 0) + 1}, words, {}))
print(max(words, key=len), min(words, key=lambda w: w[-1]), sorted(words, key=len, reverse=True)[:3])
print(list(filter(str.isupper, "aBcDe")), list(map(ord, "AZ")), (lambda *a, **k: (a, k))(1, 2, x=3))
