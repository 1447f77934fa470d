# Typed service layer: generics-ish containers with TypeVar, Protocol-free duck typing, Optional, Callable, default factories.
from typing import TypeVar, Generic, Optional, Callable, Iterator
from dataclasses import dataclass, field
from collections import deque
import heapq

T = TypeVar("T")

class Queue(Generic[T]):
    def __init__(self) -> None:
        self._items: deque[T] = deque()

    def push(self, item: T) -> None:
        self._items.append(item)

    def pop(self) -> Optional[T]:
        return self._items.popleft() if self._items else None

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)

@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)
    retries: int = field(default=0, compare=False)

class Scheduler:
    def __init__(self, on_done: Callable[[Job], None]) -> None:
        self.heap: list[Job] = []
        self.on_done = on_done
        self.clock: int = 0

    def submit(self, job: Job) -> "Scheduler":
        heapq.heappush(self.heap, job)
        return self

    def run(self, fail: Callable[[Job], bool] = lambda j: False) -> int:
        while self.heap:
            job = heapq.heappop(self.heap)
            self.clock += 1
            if fail(job) and job.retries < 2:
                job.retries += 1
                job.priority += 10
                heapq.heappush(self.heap, job)
                continue
            self.on_done(job)
        return self.clock

done: list[str] = []
q: Queue[int] = Queue()
for i in range(3):
    q.push(i * i)
print(len(q), list(q), q.pop(), bool(q), q.pop(), q.pop(), q.pop(), bool(q))
sched = Scheduler(lambda j: done.append(f"{j.name}(p{j.priority},r{j.retries})"))
sched.submit(Job(3, "c")).submit(Job(1, "a")).submit(Job(2, "b")).submit(Job(1, "a2"))
ticks = sched.run(fail=lambda j: j.name == "b")
print(ticks, done)
print(Job(1, "x") < Job(2, "a"), Job(1, "x") == Job(1, "y"), sorted([Job(5, "e"), Job(0, "z")]))
def first_match(items: list[T], pred: Callable[[T], bool]) -> Optional[T]:
    for it in items:
        if pred(it):
            return it
    return None
print(first_match([1, 4, 9], lambda v: v > 3), first_match(["a"], lambda s: s == "b"))
def apply_all(fs: list[Callable[[int], int]], x: int) -> list[int]:
    return [f(x) for f in fs]
print(apply_all([abs, lambda v: v * v, int.bit_length], -12))
