#!/usr/bin/env python3
"""Generates differential test cases for pyrt's numerics (bigint.rs, pyfloat.rs, fmtspec.rs).

Each output line is: op <TAB> arg... <TAB> expected   (expected = CPython 3.11's answer).
Strings (args and expected) are written raw when they are plain printable ASCII without
tabs/backslashes, else as "h:" + hex of their UTF-8. Floats travel as "f:" + 16 hex digits of
their bits (NaN results print as "nan"). Errors are "ERR:<ExceptionClass>:<message>".
Run by tests/numerics.rs (`cargo test`); usage: python3 numerics_cases.py [seed] [scale]
"""
import math
import random
import struct
import sys

SEED = int(sys.argv[1]) if len(sys.argv) > 1 else 12345
SCALE = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
rng = random.Random(SEED)
out = []


def enc(s):
    if all(32 <= ord(c) < 127 for c in s) and "\\" not in s and not s.startswith("h:"):
        return s if s != "" else "h:"
    return "h:" + s.encode("utf-8", "surrogatepass").hex()


def fb(x):
    if x != x:
        return "nan"
    return "f:%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def case(op, args, fn):
    try:
        r = fn()
    except Exception as e:  # noqa
        r = "ERR:%s:%s" % (type(e).__name__, e)
    out.append("\t".join([op] + list(args) + [enc(r) if isinstance(r, str) else r]))


def n(k):
    return max(1, int(k * SCALE))


# ---------------------------------------------------------------- floats
def rand_float():
    k = rng.randrange(12)
    if k == 0:
        while True:
            x = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
            if math.isfinite(x):
                return x
    if k == 1:
        return round(rng.uniform(-1000, 1000), rng.randrange(0, 6))
    if k == 2:
        return rng.randrange(-10 ** 6, 10 ** 6) / rng.choice([2, 4, 8, 16, 32, 1024])
    if k == 3:
        return float(rng.randrange(-10 ** 18, 10 ** 18))
    if k == 4:
        return rng.choice([0.0, -0.0, 0.5, 1.5, 2.5, -0.5, 2.675, 0.125, 0.375, 1e22, 1e23, 5e-324,
                           1.7976931348623157e308, 2.2250738585072014e-308, 9.5, 0.05, 0.15, 0.25,
                           1e16, 1e15, 123456789012345.0, 1e-5, 1e-4, 9.999999e-5, 0.1, 0.3,
                           99.995, 9.9999, 999999.5, 1234567.891, 1e100, 1e-100, 4.35, 0.045])
    if k == 5:
        return rng.uniform(-1, 1) * 10 ** rng.randrange(-30, 30)
    if k == 6:
        return float(rng.randrange(1, 1000)) * 10 ** rng.randrange(-8, 20)
    if k == 7:
        return rng.random()
    if k == 8:
        return float("%d.%d" % (rng.randrange(0, 100), rng.randrange(0, 1000)))
    if k == 9:
        return rng.randrange(-99, 99) + rng.choice([0.5, 0.25, 0.125, 0.05, 0.005, 0.0005])
    if k == 10:
        return math.ldexp(rng.random(), rng.randrange(-1074, 1024))
    return 10.0 ** rng.randrange(-20, 25) * rng.choice([1, -1, 5, 0.5, 9.5])


SPECIAL = [float("inf"), float("-inf"), float("nan")]

for _ in range(n(3000)):
    x = rand_float()
    case("repr", [fb(x)], lambda: repr(x))
for x in SPECIAL:
    case("repr", [fb(x)], lambda: repr(x))

for _ in range(n(3000)):
    x = rand_float()
    p = rng.randrange(0, 18) if rng.random() < 0.95 else rng.randrange(18, 60)
    case("fixed", [fb(x), str(p)], lambda: "%.*f" % (p, x))
    upper = rng.random() < 0.3
    case("exp", [fb(x), str(p), str(int(upper))], lambda: ("%.*E" if upper else "%.*e") % (p, x))
    alt = rng.random() < 0.3
    case("gen", [fb(x), str(p), str(int(alt)), str(int(upper))],
         lambda: ("%" + ("#" if alt else "") + ".*" + ("G" if upper else "g")) % (p, x))
    case("rspec", [fb(x), str(p)], lambda: format(x, ".%d" % p))
    case("rspec", [fb(x), "-"], lambda: format(x, ""))
