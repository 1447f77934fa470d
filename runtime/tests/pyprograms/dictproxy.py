class A:
    def __init__(self, **kw):
        self.__dict__.update(kw)
        self.__dict__["z"] = 26
a = A(x=1, y=2)
print(a.x, a.y, a.z, a.__dict__, vars(a), len(vars(a)), 'x' in a.__dict__, sorted(a.__dict__), dict(vars(a)), list(vars(a).items()))
del a.__dict__["z"]
print(hasattr(a, "z"), a.__dict__.get("x"), a.__dict__ == {'x': 1, 'y': 2}, bool(A().__dict__ if False else a.__dict__))
for k, v in vars(a).items():
    print(k, v)
