class MyList(list):
    def total(self):
        return sum(self)
ml = MyList([3, 1, 2])
ml.append(10)
print(ml, len(ml), ml.total(), ml[0], ml[1:3], isinstance(ml, list), type(ml).__name__, 3 in ml, list(ml), ml + [1])

class DD(dict):
    def __missing__(self, k):
        return k * 2
dd = DD(a=1)
print(dd['a'], dd[21], dd, len(dd), 'a' in dd)

class Money(int):
    def __repr__(self):
        return f"${int(self)}"
m = Money(5)
print(m, m + 1, m * 2, repr(m), str(m), m == 5, hash(m) == hash(5))

class Dyn:
    def __init__(self):
        self.__dict__ if False else None
        self.real = 1
    def __getattr__(self, name):
        return "dyn:" + name
print(Dyn().foo, Dyn().real)

class Guard:
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)
g = Guard()
g.x = 5
print(g.x)

class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x):
        return x + self.n
    def __bool__(self):
        return self.n != 0
add5 = Adder(5)
print(add5(10), callable(add5), bool(Adder(0)), bool(add5), callable(5), callable(len), callable(Adder))

class P:
    def __init__(self, x):
        self.x = x
    def __hash__(self):
        return hash(self.x)
    def __eq__(self, o):
        return self.x == o.x
    def __repr__(self):
        return f"P({self.x!r})"
print({P(1), P(2), P(1)}, {P('a'): 1}[P('a')])

print(str.upper('abc'), list(map(str.lower, ['A', 'B'])), int.__name__, str.__name__, dict.fromkeys([1, 2], 0))
print(repr(len), repr(print), type(len).__name__, [].append.__name__ if hasattr([].append, '__name__') else None)

def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(f(1, c=3), f(1, 2, 3, 4, c=5, e=6), f.__name__)
for call in [lambda: f(), lambda: f(1), lambda: f(1, c=1, a=2), lambda: f(1, c=1, zz=3) if False else f(c=1)]:
    try:
        call()
    except TypeError as e:
        print(e)
def g2(x, y):
    pass
for call in [lambda: g2(1), lambda: g2(1, 2, 3), lambda: g2(1, y=2, x=3), lambda: g2(1, 2, z=3), lambda: g2()]:
    try:
        call()
    except TypeError as e:
        print(e)

a, *b, c = [1, 2, 3, 4, 5]
print(a, b, c)
for bad in [lambda: [x for x in 5], lambda: (lambda p, q: 0)(*[1]) , lambda: int('abc'), lambda: float('1.2.3'), lambda: [1, 2].index(3) if False else {}['missing'], lambda: None.attr, lambda: 'abc'.nope, lambda: 5(), lambda: 'a' < 3, lambda: [1] * 'a', lambda: -'a', lambda: len(5), lambda: 1 + None, lambda: 'x' + 5, lambda: divmod(1, 0), lambda: 2 ** 10000 / 1.5 if False else 1 % 0, lambda: int(None)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
try:
    x, y = 1, 2, 3
except ValueError as e:
    print(e)
try:
    x, y, z = [1, 2]
except ValueError as e:
    print(e)
try:
    x, y = 5
except TypeError as e:
    print(e)
s = 'héllo wörld'
print(s[1], s[-1], s[1:4], s[::-1], s[::2], len(s), 'ö' in s)
lst = list(range(10))
lst[2:5] = ['a', 'b']
del lst[::3]
print(lst, lst[::-2], lst[100:], lst[-100:2])
lst[1:3] = []
print(lst)
r = range(10, 0, -3)
print(r[1], r[-1], r[1:3], len(r), list(r), 4 in r, 7 in r, list(reversed(range(3))) if False else r[::2])
print(1 if NotImplemented else 0, Ellipsis if False else ..., type(NotImplemented).__name__)
