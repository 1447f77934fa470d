from helpers import mean, median, stdev
import helpers

def describe(name, xs):
    return f"{name:>6}: n={len(xs)} mean={mean(xs):.2f} median={median(xs)} sd={stdev(xs):.3f}"

def histogram(xs, bins=4):
    lo, hi = min(xs), max(xs)
    width = (hi - lo) / bins or 1
    counts = [0] * bins
    for x in xs:
        i = min(int((x - lo) / width), bins - 1)
        counts[i] += 1
    return [(round(lo + i * width, 1), c) for i, c in enumerate(counts)]

def usage():
    return helpers.cache_size()
