class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        self.needed = needed
        self.available = available
        super().__init__(f"need {needed}, have {available}")
class AppError(Exception):
    code = 500
    def __str__(self):
        return f"[{self.code}] {self.args[0] if self.args else ''}"
class NotFound(AppError):
    code = 404
errs = [InsufficientFunds(10, 3), NotFound("page"), AppError(), ValueError("a", 2), KeyError("k"), IndexError(), NotFound()]
for e in errs:
    print(type(e).__name__, str(e), repr(e), e.args, isinstance(e, AppError))
try:
    raise NotFound("x")
except AppError as e:
    print("caught", e, e.code, NotFound.__mro__[1].__name__, [c.__name__ for c in NotFound.__mro__])
def risky(n):
    if n == 0:
        raise ValueError("zero")
    if n == 1:
        raise TypeError("one")
    return n
for n in range(3):
    try:
        r = risky(n)
    except (ValueError, TypeError) as e:
        print("err", e.__class__.__name__, e)
    else:
        print("ok", r)
    finally:
        print("finally", n)
try:
    raise 42
except TypeError as e:
    print(e)
try:
    raise ValueError
except ValueError as e:
    print(repr(e), str(e) == "")
class BadInit:
    def __init__(self):
        raise RuntimeError("init failed")
try:
    BadInit()
except RuntimeError as e:
    print(e)
e = Exception("multi", 1, [2])
print(e, e.args[2], len(e.args))
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(bool, object), isinstance(ValueError(), Exception), isinstance(KeyboardInterrupt(), Exception), BaseException.__subclasses__ is not None)
def outer():
    try:
        inner()
    except KeyError as e:
        raise RuntimeError("wrapped") from e
def inner():
    {}["missing"]
try:
    outer()
except RuntimeError as e:
    print(e, repr(e.__cause__), e.__suppress_context__)
x = [1, 2, 3]
try:
    x[5] = 1
except IndexError as e:
    print(e)
try:
    del x[7]
except IndexError as e:
    print(e)
try:
    (1, 2)[0] = 5
except TypeError as e:
    print(e)
try:
    "abc"[0] = "z"
except TypeError as e:
    print(e)
try:
    del (1,)[0]
except TypeError as e:
    print(e)
try:
    a, b = {"x": 1}
except ValueError as e:
    print(e)
try:
    print(undefined_var)
except NameError as e:
    print(e)
try:
    int("3.5")
except ValueError as e:
    print(e)
try:
    float([1])
except TypeError as e:
    print(e)
try:
    [1, 2, 3].pop(10)
except IndexError as e:
    print(e)
try:
    assert 1 == 2, "math broke"
except AssertionError as e:
    print("assert:", e, repr(e))
try:
    assert False
except AssertionError as e:
    print("assert2:", repr(e))
