"""Exact rational arithmetic with fractions.Fraction: series, tables, approximations."""
import math
from fractions import Fraction


def harmonic(n):
    total = Fraction(0)
    for k in range(1, n + 1):
        total += Fraction(1, k)
    return total


def bernoulli(n):
    # Akiyama-Tanigawa algorithm
    a = [Fraction(0)] * (n + 1)
    for m in range(n + 1):
        a[m] = Fraction(1, m + 1)
        for j in range(m, 0, -1):
            a[j - 1] = j * (a[j - 1] - a[j])
    return a[0]


def egyptian(fr):
    parts = []
    while fr.numerator != 0:
        d = -(-fr.denominator // fr.numerator)
        parts.append(Fraction(1, d))
        fr -= Fraction(1, d)
    return parts


def continued_fraction(fr, limit=20):
    terms = []
    while limit > 0:
        q = math.floor(fr)
        terms.append(q)
        rest = fr - q
        if rest == 0:
            break
        fr = 1 / rest
        limit -= 1
    return terms


def farey(n):
    seq = sorted({Fraction(p, q) for q in range(1, n + 1) for p in range(0, q + 1)})
    return seq


print('harmonic numbers')
for n in [1, 2, 3, 5, 10, 20]:
    h = harmonic(n)
    print(f"H({n}) = {h} ~ {float(h):.6f} num_digits={len(str(h.numerator))}")

print('bernoulli numbers')
for n in range(0, 13):
    b = bernoulli(n)
    if b:
        print(n, b, repr(b))

print('egyptian fractions')
for fr in [Fraction(4, 13), Fraction(5, 6), Fraction(7, 15), Fraction(-3, -7)]:
    parts = egyptian(fr)
    print(fr, '=', ' + '.join(str(p) for p in parts), sum(parts) == fr)

print('continued fractions')
for x in [Fraction(415, 93), Fraction('3.14159'), Fraction(math.sqrt(2)).limit_denominator(10**6)]:
    print(x, continued_fraction(x))

print('approximations of pi')
pi = Fraction(math.pi)
print(repr(pi))
for d in [1, 7, 10, 100, 113, 1000, 33215, 10**6]:
    a = pi.limit_denominator(d)
    print(d, a, f"{float(a):.12f}", float(abs(a - pi)) < 1e-3)

print('farey sequence F5')
print(' '.join(str(f) for f in farey(5)))

print('arithmetic table')
vals = [Fraction(1, 2), Fraction(-2, 3), Fraction(5, 4), Fraction(3), Fraction('0.125'), Fraction(' -1.25e1 ')]
for a in vals:
    row = []
    for b in vals:
        row.append(str(a * b))
    print(f"{str(a):>6} | " + ' '.join(f"{c:>8}" for c in row))
for a in vals:
    b = Fraction(7, 3)
    print(a, a + b, a - b, a / b, a // b, a % b, divmod(a, b), a ** 2, a ** -1, -a, abs(a), +a)

print('mixed types')
h = Fraction(1, 2)
print(h + 1, 1 + h, h * 2, 3 / h, h + 0.25, 0.25 * h, h ** 0.5, 2 ** h, h == 0.5, h < 0.6, h > 0, h == Fraction(2, 4))
print(hash(h) == hash(0.5), hash(Fraction(3)) == hash(3), {h: 'half'}[0.5], sorted([Fraction(1, 3), 0.3, 1, Fraction(-1, 2)]))
print(Fraction(0.1), Fraction(0.1).limit_denominator(), Fraction(1.5), Fraction(-0.0), Fraction.from_float(2.75))
print(Fraction(6, -4), Fraction(-6, -4), Fraction(Fraction(1, 3), Fraction(2, 5)), Fraction('3/4'), Fraction('-7/21'), Fraction('1.5e-3'), Fraction('  22/7  '))
print(round(Fraction(5, 2)), round(Fraction(7, 2)), round(Fraction(-5, 2)), round(Fraction(22, 7), 3), round(Fraction(1234, 1), -2))
print(math.floor(Fraction(-7, 2)), math.ceil(Fraction(-7, 2)), math.trunc(Fraction(-7, 2)), int(Fraction(-7, 2)), float(Fraction(1, 3)))
print(Fraction(3, 4).as_integer_ratio(), Fraction(3, 4).numerator, Fraction(3, 4).denominator, bool(Fraction(0)), bool(Fraction(1, 9)))
print(f"{Fraction(3, 4)} {Fraction(3, 4)!r} {Fraction(8, 4)} [{str(Fraction(1, 3)):>8}]")

print('errors')
for f in [lambda: Fraction(1, 0), lambda: Fraction('abc'), lambda: Fraction(1.5, 2), lambda: Fraction(float('inf')), lambda: Fraction(float('nan')), lambda: Fraction(0) ** -1, lambda: Fraction(1, 2) + 'x', lambda: Fraction(1, 3) // 0, lambda: format(Fraction(1, 3), '.2f'), lambda: Fraction([1])]:
    try:
        print('ok', f())
    except (ZeroDivisionError, ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)

print('sum of a geometric series')
r = Fraction(2, 3)
s = sum(r ** k for k in range(20))
print(s, 1 / (1 - r) - s, float(s))
