from typing import NamedTuple, Optional, List, Dict
from collections import namedtuple
class Point(NamedTuple):
    x: int
    y: int = 0
    def norm2(self) -> int:
        return self.x * self.x + self.y * self.y
p = Point(3, 4)
print(p, p.norm2(), Point(1), p._replace(y=9), p._asdict(), Point._fields, p == (3, 4), p[0], list(p))
a, b = p
print(a, b, sorted([Point(2, 1), Point(1, 5)]), isinstance(p, tuple))
class Emp(NamedTuple):
    name: str
    dept: Optional[str] = None
    tags: List[str] = []
print(Emp("ann"), Emp("bob", "eng"))
def f(x: Dict[str, int]) -> Optional[int]:
    return x.get("a")
print(f({"a": 1}), f({}))
Pair = namedtuple("Pair", "left right")
print(Pair(1, 2), Pair._make("ab"), Pair(left=5, right=6).right)
