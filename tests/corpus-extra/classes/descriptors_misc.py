# Class features: __getattr__, __setattr__ validation, __call__, class-level registries, __class__ use, staticmethod factories.
class Temperature:
    def __init__(self, celsius=0.0):
        self.celsius = celsius

    @property
    def fahrenheit(self):
        return self.celsius * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, f):
        self.celsius = (f - 32) * 5 / 9

    @property
    def kelvin(self):
        return self.celsius + 273.15

    def __format__(self, spec):
        if spec.endswith("F"):
            return f"{self.fahrenheit:{spec[:-1]}f}°F"
        return f"{self.celsius:{spec or '.1'}f}°C"

t = Temperature(25)
print(t.fahrenheit, t.kelvin, f"{t}", f"{t:.2F}", f"{t:.0}")
t.fahrenheit = 212
print(t.celsius, round(t.kelvin, 2))
try:
    t.kelvin = 5
except AttributeError as e:
    print("AttributeError:", e)

class Config:
    def __init__(self, **kw):
        object.__setattr__(self, "_data", dict(kw))

    def __getattr__(self, name):
        try:
            return self._data[name]
        except KeyError:
            raise AttributeError(f"no setting {name!r}") from None

    def __setattr__(self, name, value):
        if name.startswith("_"):
            raise AttributeError("private")
        self._data[name] = value

    def __repr__(self):
        inner = ", ".join(f"{k}={v!r}" for k, v in sorted(self._data.items()))
        return f"Config({inner})"

c = Config(debug=True, level=3)
c.name = "app"
print(c.debug, c.level, c, getattr(c, "missing", "default"))
try:
    c.nothing
except AttributeError as e:
    print(e)
try:
    c._secret = 1
except AttributeError as e:
    print(e)

class Polynomial:
    def __init__(self, *coeffs):
        self.coeffs = list(coeffs)

    def __call__(self, x):
        return sum(c * x ** i for i, c in enumerate(self.coeffs))

    def __len__(self):
        return len(self.coeffs)

    def __add__(self, other):
        n = max(len(self), len(other))
        a = self.coeffs + [0] * (n - len(self))
        b = other.coeffs + [0] * (n - len(other))
        return Polynomial(*[x + y for x, y in zip(a, b)])

    def __repr__(self):
        terms = [f"{c}x^{i}" if i else str(c) for i, c in enumerate(self.coeffs) if c]
        return " + ".join(reversed(terms)) or "0"

    def __eq__(self, other):
        return self.coeffs == other.coeffs

    __hash__ = None

p = Polynomial(1, 2, 3)
q = Polynomial(0, -2)
print(p, q, p + q, p(2), (p + q)(10), len(p), p == Polynomial(1, 2, 3), callable(p))
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)

class Registry:
    plugins = {}

    @classmethod
    def register(cls, name):
        def deco(klass):
            cls.plugins[name] = klass
            klass.plugin_name = name
            return klass
        return deco

@Registry.register("upper")
class Upper:
    def run(self, s):
        return s.upper()

@Registry.register("rev")
class Rev:
    def run(self, s):
        return s[::-1]

for name, k in Registry.plugins.items():
    print(name, k.__name__, k().run("Hello"), k.plugin_name)
print(type(t) is Temperature, t.__class__.__name__, Temperature.__dict__["fahrenheit"].__class__.__name__)
class Counter:
    count = 0
    def __init__(self):
        type(self).count += 1
        self.id = self.__class__.count
class Sub(Counter):
    pass
a, b, s = Counter(), Counter(), Sub()
print(a.id, b.id, s.id, Counter.count, Sub.count)
print(isinstance(s, (int, Counter)), str(type(s)), repr(Counter)[:16])
