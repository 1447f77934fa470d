# Sieve of Eratosthenes, integer arithmetic beyond 64 bits, and a small table.
def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = is_prime[1] = False
    for n in range(2, int(limit ** 0.5) + 1):
        if is_prime[n]:
            for multiple in range(n * n, limit + 1, n):
                is_prime[multiple] = False
    return [n for n, p in enumerate(is_prime) if p]


primes = sieve(100)
print(len(primes), "primes below 100:", primes[:10], "...", primes[-3:])
product = 1
for p in primes:
    product *= p
print("primorial(97) =", product)
print("digits:", len(str(product)), "mod 1e9+7:", product % (10 ** 9 + 7))
for p in primes[:5]:
    print(f"{p:>3} {p * p:>5} {2 ** p:>12,}")
