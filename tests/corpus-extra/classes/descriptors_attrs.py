# Attribute machinery: __getattr__ fallback, __setattr__ validation, property deleter, __dict__/vars,
# class-level descriptors via property(), __hash__ = None, __bool__ and __len__ truthiness.
class Config:
    defaults = {"debug": False, "level": 1}

    def __init__(self, **values):
        object.__setattr__(self, "_values", dict(values))
        object.__setattr__(self, "_log", [])

    def __getattr__(self, name):
        if name in self._values:
            return self._values[name]
        if name in Config.defaults:
            return Config.defaults[name]
        raise AttributeError(f"no setting {name!r}")

    def __setattr__(self, name, value):
        if name.startswith("_"):
            raise AttributeError(f"cannot set private {name}")
        self._log.append(name)
        self._values[name] = value

    def __delattr__(self, name):
        del self._values[name]

    def __len__(self):
        return len(self._values)

    def __contains__(self, name):
        return name in self._values


class Temperature:
    def __init__(self, celsius):
        self._c = celsius

    def get_f(self):
        return self._c * 9 / 5 + 32

    def set_f(self, f):
        self._c = (f - 32) * 5 / 9

    fahrenheit = property(get_f, set_f, doc="degrees F")

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, v):
        self._c = v

    @celsius.deleter
    def celsius(self):
        print("resetting")
        self._c = 0

    __hash__ = None

    def __eq__(self, other):
        return self._c == other._c


cfg = Config(name="svc", level=3)
print(cfg.name, cfg.level, cfg.debug, len(cfg), "name" in cfg, "debug" in cfg)
cfg.debug = True
cfg.port = 8080
print(cfg.debug, cfg.port, len(cfg), cfg._log)
try:
    cfg.timeout
except AttributeError as e:
    print("AttributeError:", e)
try:
    cfg._secret = 1
except AttributeError as e:
    print("AttributeError:", e)
del cfg.port
print(getattr(cfg, "port", None), bool(cfg), bool(Config()), sorted(vars(cfg)))

t = Temperature(100)
print(t.fahrenheit, t.celsius)
t.fahrenheit = 32
print(t.celsius, round(t.fahrenheit, 1))
t.celsius = 37
print(round(t.fahrenheit, 2))
del t.celsius
print(t.celsius, type(Temperature.celsius).__name__)
print(t == Temperature(0), Temperature.__hash__ is None)
try:
    hash(t)
except TypeError as e:
    print("TypeError:", e)
try:
    {t: 1}
except TypeError as e:
    print("TypeError:", e)
print(vars(t), t.__dict__ == {"_c": 0}, Temperature.__name__, t.__class__.__name__)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


p = Point(1, 2)
p.z = 3
print(vars(p), sorted(p.__dict__.keys()))
p.__dict__["w"] = 9
print(p.w, getattr(p, "w"), hasattr(p, "q"))
try:
    p.q
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point.nothing
except AttributeError as e:
    print("AttributeError:", e)
