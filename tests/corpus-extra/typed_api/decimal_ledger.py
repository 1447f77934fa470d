"""A small ledger with Decimal money arithmetic, rounding, contexts and formatting."""
import decimal
from decimal import Decimal, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN, ROUND_UP, ROUND_FLOOR, ROUND_CEILING, ROUND_HALF_DOWN, getcontext, localcontext, InvalidOperation, DivisionByZero

CENT = Decimal('0.01')


class Account:
    def __init__(self, name, opening):
        self.name = name
        self.balance = Decimal(opening)
        self.history = []

    def post(self, amount, memo):
        amount = Decimal(amount)
        self.balance += amount
        self.history.append((memo, amount, self.balance))

    def apply_interest(self, annual_rate, days):
        rate = Decimal(annual_rate) / Decimal(365) * days
        interest = (self.balance * rate).quantize(CENT, rounding=ROUND_HALF_EVEN)
        self.post(interest, 'interest %s%% x %dd' % (annual_rate, days))
        return interest

    def __repr__(self):
        return f"Account({self.name!r}, {self.balance!r})"


def show_context(label):
    ctx = getcontext()
    print(label, ctx.prec, ctx.rounding, ctx)


print(Decimal(1) / Decimal(3))
print(Decimal(2) / Decimal(3), Decimal(1) / Decimal(7) * 7)
print(repr(Decimal('1.10') + Decimal('2.20')), Decimal('1.1') + Decimal('2.2') == Decimal('3.3'), 1.1 + 2.2 == 3.3)
print(Decimal(0.1), Decimal('0.1'), Decimal(0.1) == Decimal('0.1'))
show_context('default:')
getcontext().clear_flags()

acct = Account('checking', '1000.00')
for amount, memo in [('-45.99', 'groceries'), ('1250.00', 'salary'), ('-19.95', 'phone'), ('-0.01', 'fee'), ('333.333', 'odd')]:
    acct.post(amount, memo)
acct.apply_interest('0.035', 30)
acct.apply_interest('0.035', 31)
for memo, amount, bal in acct.history:
    print(f"{memo:<24}{amount:>12,.2f}{bal:>14,.2f}")
print(acct, acct.balance.quantize(CENT), str(acct.balance))

# Splitting a bill with different rounding modes
total = Decimal('100.00')
for mode in [ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN, ROUND_UP, ROUND_FLOOR, ROUND_CEILING, ROUND_HALF_DOWN]:
    share = (total / 3).quantize(CENT, rounding=mode)
    neg = (-total / 3).quantize(CENT, rounding=mode)
    print(mode, share, neg, total - share * 3, Decimal('2.675').quantize(CENT, rounding=mode), Decimal('-2.665').quantize(CENT, mode))

# Precision and local contexts
getcontext().prec = 6
print(Decimal(1) / Decimal(7), Decimal('123456789') + 1, Decimal(2).sqrt(), Decimal(10) ** 20)
show_context('prec 6:')
with localcontext() as ctx:
    ctx.prec = 40
    print(Decimal(1) / Decimal(7), Decimal(2).sqrt(), ctx.prec)
    ctx.rounding = ROUND_DOWN
    print(Decimal(2) / Decimal(3))
print(getcontext().prec, Decimal(2) / Decimal(3))
with localcontext(prec=3, rounding=ROUND_UP) as ctx:
    print(Decimal('1.2345') + 0, ctx)
getcontext().prec = 28

# Scientific notation rules
for s in ['1E+2', '100', '0.000001', '0.0000001', '1E-7', '-0', '0E-7', '123.4500', '1.23E+10', '5E-10', '0.00', '-0.000', '1e1000', 'nan', '-Infinity', 'sNaN12']:
    d = Decimal(s)
    print(s, repr(d), str(d), d.to_eng_string(), d.as_tuple(), d.is_signed(), d.is_zero() if d.is_finite() else '-')
print(Decimal('123.4500').normalize(), Decimal('1E+2').normalize(), Decimal('0.00').normalize(), Decimal('-1.20').normalize())
print(Decimal('7.5').to_integral_value(), Decimal('8.5').to_integral_value(), Decimal('-7.5').to_integral_value(ROUND_HALF_UP))

