# Dataclasses and enums together: a simple task tracker.
from dataclasses import dataclass, field, asdict, astuple, replace
from enum import Enum, IntEnum, auto, Flag
from typing import List, Optional

class Priority(IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3

class Status(Enum):
    TODO = auto()
    DOING = auto()
    DONE = auto()

    def label(self):
        return self.name.lower().capitalize()

class Perm(Flag):
    R = 4
    W = 2
    X = 1

@dataclass
class Task:
    title: str
    priority: Priority = Priority.MEDIUM
    status: Status = Status.TODO
    tags: List[str] = field(default_factory=list)
    owner: Optional[str] = None

    def advance(self):
        order = list(Status)
        i = order.index(self.status)
        if i < len(order) - 1:
            self.status = order[i + 1]

@dataclass(frozen=True, order=True)
class Point:
    x: int
    y: int = 0

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)

tasks = [Task("write", Priority.HIGH), Task("test", tags=["ci"]), Task("ship", Priority.LOW, owner="ann")]
tasks[0].advance()
tasks[0].advance()
tasks[1].advance()
for t in sorted(tasks, key=lambda t: t.priority, reverse=True):
    print(t)
print([t.status.label() for t in tasks], Status.DONE.value, Status["DOING"], Status(1))
print(Priority.HIGH > Priority.LOW, Priority.HIGH + 1, int(Priority.LOW), Priority(2).name, repr(Priority.LOW))
print(asdict(tasks[1]), astuple(Point(1, 2)))
p = Point(3, 4)
q = replace(p, y=-1)
print(p, q, p < q, p == Point(3, 4), sorted([q, p, Point(0)]), q.norm1, hash(p) == hash(Point(3, 4)))
try:
    p.x = 10
except Exception as e:
    print(type(e).__name__, e)
print(len(Status), [s.name for s in Status], Status.TODO in Status, Status.TODO is Status(1))
print(Perm.R | Perm.W, Perm.R in (Perm.R | Perm.X), bool(Perm.W & Perm.X))
counts = {s: 0 for s in Status}
for t in tasks:
    counts[t.status] += 1
print(counts)
print(Task("a") == Task("a"), Task("a") == Task("b"), Status.TODO == 1, Priority.LOW == 1)
print(f"{Status.DONE}", f"{Priority.HIGH}", str(Status.TODO), Status.TODO.name)
