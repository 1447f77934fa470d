# Simulations: queue bank, elevator state machine, cellular automaton, random walk with seed.
import random
from collections import deque

random.seed(7)
arrivals = deque()
for t in range(10):
    if random.random() < 0.6:
        arrivals.append((t, random.randint(1, 4)))
print(list(arrivals))
clock, waits, served = 0, [], 0
while arrivals:
    at, dur = arrivals.popleft()
    clock = max(clock, at)
    waits.append(clock - at)
    clock += dur
    served += 1
print(f"served={served} total={clock} avg_wait={sum(waits) / len(waits):.3f} max_wait={max(waits)}")

def rule30(cells):
    n = len(cells)
    return [int((cells[(i - 1) % n], cells[i], cells[(i + 1) % n]) in {(1, 0, 0), (0, 1, 1), (0, 1, 0), (0, 0, 1)}) for i in range(n)]

row = [0] * 15
row[7] = 1
for _ in range(6):
    print("".join("#" if c else "." for c in row))
    row = rule30(row)

class Elevator:
    def __init__(self, floors):
        self.floors = floors
        self.current = 0
        self.requests = []
        self.log = []

    def request(self, floor):
        if not 0 <= floor < self.floors:
            raise ValueError(f"no floor {floor}")
        if floor not in self.requests:
            self.requests.append(floor)

    def step(self):
        if not self.requests:
            return False
        target = min(self.requests, key=lambda f: (abs(f - self.current), f))
        direction = (target > self.current) - (target < self.current)
        self.current += direction
        if self.current == target:
            self.requests.remove(target)
            self.log.append(f"stop@{target}")
        return True

e = Elevator(10)
for f in (5, 2, 8, 2):
    e.request(f)
try:
    e.request(12)
except ValueError as err:
    print(err)
steps = 0
while e.step():
    steps += 1
print(steps, e.log, e.current)
pos = [0, 0]
seen = {tuple(pos)}
for _ in range(200):
    dx, dy = random.choice([(0, 1), (1, 0), (0, -1), (-1, 0)])
    pos[0] += dx
    pos[1] += dy
    seen.add(tuple(pos))
print(pos, len(seen), random.randrange(0, 100, 5), random.choices("abc", k=5))
scores = {name: random.gauss(70, 10) for name in ["a", "b", "c"]}
print({k: round(v, 2) for k, v in scores.items()})
