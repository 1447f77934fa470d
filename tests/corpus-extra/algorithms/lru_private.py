# Exercises an LRU cache and a counting subclass using double-underscore (name-mangled) attributes, OrderedDict and vars().
from collections import OrderedDict

class LRUCache:
    def __init__(self, capacity):
        self.__capacity = capacity
        self.__data = OrderedDict()
        self.__hits = 0
        self.__misses = 0

    def get(self, key, default=None):
        if key in self.__data:
            self.__data.move_to_end(key)
            self.__hits += 1
            return self.__data[key]
        self.__misses += 1
        return default

    def put(self, key, value):
        if key in self.__data:
            self.__data.move_to_end(key)
        self.__data[key] = value
        if len(self.__data) > self.__capacity:
            evicted = self.__data.popitem(last=False)
            self._on_evict(*evicted)

    def _on_evict(self, key, value):
        pass

    def stats(self):
        total = self.__hits + self.__misses
        return f"hits={self.__hits} misses={self.__misses} ratio={self.__hits / total if total else 0:.2f}"

    def keys(self):
        return list(self.__data)

class TrackingCache(LRUCache):
    def __init__(self, capacity):
        super().__init__(capacity)
        self.__data = []  # distinct from LRUCache's private __data
        self.evictions = 0

    def _on_evict(self, key, value):
        self.evictions += 1
        self.__data.append(key)

    def evicted(self):
        return self.__data

cache = TrackingCache(3)
for k in "abcabdeafa":
    if cache.get(k) is None:
        cache.put(k, ord(k))
print(cache.keys(), cache.evicted(), cache.evictions)
print(cache.stats())
print(sorted(vars(cache)))
print(cache._LRUCache__capacity, hasattr(cache, "__data"), hasattr(cache, "_TrackingCache__data"))

def fib_with_cache(n, cache):
    hit = cache.get(n)
    if hit is not None:
        return hit
    value = n if n < 2 else fib_with_cache(n - 1, cache) + fib_with_cache(n - 2, cache)
    cache.put(n, value)
    return value

small = LRUCache(2)
print(fib_with_cache(25, small), small.stats(), small.keys())
big = LRUCache(50)
print(fib_with_cache(90, big), big.stats())
