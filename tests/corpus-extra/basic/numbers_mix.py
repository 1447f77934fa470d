# Integer and float mixing, number formatting, bit ops.
import math
x = 7
y = 3
print(x / y, x // y, x % y, -x // y, -x % y, x ** y, x ** -1)
print(divmod(-17, 5), divmod(17.5, 4), 2 ** 64, -(2 ** 63) - 1)
print(0.1 + 0.2, 1e16, 1e-5, 123456789.123456789, 1/3, 2/3, 10/2)
print(float('inf'), -float('inf'), float('nan'), math.inf > 1e308)
print(int('  42 '), int('-0x1f', 16), int('101', 2), int(3.99), int(-3.99), float(' 3.5 '))
print(round(2.5), round(3.5), round(-2.5), round(1.23456, 3), round(1234, -2), round(0.5))
print(abs(-7), abs(-7.5), max(3, 7.0), min([4, 2, 8]), sum([0.1] * 10))
print(7 & 3, 7 | 8, 7 ^ 2, ~7, 1 << 70, (1 << 70) >> 68, -16 >> 2)
print(bin(10), oct(64), hex(255), hex(-255), bin(-5))
print(math.sqrt(16), math.floor(-2.5), math.ceil(2.1), math.gcd(48, 36), math.factorial(20))
print(math.isclose(0.1 + 0.2, 0.3), math.pow(2, 10), math.log(math.e), math.log10(1000), math.log2(8))
print(int.bit_length(255), (255).bit_length(), (10).to_bytes(2, 'big'), int.from_bytes(b'\x01\x00', 'big'))
print(3 == 3.0, 1 == True, hash(1) == hash(1.0), True + True, 5 * False)
print(float.is_integer(3.0), (2.5).is_integer(), (0.5).as_integer_ratio())
print(f"{1e20:.2e} {12345.678:,.1f} {0.000123:g} {1e20:g} {255:#x} {255:08b} {3.14159:+.2f}")
print(str(1e100), repr(1.0), 1e22, 1e21, 1.5e-7, -0.0, 100.0, 2**0.5)
n = 0
total = 0
while n < 10:
    n += 1
    if n % 3 == 0:
        continue
    total += n
else:
    print("loop done", total)
print(sum(i * i for i in range(1, 11)), math.prod([1, 2, 3, 4]), math.comb(10, 3), math.perm(5, 2))
print(isinstance(3, int), isinstance(3.0, float), isinstance(True, int), type(3 / 1).__name__)
print(1_000_000, 0o17, 0xff, 0b1010, 10 ** 20 // 7, 10 ** 20 % 7, pow(3, 100, 7), pow(2, -1, 7))
