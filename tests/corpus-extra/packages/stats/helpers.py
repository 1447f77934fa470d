import math

_cache = {}

def mean(xs):
    return sum(xs) / len(xs) if xs else 0.0

def median(xs):
    s = sorted(xs)
    n = len(s)
    if n == 0:
        return None
    mid = n // 2
    return s[mid] if n % 2 else (s[mid - 1] + s[mid]) / 2

def stdev(xs):
    key = tuple(xs)
    if key in _cache:
        return _cache[key]
    mu = mean(xs)
    r = math.sqrt(sum((x - mu) ** 2 for x in xs) / (len(xs) - 1))
    _cache[key] = r
    return r

def cache_size():
    return len(_cache)
