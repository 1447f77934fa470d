# Operator overloading, __hash__, __eq__, total_ordering, __bool__, __len__, __iter__, __repr__.
from functools import total_ordering
import math

class Vector:
    __slots__ = ("x", "y")

    def __init__(self, x=0, y=0):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Vector({self.x!r}, {self.y!r})"

    def __str__(self):
        return f"<{self.x}, {self.y}>"

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        if isinstance(k, Vector):
            return self.x * k.x + self.y * k.y
        return Vector(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vector(-self.x, -self.y)

    def __abs__(self):
        return math.hypot(self.x, self.y)

    def __eq__(self, other):
        return isinstance(other, Vector) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __bool__(self):
        return bool(self.x or self.y)

    def __iter__(self):
        yield self.x
        yield self.y

    def __getitem__(self, i):
        return (self.x, self.y)[i]

@total_ordering
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __eq__(self, other):
        return self.cents == other.cents

    def __lt__(self, other):
        return self.cents < other.cents

    def __repr__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"

    def __iadd__(self, other):
        self.cents += other.cents
        return self

v = Vector(3, 4)
w = Vector(1, -2)
print(v + w, v - w, v * 2, 3 * v, v * w, -v, abs(v), repr(v))
print(v == Vector(3, 4), v != w, v == (3, 4), bool(Vector()), bool(v))
print({v, Vector(3, 4), w}.__len__(), list(v), v[1], tuple(w), max(v))
x, y = v
print(x, y, [str(p) for p in [v, w]], f"{v}", f"{v!r}")
prices = [Money(250), Money(99), Money(1000), Money(250)]
print(sorted(prices), min(prices), Money(5) <= Money(5), Money(6) > Money(5), Money(1) >= Money(2))
m = Money(100)
m += Money(50)
print(m, prices.count(Money(250)), Money(99) in prices)
try:
    v.z = 5
except AttributeError as e:
    print("AttributeError:", e)
print(hash(v) == hash(Vector(3, 4)), type(v).__name__, Vector.__name__, isinstance(v, Vector))
