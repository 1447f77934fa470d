# Multi-module program: plain sibling imports, module-level cache, import aliasing.
import report as rp
from helpers import median
import statistics

data = {"temps": [21.5, 23.0, 19.8, 25.1, 22.4, 20.0], "scores": [88, 92, 75, 64, 99, 81, 70]}
for k, v in data.items():
    print(rp.describe(k, v))
    for edge, cnt in rp.histogram(v):
        print(f"   {edge:>6} {'*' * cnt}")
print(median([3, 1, 2]), median([]), rp.usage())
rp.describe("again", data["temps"])
print(rp.usage())
print(statistics.mean([1, 2, 3, 4]), statistics.median([5, 1, 3]), round(statistics.stdev([2, 4, 4, 4, 5, 5, 7, 9]), 4))
