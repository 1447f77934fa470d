# Big integers, digit manipulation, collatz, number bases.
def digits(n):
    return [int(d) for d in str(n)]

def to_base(n, b):
    if n == 0:
        return "0"
    chars = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = []
    neg = n < 0
    n = abs(n)
    while n:
        n, r = divmod(n, b)
        out.append(chars[r])
    return ("-" if neg else "") + "".join(reversed(out))

def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps

big = 2 ** 200 + 12345
print(big)
print(sum(digits(big)), len(str(big)), big % 1000007, big // 10 ** 50)
print(to_base(255, 2), to_base(-255, 16), to_base(big, 36))
print(int(to_base(big, 36), 36) == big)
print([collatz(n) for n in range(1, 15)])
print(max(range(1, 1000), key=collatz))
f = 1
for i in range(1, 31):
    f *= i
print(f, f.bit_length(), -f // 7, -f % 7, f / 10 ** 30)
print(10 ** 30 / 3, (10 ** 30 + 1) / (10 ** 15), 2 ** 1000 / 2 ** 999)
print(abs(-big) == big, -big < 0, big > 1e60, big == float(2 ** 200))
print(pow(2, 1000, 10 ** 9 + 7), pow(123456789, 987654321, 1000000007))
print(hex(big), oct(2 ** 70), format(2 ** 70, ','))
print(str(-(3 ** 50)), divmod(-(3 ** 50), 12345), (3 ** 50) >> 10, (3 ** 50) & 0xFFFF)
print(int("9" * 40) + 1, int("-" + "1" * 25) * 3)
print(round(2 ** 70 / 3), round(123456789012345678901234567890, -20))
