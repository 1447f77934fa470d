s = "  Hello, World  "
print(s.strip(), s.split(), s.split(","), "a,b,,c".split(",", 2), "x".join(["a", "b"]))
print("hello".find("l"), "hello".rfind("l"), "hello".count("l"), "hello".replace("l", "L", 1), "ab".center(6, "*"))
print("ß".upper(), "Hello World".swapcase(), "they're".title(), "abc".zfill(5), "{:>5}|{}".format("a", [1]))
try:
    "-".join([1])
except TypeError as e:
    print(e)
xs = [3, 1, 2]
xs.append(0); xs.sort(); xs.insert(1, 9); print(xs, xs.pop(), xs.index(9), xs.count(1))
try:
    xs.remove(42)
except ValueError as e:
    print(e)
d = {"a": 1}
print(d.get("b", 0), d.setdefault("b", 2), d.pop("a"), d, d.keys(), d.items())
try:
    {}.popitem()
except KeyError as e:
    print(repr(e))
st = {1, 2, 3}
print(sorted(st.union([4])), sorted(st.intersection({2, 3, 9})), sorted(st - {1}), st.issubset(range(5)))
print(sorted([3, 1, 2], reverse=True), list(reversed([1, 2])), list(enumerate("ab", 1)), list(zip("ab", [1, 2, 3])))
print(sum([1, 2, 3], 10), max([1, 5, 2]), min("bca"), any([0, 1]), all([]), list(map(abs, [-1, 2])), list(filter(None, [0, 3])))
try:
    max([])
except ValueError as e:
    print(e)
print((255).bit_length(), (7).bit_count(), (2.5).is_integer(), (0.5).as_integer_ratio())
