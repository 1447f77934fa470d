# More enum/dataclass behaviours: __post_init__, field(repr=False), InitVar-free defaults, enum __members__, unique, str mixins.
from dataclasses import dataclass, field, fields
from enum import Enum, IntEnum, unique, auto

@unique
class Suit(Enum):
    CLUBS = "♣"
    DIAMONDS = "♦"
    HEARTS = "♥"
    SPADES = "♠"

    @property
    def color(self):
        return "red" if self in (Suit.DIAMONDS, Suit.HEARTS) else "black"

    def __str__(self):
        return self.value

class Rank(IntEnum):
    TWO = 2
    THREE = 3
    JACK = 11
    QUEEN = 12
    KING = 13
    ACE = 14

class Color(str, Enum):
    RED = "red"
    GREEN = "green"

class Shape(Enum):
    CIRCLE = auto()
    SQUARE = auto()
    ROUND = 1

@dataclass
class Card:
    rank: Rank
    suit: Suit

    def __str__(self):
        name = self.rank.name.capitalize() if self.rank > 10 else str(self.rank.value)
        return f"{name}{self.suit}"

@dataclass
class Hand:
    owner: str
    cards: list = field(default_factory=list)
    secret: str = field(default="x", repr=False)
    total: int = field(init=False, default=0)

    def __post_init__(self):
        self.owner = self.owner.title()
        self.total = sum(c.rank for c in self.cards)

deck = [Card(r, s) for s in Suit for r in Rank]
print(len(deck), str(deck[0]), str(deck[-1]), deck[5])
h = Hand("ann lee", deck[:3])
print(h)
print(h.total, [str(c) for c in h.cards], [f.name for f in fields(Hand)])
print(list(Suit.__members__), Suit("♥"), Suit.HEARTS.color, Suit.SPADES.color, repr(Suit.CLUBS))
print(Rank.ACE > Rank.KING, Rank.JACK + 1, sorted([Rank.KING, Rank.TWO, Rank.ACE]), Rank(12).name, max(Rank))
print(Color.RED == "red", Color.GREEN.value, Color("green").name, isinstance(Color.RED, str), Color.RED.upper())
print(Shape.ROUND is Shape.CIRCLE, list(Shape), Shape.SQUARE.value, len(Shape))
try:
    Suit("X")
except ValueError as e:
    print("ValueError:", e)
try:
    Rank["NINE"]
except KeyError as e:
    print("KeyError:", e)
by_color = {}
for s in Suit:
    by_color.setdefault(s.color, []).append(s.name)
print(by_color, Suit.HEARTS in Suit, type(Suit.HEARTS).__name__, Suit.HEARTS.name)
@dataclass(frozen=True)
class Coord:
    lat: float
    lon: float
    def __add__(self, o):
        return Coord(self.lat + o.lat, self.lon + o.lon)
c = Coord(1.5, 2.0) + Coord(0.5, -1.0)
print(c, {c: "here"}, c == Coord(2.0, 1.0), Coord.__name__)
try:
    c.lat = 0
except AttributeError as e:
    print(type(e).__name__, e)
@dataclass
class Node:
    val: int
    children: list["Node"] = field(default_factory=list)
    def add(self, v):
        n = Node(v)
        self.children.append(n)
        return n
root = Node(1)
root.add(2).add(3)
root.add(4)
print(root)
def total(n):
    return n.val + sum(total(c) for c in n.children)
print(total(root), Node(1) == Node(1), Node(1) == Node(1, [Node(2)]))
