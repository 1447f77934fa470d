"""Fraction, infinite-precision, rational numbers (CPython 3.11's fractions module).

Differences from CPython: no numbers ABCs (int, bool and Fraction are the Rational types; Decimal and
float convert exactly), no complex support, no pickling hooks.
"""

import math

__all__ = ['Fraction']

# Constants related to the hash implementation (sys.hash_info.modulus / .inf on 64-bit CPython).
_PyHASH_MODULUS = 2305843009213693951
_PyHASH_INF = 314159


def _digits_end(s, i):
    """End of `\\d+(_\\d+)*` starting at s[i], or -1 if there is none."""
    n = len(s)
    if i >= n or not s[i].isdecimal():
        return -1
    while i < n and s[i].isdecimal():
        i += 1
    while i + 1 < n and s[i] == '_' and s[i + 1].isdecimal():
        i += 2
        while i < n and s[i].isdecimal():
            i += 1
    return i


def _parse_rational(text):
    """The regex of CPython's _RATIONAL_FORMAT, by hand: (sign, num, denom, decimal, exp) or None."""
    s = text.strip()
    n = len(s)
    i = 0
    sign = ''
    if i < n and (s[i] == '-' or s[i] == '+'):
        sign = s[i]
        i += 1
    # lookahead for a digit or .digit
    if not (i < n and (s[i].isdecimal() or (s[i] == '.' and i + 1 < n and s[i + 1].isdecimal()))):
        return None
    num = ''
    j = _digits_end(s, i)
    if j >= 0:
        num = s[i:j]
        i = j
    if i < n and s[i] == '/':
        j = _digits_end(s, i + 1)
        if j < 0 or j != n:
            return None
        return (sign, num, s[i + 1:j], None, None)
    decimal = None
    exp = None
    if i < n and s[i] == '.':
        i += 1
        if i < n and (s[i] == 'd' or s[i] == 'D'):
            j = i
            while j < n and (s[j] == 'd' or s[j] == 'D'):
                j += 1
            decimal = s[i:j]
            i = j
        else:
            j = _digits_end(s, i)
            if j >= 0:
                decimal = s[i:j]
                i = j
            else:
                decimal = ''
    if i < n and (s[i] == 'e' or s[i] == 'E'):
        k = i + 1
        if k < n and (s[k] == '-' or s[k] == '+'):
            k += 1
        j = _digits_end(s, k)
        if j < 0:
            return None
        exp = s[i + 1:j]
        i = j
    if i != n:
        return None
    return (sign, num, None, decimal, exp)


def _is_decimal(x):
    if type(x).__name__ != 'Decimal':
        return False
    import decimal
    return isinstance(x, decimal.Decimal)


