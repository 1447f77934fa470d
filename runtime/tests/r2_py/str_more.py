# str methods: edge cases
s = "  Hello, World! Hello!  "
print(s.split(), s.split(None, 1), s.rsplit(None, 1), s.split(" "), s.split(",", 5))
print("a,b,,c".rsplit(",", 1), "a b c".rsplit(" ", 0), "".split(), "".split(","), "  ".split(" "))
print("x".join([]), "-".join("abc"), ", ".join(["a"]))
try:
    "-".join([1, 2])
except TypeError as e:
    print("TypeError", e)
try:
    "a".split("")
except ValueError as e:
    print("ValueError", e)
print("abc".find("c", -1), "abc".find("", 3), "abc".find("", 4), "abc".rfind(""), "abcabc".rfind("b", 0, 4))
print("abcabc".count("bc", 1), "aaa".count("aa"), "abc".count(""), "abc".count("", 5), "héllo".find("l"), "héllo".index("o"))
try:
    "abc".index("d")
except ValueError as e:
    print("ValueError", e)
try:
    "abc".rindex("d")
except ValueError as e:
    print("ValueError", e)
print("hello".startswith(("he", "x")), "hello".endswith(("lo",)), "hello".startswith("l", 2), "hello".endswith("l", 0, 4))
print("ß".upper(), "ǅ".lower(), "ﬁx".title(), "hello world".title(), "HELLO".swapcase(), "straße".casefold(), "ΣΑΣ".lower())
print("123".isdecimal(), "²".isdigit(), "²".isdecimal(), "½".isnumeric(), "abc".isidentifier(), "1a".isidentifier(), "_x".isidentifier())
print("Hello World".istitle(), "Hello world".istitle(), "ABC".isupper(), "AbC".isupper(), "abc1".islower(), "\t\n".isspace(), "a\x00".isprintable())
print("abc".center(9, "*"), "abc".center(8, "*"), "ab".center(7), "abc".ljust(2), "42".rjust(6, "0"), "-3".zfill(5), "+3".zfill(1))
try:
    "a".center(5, "ab")
except TypeError as e:
    print("TypeError", e)
print("a\tb\tc".expandtabs(), "ab\tc".expandtabs(4), "x\ny\tz".expandtabs(2))
print("a.b.c".partition("."), "a.b.c".rpartition("."), "abc".partition("x"), "abc".rpartition("x"))
print("line1\r\nline2\rline3\n\nline5".splitlines(), "a\nb\n".splitlines(True), "".splitlines())
print("prefix_name".removeprefix("prefix_"), "name.py".removesuffix(".py"), "abc".removeprefix("x"))
t = str.maketrans("abc", "xyz", "d")
print("abcd".translate(t), "hello".translate({ord("l"): None, ord("h"): "J"}), sorted(t.items()))
print("héllo".encode(), "abc".encode("ascii"), b"h\xc3\xa9".decode(), b"abc".decode("utf-8"))
print("{} {}".format(1, 2), "{1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=[2]), "{0[0]}{0[1]}".format("ab"))
print("{:>{w}}|".format("r", w=5), "{:{}}|".format("x", 4), "{!r:^7}".format("s"), "{{}} {}".format(5), "{0.real}".format(3))
print("{:.2%}".format(0.256), "{:,.2f}".format(1234567.891), "{:+d}".format(5), "{:#x}".format(255), "{:08.3f}".format(-3.14159))
print("{name} is {age}".format_map({"name": "Bo", "age": 3}))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError", e)
try:
    "{0} {}".format(1, 2)
except ValueError as e:
    print("ValueError", e)
try:
    "{x}".format(y=1)
except KeyError as e:
    print("KeyError", e)
try:
    "}".format()
except ValueError as e:
    print("ValueError", e)
print("abc"[::-1], "hello"[1:4], "hello"[-3:], len("héllo"), "é" in "café", "ab" * 3)
print(str.upper("abc"), list(map(str.strip, [" a ", "b "])), sorted(["b", "A", "c"], key=str.lower))
words = "The quick brown fox".split()
print(max(words, key=len), min(words), sorted(words, key=lambda w: (-len(w), w)))
print("Hello"[0].isupper(), "hello world foo".capitalize(), "HELLO".capitalize(), "élan".capitalize())
print("a-b_c d".replace("-", " ").replace("_", " ").split(), "aaa".replace("a", "b", 2), "abc".replace("", "-"))
print("x".__len__(), "abc".__contains__("b"), "%s-%d" % ("a", 5), "%5.1f|%-6s|" % (3.14159, "ab"))
print(repr("it's"), repr('say "hi"'), repr("tab\there"), ascii("café"), "{!a}".format("é"))
print("  x  ".strip(), "xxhixx".strip("x"), "abcba".strip("ab"), "  x".lstrip(), "x  ".rstrip(), "\t\nx\x0b".strip())
print("%r" % "x", "abc".upper().lower().title(), "one two".split(maxsplit=1), "a b c".rsplit(maxsplit=1))
print("Mississippi".count("ss"), "Mississippi".find("ss", 3), "Mississippi".rindex("i"), "ab".join("xyz"))
