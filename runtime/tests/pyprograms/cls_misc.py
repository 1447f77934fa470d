class Animal:
    sound = "..."
    registry = []
    def __init__(self, name):
        self.name = name
        Animal.registry.append(name)
    def speak(self):
        return f"{self.name} says {self.sound}"
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"
    def __eq__(self, other):
        return type(self) is type(other) and self.name == other.name
    def __hash__(self):
        return hash((type(self).__name__, self.name))

class Dog(Animal):
    sound = "woof"
class Cat(Animal):
    sound = "meow"
    def speak(self):
        return super().speak().upper()

pets = [Dog("rex"), Cat("tom"), Dog("fido")]
for p in pets:
    print(p.speak(), p, str(p), [p])
print(Animal.registry, len({Dog("rex"), Dog("rex"), Cat("rex")}), Dog("a") == Dog("a"), Dog("a") == Cat("a"), Dog("a") != Cat("a"))
print(Dog.__mro__, Dog.__bases__, Dog.__name__, Cat.sound, Dog("x").__class__.__name__, issubclass(Dog, Animal), isinstance(pets[1], (Dog, Cat)))
print(sorted(pets, key=lambda a: a.name), max(pets, key=lambda a: len(a.name)))
print(getattr(pets[0], "name"), hasattr(pets[0], "speak"), vars(pets[0]), pets[0].__dict__)

class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Point(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Point(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Point(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return Point(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __iter__(self):
        yield self.x
        yield self.y
    def __repr__(self):
        return "Point(%d, %d)" % (self.x, self.y)
    def __lt__(self, o):
        return tuple(self) < tuple(o)
    def __le__(self, o):
        return tuple(self) <= tuple(o)
    def __eq__(self, o):
        return isinstance(o, Point) and tuple(self) == tuple(o)
    def __bool__(self):
        return bool(self.x or self.y)
    def __format__(self, spec):
        return f"<{self.x:{spec}},{self.y:{spec}}>"
p, q = Point(1, 2), Point(3, 4)
print(p + q, q - p, p * 3, 3 * p, -p, abs(q), list(p), sorted([q, p]), p < q, p >= q, bool(Point(0, 0)), f"{p:03d}", format(q, "x"))
x, y = q
print(x, y, dict(zip("ab", p)), max(p, q), min([q, p]), p == Point(1, 2), p in [Point(1, 2)], [Point(1, 2)].index(p))

class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items.append(x)
        return self
    def __len__(self):
        return len(self._items)
    def __getitem__(self, i):
        return self._items[i]
    def __contains__(self, x):
        return x in self._items
    def __str__(self):
        return "Stack" + str(self._items)
s = Stack().push(1).push(2).push(3)
print(len(s), s[0], s[-1], s[1:], 2 in s, 9 in s, str(s), bool(s), bool(Stack()), list(s), [x * 2 for x in s])
print(repr(s)[:15], s.__class__, Stack, type(s))

class Temperature:
    def __init__(self, c=0.0):
        self.celsius = c
    @property
    def fahrenheit(self):
        return self.celsius * 9 / 5 + 32
    @fahrenheit.setter
    def fahrenheit(self, f):
        self.celsius = (f - 32) * 5 / 9
    @classmethod
    def from_f(cls, f):
        t = cls()
        t.fahrenheit = f
        return t
    @staticmethod
    def valid(c):
        return c >= -273.15
t = Temperature.from_f(212)
print(t.celsius, t.fahrenheit, Temperature.valid(-300), t.valid(0), type(Temperature.fahrenheit).__name__)
try:
    t.missing_attr
except AttributeError as e:
    print("AE:", e)
try:
    del t.fahrenheit
except AttributeError as e:
    print("AE:", e)

class Base:
    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)
    def __repr__(self):
        items = ", ".join(f"{k}={v!r}" for k, v in sorted(vars(self).items()))
        return f"{self.__class__.__name__}({items})"
class Child(Base):
    def __init__(self, name, **kw):
        super().__init__(name=name, **kw)
print(Child("c", age=3, tags=["a"]), Base())
class Meta:
    count = 0
    def __init__(self):
        Meta.count += 1
        self.id = Meta.count
m1, m2 = Meta(), Meta()
print(m1.id, m2.id, Meta.count, m1.count)
m1.count = 100
print(m1.count, m2.count, Meta.count)
