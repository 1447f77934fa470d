# Closures with nonlocal, decorators with state, lru_cache, wraps, global counters.
import functools

call_count = 0

def counted(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        global call_count
        call_count += 1
        wrapper.calls += 1
        return fn(*args, **kwargs)
    wrapper.calls = 0
    return wrapper

def repeat(times):
    def deco(fn):
        def inner(*a):
            return [fn(*a) for _ in range(times)]
        return inner
    return deco

def logged(prefix="LOG"):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            parts = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
            result = fn(*args, **kwargs)
            print(f"{prefix}: {fn.__name__}({', '.join(parts)}) -> {result!r}")
            return result
        return wrapper
    return deco

@counted
def add(a, b=0):
    """Add two numbers."""
    return a + b

@repeat(3)
def greet(name):
    return f"hi {name}"

@logged("TRACE")
@counted
def mul(x, y=2):
    return x * y

print(add(1, 2), add(5), add.calls, call_count, add.__name__, add.__doc__)
print(greet("bo"))
mul(3, y=4)
mul(5)
print(call_count, mul.__name__)

def make_counter(start=0):
    count = start
    def incr(step=1):
        nonlocal count
        count += step
        return count
    def reset():
        nonlocal count
        count = start
    return incr, reset

inc, reset = make_counter(10)
print(inc(), inc(5), inc())
reset()
print(inc())

def accumulator():
    items = []
    def add(x):
        items.append(x)
        return len(items)
    return add, items

acc, store = accumulator()
acc("a"); acc("b")
print(store)

@functools.lru_cache(maxsize=None)
def ways(n, coins=(1, 2, 5)):
    if n == 0:
        return 1
    if n < 0 or not coins:
        return 0
    return ways(n - coins[0], coins) + ways(n, coins[1:])

print(ways(100), ways.cache_info().hits > 0)

@functools.cache
def fact(n):
    return 1 if n < 2 else n * fact(n - 1)
print(fact(30), fact.cache_info())

def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper

@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))

class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.n = 0
    def __call__(self, *args):
        self.n += 1
        return self.fn(*args)

@CountCalls
def square(x):
    return x * x
print(square(3), square(4), square.n, callable(square))
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())
