class Vec:
    count = 0
    def __init__(self, x, y=0):
        self.x = x
        self.y = y
        Vec.count += 1
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        return NotImplemented
    def __radd__(self, o):
        return Vec(self.x + o, self.y + o)
    def __eq__(self, o):
        return isinstance(o, Vec) and self.x == o.x and self.y == o.y
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
    def __len__(self):
        return 2
    @property
    def norm2(self):
        return self.x * self.x + self.y * self.y
    @classmethod
    def zero(cls):
        return cls(0)
    @staticmethod
    def helper(a):
        return a * 2

class Vec3(Vec):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
    def __repr__(self):
        return "Vec3(" + str(self.x) + ", " + str(self.y) + ", " + str(self.z) + ")"

a = Vec(1, 2)
b = Vec(3)
print(a, b, a + b, 10 + a, [a, b], str(a), Vec.count)
print(a == Vec(1, 2), a != Vec(1, 2), a == 5, a < b, b > a, len(a), a.norm2, Vec.zero(), Vec.helper(21), a.helper(1))
v3 = Vec3(1, 2, 3)
print(v3, isinstance(v3, Vec), type(v3).__name__, type(v3) is Vec3, v3 + a, Vec3.zero)
try:
    hash(a)
except TypeError as e:
    print("TypeError:", e)

class Plain:
    pass
p = Plain()
p.attr = 5
print(p.attr, hasattr(p, 'attr'), hasattr(p, 'nope'), getattr(p, 'nope', 'dflt'), type(p).__name__, Plain.__name__, Plain.__qualname__)
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Vec()
except TypeError as e:
    print("TypeError:", e)
try:
    Vec(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    a + 1
except TypeError as e:
    print("TypeError:", e)

class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
t = Temp()
t.c = 25
print(t.c)
try:
    t.c = -300
except ValueError as e:
    print(repr(e), str(e), e.args)

class MyErr(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
class Other(MyErr):
    pass
try:
    raise Other(42, "boom")
except MyErr as e:
    print(type(e).__name__, e, e.code, e.args, repr(e), isinstance(e, Exception))
try:
    {}['k']
except KeyError as e:
    print("KeyError", e, repr(e), e.args)
try:
    [][1]
except LookupError as e:
    print(type(e).__name__, e)
try:
    1 / 0
except (ValueError, ZeroDivisionError) as e:
    print(e)
e = ValueError()
print(repr(e), str(e) == '', repr(ValueError(1, 'a')), str(ValueError(1, 'a')))
class E2(Exception):
    pass
print(repr(E2('x')), str(E2()))

class Node:
    def __init__(self, v, nxt=None):
        self.v = v
        self.nxt = nxt
    def __iter__(self):
        n = self
        while n is not None:
            yield n.v
            n = n.nxt

class Counter:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Counter(3)), 2 in Counter(5), [x for x in Counter(2)])

class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
    def __contains__(self, x):
        return x == 'magic'
print(list(Seq()), 'magic' in Seq(), 10 in Seq(), Seq()[1])

class Base:
    def hello(self):
        return "Base.hello"
    def __str__(self):
        return "str-of-" + type(self).__name__
class Mid(Base):
    def hello(self):
        return "Mid>" + super().hello()
class Mid2(Base):
    def hello(self):
        return "Mid2>" + super().hello()
class Leaf(Mid, Mid2):
    def hello(self):
        return "Leaf>" + super().hello()
print(Leaf().hello(), [c.__name__ for c in Leaf.__mro__], str(Leaf()), Leaf())
