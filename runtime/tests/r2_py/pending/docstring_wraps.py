from functools import wraps
def deco(fn):
    @wraps(fn)
    def inner(*a):
        return fn(*a)
    return inner
@deco
def named(x):
    "doc"
    return x
print(named.__name__, named.__doc__, named(5))
