# Exercises sets of coordinate tuples (printed directly), set algebra on patterns, star-unpacked calls in displays and neighbor counting.
from collections import Counter

GLIDER = {(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)}
BLINKER = {(1, 0), (1, 1), (1, 2)}
BLOCK = {(0, 0), (0, 1), (1, 0), (1, 1)}
OFFSETS = {(-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1)}
print(GLIDER)
print(BLINKER, BLOCK)
print(OFFSETS, len(OFFSETS))
PRIMES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71}
print(PRIMES, {100, 200, 300, 400, 500, 600}, {-3, -2, -1, 1, 2, 3})

def step(cells):
    counts = Counter((r + dr, c + dc) for r, c in cells for dr, dc in OFFSETS)
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in cells)}

def render(cells, rows, cols):
    return ["".join("#" if (r, c) in cells else "." for c in range(cols)) for r in range(rows)]

def shift(cells, dr, dc):
    return {(r + dr, c + dc) for r, c in cells}

board = shift(GLIDER, 1, 1) | shift(BLOCK, 5, 6)
for gen in range(4):
    print(f"gen {gen}: {len(board)} cells")
    print("\n".join(render(board, 8, 9)))
    board = step(board)
print(sorted(board))
b = BLINKER
history = []
for _ in range(3):
    history.append(sorted(b))
    b = step(b)
print(history[0] == history[2], history[1])
print(step(BLOCK) == BLOCK, step(set()) == set(), len(step(OFFSETS)))
corners = [*sorted(BLOCK)]
edges = [*map(lambda p: p[0] + p[1], sorted(OFFSETS))]
print(corners, edges, {*map(abs, edges)} == {0, 1, 2})
both = GLIDER & shift(BLINKER, 1, 0)
print(sorted(both), sorted(GLIDER - BLOCK), sorted(GLIDER ^ BLOCK)[:3], GLIDER <= shift(GLIDER, 0, 0))
rows = Counter(r for r, _ in GLIDER)
cols = Counter(c for _, c in GLIDER)
print(sorted(rows.items()), sorted(cols.items()), max(rows, key=rows.get))
bbox = (min(r for r, _ in board), min(c for _, c in board), max(r for r, _ in board), max(c for _, c in board))
print("bounding box:", bbox)
