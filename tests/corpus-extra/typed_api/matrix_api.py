# Typed matrix utilities with annotations, Optional/Union/Tuple, default args, docstrings.
from typing import List, Tuple, Optional, Union, Dict, Callable, Iterable

Matrix = List[List[float]]

def zeros(rows: int, cols: int) -> Matrix:
    """Return a rows x cols zero matrix."""
    return [[0.0] * cols for _ in range(rows)]

def identity(n: int) -> Matrix:
    m = zeros(n, n)
    for i in range(n):
        m[i][i] = 1.0
    return m

def matmul(a: Matrix, b: Matrix) -> Matrix:
    if len(a[0]) != len(b):
        raise ValueError(f"shape mismatch: {len(a)}x{len(a[0])} @ {len(b)}x{len(b[0])}")
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]

def shape(m: Matrix) -> Tuple[int, int]:
    return len(m), len(m[0]) if m else 0

def det(m: Matrix) -> float:
    n = len(m)
    if n == 1:
        return m[0][0]
    if n == 2:
        return m[0][0] * m[1][1] - m[0][1] * m[1][0]
    return sum((-1) ** j * m[0][j] * det([row[:j] + row[j + 1:] for row in m[1:]]) for j in range(n))

def fmt(m: Matrix, prec: int = 2) -> str:
    width = max(len(f"{x:.{prec}f}") for row in m for x in row)
    return "\n".join(" ".join(f"{x:>{width}.{prec}f}" for x in row) for row in m)

def find(m: Matrix, pred: Callable[[float], bool]) -> Optional[Tuple[int, int]]:
    for i, row in enumerate(m):
        for j, x in enumerate(row):
            if pred(x):
                return i, j
    return None

def scale(m: Matrix, k: Union[int, float] = 2) -> Matrix:
    return [[x * k for x in row] for row in m]

def stats(values: Iterable[float]) -> Dict[str, float]:
    vals = list(values)
    mean = sum(vals) / len(vals)
    var = sum((v - mean) ** 2 for v in vals) / len(vals)
    return {"min": min(vals), "max": max(vals), "mean": round(mean, 3), "std": round(var ** 0.5, 3)}

a: Matrix = [[1, 2], [3, 4]]
b: Matrix = [[0, 1], [1, 0]]
print(matmul(a, b), matmul(a, identity(2)) == a, shape(a), shape([[1, 2, 3]]))
print(fmt(scale(a, 1.5)))
print(fmt(matmul([[1, 2, 3]], [[1], [2], [3]]), prec=0))
print(det([[2, 0, 1], [1, 3, 2], [1, 1, 1]]), det(a), det([[5]]))
print(find(a, lambda x: x > 2), find(a, lambda x: x > 10))
print(stats(x for row in a for x in row))
try:
    matmul(a, [[1, 2, 3]])
except ValueError as e:
    print("ValueError:", e)
print(zeros.__doc__, zeros.__name__, identity.__doc__)
print(det.__annotations__ if False else "annotations skipped")
