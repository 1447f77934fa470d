# Observer pattern with __call__ handlers, class-level registries, staticmethod helpers and __init_subclass__.
class Event:
    registry = {}

    def __init_subclass__(cls, code=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.code = code or cls.__name__.lower()
        Event.registry[cls.code] = cls

    def __init__(self, **payload):
        self.payload = payload

    def __repr__(self):
        items = ", ".join(f"{k}={v!r}" for k, v in sorted(self.payload.items()))
        return f"{type(self).__name__}({items})"


class Click(Event, code="click"):
    pass


class KeyPress(Event):
    @property
    def key(self):
        return self.payload.get("key", "?")


class Resize(Event, code="resize"):
    def area(self):
        return self.payload["w"] * self.payload["h"]


class Counter:
    def __init__(self):
        self.hits = {}

    def __call__(self, event):
        self.hits[event.code] = self.hits.get(event.code, 0) + 1
        return len(self.hits)


class Bus:
    def __init__(self):
        self._subs = {}
        self.log = []

    def on(self, code, handler=None):
        if handler is None:
            def deco(fn):
                self._subs.setdefault(code, []).append(fn)
                return fn
            return deco
        self._subs.setdefault(code, []).append(handler)
        return handler

    @staticmethod
    def make(code, **payload):
        return Event.registry[code](**payload)

    def emit(self, event):
        results = []
        for h in self._subs.get(event.code, []) + self._subs.get("*", []):
            results.append(h(event))
        self.log.append((event.code, len(results)))
        return results


bus = Bus()
counter = Counter()
bus.on("*", counter)


@bus.on("keypress")
def show_key(ev):
    return f"key {ev.key}"


@bus.on("resize")
def show_area(ev):
    return ev.area()


print(sorted(Event.registry), KeyPress.code, Click.code)
events = [
    Bus.make("click", x=3, y=4),
    Bus.make("keypress", key="q"),
    Bus.make("resize", w=80, h=24),
    KeyPress(),
    Click(),
]
for ev in events:
    print(repr(ev), "->", bus.emit(ev))
print(counter.hits, bus.log)
print(callable(counter), callable(bus), isinstance(events[1], Event))
try:
    Bus.make("scroll", dy=1)
except KeyError as e:
    print("unknown event", e)
print(show_key.__name__, len(bus._subs["*"]))
