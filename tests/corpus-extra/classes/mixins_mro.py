# Cooperative multiple inheritance: mixins, diamond MRO, super() chains with **kwargs, __init_subclass__-free
# class attributes, classmethod alternative constructors inherited by subclasses, and __mro__ inspection.
import json


class Base:
    def __init__(self, **kwargs):
        self.extra = kwargs
        self.trace = ["Base"]

    def describe(self):
        return ["Base"]


class JsonMixin:
    def to_json(self):
        data = {k: v for k, v in vars(self).items() if not k.startswith("_") and k != "trace"}
        return json.dumps(data, sort_keys=True)

    @classmethod
    def from_json(cls, text):
        return cls(**json.loads(text))


class ReprMixin:
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in sorted(vars(self).items()) if k not in ("trace", "extra"))
        return f"{type(self).__name__}({fields})"


class Timestamped(Base):
    def __init__(self, created=0, **kwargs):
        super().__init__(**kwargs)
        self.created = created
        self.trace.append("Timestamped")

    def describe(self):
        return ["Timestamped"] + super().describe()


class Owned(Base):
    def __init__(self, owner="nobody", **kwargs):
        super().__init__(**kwargs)
        self.owner = owner
        self.trace.append("Owned")

    def describe(self):
        return ["Owned"] + super().describe()


class Document(ReprMixin, JsonMixin, Timestamped, Owned):
    def __init__(self, title, **kwargs):
        super().__init__(**kwargs)
        self.title = title
        self.trace.append("Document")

    def describe(self):
        return ["Document"] + super().describe()


print([c.__name__ for c in Document.__mro__])
d = Document("notes", created=5, owner="ann", color="red")
print(d.trace, d.describe())
print(d, d.extra)
text = d.to_json()
print(text)
d2 = Document.from_json('{"title": "copy", "owner": "bob"}')
print(d2, d2.created, type(d2).__name__, isinstance(d2, Owned), isinstance(d2, JsonMixin))
print(issubclass(Document, (int, Timestamped)), Document.__bases__[0].__name__, len(Document.__bases__))


class A:
    def who(self):
        return "A"


class B(A):
    def who(self):
        return "B>" + super().who()


class C(A):
    def who(self):
        return "C>" + super().who()


class D(B, C):
    def who(self):
        return "D>" + super().who()


print(D().who(), [k.__name__ for k in D.mro()], super(B, D()).who())
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)


class Counter:
    instances = 0

    def __init__(self):
        type(self).instances += 1


class SubCounter(Counter):
    pass


Counter(); Counter(); SubCounter()
print(Counter.instances, SubCounter.instances, "instances" in vars(SubCounter))
print(getattr(d, "owner"), getattr(d, "missing", "default"), hasattr(d, "to_json"))
setattr(d, "owner", "zed")
delattr(d, "created")
print(d, hasattr(d, "created"))
