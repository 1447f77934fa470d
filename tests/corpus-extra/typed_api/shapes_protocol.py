# Typed geometry: abstract base, Protocol-like duck typing, NamedTuple, sorting by computed key.
import math
from typing import NamedTuple, Sequence
from abc import ABC, abstractmethod

class Pt(NamedTuple):
    x: float
    y: float

    def dist(self, other: "Pt") -> float:
        return math.hypot(self.x - other.x, self.y - other.y)

class Shape(ABC):
    @abstractmethod
    def area(self) -> float: ...

    @abstractmethod
    def perimeter(self) -> float: ...

    def __str__(self) -> str:
        return f"{type(self).__name__}(area={self.area():.3f}, perimeter={self.perimeter():.3f})"

class Circle(Shape):
    def __init__(self, r: float) -> None:
        self.r = r
    def area(self) -> float:
        return math.pi * self.r ** 2
    def perimeter(self) -> float:
        return 2 * math.pi * self.r

class Polygon(Shape):
    def __init__(self, pts: Sequence[Pt]) -> None:
        self.pts = list(pts)
    def area(self) -> float:
        s = 0.0
        for a, b in zip(self.pts, self.pts[1:] + self.pts[:1]):
            s += a.x * b.y - b.x * a.y
        return abs(s) / 2
    def perimeter(self) -> float:
        return sum(a.dist(b) for a, b in zip(self.pts, self.pts[1:] + self.pts[:1]))

class Rect(Polygon):
    def __init__(self, w: float, h: float) -> None:
        super().__init__([Pt(0, 0), Pt(w, 0), Pt(w, h), Pt(0, h)])
        self.w, self.h = w, h

def largest(shapes: Sequence[Shape]) -> Shape:
    return max(shapes, key=lambda s: s.area())

p = Pt(3, 4)
print(p, p.x, p[1], p.dist(Pt(0, 0)), p._fields, Pt._make([1, 2]), p._replace(x=0))
x, y = p
print(x + y, tuple(p), p == (3, 4), Pt(1, 2) < Pt(1, 3))
shapes: list[Shape] = [Circle(1), Rect(2, 3), Polygon([Pt(0, 0), Pt(4, 0), Pt(0, 3)]), Circle(0.5)]
for s in sorted(shapes, key=lambda s: s.area()):
    print(s)
print(largest(shapes), isinstance(shapes[1], Polygon), type(shapes[1]).__mro__[2].__name__)
total: float = sum(s.area() for s in shapes)
print(f"total area {total:.4f}", round(total, 2), math.degrees(math.atan2(1, 1)), math.radians(180))
print(math.floor(total), math.trunc(-2.7), math.copysign(3, -0.0), math.fabs(-2), math.fsum([0.1] * 10))
print(f"{math.pi:.10f}", f"{math.e:12.6e}", math.sin(math.pi / 6), round(math.cos(0), 1), math.tau)
