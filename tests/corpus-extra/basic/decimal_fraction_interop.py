import math
import copy
import operator
import decimal
from decimal import Decimal, getcontext, localcontext, Context, ROUND_HALF_UP
from fractions import Fraction
D = Decimal
F = Fraction

d = Decimal('1.005')
f = Fraction(7, 3)
print('%.2f|%s|%r|%d|%5.1f|%e' % (d, d, d, Decimal('3.7'), d, d))
print('%.3f|%s|%r|%d' % (f, f, f, f))
print('{:.2f}|{}|{!r}|{:>8}'.format(d, d, d, d))
print(math.sqrt(Decimal(2)), math.sqrt(Fraction(1, 4)), math.isclose(Fraction(1, 3), 1 / 3), math.fsum([Fraction(1, 10)] * 10))
print(math.floor(Fraction(7, 2)), math.log(Fraction(1, 2)), math.exp(Decimal(0)), abs(Fraction(-1, 2)))
print(copy.copy(d) is d, copy.deepcopy(f) is f, copy.copy(d) == d)
x = Decimal('10')
y = x
x += 5
x *= Decimal('1.5')
x -= 1
x /= 4
x //= 2
x **= 2
x %= 7
print(x, y)
try:
    x += 1.5
except TypeError as e:
    print(e)
g = Fraction(1, 2)
g += 1
g *= 3
g /= Fraction(9, 4)
print(g)

class Money(Decimal):
    def __repr__(self):
        return 'Money(%s)' % str(self)

m = Money('12.50')
print(repr(m), m + 1, type(m + 1).__name__, isinstance(m, Decimal), m.quantize(Decimal('0.1')), Money(5) == 5)

class Ratio(Fraction):
    pass

r = Ratio(3, 6)
print(repr(r), r + 1, type(r + 1).__name__, isinstance(r, Fraction))

print(type(Decimal(1)), type(Fraction(1)), Decimal.__name__, Fraction.__module__, Decimal.__module__)
print(repr(Decimal), repr(Fraction))
print(isinstance(Decimal(1) / 0 if False else Decimal(0), Decimal), Decimal(3) in [3, 4], Fraction(3) in {3: 1})
ctx = Context(prec=5, rounding=ROUND_HALF_UP)
print(ctx.divide(Decimal(2), Decimal(3)), ctx.add(1, 2), ctx.power(2, 100), ctx.sqrt(Decimal(10)), ctx.create_decimal('3.14159265'), ctx)
print(sorted([Fraction(1, 3), Decimal('0.3'), 0.31, 1]), max(Fraction(1, 3), Decimal('0.3')))
print(Decimal('0.3') < Fraction(1, 3), Fraction(1, 3) > Decimal('0.3'), Decimal('0.5') == Fraction(1, 2), Fraction(1, 2) == Decimal('0.5'))
print(str(Decimal('123.456')).split('.'), len(str(Decimal(1) / 7)), Decimal('1.50').as_tuple().exponent)
print([str(Decimal(i) / 8) for i in range(9)])
print(sum(Fraction(1, 2 ** k) for k in range(1, 11)), sum([Decimal('0.1')] * 10), sum([0.1] * 10))
print(f"{Fraction(1, 3)!s:>10}|{Decimal('2.5'):08.3f}|{Decimal('-1234.5'):,}|{Decimal('0.000123'):.2e}")
for a, b in [(D('1.5'), F(1, 2)), (F(1, 2), D('1.5')), (D('0.5'), F(1, 2)), (F(3), D(2)), (D(2), F(3)), (D(2), F(1, 3))]:
    for name, op in [('+', operator.add), ('-', operator.sub), ('*', operator.mul), ('/', operator.truediv), ('//', operator.floordiv), ('%', operator.mod), ('**', operator.pow), ('divmod', divmod), ('<', operator.lt), ('>=', operator.ge), ('==', operator.eq), ('!=', operator.ne)]:
        try:
            print(repr(a), name, repr(b), repr(op(a, b)))
        except Exception as e:
            print(repr(a), name, repr(b), 'EXC', type(e).__name__, e)
print(F(D('1.25')), F(D('-0.001')), F.from_decimal(D('3.14')), F.from_decimal(5), hash(D('0.5')) == hash(F(1, 2)))
for x in [D('NaN'), D('Inf'), 1.5]:
    try:
        print(F.from_decimal(x))
    except Exception as e:
        print('EXC', type(e).__name__, e)
print(getcontext().traps)
getcontext().clear_flags()
print(Decimal(1) / 3, getcontext().flags[decimal.Inexact], getcontext().flags)
with localcontext(Context(prec=4)) as c2:
    print(Decimal(2) / 3, c2.prec, c2.flags[decimal.Rounded])
print(getcontext().prec, repr(decimal.DecimalTuple(1, (2, 5), -1)), Decimal((1, (2, 5), -1)))
