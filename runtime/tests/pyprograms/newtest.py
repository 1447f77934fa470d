class Single:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            print("created")
        return cls._inst
    def __init__(self):
        print("init")
a, b = Single(), Single()
print(a is b)
class Pos(int):
    def __new__(cls, v):
        if v < 0:
            raise ValueError("negative")
        return super().__new__(cls, v)
    def double(self):
        return Pos(self * 2)
p = Pos(21)
print(p, p.double(), type(p.double()).__name__, p + 1, isinstance(p, int))
try:
    Pos(-1)
except ValueError as e:
    print(e)
class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self):
        return self[0]
pr = Pair(1, 2)
print(pr, pr.first, len(pr), pr == (1, 2), list(pr), type(pr).__name__)
class Reg:
    subs = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Reg.subs.append(cls.__name__)
class A(Reg): pass
class B(A): pass
print(Reg.subs)
class Up(str):
    def shout(self):
        return self.upper() + "!"
u = Up("hi")
print(u, u.shout(), u + " there", len(u), u == "hi", repr(u), f"{u:>5}")