class Fraction:
    """This class implements rational numbers."""

    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = super(Fraction, cls).__new__(cls)

        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self

            elif isinstance(numerator, int):
                self._numerator = int(numerator)
                self._denominator = 1
                return self

            elif isinstance(numerator, Fraction):
                self._numerator = numerator._numerator
                self._denominator = numerator._denominator
                return self

            elif isinstance(numerator, float) or _is_decimal(numerator):
                # Exact conversion
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self

            elif isinstance(numerator, str):
                # Handle construction from strings.
                m = _parse_rational(numerator)
                if m is None:
                    raise ValueError('Invalid literal for Fraction: %r' %
                                     numerator)
                msign, mnum, mdenom, mdecimal, mexp = m
                numerator = int(mnum or '0')
                if mdenom:
                    denominator = int(mdenom)
                else:
                    denominator = 1
                    if mdecimal:
                        mdecimal = mdecimal.replace('_', '')
                        scale = 10**len(mdecimal)
                        numerator = numerator * scale + int(mdecimal)
                        denominator *= scale
                    if mexp:
                        exp = int(mexp)
                        if exp >= 0:
                            numerator *= 10**exp
                        else:
                            denominator *= 10**-exp
                if msign == '-':
                    numerator = -numerator

            else:
                raise TypeError("argument should be a string "
                                "or a Rational instance")

        elif type(numerator) is int and type(denominator) is int:
            pass # *very* normal case

        elif (isinstance(numerator, (int, Fraction)) and
            isinstance(denominator, (int, Fraction))):
            numerator, denominator = (
                numerator.numerator * denominator.denominator,
                denominator.numerator * numerator.denominator
                )
        else:
            raise TypeError("both arguments should be "
                            "Rational instances")

        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
        if _normalize:
            g = math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        """Converts a finite float to a rational number, exactly."""
        if isinstance(f, int):
            return cls(f)
        elif not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)" %
                            (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        """Converts a finite Decimal instance to a rational number, exactly."""
        from decimal import Decimal
        if isinstance(dec, int):
            dec = Decimal(int(dec))
        elif not isinstance(dec, Decimal):
            raise TypeError(
                "%s.from_decimal() only takes Decimals, not %r (%s)" %
                (cls.__name__, dec, type(dec).__name__))
        return cls(*dec.as_integer_ratio())

    def as_integer_ratio(self):
        """Return the integer ratio as a tuple."""
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """Closest Fraction to self with denominator at most max_denominator."""
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)

        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n//d
            q2 = q0+a*q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0+a*p1, q2
            n, d = d, n-a*d

        k = (max_denominator-q0)//q1
        bound1 = Fraction(p0+k*p1, q0+k*q1)
        bound2 = Fraction(p1, q1)
        if abs(bound2 - self) <= abs(bound1-self):
            return bound2
        else:
            return bound1

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        """repr(self)"""
        return '%s(%s, %s)' % (self.__class__.__name__,
                               self._numerator, self._denominator)

    def __str__(self):
        """str(self)"""
        if self._denominator == 1:
            return str(self._numerator)
        else:
            return '%s/%s' % (self._numerator, self._denominator)

    def __format__(self, format_spec):
        # CPython 3.11: object.__format__
        if format_spec:
            raise TypeError("unsupported format string passed to %s.__format__"
                            % type(self).__name__)
        return str(self)

    # Rational arithmetic algorithms: Knuth, TAOCP, Volume 2, 4.5.1.

    def _add(a, b):
        """a + b"""
        na, da = a.numerator, a.denominator
        nb, db = b.numerator, b.denominator
        g = math.gcd(da, db)
        if g == 1:
            return Fraction(na * db + da * nb, da * db, _normalize=False)
        s = da // g
        t = na * (db // g) + nb * s
        g2 = math.gcd(t, g)
        if g2 == 1:
            return Fraction(t, s * db, _normalize=False)
        return Fraction(t // g2, s * (db // g2), _normalize=False)

    def _sub(a, b):
        """a - b"""
        na, da = a.numerator, a.denominator
        nb, db = b.numerator, b.denominator
        g = math.gcd(da, db)
        if g == 1:
            return Fraction(na * db - da * nb, da * db, _normalize=False)
        s = da // g
        t = na * (db // g) - nb * s
        g2 = math.gcd(t, g)
        if g2 == 1:
            return Fraction(t, s * db, _normalize=False)
        return Fraction(t // g2, s * (db // g2), _normalize=False)

    def _mul(a, b):
        """a * b"""
        na, da = a.numerator, a.denominator
        nb, db = b.numerator, b.denominator
        g1 = math.gcd(na, db)
        if g1 > 1:
            na //= g1
            db //= g1
        g2 = math.gcd(nb, da)
        if g2 > 1:
            nb //= g2
            da //= g2
        return Fraction(na * nb, db * da, _normalize=False)

    def _div(a, b):
        """a / b"""
        # Same as _mul(), with inversed b.
        na, da = a.numerator, a.denominator
        nb, db = b.numerator, b.denominator
        g1 = math.gcd(na, nb)
        if g1 > 1:
            na //= g1
            nb //= g1
        g2 = math.gcd(db, da)
        if g2 > 1:
            da //= g2
            db //= g2
        n, d = na * db, nb * da
        if d < 0:
            n, d = -n, -d
        return Fraction(n, d, _normalize=False)

    def _floordiv(a, b):
        """a // b"""
        return (a.numerator * b.denominator) // (a.denominator * b.numerator)

    def _divmod(a, b):
        """(a // b, a % b)"""
        da, db = a.denominator, b.denominator
        div, n_mod = divmod(a.numerator * db, da * b.numerator)
        return div, Fraction(n_mod, da * db)

    def _mod(a, b):
        """a % b"""
        da, db = a.denominator, b.denominator
        return Fraction((a.numerator * db) % (b.numerator * da), da * db)

    # Forward operators: int and Fraction exactly, float through float, anything else NotImplemented.
    # Reverse operators: int (Rational) exactly, float through float.

    def __add__(a, b):
        if isinstance(b, (int, Fraction)):
            return a._add(_as_fraction(b))
        elif isinstance(b, float):
            return float(a) + b
        return NotImplemented

    def __radd__(b, a):
        if isinstance(a, (int, Fraction)):
            return _as_fraction(a)._add(b)
        elif isinstance(a, float):
            return float(a) + float(b)
        return _reverse_fail(a, b, '+')

    def __sub__(a, b):
        if isinstance(b, (int, Fraction)):
            return a._sub(_as_fraction(b))
        elif isinstance(b, float):
            return float(a) - b
        return NotImplemented

    def __rsub__(b, a):
        if isinstance(a, (int, Fraction)):
            return _as_fraction(a)._sub(b)
        elif isinstance(a, float):
            return float(a) - float(b)
        return _reverse_fail(a, b, '-')

    def __mul__(a, b):
        if isinstance(b, (int, Fraction)):
            return a._mul(_as_fraction(b))
        elif isinstance(b, float):
            return float(a) * b
        return NotImplemented

    def __rmul__(b, a):
        if isinstance(a, (int, Fraction)):
            return _as_fraction(a)._mul(b)
        elif isinstance(a, float):
            return float(a) * float(b)
        return _reverse_fail(a, b, '*')

    def __truediv__(a, b):
        if isinstance(b, (int, Fraction)):
            return a._div(_as_fraction(b))
        elif isinstance(b, float):
            return float(a) / b
        return NotImplemented

    def __rtruediv__(b, a):
        if isinstance(a, (int, Fraction)):
            return _as_fraction(a)._div(b)
        elif isinstance(a, float):
            return float(a) / float(b)
        return _reverse_fail(a, b, '/')

    def __floordiv__(a, b):
        if isinstance(b, (int, Fraction)):
            return a._floordiv(_as_fraction(b))
        elif isinstance(b, float):
            return float(a) // b
        return NotImplemented

    def __rfloordiv__(b, a):
        if isinstance(a, (int, Fraction)):
            return _as_fraction(a)._floordiv(b)
        elif isinstance(a, float):
            return float(a) // float(b)
        return _reverse_fail(a, b, '//')

    def __divmod__(a, b):
        if isinstance(b, (int, Fraction)):
            return a._divmod(_as_fraction(b))
        elif isinstance(b, float):
            return divmod(float(a), b)
        return NotImplemented

    def __rdivmod__(b, a):
        if isinstance(a, (int, Fraction)):
            return _as_fraction(a)._divmod(b)
        elif isinstance(a, float):
            return divmod(float(a), float(b))
        return _reverse_fail(a, b, 'divmod()')

    def __mod__(a, b):
        if isinstance(b, (int, Fraction)):
            return a._mod(_as_fraction(b))
        elif isinstance(b, float):
            return float(a) % b
        return NotImplemented

    def __rmod__(b, a):
        if isinstance(a, (int, Fraction)):
            return _as_fraction(a)._mod(b)
        elif isinstance(a, float):
            return float(a) % float(b)
        return _reverse_fail(a, b, '%')

    def __pow__(a, b):
        """a ** b

        If b is not an integer, the result will be a float
        since roots are generally irrational. If b is an integer, the
        result will be rational.
        """
        if isinstance(b, (int, Fraction)):
            if b.denominator == 1:
                power = b.numerator
                if power >= 0:
                    return Fraction(a._numerator ** power,
                                    a._denominator ** power,
                                    _normalize=False)
                elif a._numerator >= 0:
                    return Fraction(a._denominator ** -power,
                                    a._numerator ** -power,
                                    _normalize=False)
                else:
                    return Fraction((-a._denominator) ** -power,
                                    (-a._numerator) ** -power,
                                    _normalize=False)
            else:
                # A fractional power will generally produce an
                # irrational number.
                return float(a) ** float(b)
        else:
            return float(a) ** b

    def __rpow__(b, a):
        """a ** b"""
        if b._denominator == 1 and b._numerator >= 0:
            # If a is an int, keep it that way if possible.
            return a ** b._numerator

        if isinstance(a, (int, Fraction)):
            return Fraction(a.numerator, a.denominator) ** b

        if b._denominator == 1:
            return a ** b._numerator

        return a ** float(b)

    def __pos__(a):
        """+a: Coerces a subclass instance to Fraction"""
        return Fraction(a._numerator, a._denominator, _normalize=False)

    def __neg__(a):
        """-a"""
        return Fraction(-a._numerator, a._denominator, _normalize=False)

    def __abs__(a):
        """abs(a)"""
        return Fraction(abs(a._numerator), a._denominator, _normalize=False)

    def __int__(a):
        """int(a)"""
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        else:
            return a._numerator // a._denominator

    def __trunc__(a):
        """math.trunc(a)"""
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        else:
            return a._numerator // a._denominator

    def __float__(a):
        """float(a)"""
        return a._numerator / a._denominator

    def __floor__(a):
        """math.floor(a)"""
        return a.numerator // a.denominator

    def __ceil__(a):
        """math.ceil(a)"""
        # The negations cleverly convince floordiv to return the ceiling.
        return -(-a.numerator // a.denominator)

    def __round__(self, ndigits=None):
        """round(self, ndigits)

        Rounds half toward even.
        """
        if ndigits is None:
            floor, remainder = divmod(self.numerator, self.denominator)
            if remainder * 2 < self.denominator:
                return floor
            elif remainder * 2 > self.denominator:
                return floor + 1
            # Deal with the half case:
            elif floor % 2 == 0:
                return floor
            else:
                return floor + 1
        shift = 10**abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        else:
            return Fraction(round(self / shift) * shift)

    def __hash__(self):
        """hash(self)"""
        try:
            dinv = pow(self._denominator, -1, _PyHASH_MODULUS)
        except ValueError:
            # ValueError means there is no modular inverse.
            hash_ = _PyHASH_INF
        else:
            hash_ = hash(hash(abs(self._numerator)) * dinv)
        result = hash_ if self._numerator >= 0 else -hash_
        return -2 if result == -1 else result

    def __eq__(a, b):
        """a == b"""
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if isinstance(b, (int, Fraction)):
            return (a._numerator == b.numerator and
                    a._denominator == b.denominator)
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                # comparisons with an infinity or nan should behave in
                # the same way for any finite a, so treat a as zero.
                return 0.0 == b
            else:
                return a == a.from_float(b)
        else:
            # Since a doesn't know how to compare with b, let's give b
            # a chance to compare itself with a.
            return NotImplemented

    def _richcmp(self, other, op):
        """Helper for comparison operators: op is 0 (<), 1 (>), 2 (<=), 3 (>=)."""
        if isinstance(other, (int, Fraction)):
            x = self._numerator * other.denominator
            y = self._denominator * other.numerator
        elif isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                x = 0.0
                y = other
            else:
                x = self
                y = self.from_float(other)
        else:
            return NotImplemented
        if op == 0:
            return x < y
        if op == 1:
            return x > y
        if op == 2:
            return x <= y
        return x >= y

    def __lt__(a, b):
        """a < b"""
        return a._richcmp(b, 0)

    def __gt__(a, b):
        """a > b"""
        return a._richcmp(b, 1)

    def __le__(a, b):
        """a <= b"""
        return a._richcmp(b, 2)

    def __ge__(a, b):
        """a >= b"""
        return a._richcmp(b, 3)

    @property
    def real(self):
        return +self

    @property
    def imag(self):
        return 0

    def conjugate(self):
        return +self

    def __bool__(a):
        """a != 0"""
        return bool(a._numerator)

    def __copy__(self):
        if type(self) == Fraction:
            return self     # I'm immutable; therefore I am my own clone
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self     # My components are also immutable
        return self.__class__(self._numerator, self._denominator)


def _reverse_fail(a, b, op):
    # A Decimal left operand: CPython's error names the C type 'decimal.Decimal'.
    if _is_decimal(a):
        raise TypeError("unsupported operand type(s) for %s: 'decimal.Decimal' and '%s'"
                        % (op, type(b).__name__))
    return NotImplemented


def _as_fraction(x):
    if isinstance(x, Fraction):
        return x
    return Fraction(int(x))
