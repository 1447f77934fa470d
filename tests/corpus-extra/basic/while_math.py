# Arithmetic loops: digital root, perfect squares, newton sqrt, float accumulation, integer overflow to bigint.
def digital_root(n):
    while n >= 10:
        n = sum(int(c) for c in str(n))
    return n

def newton_sqrt(x, eps=1e-12):
    guess = x / 2 or 1.0
    steps = 0
    while abs(guess * guess - x) > eps * x:
        guess = (guess + x / guess) / 2
        steps += 1
    return guess, steps

def is_armstrong(n):
    s = str(n)
    return n == sum(int(d) ** len(s) for d in s)

print([digital_root(n) for n in (0, 9, 38, 123456789, 2 ** 100)])
for x in (2, 10, 1e6, 0.25):
    r, k = newton_sqrt(x)
    print(f"sqrt({x}) = {r:.10f} in {k} steps; check {r * r:.6g}")
print([n for n in range(100, 1000) if is_armstrong(n)])
total = 0.0
for i in range(1, 11):
    total += 1 / i
print(total, round(total, 4), f"{total:.15g}", total == sum(1 / i for i in range(1, 11)))
x = 1
steps = 0
while x < 10 ** 30:
    x *= 7
    steps += 1
print(x, steps, type(x).__name__, x.bit_length(), x % 97)
a, b = 0, 1
for _ in range(90):
    a, b = b, a + b
print(a, a * a - b * (b - a))
i64max = 2 ** 63 - 1
print(i64max + 1, -i64max - 2, i64max * i64max, (i64max + 1) // 2, abs(-i64max - 1), -(-i64max - 1))
print(9223372036854775807 + 1, -9223372036854775808 - 1, 3037000500 * 3037000500, (-2) ** 63, 2 ** 63 % 10)
print(7 / 2, 7.0 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 2 ** -2, (-8) ** (1 / 3) if False else "skip", 0 ** 0, 0.0 ** 0)
print(int(1e18), int(1.9e19), int(-2.5), float(10 ** 20), 10 ** 20 == 1e20, 2 ** 0.5 * 2 ** 0.5 == 2)
count = 0
n = 27
while n != 1:
    n = 3 * n + 1 if n % 2 else n // 2
    count += 1
print("collatz 27:", count)
print(sum(range(1, 101)), sum(range(1, 101, 2)), len(range(0, 100, 7)), range(10)[-1], range(5, 0, -2)[1])
print(max(1, 2.5, key=lambda v: -v), min("abc", "ab"), round(-0.5), round(1.5), round(2.675, 2), round(1e15 + 0.5))
