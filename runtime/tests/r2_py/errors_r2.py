import heapq, math
from collections import deque, Counter
for f in [lambda: zip(5), lambda: enumerate(5), lambda: map(str, 5), lambda: min(5), lambda: sorted(5), lambda: list(filter(None, 5)), lambda: sum(5), lambda: any(5), lambda: reversed(5), lambda: reversed({1}), lambda: ''.join(5), lambda: max(), lambda: min(1, 2, key=5), lambda: dict.fromkeys(5), lambda: set().union(5), lambda: [].extend(5), lambda: {}.update(5), lambda: sorted([3, 1], key=len),
          lambda: [].pop(), lambda: [1].pop(3), lambda: [].remove(0), lambda: [1].index(2), lambda: (1,).index(2), lambda: {}.pop("k"), lambda: {}.popitem(), lambda: set().pop(), lambda: {1}.remove(2),
          lambda: "abc".index("z"), lambda: "a".split(""), lambda: "x".center(3, "ab"), lambda: "{}".format(), lambda: "{0}{}".format(1, 2), lambda: "{x}".format(), lambda: "{".format(), lambda: "}".format(),
          lambda: heapq.heappop([]), lambda: deque().pop(), lambda: deque([1]).index(3), lambda: math.sqrt(-1), lambda: max([]), lambda: min([], key=len), lambda: "a".join([1]), lambda: sum(["a"], ""),
          lambda: int.from_bytes(5), lambda: "abc".startswith(5), lambda: [1, 2].sort(1), lambda: sorted([1], foo=1), lambda: {}.get(), lambda: list(zip([1], [2, 3], strict=True)),
          lambda: Counter.fromkeys("ab"), lambda: [].insert(1), lambda: {}.setdefault(), lambda: "".join([None])]:
    try:
        r = f()
        print("ok", r if not hasattr(r, "__next__") else "iter")
    except Exception as e:
        print(type(e).__name__, e)
