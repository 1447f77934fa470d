print(1, 2.5, 'a', "it's", [1, 'x', (1,), ()], {'a': 1, 2: [None, True]}, set(), {3, 1, 2}, frozenset({1, 2}), range(0, 5), range(1, 10, 2))
print(10**30, -10**30, -7 // 2, -7 % 2, 7.5 // 2, -7.5 % 2, 1 / 3, 2 ** -1, True + True, 2**63, -2**63 - 1, (2**63) // 3)
print(repr('a\n\t\\\x01é\u200b\x7f'), repr('"'), repr('\'"'), repr(b'ab\x00\'c'))
print(str(1e16), 1e-5, 0.1 + 0.2, float('inf'), -0.0, 3.0, 1e22, 123456789012345678.0)
l = [1, 2]
l.append(l) if False else None
x = [1]
x.append(x)
print(x)
d = {}
d['self'] = d
print(d)
print(1 == 1.0, 2**64 == 2.0**64, 2**53 + 1 == 2.0**53 + 1, 10**400 > 1e308, -10**400 < float('-inf'), 1 < 1.5, (1, 2) < (1, 3), [1, 2] < [1, 2, 0], 'abc' < 'abd')
print(7 // -2, 7 % -2, -7 // -2, 2**100 % 7, -(2**100) // 7, 2**100 // -7, divmod(-7, 2), divmod(7.5, -2))
print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 70, -(1 << 70) >> 3, True & False, True | False, True ^ True)
print(3 * 'ab', [0] * 3, (1, 2) * 2, 'x' * -1, 'a' + 'b', [1] + [2], (1,) + (2, 3))
print(round(2.5), round(3.5), round(-0.5), round(2.675, 2), round(1234, -2), round(1250, -2), round(1350, -2))
print(int('  -42 '), int('0x1f', 16), int('1_000'), int('z', 36), int(3.99), int(-3.99), int(True), float('1e3'), float(' -inf '), int('101', 2), int('0o17', 0))
print(hex(255), oct(8), bin(5), hex(-255), bin(2**70))
print(abs(-5), abs(-2.5), abs(-2**63), pow(2, 10), pow(2, 10, 1000), pow(3, -1, 7), pow(-2, 3, 5), pow(2, 3, -5), pow(2.0, 0.5))
print(chr(65), ord('é'), chr(0x1F600))
print(bool([]), bool([0]), bool(''), bool(0.0), bool(None), bool(range(0)))
print('%d %s %r %5.2f %-5d| %05d %x %X %o %e %g %%' % (42, 'hi', 'hi', 3.14159, 7, -42, 255, 255, 8, 12345.678, 0.0001))
print('%(a)s and %(b)05.1f' % {'a': 'A', 'b': 2.25}, '%s' % [1, 2], '%s' % (1,), '%c%c' % (72, 'i'), '%+d % d' % (5, 5), '%.3s|%10s|%-10s|' % ('abcdef', 'r', 'l'), '%#x %#o' % (255, 8))
print(format(3.14159, '.2f'), format(42, '08b'), format('x', '>5'), format(1234567, ','), format(True), format(None))
print(tuple([1, 2]), list('abc'), list(range(3)), dict([(1, 2), (3, 4)]), dict(a=1, b=2), set([3, 3, 1]), frozenset())
print(type(1).__name__, type(True).__name__, type(None).__name__, type([]).__name__, type(1.0), type('a') == str, isinstance(True, int), isinstance(1, (str, float)), issubclass(bool, int))
print(ZeroDivisionError, int, type(int))
