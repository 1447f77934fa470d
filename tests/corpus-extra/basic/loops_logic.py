# Control flow: nested loops, for-else, chained comparisons, walrus, match.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif 0 < n < 10:
        return "small"
    else:
        return "large"

for v in (-5, 0, 3, 42):
    print(v, classify(v))

primes = []
for n in range(2, 30):
    for d in range(2, int(n ** 0.5) + 1):
        if n % d == 0:
            break
    else:
        primes.append(n)
print(primes)

data = [4, 8, 15, 16, 23, 42]
if (n := len(data)) > 5:
    print(f"list is long ({n} elements)")

def describe(cmd):
    match cmd:
        case ["go", direction]:
            return f"going {direction}"
        case ["pick", *items] if items:
            return f"picking {', '.join(items)}"
        case {"action": act, "times": int(t)}:
            return f"{act} x{t}"
        case (1 | 2 | 3) as small:
            return f"small number {small}"
        case str() as s:
            return f"string {s!r}"
        case _:
            return "unknown"

for c in (["go", "north"], ["pick", "a", "b"], ["pick"], {"action": "jump", "times": 3}, 2, "hi", 3.5):
    print(describe(c))

count = 0
i = 10
while True:
    i -= 3
    count += 1
    if i < 0:
        break
print(count, i)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0 != 2, None is None, [] is not None)
print(0 or "" or [] or "last", 1 and 2 and 3, not 0, not "x")
x = 5
msg = "big" if x > 3 else "small"
print(msg, [y if y % 2 else -y for y in range(6)])
for i, ch in enumerate("abc", start=1):
    print(i, ch, end="; ")
print()
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
