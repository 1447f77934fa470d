import math
print(math.isqrt(10**40), math.isqrt(10**40 - 1), math.factorial(30), math.comb(100, 50), math.perm(20, 10), math.gcd(2**100, 6**50), math.lcm(2**70, 3**40))
print(math.floor(1e20), math.ceil(-1e20), math.trunc(2.5e19), math.log(10**100), math.log10(10**50), math.log2(2**200), math.log(2**2000, 2))
print(math.sqrt(2**100), math.exp(-1), math.sin(math.pi / 6), math.cos(math.pi), math.tan(1), math.asin(1), math.acos(0), math.atan(1))
print(math.hypot(1, 1), math.hypot(3, 4, 12), math.dist([1, 2, 3], [4, 6, 8]), math.fsum([1e100, 1.0, -1e100]), math.prod(range(1, 21)), math.prod([0.5, 4]))
print(math.modf(3.75), math.modf(-2.5), math.frexp(12.0), math.ldexp(0.75, 4), math.fmod(7, -3), math.fmod(-7, 3), math.remainder(10, 3), math.remainder(11, 2))
print(math.copysign(1, -0.0), math.isclose(1, 1.0000000001), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-10, abs_tol=1e-9), math.inf > 10**300, -math.inf)
print(math.degrees(1), math.radians(90), math.cosh(1), math.sinh(1), math.tanh(0.5), math.expm1(1e-10), math.log1p(1e-10), math.pow(2, 0.5), math.pow(-8, 1/3) if False else 0)
print(math.erf(0.5), math.erfc(0.5), math.gamma(5), math.gamma(0.5), math.lgamma(10), math.ceil(4), math.floor(-0.5), math.exp(700) > 1e300)
for bad in [lambda: math.log(0), lambda: math.log(-1), lambda: math.exp(1000), lambda: math.pow(0, -1), lambda: math.acos(2), lambda: math.isqrt(-1), lambda: math.comb(-1, 2), lambda: math.factorial(2.5)]:
    try:
        bad()
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
print(sum(x * x for x in range(10)) / 3, round(math.pi, 3), f"{math.e:.5f}", math.nan != math.nan, math.isnan(float("nan")))