for x in SPECIAL:
    for p in (0, 3):
        case("fixed", [fb(x), str(p)], lambda: "%.*f" % (p, x))
        case("exp", [fb(x), str(p), "1"], lambda: "%.*E" % (p, x))
        case("gen", [fb(x), str(p), "0", "0"], lambda: "%.*g" % (p, x))

for _ in range(n(2000)):
    x = rand_float()
    nd = rng.randrange(-5, 20) if rng.random() < 0.9 else rng.choice([-400, -308, -309, 300, 323, 324, 400])
    case("round", [fb(x), str(nd)], lambda: fb(round(x, nd)))
    case("rhe", [fb(x)], lambda: fb(float(round(x))) if math.isfinite(x) else fb(x))
for x in [2.675, 0.125, 0.375, 2.5, 0.5, 1.5, -0.5, -2.5, 1234.5678, 3.14159, 1e308, 1.7976931348623157e308, -0.0]:
    for nd in [-309, -308, -2, -1, 0, 1, 2, 3, 10, 323]:
        case("round", [fb(x), str(nd)], lambda: fb(round(x, nd)))
    case("rhe", [fb(x)], lambda: fb(float(round(x))))

for _ in range(n(1500)):
    a = rand_float()
    b = rand_float()
    if rng.random() < 0.3:
        a = float(rng.randrange(-20, 20))
        b = float(rng.choice([-3, -2, -1, 1, 2, 3, 0.5, -0.5, 7]))
    if b == 0:
        continue
    case("fdiv", [fb(a), fb(b)], lambda: fb(a // b))
    case("fmod", [fb(a), fb(b)], lambda: fb(a % b))
for a, b in [(0.0, 1.0), (-0.0, 1.0), (0.0, -1.0), (-0.0, -1.0), (5.0, float("inf")), (-5.0, float("inf")),
             (1e308, 1e-308), (-1.0, 3.0), (1.0, -3.0), (3.5, -0.0001)]:
    case("fdiv", [fb(a), fb(b)], lambda: fb(a // b))
    case("fmod", [fb(a), fb(b)], lambda: fb(a % b))

for _ in range(n(1500)):
    x = rand_float()
    case("fhash", [fb(x)], lambda: str(hash(x)))
    case("ratio", [fb(x)], lambda: "%d/%d" % x.as_integer_ratio())
    case("isint", [fb(x)], lambda: str(x.is_integer()))
for x in [float("inf"), float("-inf"), 1.0, -1.0, 0.5, 2.0 ** 61, 2.0 ** 62, -2.0 ** 61 + 1, 1e300]:
    case("fhash", [fb(x)], lambda: str(hash(x)))

PARSE = ["1", "1.5", " 1.5 ", "\t-2.5e3\n", "+.5", "5.", ".", "", " ", "e5", "1e", "1e+", "1e-5", "1E5",
         "inf", "-Infinity", "+iNF", "nan", "-NaN", "infinit", "1_000", "1__000", "_1", "1_", "1_.5",
         "1._5", "1.5_5", "1e1_0", "1e_10", "0x10", "1.5.5", "1e400", "-1e400", "1e-400", "0.1",
         "  3.14159  ", "1 2", "١٢", "12\u00a0", "\u20031.5", "0000.0001", "1" * 400, "0." + "0" * 400 + "1",
         "2.2250738585072011e-308", "4.9406564584124654e-324", "2.4703282292062328e-324",
         "2.4703282292062327e-324", "9007199254740993", "1.00000000000000011102230246251565404236316680908203125",
         "+-1", "--1", "1e5.5", "in f", "nan1", "infinity1", "\x1c1.5\x1f"]
for _ in range(n(500)):
    x = rand_float()
    PARSE.append(rng.choice([repr(x), "%.17g" % x, "%.3e" % x, "%f" % x, str(rng.randrange(10 ** 30)) + "." + str(rng.randrange(10 ** 5))]))
for s in PARSE:
    def pf(s=s):
        try:
            return fb(float(s))
        except ValueError:
            return "NONE"
    case("parse", [enc(s)], pf)


# ---------------------------------------------------------------- big ints
def rand_int():
    k = rng.randrange(10)
    if k == 0:
        return rng.randrange(-10, 10)
    if k == 1:
        return rng.randrange(-2 ** 64, 2 ** 64)
    if k == 2:
        return rng.choice([1, -1]) * rng.getrandbits(rng.randrange(1, 300))
    if k == 3:
        return rng.choice([1, -1]) * rng.getrandbits(rng.randrange(300, 3000))
    if k == 4:
        return rng.choice([1, -1]) * (2 ** rng.randrange(0, 200) + rng.randrange(-3, 3))
    if k == 5:
        return rng.choice([1, -1]) * (10 ** rng.randrange(0, 80) + rng.randrange(-3, 3))
    if k == 6:
        return rng.choice([0, 2 ** 63, -2 ** 63, 2 ** 63 - 1, -2 ** 63 - 1, 2 ** 64, 2 ** 32, -2 ** 32, 2 ** 61 - 1,
                           2 ** 61, -(2 ** 61 - 1), 2 ** 53 + 1, 2 ** 1024, 2 ** 1024 - 2 ** 970, 2 ** 1024 - 2 ** 971])
    if k == 7:
        return rng.randrange(-2 ** 40, 2 ** 40)
    if k == 8:
        return rng.choice([1, -1]) * rng.getrandbits(rng.randrange(30, 70))
    return rng.choice([1, -1]) * math.factorial(rng.randrange(0, 120))


def to_base(v, r):
    digs = "0123456789abcdefghijklmnopqrstuvwxyz"
    if v == 0:
        return "0"
    neg = v < 0
    v = abs(v)
    s = []
    while v:
        v, d = divmod(v, r)
        s.append(digs[d])
    return ("-" if neg else "") + "".join(reversed(s))


def si(v):
    return str(v)


for _ in range(n(2500)):
    a = rand_int()
    b = rand_int()
    case("add", [si(a), si(b)], lambda: si(a + b))
    case("sub", [si(a), si(b)], lambda: si(a - b))
    case("mul", [si(a), si(b)], lambda: si(a * b))
    if b != 0:
        case("divmod", [si(a), si(b)], lambda: "%d %d" % divmod(a, b))
        case("truediv", [si(a), si(b)], lambda: fb(a / b))
    case("cmp", [si(a), si(b)], lambda: str((a > b) - (a < b)))
    case("and", [si(a), si(b)], lambda: si(a & b))
    case("or", [si(a), si(b)], lambda: si(a | b))
    case("xor", [si(a), si(b)], lambda: si(a ^ b))
    case("gcd", [si(a), si(b)], lambda: si(math.gcd(a, b)))
    s = rng.randrange(0, 200)
    case("shl", [si(a), str(s)], lambda: si(a << s))
    case("shr", [si(a), str(s)], lambda: si(a >> s))
    case("not", [si(a)], lambda: si(~a))
    case("neg", [si(a)], lambda: si(-a))
    case("bitlen", [si(a)], lambda: str(a.bit_length()))
    case("tof64", [si(a)], lambda: fb(float(a)))
    case("hash", [si(a)], lambda: str(hash(a)))
    case("toi64", [si(a)], lambda: str(a) if -2 ** 63 <= a < 2 ** 63 else "NONE")
    case("isqrt", [si(abs(a))], lambda: si(math.isqrt(abs(a))))
    r = rng.choice([2, 3, 7, 8, 10, 16, 36, rng.randrange(2, 37)])
    case("str", [si(a), str(r)], lambda: to_base(a, r))
    case("iparse", [enc(to_base(a, r)), str(r)], lambda: to_base(a, r))
    x = rand_float()
    case("fromf64", [fb(x)], lambda: si(int(x)))
    case("cmpf", [si(a), fb(x)], lambda: str((a > x) - (a < x)))
    e = rng.randrange(0, 40)
    case("pow", [si(a if abs(a) < 2 ** 200 else a % 1000), str(e)], lambda: si((a if abs(a) < 2 ** 200 else a % 1000) ** e))
    m = rand_int()
    if m != 0:
        ee = abs(rand_int())
        case("modpow", [si(a), si(ee), si(m)], lambda: si(pow(a, ee, m)))


# parse: the "parse" int op checks BigInt::parse(str(a) in base r) == a, expected is canonical
for s, r in [("+12", 10), ("-0", 10), ("", 10), ("-", 10), ("12a", 10), ("zz", 36), ("ZZ", 36), ("FF", 16),
             ("101", 2), ("102", 2), ("0" * 50 + "1", 10), ("7" * 1000, 10), ("f" * 300, 16), ("-" + "9" * 40, 10)]:
    def pi(s=s, r=r):
        try:
            return to_base(int(s, r), r) if s not in ("", "-") else "NONE"
        except ValueError:
            return "NONE"
    case("iparse", [enc(s), str(r)], pi)

for a, b in [(1, 10 ** 310), (3, 10 ** 320), (-7, 10 ** 323), (1, 10 ** 324), (10 ** 400, 10 ** 399),
             (2 ** 1024, 2), (2 ** 1025, 2), (-(2 ** 1024) + 1, 1), (1, 2 ** 1074), (1, 2 ** 1075), (3, 2 ** 1076),
             (2 ** 60 + 1, 2 ** 60), (10 ** 30, 3), (0, -5), (2 ** 54 + 1, 1), (2 ** 53 + 1, 1),
             (2 ** 1024 - 2 ** 970, 1), (2 ** 1024 - 2 ** 970 - 1, 1), (2 ** 1023 * 3, 3), (1, 3 * 2 ** 1073)]:
    case("truediv", [si(a), si(b)], lambda: fb(a / b))
for k in [0, 1, 10, 100, 500, 1000]:
    case("fact", [str(k)], lambda: str(math.factorial(k)))
case("pow", ["3", "5000"], lambda: str(3 ** 5000)[:4000] if False else str(3 ** 5000))
case("pow", ["-7", "1001"], lambda: str((-7) ** 1001))
case("pow", ["2", "10000"], lambda: str(2 ** 10000))

# ---------------------------------------------------------------- format specs
TYPES_F = ["e", "E", "f", "F", "g", "G", "n", "%", "", "", "", "d", "s", "x"]
TYPES_I = ["b", "c", "d", "o", "x", "X", "n", "", "", "", "e", "f", "g", "%", "s", "E", "G", "F"]
TYPES_S = ["s", "", "", "d"]


def rand_spec(types):
    parts = []
    r = rng.random()
    if r < 0.3:
        parts.append(rng.choice(["", "*", "0", "x", "é", " ", "-", "{", "\t"]) + rng.choice("<>^="))
    elif r < 0.5:
        parts.append(rng.choice("<>^="))
    if rng.random() < 0.3:
        parts.append(rng.choice("+- "))
    if rng.random() < 0.05:
        parts.append("z")
    if rng.random() < 0.2:
        parts.append("#")
    if rng.random() < 0.25:
        parts.append("0")
    if rng.random() < 0.6:
        parts.append(str(rng.randrange(0, 25)))
    if rng.random() < 0.25:
        parts.append(rng.choice([",", "_", ",", "_", ",_", "_,"]))
    if rng.random() < 0.5:
        parts.append("." + str(rng.randrange(0, 20)))
    elif rng.random() < 0.02:
        parts.append(".")
    parts.append(rng.choice(types))
    if rng.random() < 0.02:
        parts.append(rng.choice(["x", "d", "!"]))
    return "".join(parts)


for _ in range(n(5000)):
    x = rand_float() if rng.random() < 0.9 else rng.choice(SPECIAL)
    spec = rand_spec(TYPES_F)
    case("fmtf", [fb(x), enc(spec)], lambda: format(x, spec))
for _ in range(n(5000)):
    a = rand_int() if rng.random() < 0.5 else rng.randrange(-100000, 100000)
    if rng.random() < 0.3:
        a = a % (2 ** 64)
    spec = rand_spec(TYPES_I)
    if "c" in spec and rng.random() < 0.7:
        a = rng.choice([65, 97, 0x263A, 0x1F600, 48, 10, 0x110000, -1])
    if "c" in spec and 0xD800 <= a <= 0xDFFF:
        continue  # lone surrogates cannot live in a Rust String
    case("fmti", [si(a), enc(spec)], lambda: format(a, spec))
STRS = ["", "a", "abc", "hello world", "é", "日本語", "tab\there", "x" * 30]
for _ in range(n(2000)):
    s = rng.choice(STRS)
    spec = rand_spec(TYPES_S)
    case("fmts", [enc(s), enc(spec)], lambda: format(s, spec))

# fixed cases from the corpus (strings/fstring_specs.py, strings/format_methods.py)
FIXED = [
    (3, ">5d"), (42, "05d"), (42, "x"), (42, "X"), (42, "o"), (42, "b"), (42, "#x"), (42, "#b"), (42, "+d"),
    (-42, "+d"), (42, " d"), (42, "^9d"), (42, "*<6"), (3.14159265, ".2f"), (3.14159265, "10.4f"),
    (3.14159265, "<10.1f"), (3.14159265, "e"), (3.14159265, ".3e"), (3.14159265, "g"), (1234567.891, ",.2f"),
    (1234567, ","), (0.256, ".1%"), ("abc", ".2"), (3, "3"), ("x", "3"), (-0.5, ".0f"), (0.5, ".0f"),
    (1.5, ".0f"), (2.675, ".2f"), (255, "08b"), (-255, "08x"), (7, ">+5"), (2 / 3, ".3f"), (3.14159, "8.2f"),
    (-3.14159, "08.2f"), ("r", ">6"), ("l", "<6"), ("c", "^6"), (9876543210, ","), (0.000123, "e"),
    (1234, "08,"), (1234, "010,"), (1234, "0=10,"), (float("inf"), "010"), (1.0, "#"), (1e16, "#"),
    (100.0, ".3"), (5, "<05"), ("ab", "05"), (255, "#X"), (-0.0, "z.1f"), (1.5, "#.0e"), (1e-5, ".3"),
    (1234567.0, ","), (1.0, "d"), (1, ".2s"), (1, "abc"), ("a", ","), ("a", "+"), (1, ".2"), (1, ",_"),
    (1, "_,"), (1, ",n"), (1, "."), (10 ** 400, "e"), (1234567, "x,"), (12345678, "_x"), (12345678, "#_b"),
    (-12345678, "#020_x"), (65, "c"), (65, "05c"), (65, "+c"), (65, "#c"), (-1, "c"), (0x110000, "c"),
    (1.5, "n"), (1234567.5, "n"), (1234567, "n"), (-1234567, "020n"), (float("nan"), "+010.2f"),
    (float("-inf"), "=+12,.3f"), (12.5, "^+12.3%"), (-0.0, ""), (-0.0, "z"), (-0.0001, "z.2f"),
    (0.0, "-<10e"), ("abc", "=10"), ("abc", "#"), ("abc", " "), ("abc", "z"), (True, "s"), (123, "99999999999999999999999"),
    (1.0, ".99999999999999999999"), (12345.678, "_.2f"), (12345.678, "_g"), (1e20, ",.0f"), (1e20, ","),
    (123456789.0, ",e"), (0.5, "%"), (5e-324, ".1000f"), (1.7976931348623157e308, "f"), (3.0, "+.0%"),
]
for v, spec in FIXED:
    if isinstance(v, bool):
        continue
    if isinstance(v, float):
        case("fmtf", [fb(v), enc(spec)], lambda: format(v, spec))
    elif isinstance(v, int):
        case("fmti", [si(v), enc(spec)], lambda: format(v, spec))
    else:
        case("fmts", [enc(v), enc(spec)], lambda: format(v, spec))

sys.stdout.write("\n".join(out) + "\n")
