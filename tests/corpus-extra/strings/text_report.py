# String methods and formatting in a small report generator.
text = """The quick brown fox
jumps over the lazy dog.
  The dog sleeps; the fox runs!  """
lines = text.splitlines()
for i, line in enumerate(lines, 1):
    print(f"{i:>2}| {line.strip()!r:<30}| len={len(line):3d}")
words = text.lower().replace(";", " ").replace(".", " ").replace("!", " ").split()
print(words[:5], len(words))
print(" ".join(w.capitalize() for w in words[:4]))
print("-".join(sorted(set(words), key=lambda w: (-len(w), w))[:5]))
print("fox".center(11, "*"), "|" + "dog".ljust(6, ".") + "|", "7".zfill(4), "-7".zfill(4))
s = "Hello, World"
print(s.upper(), s.lower(), s.swapcase(), s.title(), s[::-1], s[7:], s[-5:-1])
print(s.find("o"), s.rfind("o"), s.find("z"), s.count("l"), s.index("W"))
print(s.startswith(("He", "Xe")), s.endswith("ld"), s.replace("l", "L", 2))
print(s.split(", "), s.partition(", "), s.rpartition("o"), "a,b,,c".split(","), "a b  c".split(" "))
print("  pad  ".lstrip(), "xxhixx".strip("x"), "abc".isalpha(), "123".isdigit(), "a1".isalnum(), "   ".isspace())
print("hello world".title(), "HELLO".istitle(), "Hello World".istitle(), "hello".islower())
print("%s has %d items costing %.2f (%5.1f%%)" % ("cart", 3, 19.989, 45.25))
print("%-8s|%8s|%08.3f|%x|%o|%e" % ("left", "right", 3.14159, 255, 8, 12345.678))
print("{0} {1} {0}".format("a", "b"), "{name}={value:>5}".format(name="x", value=42))
print("{:^10}|{:<5}|{:>5}".format("mid", "l", "r"), "{:.3}".format("abcdef"), "{:,}".format(1234567))
table = [("apple", 1.5, 10), ("banana", 0.25, 150), ("cherry", 12.0, 3)]
print(f"{'name':<8}{'price':>8}{'qty':>6}")
for name, price, qty in table:
    print(f"{name:<8}{price:>8.2f}{qty:>6d}")
total = sum(p * q for _, p, q in table)
print(f"{'total':<8}{total:>14,.2f}")
print("tab\tsep", repr("quote's"), repr('dq"'), repr("both'\""), "a\\b", len("\n"))
print("abc" * 3, "abc" < "abd", "Z" < "a", max("hello"), sorted("banana"), ord("A"), chr(97))
print("x".join(["1", "2", "3"]), "".join(reversed("stressed")), "mississippi".count("ss"))
print("one two three".split(maxsplit=1), "a-b-c".rsplit("-", 1), "CamelCaseString".casefold())
print("tabs\there".expandtabs(8), "Ünïcödé".upper(), "straße".upper(), len("日本語"), "日本語"[1])