# Conversions and rounding built-ins
for s in ['2.5', '3.5', '-2.5', '2.675', '-0.5', '1234.5678', '9.99']:
    d = Decimal(s)
    print(s, round(d), round(d, 1), round(d, 2), round(d, -1), int(d), float(d), d.as_integer_ratio(), hash(d) == hash(float(d)))
print(hash(Decimal(5)) == hash(5), hash(Decimal('5.000')), {Decimal('1.0'): 'x'}[1], Decimal(10**20) == 10**20)
import math
print(math.floor(Decimal('-2.5')), math.ceil(Decimal('-2.5')), math.trunc(Decimal('-2.5')), abs(Decimal('-3.25')), -Decimal('0'), +Decimal('-0'))

# Comparisons and sorting
vals = [Decimal('1.5'), Decimal('-2'), 3, Decimal('0.25'), Decimal('1.50')]
print(sorted(vals), max(vals), min(vals), sum(vals), sum(vals, Decimal('0.00')))
print(Decimal('1.5') < 2, Decimal('1.5') > 1.4, Decimal('0.1') == 0.1, Decimal('0.5') == 0.5, Decimal(3) == 3.0)
print(divmod(Decimal(7), Decimal(-2)), Decimal(7) // Decimal(-2), Decimal(-7) % 2, Decimal('10.5') % Decimal('3'))
print(Decimal('1.1') ** 10, Decimal(2) ** -3, Decimal('0.5') ** 2, Decimal(3) ** Decimal('0.5'), Decimal(4) ** Decimal('0.5'), pow(Decimal(3), 4, 5))
print(Decimal('1E+5').quantize(Decimal('1.00')), Decimal('12345.6789').quantize(Decimal('1E+2')), Decimal(2).exp(), Decimal(10).ln(), Decimal(1000).log10())

# Formatting
for d in [Decimal('1234567.891'), Decimal('-0.005'), Decimal('0'), Decimal('1E+3'), Decimal('NaN')]:
    print(f"[{d}] [{d:.2f}] [{d:,.2f}] [{d:>12}] [{d:<12}] [{d:^12.1f}] [{d:e}] [{d:.3e}] [{d:%}] [{d:+.1f}] [{d:012,.2f}] [{d:g}]")

# Errors and signals
for f in [lambda: Decimal(1) / 0, lambda: Decimal(0) / 0, lambda: Decimal('abc'), lambda: Decimal('NaN') < 1, lambda: Decimal(1) + 1.5, lambda: 2.5 * Decimal(1), lambda: Decimal('9e999999') * 10, lambda: Decimal(1) % 0, lambda: divmod(Decimal(1), 0), lambda: Decimal(-1).sqrt(), lambda: int(Decimal('NaN')), lambda: Decimal([1, 2]), lambda: Decimal('1.5') + None]:
    try:
        print('ok', f())
    except ZeroDivisionError as e:
        print('ZeroDivisionError', type(e).__name__, e, isinstance(e, ArithmeticError), isinstance(e, decimal.DecimalException))
    except InvalidOperation as e:
        print('InvalidOperation', type(e).__name__, e, e.args)
    except (TypeError, ValueError, ArithmeticError) as e:
        print(type(e).__name__, e)
print(getcontext())
getcontext().traps[DivisionByZero] = False
print(Decimal(1) / 0, Decimal(-1) / 0, getcontext().flags[DivisionByZero], getcontext().traps[DivisionByZero])
getcontext().traps[decimal.Inexact] = True
try:
    Decimal(1) / 3
except decimal.Inexact as e:
    print('inexact trapped', e)
print(issubclass(decimal.DivisionByZero, ZeroDivisionError), issubclass(decimal.FloatOperation, TypeError), decimal.Overflow.__mro__[1].__name__)
print(decimal.DefaultContext.prec, decimal.BasicContext, decimal.ExtendedContext.rounding, decimal.MAX_PREC)
