from enum import Enum, IntEnum, auto, unique
class C(Enum):
    A = 1
    B = 2
    C = 1
print(list(C), C.C, C.__members__, repr(C), len(C), C._member_names_)
class P(IntEnum):
    LOW = auto()
    HIGH = auto()
print(P.LOW, repr(P.HIGH), str(P.HIGH), f'{P.HIGH}', P.HIGH + 1, P.HIGH > P.LOW, P.LOW == 1, format(P.LOW, '>3'))
print(f'{C.A}', f'{C.A:>12}|', str(C.A), hash(C.A) == hash('A'))
try:
    C(5)
except Exception as e:
    print(type(e).__name__, e)
try:
    C['Z']
except Exception as e:
    print(type(e).__name__, e)
try:
    C.A < C.B
except Exception as e:
    print(type(e).__name__, e)
E = Enum('E', 'X Y Z'); print(list(E), E.Y.value)
class Planet(Enum):
    EARTH = (5.9, 6.3)
    MARS = (0.6, 3.4)
    def __init__(self, m, r):
        self.m = m
        self.r = r
    @property
    def density(self):
        return self.m / self.r
print(Planet.EARTH.m, Planet.EARTH.value, Planet.EARTH, round(Planet.MARS.density, 3))
try:
    @unique
    class U(Enum):
        A = 1
        B = 1
except Exception as e:
    print(type(e).__name__, e)
print(C.A.__class__, type(C.A).__name__, bool(C.A), C.A in C, sorted(P), max(P), [m.name for m in reversed(P)])
class Status(Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"
    @classmethod
    def parse(cls, s):
        return cls(s.lower())
    def describe(self):
        return f"{self.name.title()} ({self.value})"
print(Status.parse("ACTIVE").describe(), Status("inactive") is Status.INACTIVE, {s: s.value for s in Status})
