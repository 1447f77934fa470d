from typing import Protocol, TypedDict, Literal, Final, Any, Union, cast, ClassVar, Iterable, Sequence, Mapping, TypeAlias, overload, NamedTuple
import io, sys
from dataclasses import dataclass

class Greeter(Protocol):
    def greet(self, name: str) -> str: ...

class Movie(TypedDict):
    title: str
    year: int

Mode = Literal["r", "w"]
MAX: Final = 10
Vec: TypeAlias = list[float]

class English:
    greeting: ClassVar[str] = "Hello"
    def greet(self, name: str) -> str:
        return f"{self.greeting}, {name}"

def welcome(g: Greeter, names: Iterable[str]) -> list[str]:
    return [g.greet(n) for n in names]

def open_mode(m: Mode = "r") -> str:
    return m.upper()

def total(xs: Sequence[float], scale: float | None = None) -> float:
    s = sum(xs)
    return s * scale if scale is not None else s

m: Movie = {"title": "Up", "year": 2009}
print(welcome(English(), ["a", "b"]), open_mode(), open_mode("w"), MAX, m, type(m).__name__)
print(total([1.5, 2.5]), total([1, 2], 0.5), cast(int, "x"), English.greeting)
def describe(x: Union[int, str, list[Any]]) -> str:
    if isinstance(x, int):
        return f"int {x}"
    elif isinstance(x, str):
        return f"str {x!r}"
    return f"list of {len(x)}"
print(describe(3), describe("s"), describe([1, 2]))
buf = io.StringIO()
buf.write("line1\n")
print("line2", file=buf)
print(buf.getvalue().splitlines(), repr(buf.getvalue()))
print("to stderr", file=sys.stderr)
def config(**opts: Any) -> Mapping[str, Any]:
    return dict(sorted(opts.items()))
print(config(b=2, a=1))
class Base:
    subclasses = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Base.subclasses.append(cls.__name__)
class A(Base): pass
class B(A): pass
print(Base.subclasses)
@dataclass
class Pt:
    x: int
    y: int
def where(p):
    match p:
        case Pt(x=0, y=0):
            return "origin"
        case Pt(x=0):
            return "y-axis"
        case Pt(x, y) if x == y:
            return "diagonal"
        case Pt():
            return "elsewhere"
print([where(p) for p in (Pt(0, 0), Pt(0, 5), Pt(2, 2), Pt(1, 3))])
class Money:
    def __init__(self, v): self.v = v
    def __add__(self, o):
        if isinstance(o, Money): return Money(self.v + o.v)
        return NotImplemented
    def __radd__(self, o):
        if o == 0: return self
        return NotImplemented
    def __repr__(self): return f"Money({self.v})"
print(sum([Money(1), Money(2), Money(3)]))
try:
    Money(1) + 5
except TypeError as e:
    print(e)
print(sys.version_info >= (3, 8), sys.maxsize, sys.argv[0][-5:] if False else "argv")
sys.exit(0)
