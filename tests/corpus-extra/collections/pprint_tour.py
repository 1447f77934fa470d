import pprint
from pprint import pformat
data = {"zeta": [1, 2, 3], "alpha": {"b": 2, "a": 1}, "mid": (1,), "s": {3, 1, 2}}
pprint.pprint(data)
big = {f"key{i:02d}": list(range(i, i + 6)) for i in range(8)}
pprint.pprint(big)
pprint.pprint([{"name": "Alice", "roles": ["admin", "dev", "ops"], "active": True}, {"name": "Bob", "roles": [], "active": False, "extra": None}])
pprint.pprint(list(range(40)))
pprint.pprint({"text": "The quick brown fox jumps over the lazy dog and keeps running far far away into the distance"})
print(pformat({"b": 1, "a": [1, 2]}, width=10))
pprint.pprint(("a" * 30, "b" * 30, "c" * 30))
pprint.pprint({"nested": {"deep": {"deeper": {"deepest": list(range(25))}}}}, width=60)
pprint.pp({"b": 1, "a": 2})
pprint.pprint(frozenset(range(30)))
pprint.pprint([[1, 2, 3]] * 8, indent=4)
