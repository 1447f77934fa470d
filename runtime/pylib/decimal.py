"""Decimal fixed-point and floating-point arithmetic (CPython 3.11's decimal module).

A port of CPython's _pydecimal with the observable behaviour of the C implementation (_decimal /
libmpdec) that `import decimal` gives in CPython: exception arguments (a list of the signalled
conditions), context and signal-dict reprs, error messages, format() spec parsing, and libmpdec's
power algorithm.  Not provided: threads/contextvars (one global context), the 'n' format type with a
non-C locale, pickling hooks, complex().
"""

import math as _math
from collections import namedtuple as _namedtuple

__all__ = [
    'Decimal', 'Context',
    'DecimalTuple',
    'DefaultContext', 'BasicContext', 'ExtendedContext',
    'DecimalException', 'Clamped', 'InvalidOperation', 'DivisionByZero',
    'Inexact', 'Rounded', 'Subnormal', 'Overflow', 'Underflow',
    'FloatOperation',
    'DivisionImpossible', 'InvalidContext', 'ConversionSyntax', 'DivisionUndefined',
    'ROUND_DOWN', 'ROUND_HALF_UP', 'ROUND_HALF_EVEN', 'ROUND_CEILING',
    'ROUND_FLOOR', 'ROUND_UP', 'ROUND_HALF_DOWN', 'ROUND_05UP',
    'setcontext', 'getcontext', 'localcontext',
    'MAX_PREC', 'MAX_EMAX', 'MIN_EMIN', 'MIN_ETINY',
    'HAVE_THREADS', 'HAVE_CONTEXTVAR',
]

__version__ = '1.70'
__libmpdec_version__ = '2.5.1'

DecimalTuple = _namedtuple('DecimalTuple', 'sign digits exponent')

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'

HAVE_THREADS = True
HAVE_CONTEXTVAR = True

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)

# libmpdec internals (64-bit)
_MPD_EXP_INF = 2000000000000000001
_MPD_EXPDIGITS = 19


# Errors

class DecimalException(ArithmeticError):
    pass

class Clamped(DecimalException):
    pass

class InvalidOperation(DecimalException):
    pass

class ConversionSyntax(InvalidOperation):
    pass

class DivisionByZero(DecimalException, ZeroDivisionError):
    pass

class DivisionImpossible(InvalidOperation):
    pass

class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass

class Inexact(DecimalException):
    pass

class InvalidContext(InvalidOperation):
    pass

class Rounded(DecimalException):
    pass

class Subnormal(DecimalException):
    pass

class Overflow(Inexact, Rounded):
    pass

class Underflow(Inexact, Rounded, Subnormal):
    pass

class FloatOperation(DecimalException, TypeError):
    pass


# The signals in the C implementation's orders.
# Signal dict order, and the order in which the raised exception class is chosen.
_signal_map = [InvalidOperation, FloatOperation, DivisionByZero, Overflow,
               Underflow, Subnormal, Inexact, Rounded, Clamped]
# The order of the conditions in a raised exception's argument list.
_cond_order = [InvalidOperation, ConversionSyntax, DivisionImpossible,
               DivisionUndefined, InvalidContext, FloatOperation, DivisionByZero,
               Overflow, Underflow, Subnormal, Inexact, Rounded, Clamped]
_invalid_conditions = [ConversionSyntax, DivisionImpossible, DivisionUndefined,
                       InvalidContext]

_rounding_modes = (ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING,
                   ROUND_FLOOR, ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP)

_ROUNDING_ERROR = ("valid values for rounding are:\n"
                   "  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n"
                   "   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n"
                   "   ROUND_05UP]")
_SIGNAL_KEY_ERROR = ("valid values for signals are:\n"
                     "  [InvalidOperation, FloatOperation, DivisionByZero,\n"
                     "   Overflow, Underflow, Subnormal, Inexact, Rounded,\n"
                     "   Clamped]")


# libmpdec's status bits
_MPD_BITS = [(Clamped, 0x1), (ConversionSyntax, 0x2), (DivisionByZero, 0x4),
             (DivisionImpossible, 0x8), (DivisionUndefined, 0x10), (Inexact, 0x40),
             (InvalidContext, 0x80), (InvalidOperation, 0x100), (FloatOperation, 0x400),
             (Overflow, 0x800), (Rounded, 0x1000), (Subnormal, 0x2000), (Underflow, 0x4000)]
_IEEE_INVALID = 0x2 | 0x8 | 0x10 | 0x20 | 0x80 | 0x100 | 0x200
_repr_bits = [(0x1, 'Clamped'), (0x2, 'InvalidOperation'), (0x4, 'DivisionByZero'),
              (0x8, 'InvalidOperation'), (0x10, 'InvalidOperation'), (0x20, 'InvalidOperation'),
              (0x40, 'Inexact'), (0x80, 'InvalidOperation'), (0x100, 'InvalidOperation'),
              (0x200, 'InvalidOperation'), (0x400, 'FloatOperation'), (0x800, 'Overflow'),
              (0x1000, 'Rounded'), (0x2000, 'Subnormal'), (0x4000, 'Underflow')]


def _cond_bit(cond):
    for c, b in _MPD_BITS:
        if c is cond:
            return b
    return 0


def _signal_bits(sig):
    if _signal_of(sig) is InvalidOperation:
        return _IEEE_INVALID
    return _cond_bit(sig)


def _signal_of(cond):
    for c in _invalid_conditions:
        if cond is c:
            return InvalidOperation
    return cond


def _is_signal(key):
    for s in _signal_map:
        if key is s:
            return True
    return False


def _check_rounding(rounding):
    for r in _rounding_modes:
        if type(rounding) is str and rounding == r:
            return rounding
    raise TypeError(_ROUNDING_ERROR)


# Context functions: one global current context.

_current_context = None

def getcontext():
    """Returns this thread's context."""
    global _current_context
    if _current_context is None:
        _current_context = Context()
    return _current_context

def setcontext(context):
    """Set this thread's context to context."""
    global _current_context
    if not isinstance(context, Context):
        raise TypeError("argument must be a context")
    if context is DefaultContext or context is BasicContext or context is ExtendedContext:
        context = context.copy()
        context.clear_flags()
    _current_context = context

_context_attributes = ['prec', 'Emin', 'Emax', 'capitals', 'clamp', 'rounding', 'flags', 'traps']

def localcontext(ctx=None, **kwargs):
    """Return a context manager for a copy of the supplied context."""
    if ctx is None:
        ctx = getcontext()
    elif not isinstance(ctx, Context):
        raise TypeError("optional argument must be a context")
    ctx_manager = _ContextManager(ctx)
    for key, value in kwargs.items():
        if key not in _context_attributes:
            raise TypeError(f"'{key}' is an invalid keyword argument for this function")
        setattr(ctx_manager.new_context, key, value)
    return ctx_manager


class _ContextManager:
    """Context manager class to support localcontext()."""

    def __init__(self, new_context):
        self.new_context = new_context.copy()

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, t, v, tb):
        setcontext(self.saved_context)
        return False


# Parsing of numeric strings

def _digits_only(s):
    if not s:
        return False
    for ch in s:
        if ch < '0' or ch > '9':
            return False
    return True


def _to_ascii(s):
    """Non-ASCII decimal digits as ASCII digits; None if a non-ASCII character is not a digit."""
    for ch in s:
        if ch > '\x7f':
            out = []
            for c in s:
                if c > '\x7f':
                    if not c.isdecimal():
                        return None
                    out.append(str(int(c)))
                else:
                    out.append(c)
            return ''.join(out)
    return s


def _parse_decimal(s):
    """Parse a stripped numeric string: (sign, coefficient, exponent) with exponent an int for a
    finite number, or 'F' / 'n' / 'N' (coefficient: the NaN payload); None if invalid."""
    s = _to_ascii(s)
    if s is None or not s:
        return None
    sign = 0
    i = 0
    if s[0] == '+' or s[0] == '-':
        sign = 1 if s[0] == '-' else 0
        i = 1
    rest = s[i:]
    low = rest.lower()
    if low == 'inf' or low == 'infinity':
        return (sign, '0', 'F')
    if low[:3] == 'nan':
        diag = rest[3:]
        if diag and not _digits_only(diag):
            return None
        return (sign, diag.lstrip('0'), 'n')
    if low[:4] == 'snan':
        diag = rest[4:]
        if diag and not _digits_only(diag):
            return None
        return (sign, diag.lstrip('0'), 'N')
    n = len(rest)
    j = 0
    while j < n and '0' <= rest[j] <= '9':
        j += 1
    intpart = rest[:j]
    fracpart = ''
    if j < n and rest[j] == '.':
        k = j + 1
        while k < n and '0' <= rest[k] <= '9':
            k += 1
        fracpart = rest[j + 1:k]
        j = k
    if not intpart and not fracpart:
        return None
    exp = 0
    if j < n and (rest[j] == 'e' or rest[j] == 'E'):
        k = j + 1
        if k < n and (rest[k] == '+' or rest[k] == '-'):
            k += 1
        if not _digits_only(rest[k:]):
            return None
        exp = int(rest[j + 1:])
        j = n
    if j != n:
        return None
    return (sign, (intpart + fracpart).lstrip('0') or '0', exp - len(fracpart))


def _exact_conversion_ok(coeff, exp):
    """libmpdec converts with a maximum context and rejects (InvalidOperation) an inexact result."""
    if coeff == '0':
        return MIN_ETINY <= exp <= MAX_EMAX
    return exp >= MIN_ETINY and exp + len(coeff) - 1 <= MAX_EMAX


##### Decimal class #######################################################

class Decimal(object):
    """Floating point class for decimal arithmetic."""

    __slots__ = ('_exp', '_int', '_sign', '_is_special')

    def __new__(cls, value="0", context=None):
        """Create a decimal point instance."""
        self = object.__new__(cls)

        if context is not None and not isinstance(context, Context):
            raise TypeError("optional argument must be a context")

        # From a string
        if isinstance(value, str):
            m = _parse_decimal(value.replace('_', '').strip())
            if m is None:
                if context is None:
                    context = getcontext()
                return context._raise_error(ConversionSyntax)
            sign, coeff, exp = m
            if exp != 'F' and exp != 'n' and exp != 'N' and not _exact_conversion_ok(coeff, exp):
                if context is None:
                    context = getcontext()
                return context._raise_error(InvalidOperation)
            self._sign = sign
            self._int = coeff
            self._exp = exp
            self._is_special = exp == 'F' or exp == 'n' or exp == 'N'
            return self

        # From an integer
        if isinstance(value, int):
            if value >= 0:
                self._sign = 0
            else:
                self._sign = 1
            self._exp = 0
            self._int = str(abs(value))
            self._is_special = False
            return self

        # From another decimal
        if isinstance(value, Decimal):
            self._exp = value._exp
            self._sign = value._sign
            self._int = value._int
            self._is_special = value._is_special
            return self

        # From an internal working value
        if isinstance(value, _WorkRep):
            self._sign = value.sign
            self._int = str(value.int)
            self._exp = int(value.exp)
            self._is_special = False
            return self

        # tuple/list conversion (possibly from as_tuple())
        if isinstance(value, (list, tuple)):
            if len(value) != 3:
                raise ValueError('argument must be a sequence of length 3')
            sign = value[0]
            if not isinstance(sign, int) or (sign != 0 and sign != 1):
                raise ValueError("sign must be an integer with the value 0 or 1")
            sign = int(sign)
            exp = value[2]
            if isinstance(exp, str):
                if exp != 'F' and exp != 'n' and exp != 'N':
                    raise ValueError("string argument in the third position "
                                     "must be 'F', 'n' or 'N'")
            elif not isinstance(exp, int):
                raise ValueError("exponent must be an integer")
            else:
                exp = int(exp)
                if exp > 9223372036854775807 or exp < -9223372036854775808:
                    raise OverflowError("Python int too large to convert to C ssize_t")
            digits = value[1]
            if not isinstance(digits, (list, tuple)):
                raise ValueError("coefficient must be a tuple of digits")
            ds = []
            for digit in digits:
                if not isinstance(digit, int) or digit < 0 or digit > 9:
                    raise ValueError("coefficient must be a tuple of digits")
                ds.append(str(int(digit)))
            self._sign = sign
            if exp == 'F':
                self._int = '0'
                self._exp = 'F'
                self._is_special = True
            elif exp == 'n' or exp == 'N':
                self._int = ''.join(ds).lstrip('0')
                self._exp = exp
                self._is_special = True
            else:
                coeff = ''.join(ds).lstrip('0') or '0'
                if not _exact_conversion_ok(coeff, exp):
                    if context is None:
                        context = getcontext()
                    return context._raise_error(InvalidOperation)
                self._int = coeff
                self._exp = exp
                self._is_special = False
            return self

        if isinstance(value, float):
            if context is None:
                context = getcontext()
            context._raise_error(FloatOperation)
            value = Decimal.from_float(value)
            self._exp = value._exp
            self._sign = value._sign
            self._int = value._int
            self._is_special = value._is_special
            return self

        raise TypeError("conversion from %s to Decimal is not supported" % type(value).__name__)

    @classmethod
    def from_float(cls, f):
        """Converts a float to a decimal number, exactly."""
        if isinstance(f, int):
            sign = 0 if f >= 0 else 1
            k = 0
            coeff = str(abs(f))
        elif isinstance(f, float):
            if _math.isnan(f):
                result = _dec_from_triple(0 if _math.copysign(1.0, f) == 1.0 else 1, '', 'n', True)
                return result if cls is Decimal else cls(result)
            if _math.isinf(f):
                result = _dec_from_triple(0 if f > 0 else 1, '0', 'F', True)
                return result if cls is Decimal else cls(result)
            if _math.copysign(1.0, f) == 1.0:
                sign = 0
            else:
                sign = 1
            n, d = abs(f).as_integer_ratio()
            k = d.bit_length() - 1
            coeff = str(n*5**k)
        else:
            raise TypeError("argument must be int or float")

        result = _dec_from_triple(sign, coeff, -k)
        if cls is Decimal:
            return result
        else:
            return cls(result)

    def _isnan(self):
        """Returns whether the number is not actually one.

        0 if a number
        1 if NaN
        2 if sNaN
        """
        if self._is_special:
            exp = self._exp
            if exp == 'n':
                return 1
            elif exp == 'N':
                return 2
        return 0

    def _isinfinity(self):
        """Returns whether the number is infinite

        0 if finite or not a number
        1 if +INF
        -1 if -INF
        """
        if self._exp == 'F':
            if self._sign:
                return -1
            return 1
        return 0

    def _check_nans(self, other=None, context=None):
        """Returns whether the number is not actually one (NaN result or 0)."""
        self_is_nan = self._isnan()
        if other is None:
            other_is_nan = False
        else:
            other_is_nan = other._isnan()

        if self_is_nan or other_is_nan:
            if context is None:
                context = getcontext()

            if self_is_nan == 2:
                return context._raise_error(InvalidOperation, 'sNaN', self)
            if other_is_nan == 2:
                return context._raise_error(InvalidOperation, 'sNaN', other)
            if self_is_nan:
                return self._fix_nan(context)

            return other._fix_nan(context)
        return 0

    def _compare_check_nans(self, other, context):
        """Version of _check_nans used for the signaling comparisons."""
        if context is None:
            context = getcontext()

        if self._is_special or other._is_special:
            if self.is_snan():
                return context._raise_error(InvalidOperation, 'sNaN', self)
            elif other.is_snan():
                return context._raise_error(InvalidOperation, 'sNaN', other)
            elif self.is_qnan():
                return context._raise_error(InvalidOperation, 'NaN', self)
            elif other.is_qnan():
                return context._raise_error(InvalidOperation, 'NaN', other)
        return 0

    def __bool__(self):
        """Return True if self is nonzero; otherwise return False."""
        return self._is_special or self._int != '0'

    def _cmp(self, other):
        """Compare the two non-NaN decimal instances self and other."""
        if self._is_special or other._is_special:
            self_inf = self._isinfinity()
            other_inf = other._isinfinity()
            if self_inf == other_inf:
                return 0
            elif self_inf < other_inf:
                return -1
            else:
                return 1

        # check for zeros;  Decimal('0') == Decimal('-0')
        if not self:
            if not other:
                return 0
            else:
                return -((-1)**other._sign)
        if not other:
            return (-1)**self._sign

        # If different signs, neg one is less
        if other._sign < self._sign:
            return -1
        if self._sign < other._sign:
            return 1

        self_adjusted = self.adjusted()
        other_adjusted = other.adjusted()
        if self_adjusted == other_adjusted:
            self_padded = self._int + '0'*(self._exp - other._exp)
            other_padded = other._int + '0'*(other._exp - self._exp)
            if self_padded == other_padded:
                return 0
            elif self_padded < other_padded:
                return -(-1)**self._sign
            else:
                return (-1)**self._sign
        elif self_adjusted > other_adjusted:
            return (-1)**self._sign
        else: # self_adjusted < other_adjusted
            return -((-1)**self._sign)

    def __eq__(self, other, context=None):
        self, other = _convert_for_comparison(self, other, True)
        if other is NotImplemented:
            return other
        if self._check_nans(other, context):
            return False
        return self._cmp(other) == 0

    def __ne__(self, other, context=None):
        self, other = _convert_for_comparison(self, other, True)
        if other is NotImplemented:
            return other
        if self._check_nans(other, context):
            return True
        return self._cmp(other) != 0

    def __lt__(self, other, context=None):
        self, other = _convert_for_comparison(self, other, False)
        if other is NotImplemented:
            return other
        ans = self._compare_check_nans(other, context)
        if ans:
            return False
        return self._cmp(other) < 0

    def __le__(self, other, context=None):
        self, other = _convert_for_comparison(self, other, False)
        if other is NotImplemented:
            return other
        ans = self._compare_check_nans(other, context)
        if ans:
            return False
        return self._cmp(other) <= 0

    def __gt__(self, other, context=None):
        self, other = _convert_for_comparison(self, other, False)
        if other is NotImplemented:
            return other
        ans = self._compare_check_nans(other, context)
        if ans:
            return False
        return self._cmp(other) > 0

    def __ge__(self, other, context=None):
        self, other = _convert_for_comparison(self, other, False)
        if other is NotImplemented:
            return other
        ans = self._compare_check_nans(other, context)
        if ans:
            return False
        return self._cmp(other) >= 0

    def compare(self, other, context=None):
        """Compare self to other.  Return a decimal value:

        a or b is a NaN ==> Decimal('NaN')
        a < b           ==> Decimal('-1')
        a == b          ==> Decimal('0')
        a > b           ==> Decimal('1')
        """
        other = _convert_other(other, True)

        # Compare(NaN, NaN) = NaN
        if (self._is_special or other and other._is_special):
            ans = self._check_nans(other, context)
            if ans:
                return ans

        return Decimal(self._cmp(other))

    def __hash__(self):
        """x.__hash__() <==> hash(x)"""
        if self._is_special:
            if self.is_snan():
                raise TypeError('Cannot hash a signaling NaN value')
            elif self.is_nan():
                return hash(id(self))
            else:
                if self._sign:
                    return -_PyHASH_INF
                else:
                    return _PyHASH_INF

        if self._exp >= 0:
            exp_hash = pow(10, self._exp, _PyHASH_MODULUS)
        else:
            exp_hash = pow(_PyHASH_10INV, -self._exp, _PyHASH_MODULUS)
        hash_ = int(self._int) * exp_hash % _PyHASH_MODULUS
        ans = hash_ if self._sign == 0 else -hash_
        return -2 if ans == -1 else ans

    def as_tuple(self):
        """Represents the number as a triple tuple."""
        return DecimalTuple(self._sign, tuple([int(c) for c in self._int]), self._exp)

    def as_integer_ratio(self):
        """Express a finite Decimal instance in the form n / d."""
        if self._is_special:
            if self.is_nan():
                raise ValueError("cannot convert NaN to integer ratio")
            else:
                raise OverflowError("cannot convert Infinity to integer ratio")

        if not self:
            return 0, 1

        # Find n, d in lowest terms such that abs(self) == n / d;
        # we'll deal with the sign later.
        n = int(self._int)
        if self._exp >= 0:
            # self is an integer.
            n, d = n * 10**self._exp, 1
        else:
            # Find d2, d5 such that abs(self) = n / (2**d2 * 5**d5).
            d5 = -self._exp
            while d5 > 0 and n % 5 == 0:
                n //= 5
                d5 -= 1

            # (n & -n).bit_length() - 1 counts trailing zeros in binary
            # representation of n (provided n is nonzero).
            d2 = -self._exp
            shift2 = min((n & -n).bit_length() - 1, d2)
            if shift2:
                n >>= shift2
                d2 -= shift2

            d = 5**d5 << d2

        if self._sign:
            n = -n
        return n, d

    def __repr__(self):
        """Represents the number as an instance of Decimal."""
        return "Decimal('%s')" % str(self)

    def __str__(self, eng=False, context=None):
        """Return string representation of the number in scientific notation."""
        sign = ['', '-'][self._sign]
        if self._is_special:
            if self._exp == 'F':
                return sign + 'Infinity'
            elif self._exp == 'n':
                return sign + 'NaN' + self._int
            else: # self._exp == 'N'
                return sign + 'sNaN' + self._int

        # number of digits of self._int to left of decimal point
        leftdigits = self._exp + len(self._int)

        # dotplace is number of digits of self._int to the left of the
        # decimal point in the mantissa of the output string (that is,
        # after adjusting the exponent)
        if self._exp <= 0 and leftdigits > -6:
            # no exponent required
            dotplace = leftdigits
        elif not eng:
            # usual scientific notation: 1 digit on left of the point
            dotplace = 1
        elif self._int == '0':
            # engineering notation, zero
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            # engineering notation, nonzero
            dotplace = (leftdigits - 1) % 3 + 1

        if dotplace <= 0:
            intpart = '0'
            fracpart = '.' + '0'*(-dotplace) + self._int
        elif dotplace >= len(self._int):
            intpart = self._int+'0'*(dotplace-len(self._int))
            fracpart = ''
        else:
            intpart = self._int[:dotplace]
            fracpart = '.' + self._int[dotplace:]
        if leftdigits == dotplace:
            exp = ''
        else:
            if context is None:
                context = getcontext()
            exp = ['e', 'E'][context.capitals] + "%+d" % (leftdigits-dotplace)

        return sign + intpart + fracpart + exp

    def to_eng_string(self, context=None):
        """Convert to a string, using engineering notation if an exponent is needed."""
        return self.__str__(True, context)

    def __neg__(self, context=None):
        """Returns a copy with the sign switched."""
        if self._is_special:
            ans = self._check_nans(None, context)
            if ans:
                return ans

        if context is None:
            context = getcontext()

        if not self and context.rounding != ROUND_FLOOR:
            # -Decimal('0') is Decimal('0'), not Decimal('-0'), except
            # in ROUND_FLOOR rounding mode.
            ans = self.copy_abs()
        else:
            ans = self.copy_negate()

        return ans._fix(context)

    def __pos__(self, context=None):
        """Returns a copy, unless it is a sNaN."""
        if self._is_special:
            ans = self._check_nans(None, context)
            if ans:
                return ans

        if context is None:
            context = getcontext()

        if not self and context.rounding != ROUND_FLOOR:
            # + (-0) = 0, except in ROUND_FLOOR rounding mode.
            ans = self.copy_abs()
        else:
            ans = Decimal(self)

        return ans._fix(context)

    def __abs__(self, rounded=True, context=None):
        """Returns the absolute value of self."""
        if not rounded:
            return self.copy_abs()

        if self._is_special:
            ans = self._check_nans(None, context)
            if ans:
                return ans

        if self._sign:
            ans = self.__neg__(context)
        else:
            ans = self.__pos__(context)

        return ans

    def __add__(self, other, context=None):
        """Returns self + other."""
        other = _convert_binop(other, '+', '__radd__', True)
        if other is NotImplemented:
            return other
        return self._add(other, context)

    def __radd__(self, other, context=None):
        other = _convert_binop(other, '+', None, False)
        return other._add(self, context)

    def __iadd__(self, other):
        other = _convert_binop(other, '+=', '__radd__', True)
        if other is NotImplemented:
            return other
        return self._add(other, None)

    def _add(self, other, context=None):
        if context is None:
            context = getcontext()

        if self._is_special or other._is_special:
            ans = self._check_nans(other, context)
            if ans:
                return ans

            if self._isinfinity():
                # If both INF, same sign => same as both, opposite => error.
                if self._sign != other._sign and other._isinfinity():
                    return context._raise_error(InvalidOperation, '-INF + INF')
                return Decimal(self)
            if other._isinfinity():
                return Decimal(other)  # Can't both be infinity here

        exp = min(self._exp, other._exp)
        negativezero = 0
        if context.rounding == ROUND_FLOOR and self._sign != other._sign:
            # If the answer is 0, the sign should be negative, in this case.
            negativezero = 1

        if not self and not other:
            sign = min(self._sign, other._sign)
            if negativezero:
                sign = 1
            ans = _dec_from_triple(sign, '0', exp)
            ans = ans._fix(context)
            return ans
        if not self:
            exp = max(exp, other._exp - context.prec-1)
            ans = other._rescale(exp, context.rounding)
            ans = ans._fix(context)
            return ans
        if not other:
            exp = max(exp, self._exp - context.prec-1)
            ans = self._rescale(exp, context.rounding)
            ans = ans._fix(context)
            return ans

        op1 = _WorkRep(self)
        op2 = _WorkRep(other)
        op1, op2 = _normalize(op1, op2, context.prec)

        result = _WorkRep()
        if op1.sign != op2.sign:
            # Equal and opposite
            if op1.int == op2.int:
                ans = _dec_from_triple(negativezero, '0', exp)
                ans = ans._fix(context)
                return ans
            if op1.int < op2.int:
                op1, op2 = op2, op1
                # OK, now abs(op1) > abs(op2)
            if op1.sign == 1:
                result.sign = 1
                op1.sign, op2.sign = op2.sign, op1.sign
            else:
                result.sign = 0
                # So we know the sign, and op1 > 0.
        elif op1.sign == 1:
            result.sign = 1
            op1.sign, op2.sign = (0, 0)
        else:
            result.sign = 0
        # Now, op1 > abs(op2) > 0

        if op2.sign == 0:
            result.int = op1.int + op2.int
        else:
            result.int = op1.int - op2.int

        result.exp = op1.exp
        ans = Decimal(result)
        ans = ans._fix(context)
        return ans

    def __sub__(self, other, context=None):
        """Return self - other"""
        other = _convert_binop(other, '-', '__rsub__', True)
        if other is NotImplemented:
            return other
        return self._sub(other, context)

    def __rsub__(self, other, context=None):
        """Return other - self"""
        other = _convert_binop(other, '-', None, False)
        return other._sub(self, context)

    def __isub__(self, other):
        other = _convert_binop(other, '-=', '__rsub__', True)
        if other is NotImplemented:
            return other
        return self._sub(other, None)

    def _sub(self, other, context=None):
        if self._is_special or other._is_special:
            ans = self._check_nans(other, context)
            if ans:
                return ans

        # self - other is computed as self + other.copy_negate()
        return self._add(other.copy_negate(), context)

    def __mul__(self, other, context=None):
        """Return self * other."""
        other = _convert_binop(other, '*', '__rmul__', True)
        if other is NotImplemented:
            return other
        return self._mul(other, context)

    def __rmul__(self, other, context=None):
        other = _convert_binop(other, '*', None, False)
        return other._mul(self, context)

    def __imul__(self, other):
        other = _convert_binop(other, '*=', '__rmul__', True)
        if other is NotImplemented:
            return other
        return self._mul(other, None)

    def _mul(self, other, context=None):
        if context is None:
            context = getcontext()

        resultsign = self._sign ^ other._sign

        if self._is_special or other._is_special:
            ans = self._check_nans(other, context)
            if ans:
                return ans

            if self._isinfinity():
                if not other:
                    return context._raise_error(InvalidOperation, '(+-)INF * 0')
                return _SignedInfinity[resultsign]

            if other._isinfinity():
                if not self:
                    return context._raise_error(InvalidOperation, '0 * (+-)INF')
                return _SignedInfinity[resultsign]

        resultexp = self._exp + other._exp

        # Special case for multiplying by zero
        if not self or not other:
            ans = _dec_from_triple(resultsign, '0', resultexp)
            # Fixing in case the exponent is out of bounds
            ans = ans._fix(context)
            return ans

        # Special case for multiplying by power of 10
        if self._int == '1':
            ans = _dec_from_triple(resultsign, other._int, resultexp)
            ans = ans._fix(context)
            return ans
        if other._int == '1':
            ans = _dec_from_triple(resultsign, self._int, resultexp)
            ans = ans._fix(context)
            return ans

        op1 = _WorkRep(self)
        op2 = _WorkRep(other)

        ans = _dec_from_triple(resultsign, str(op1.int * op2.int), resultexp)
        ans = ans._fix(context)

        return ans

    def __truediv__(self, other, context=None):
        """Return self / other."""
        other = _convert_binop(other, '/', '__rtruediv__', True)
        if other is NotImplemented:
            return other
        return self._truediv(other, context)

    def __rtruediv__(self, other, context=None):
        """Swaps self/other and returns __truediv__."""
        other = _convert_binop(other, '/', None, False)
        return other._truediv(self, context)

    def __itruediv__(self, other):
        other = _convert_binop(other, '/=', '__rtruediv__', True)
        if other is NotImplemented:
            return other
        return self._truediv(other, None)

    def _truediv(self, other, context=None):
        if context is None:
            context = getcontext()

        sign = self._sign ^ other._sign

        if self._is_special or other._is_special:
            ans = self._check_nans(other, context)
            if ans:
                return ans

            if self._isinfinity() and other._isinfinity():
                return context._raise_error(InvalidOperation, '(+-)INF/(+-)INF')

            if self._isinfinity():
                return _SignedInfinity[sign]

            if other._isinfinity():
                context._raise_error(Clamped, 'Division by infinity')
                return _dec_from_triple(sign, '0', context.Etiny())

        # Special cases for zeroes
        if not other:
            if not self:
                return context._raise_error(DivisionUndefined, '0 / 0')
            return context._raise_error(DivisionByZero, 'x / 0', sign)

        if not self:
            exp = self._exp - other._exp
            coeff = 0
        else:
            # OK, so neither = 0, INF or NaN
            shift = len(other._int) - len(self._int) + context.prec + 1
            exp = self._exp - other._exp - shift
            op1 = _WorkRep(self)
            op2 = _WorkRep(other)
            if shift >= 0:
                coeff, remainder = divmod(op1.int * 10**shift, op2.int)
            else:
                coeff, remainder = divmod(op1.int, op2.int * 10**-shift)
            if remainder:
                # result is not exact; adjust to ensure correct rounding
                if coeff % 5 == 0:
                    coeff += 1
            else:
                # result is exact; get as close to ideal exponent as possible
                ideal_exp = self._exp - other._exp
                while exp < ideal_exp and coeff % 10 == 0:
                    coeff //= 10
                    exp += 1

        ans = _dec_from_triple(sign, str(coeff), exp)
        return ans._fix(context)

    def _divide(self, other, context):
        """Return (self // other, self % other), to context.prec precision.

        Assumes that neither self nor other is a NaN, that self is not
        infinite and that other is nonzero.
        """
        sign = self._sign ^ other._sign
        if other._isinfinity():
            ideal_exp = self._exp
        else:
            ideal_exp = min(self._exp, other._exp)

        expdiff = self.adjusted() - other.adjusted()
        if not self or other._isinfinity() or expdiff <= -2:
            return (_dec_from_triple(sign, '0', 0),
                    self._rescale(ideal_exp, context.rounding))
        if expdiff <= context.prec:
            op1 = _WorkRep(self)
            op2 = _WorkRep(other)
            if op1.exp >= op2.exp:
                op1.int *= 10**(op1.exp - op2.exp)
            else:
                op2.int *= 10**(op2.exp - op1.exp)
            q, r = divmod(op1.int, op2.int)
            if q < 10**context.prec:
                return (_dec_from_triple(sign, str(q), 0),
                        _dec_from_triple(self._sign, str(r), ideal_exp))

        # Here the quotient is too large to be representable
        ans = context._raise_error(DivisionImpossible,
                                   'quotient too large in //, % or divmod')
        return ans, ans

    def __divmod__(self, other, context=None):
        """Return (self // other, self % other)"""
        other = _convert_binop(other, 'divmod()', '__rdivmod__', True)
        if other is NotImplemented:
            return other
        return self._divmod(other, context)

    def __rdivmod__(self, other, context=None):
        """Swaps self/other and returns __divmod__."""
        other = _convert_binop(other, 'divmod()', None, False)
        return other._divmod(self, context)

    def _divmod(self, other, context=None):
        if context is None:
            context = getcontext()

        ans = self._check_nans(other, context)
        if ans:
            return (ans, ans)

        sign = self._sign ^ other._sign
        if self._isinfinity():
            if other._isinfinity():
                ans = context._raise_error(InvalidOperation, 'divmod(INF, INF)')
                return ans, ans
            else:
                context._raise_error(InvalidOperation, 'INF % x')
                return (_NaN, _NaN)

        if not other:
            if not self:
                ans = context._raise_error(DivisionUndefined, 'divmod(0, 0)')
                return ans, ans
            else:
                context._raise_all([InvalidOperation, DivisionByZero])
                return (_NaN, _NaN)

        quotient, remainder = self._divide(other, context)
        st = []
        quotient = quotient._fixs(context, st)
        remainder = remainder._fixs(context, st)
        if st:
            context._raise_all(st)
        return quotient, remainder

    def __mod__(self, other, context=None):
        """self % other"""
        other = _convert_binop(other, '%', '__rmod__', True)
        if other is NotImplemented:
            return other
        return self._mod(other, context)

    def __rmod__(self, other, context=None):
        """Swaps self/other and returns __mod__."""
        other = _convert_binop(other, '%', None, False)
        return other._mod(self, context)

    def __imod__(self, other):
        other = _convert_binop(other, '%=', '__rmod__', True)
        if other is NotImplemented:
            return other
        return self._mod(other, None)

    def _mod(self, other, context=None):
        if context is None:
            context = getcontext()

        ans = self._check_nans(other, context)
        if ans:
            return ans

        if self._isinfinity():
            return context._raise_error(InvalidOperation, 'INF % x')
        elif not other:
            if self:
                return context._raise_error(InvalidOperation, 'x % 0')
            else:
                return context._raise_error(DivisionUndefined, '0 % 0')

        remainder = self._divide(other, context)[1]
        remainder = remainder._fix(context)
        return remainder

    def remainder_near(self, other, context=None):
        """
        Remainder nearest to 0-  abs(remainder-near) <= other/2
        """
        if context is None:
            context = getcontext()

        other = _convert_other(other, True)

        ans = self._check_nans(other, context)
        if ans:
            return ans

        # self == +/-infinity -> InvalidOperation
        if self._isinfinity():
            return context._raise_error(InvalidOperation,
                                        'remainder_near(infinity, x)')

        # other == 0 -> either InvalidOperation or DivisionUndefined
        if not other:
            if self:
                return context._raise_error(InvalidOperation,
                                            'remainder_near(x, 0)')
            else:
                return context._raise_error(DivisionUndefined,
                                            'remainder_near(0, 0)')

        # other = +/-infinity -> remainder = self
        if other._isinfinity():
            ans = Decimal(self)
            return ans._fix(context)

        # self = 0 -> remainder = self, with ideal exponent
        ideal_exponent = min(self._exp, other._exp)
        if not self:
            ans = _dec_from_triple(self._sign, '0', ideal_exponent)
            return ans._fix(context)

        # catch most cases of large or small quotient
        expdiff = self.adjusted() - other.adjusted()
        if expdiff >= context.prec + 1:
            # expdiff >= prec+1 => abs(self/other) > 10**prec
            return context._raise_error(DivisionImpossible)
        if expdiff <= -2:
            # expdiff <= -2 => abs(self/other) < 0.1
            ans = self._rescale(ideal_exponent, context.rounding)
            return ans._fix(context)

        # adjust both arguments to have the same exponent, then divide
        op1 = _WorkRep(self)
        op2 = _WorkRep(other)
        if op1.exp >= op2.exp:
            op1.int *= 10**(op1.exp - op2.exp)
        else:
            op2.int *= 10**(op2.exp - op1.exp)
        q, r = divmod(op1.int, op2.int)
        # remainder is r*10**ideal_exponent; other is +/-op2.int *
        # 10**ideal_exponent.   Apply correction to ensure that
        # abs(remainder) <= abs(other)/2
        if 2*r + (q&1) > op2.int:
            r -= op2.int
            q += 1

        if q >= 10**context.prec:
            return context._raise_error(DivisionImpossible)

        # result has same sign as self unless r is negative
        sign = self._sign
        if r < 0:
            sign = 1-sign
            r = -r

        ans = _dec_from_triple(sign, str(r), ideal_exponent)
        return ans._fix(context)

    def __floordiv__(self, other, context=None):
        """self // other"""
        other = _convert_binop(other, '//', '__rfloordiv__', True)
        if other is NotImplemented:
            return other
        return self._floordiv(other, context)

    def __rfloordiv__(self, other, context=None):
        """Swaps self/other and returns __floordiv__."""
        other = _convert_binop(other, '//', None, False)
        return other._floordiv(self, context)

    def __ifloordiv__(self, other):
        other = _convert_binop(other, '//=', '__rfloordiv__', True)
        if other is NotImplemented:
            return other
        return self._floordiv(other, None)

    def _floordiv(self, other, context=None):
        if context is None:
            context = getcontext()

        ans = self._check_nans(other, context)
        if ans:
            return ans

        if self._isinfinity():
            if other._isinfinity():
                return context._raise_error(InvalidOperation, 'INF // INF')
            else:
                return _SignedInfinity[self._sign ^ other._sign]

        if not other:
            if self:
                return context._raise_error(DivisionByZero, 'x // 0',
                                            self._sign ^ other._sign)
            else:
                return context._raise_error(DivisionUndefined, '0 // 0')

        return self._divide(other, context)[0]._fix(context)

    def __float__(self):
        """Float representation."""
        if self._isnan():
            if self.is_snan():
                raise ValueError("cannot convert signaling NaN to float")
            return -_math.nan if self._sign else _math.nan
        if self._isinfinity():
            return -_math.inf if self._sign else _math.inf
        return float(str(self))

    def __int__(self):
        """Converts self to an int, truncating if necessary."""
        if self._is_special:
            if self._isnan():
                raise ValueError("cannot convert NaN to integer")
            elif self._isinfinity():
                raise OverflowError("cannot convert Infinity to integer")
        s = (-1)**self._sign
        if self._exp >= 0:
            return s*int(self._int)*10**self._exp
        else:
            return s*int(self._int[:self._exp] or '0')

    def __trunc__(self):
        return self.__int__()

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self

    def _fix_nan(self, context):
        """Decapitate the payload of a NaN to fit the context"""
        payload = self._int

        # maximum length of payload is precision if clamp=0,
        # precision-1 if clamp=1.
        max_payload_len = context.prec - context.clamp
        if len(payload) > max_payload_len:
            payload = payload[len(payload)-max_payload_len:].lstrip('0')
            return _dec_from_triple(self._sign, payload, self._exp, True)
        return Decimal(self)

    def _fix(self, context):
        """Round if it is necessary to keep self within prec precision."""
        st = []
        ans = self._fixs(context, st)
        if st:
            context._raise_all(st)
        return ans

    def _fixs(self, context, st):
        """_fix, with the signalled conditions appended to st instead of raised."""
        if self._is_special:
            if self._isnan():
                # decapitate payload if necessary
                return self._fix_nan(context)
            else:
                # self is +/-Infinity; return unaltered
                return Decimal(self)

        # if self is zero then exponent should be between Etiny and
        # Emax if clamp==0, and between Etiny and Etop if clamp==1.
        Etiny = context.Etiny()
        Etop = context.Etop()
        if not self:
            exp_max = [context.Emax, Etop][context.clamp]
            new_exp = min(max(self._exp, Etiny), exp_max)
            if new_exp != self._exp:
                st.append(Clamped)
                return _dec_from_triple(self._sign, '0', new_exp)
            else:
                return Decimal(self)

        # exp_min is the smallest allowable exponent of the result,
        # equal to max(self.adjusted()-context.prec+1, Etiny)
        exp_min = len(self._int) + self._exp - context.prec
        if exp_min > Etop:
            # overflow: exp_min > Etop iff self.adjusted() > Emax
            st.append(Overflow)
            st.append(Inexact)
            st.append(Rounded)
            return _overflow_result(context, self._sign)
        self_is_subnormal = exp_min < Etiny
        if self_is_subnormal:
            exp_min = Etiny

        # round if self has too many digits
        if self._exp < exp_min:
            digits = len(self._int) + self._exp - exp_min
            if digits < 0:
                self = _dec_from_triple(self._sign, '1', exp_min-1)
                digits = 0
            changed = self._round_by(context.rounding, digits)
            coeff = self._int[:digits] or '0'
            if changed > 0:
                coeff = str(int(coeff)+1)
                if len(coeff) > context.prec:
                    coeff = coeff[:-1]
                    exp_min += 1

            # check whether the rounding pushed the exponent out of range
            if exp_min > Etop:
                st.append(Overflow)
                ans = _overflow_result(context, self._sign)
            else:
                ans = _dec_from_triple(self._sign, coeff, exp_min)

            # raise the appropriate signals, taking care to respect
            # the precedence described in the specification
            if changed and self_is_subnormal:
                st.append(Underflow)
            if self_is_subnormal:
                st.append(Subnormal)
            if changed:
                st.append(Inexact)
            st.append(Rounded)
            if not ans:
                # raise Clamped on underflow to 0
                st.append(Clamped)
            return ans

        if self_is_subnormal:
            st.append(Subnormal)

        # fold down if clamp == 1 and self has too few digits
        if context.clamp == 1 and self._exp > Etop:
            st.append(Clamped)
            self_padded = self._int + '0'*(self._exp - Etop)
            return _dec_from_triple(self._sign, self_padded, Etop)

        # here self was representable to begin with; return unchanged
        return Decimal(self)

    # Rounding: each returns 1 if the digits to be discarded make the rounded value go up,
    # 0 if they are all zero, -1 otherwise (truncate).

    def _round_down(self, prec):
        """Also known as round-towards-0, truncate."""
        if _all_zeros(self._int, prec):
            return 0
        else:
            return -1

    def _round_up(self, prec):
        """Rounds away from 0."""
        return -self._round_down(prec)

    def _round_half_up(self, prec):
        """Rounds 5 up (away from 0)"""
        if self._int[prec] in '56789':
            return 1
        elif _all_zeros(self._int, prec):
            return 0
        else:
            return -1

    def _round_half_down(self, prec):
        """Round 5 down"""
        if _exact_half(self._int, prec):
            return -1
        else:
            return self._round_half_up(prec)

    def _round_half_even(self, prec):
        """Round 5 to even, rest to nearest."""
        if _exact_half(self._int, prec) and \
                (prec == 0 or self._int[prec-1] in '02468'):
            return -1
        else:
            return self._round_half_up(prec)

    def _round_ceiling(self, prec):
        """Rounds up (not away from 0 if negative.)"""
        if self._sign:
            return self._round_down(prec)
        else:
            return -self._round_down(prec)

    def _round_floor(self, prec):
        """Rounds down (not towards 0 if negative)"""
        if not self._sign:
            return self._round_down(prec)
        else:
            return -self._round_down(prec)

    def _round_05up(self, prec):
        """Round down unless digit prec-1 is 0 or 5."""
        if prec and self._int[prec-1] not in '05':
            return self._round_down(prec)
        else:
            return -self._round_down(prec)

    def _round_by(self, rounding, prec):
        if rounding == ROUND_HALF_EVEN:
            return self._round_half_even(prec)
        if rounding == ROUND_HALF_UP:
            return self._round_half_up(prec)
        if rounding == ROUND_DOWN:
            return self._round_down(prec)
        if rounding == ROUND_UP:
            return self._round_up(prec)
        if rounding == ROUND_HALF_DOWN:
            return self._round_half_down(prec)
        if rounding == ROUND_CEILING:
            return self._round_ceiling(prec)
        if rounding == ROUND_FLOOR:
            return self._round_floor(prec)
        return self._round_05up(prec)

    def __round__(self, n=None):
        """Round self to the nearest integer, or to a given precision."""
        if n is not None:
            # two-argument form: use the equivalent quantize call
            if not isinstance(n, int):
                raise TypeError('optional arg must be an integer')
            exp = _dec_from_triple(0, '1', -n)
            return self.quantize(exp)

        # one-argument form
        if self._is_special:
            if self.is_nan():
                raise ValueError("cannot convert NaN to integer")
            else:
                raise OverflowError("cannot convert Infinity to integer")
        return int(self._rescale(0, ROUND_HALF_EVEN))

    def __floor__(self):
        """Return the floor of self, as an integer."""
        if self._is_special:
            if self.is_nan():
                raise ValueError("cannot convert NaN to integer")
            else:
                raise OverflowError("cannot convert Infinity to integer")
        return int(self._rescale(0, ROUND_FLOOR))

    def __ceil__(self):
        """Return the ceiling of self, as an integer."""
        if self._is_special:
            if self.is_nan():
                raise ValueError("cannot convert NaN to integer")
            else:
                raise OverflowError("cannot convert Infinity to integer")
        return int(self._rescale(0, ROUND_CEILING))

    def fma(self, other, third, context=None):
        """Fused multiply-add: self*other+third with no rounding of the intermediate product."""
        other = _convert_other(other, True)
        third = _convert_other(third, True)

        # compute product; raise InvalidOperation if either operand is
        # a signaling NaN or if the product is zero times infinity.
        if self._is_special or other._is_special:
            if context is None:
                context = getcontext()
            if self._exp == 'N':
                return context._raise_error(InvalidOperation, 'sNaN', self)
            if other._exp == 'N':
                return context._raise_error(InvalidOperation, 'sNaN', other)
            if self._exp == 'n':
                product = self
            elif other._exp == 'n':
                product = other
            elif self._exp == 'F':
                if not other:
                    return context._raise_error(InvalidOperation,
                                                'INF * 0 in fma')
                product = _SignedInfinity[self._sign ^ other._sign]
            else:
                if not self:
                    return context._raise_error(InvalidOperation,
                                                '0 * INF in fma')
                product = _SignedInfinity[self._sign ^ other._sign]
        else:
            product = _dec_from_triple(self._sign ^ other._sign,
                                       str(int(self._int) * int(other._int)),
                                       self._exp + other._exp)

        return product._add(third, context)

    def _power_modulo(self, other, modulo, context=None):
        """Three argument version of __pow__"""
        if context is None:
            context = getcontext()

        # deal with NaNs: if there are any sNaNs then first one wins,
        # (i.e. behaviour for NaNs is identical to that of fma)
        self_is_nan = self._isnan()
        other_is_nan = other._isnan()
        modulo_is_nan = modulo._isnan()
        if self_is_nan or other_is_nan or modulo_is_nan:
            if self_is_nan == 2:
                return context._raise_error(InvalidOperation, 'sNaN', self)
            if other_is_nan == 2:
                return context._raise_error(InvalidOperation, 'sNaN', other)
            if modulo_is_nan == 2:
                return context._raise_error(InvalidOperation, 'sNaN', modulo)
            if self_is_nan:
                return self._fix_nan(context)
            if other_is_nan:
                return other._fix_nan(context)
            return modulo._fix_nan(context)

        # check inputs: we apply same restrictions as Python's pow()
        if not (self._isinteger() and
                other._isinteger() and
                modulo._isinteger()):
            return context._raise_error(InvalidOperation)
        if other < 0:
            return context._raise_error(InvalidOperation)
        if not modulo:
            return context._raise_error(InvalidOperation)

        # additional restriction for decimal: the modulus must be less
        # than 10**prec in absolute value
        if modulo.adjusted() >= context.prec:
            return context._raise_error(InvalidOperation)

        # define 0**0 == NaN, for consistency with two-argument pow
        # (even though it hurts!)
        if not other and not self:
            return context._raise_error(InvalidOperation)

        # compute sign of result
        if other._iseven():
            sign = 0
        else:
            sign = self._sign

        # convert modulo to a Python integer, and self and other to
        # Decimal integers (i.e. force their exponents to be >= 0)
        modulo = abs(int(modulo))
        base = _WorkRep(self.to_integral_value())
        exponent = _WorkRep(other.to_integral_value())

        # compute result using integer pow()
        base = (base.int % modulo * pow(10, base.exp, modulo)) % modulo
        for i in range(exponent.exp):
            base = pow(base, 10, modulo)
        base = pow(base, exponent.int, modulo)

        return _dec_from_triple(sign, str(base), 0)

    def __pow__(self, other, modulo=None, context=None):
        """Return self ** other [ % modulo]."""
        other = _convert_binop(other, '** or pow()', '__rpow__', True)
        if other is NotImplemented:
            return other
        if modulo is not None:
            modulo = _convert_binop(modulo, '** or pow()', None, True)
            if modulo is NotImplemented:
                return modulo
            return self._power_modulo(other, modulo, context)
        return self._pow(other, context)

    def __rpow__(self, other, context=None):
        """Swaps self/other and returns __pow__."""
        other = _convert_binop(other, '** or pow()', None, False)
        return other._pow(self, context)

    def __ipow__(self, other):
        other = _convert_binop(other, '**=', '__rpow__', True)
        if other is NotImplemented:
            return other
        return self._pow(other, None)

    def _pow(self, other, context=None):
        """libmpdec's mpd_qpow."""
        if context is None:
            context = getcontext()
        st = []
        ans = _mpd_qpow(self, other, context, st)
        if st:
            context._raise_all(st)
        return ans

    def normalize(self, context=None):
        """Normalize- strip trailing 0s, change anything equal to 0 to 0e0"""
        if context is None:
            context = getcontext()

        if self._is_special:
            ans = self._check_nans(None, context)
            if ans:
                return ans

        dup = self._fix(context)
        if dup._isinfinity():
            return dup

        if not dup:
            return _dec_from_triple(dup._sign, '0', 0)
        exp_max = [context.Emax, context.Etop()][context.clamp]
        end = len(dup._int)
        exp = dup._exp
        while dup._int[end-1] == '0' and exp < exp_max:
            exp += 1
            end -= 1
        return _dec_from_triple(dup._sign, dup._int[:end], exp)

    def quantize(self, exp, rounding=None, context=None):
        """Quantize self so its exponent is the same as that of exp."""
        exp = _convert_other(exp, True)

        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        else:
            rounding = _check_rounding(rounding)

        if self._is_special or exp._is_special:
            ans = self._check_nans(exp, context)
            if ans:
                return ans

            if exp._isinfinity() or self._isinfinity():
                if exp._isinfinity() and self._isinfinity():
                    return Decimal(self)  # if both are inf, it is OK
                return context._raise_error(InvalidOperation,
                                        'quantize with one INF')

        # exp._exp should be between Etiny and Emax
        if not (context.Etiny() <= exp._exp <= context.Emax):
            return context._raise_error(InvalidOperation,
                   'target exponent out of bounds in quantize')

        if not self:
            ans = _dec_from_triple(self._sign, '0', exp._exp)
            return ans._fix(context)

        self_adjusted = self.adjusted()
        if self_adjusted > context.Emax:
            return context._raise_error(InvalidOperation,
                                        'exponent of quantize result too large for current context')
        if self_adjusted - exp._exp + 1 > context.prec:
            return context._raise_error(InvalidOperation,
                                        'quantize result has too many digits for current context')

        ans = self._rescale(exp._exp, rounding)
        if ans.adjusted() > context.Emax:
            return context._raise_error(InvalidOperation,
                                        'exponent of quantize result too large for current context')
        if len(ans._int) > context.prec:
            return context._raise_error(InvalidOperation,
                                        'quantize result has too many digits for current context')

        # raise appropriate flags
        st = []
        if ans and ans.adjusted() < context.Emin:
            st.append(Subnormal)
        if ans._exp > self._exp:
            if ans != self:
                st.append(Inexact)
            st.append(Rounded)

        # call to fix takes care of any necessary folddown, and
        # signals Clamped if necessary
        ans = ans._fixs(context, st)
        if st:
            context._raise_all(st)
        return ans

    def same_quantum(self, other, context=None):
        """Return True if self and other have the same exponent; otherwise return False."""
        other = _convert_other(other, True)
        if self._is_special or other._is_special:
            return (self.is_nan() and other.is_nan() or
                    self.is_infinite() and other.is_infinite())
        return self._exp == other._exp

    def _rescale(self, exp, rounding):
        """Rescale self so that the exponent is exp, either by padding with zeros
        or by truncating digits, using the given rounding mode."""
        if self._is_special:
            return Decimal(self)
        if not self:
            return _dec_from_triple(self._sign, '0', exp)

        if self._exp >= exp:
            # pad answer with zeros if necessary
            return _dec_from_triple(self._sign,
                                        self._int + '0'*(self._exp - exp), exp)

        # too many digits; round and lose data.  If self.adjusted() <
        # exp-1, replace self by 10**(exp-1) before rounding
        digits = len(self._int) + self._exp - exp
        if digits < 0:
            self = _dec_from_triple(self._sign, '1', exp-1)
            digits = 0
        changed = self._round_by(rounding, digits)
        coeff = self._int[:digits] or '0'
        if changed == 1:
            coeff = str(int(coeff)+1)
        return _dec_from_triple(self._sign, coeff, exp)

    def _round(self, places, rounding):
        """Round a nonzero, nonspecial Decimal to a fixed number of
        significant figures, using the given rounding mode."""
        if places <= 0:
            raise ValueError("argument should be at least 1 in _round")
        if self._is_special or not self:
            return Decimal(self)
        ans = self._rescale(self.adjusted()+1-places, rounding)
        # it can happen that the rescale alters the adjusted exponent;
        # for example when rounding 99.97 to 3 significant figures.
        # When this happens we end up with an extra 0 at the end of
        # the number; a second rescale fixes this.
        if ans.adjusted() != self.adjusted():
            ans = ans._rescale(ans.adjusted()+1-places, rounding)
        return ans

    def to_integral_exact(self, rounding=None, context=None):
        """Rounds to a nearby integer, signalling Inexact and Rounded as appropriate."""
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        else:
            rounding = _check_rounding(rounding)
        if self._is_special:
            ans = self._check_nans(None, context)
            if ans:
                return ans
            return Decimal(self)
        if self._exp >= 0:
            return Decimal(self)
        if not self:
            return _dec_from_triple(self._sign, '0', 0)
        ans = self._rescale(0, rounding)
        st = []
        if ans != self:
            st.append(Inexact)
        st.append(Rounded)
        context._raise_all(st)
        return ans

    def to_integral_value(self, rounding=None, context=None):
        """Rounds to the nearest integer, without raising inexact, rounded."""
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        else:
            rounding = _check_rounding(rounding)
        if self._is_special:
            ans = self._check_nans(None, context)
            if ans:
                return ans
            return Decimal(self)
        if self._exp >= 0:
            return Decimal(self)
        else:
            return self._rescale(0, rounding)

    def to_integral(self, rounding=None, context=None):
        return self.to_integral_value(rounding, context)

    def sqrt(self, context=None):
        """Return the square root of self."""
        if context is None:
            context = getcontext()

        if self._is_special:
            ans = self._check_nans(None, context)
            if ans:
                return ans

            if self._isinfinity() and self._sign == 0:
                return Decimal(self)

        if not self:
            # exponent = self._exp // 2.  sqrt(-0) = -0
            ans = _dec_from_triple(self._sign, '0', self._exp // 2)
            return ans._fix(context)

        if self._sign == 1:
            return context._raise_error(InvalidOperation, 'sqrt(-x), x > 0')

        # At this point self represents a positive number.  Let p be
        # the desired precision and express self in the form c*100**e
        # with c a positive real number and e an integer, c and e
        # being chosen so that 100**(p-1) <= c < 100**p.  Then the
        # (exact) square root of self is sqrt(c)*10**e, and 10**(p-1)
        # <= sqrt(c) < 10**p, so the closest representable Decimal at
        # precision p is n*10**e where n = round_half_even(sqrt(c)),
        # the closest integer to sqrt(c) with the even integer chosen
        # in the case of a tie.
        #
        # To ensure correct rounding in all cases, we use the
        # following trick: we compute the square root to an extra
        # place (precision p+1 instead of precision p), rounding down.
        # Then, if the result is inexact and its last digit is 0 or 5,
        # we increase the last digit to 1 or 6 respectively; if it's
        # exact we leave the last digit alone.  Now the final round to
        # p places (or fewer in the case of underflow) will round
        # correctly and raise the appropriate flags.

        # use an extra digit of precision
        prec = context.prec+1

        # write argument in the form c*100**e where e = self._exp//2
        # is the 'ideal' exponent, to be used if the square root is
        # exactly representable.  l is the number of 'digits' of c in
        # base 100, so that 100**(l-1) <= c < 100**l.
        op = _WorkRep(self)
        e = op.exp >> 1
        if op.exp & 1:
            c = op.int * 10
            l = (len(self._int) >> 1) + 1
        else:
            c = op.int
            l = (len(self._int) + 1) >> 1

        # rescale so that c has exactly prec base 100 'digits'
        shift = prec-l
        if shift >= 0:
            c *= 100**shift
            exact = True
        else:
            c, remainder = divmod(c, 100**-shift)
            exact = not remainder
        e -= shift

        # find n = floor(sqrt(c)) using Newton's method
        n = 10**prec
        while True:
            q = c//n
            if n <= q:
                break
            else:
                n = (n + q) >> 1
        exact = exact and n*n == c

        if exact:
            # result is exact; rescale to use ideal exponent e
            if shift >= 0:
                # assert n % 10**shift == 0
                n //= 10**shift
            else:
                n *= 10**-shift
            e += shift
        else:
            # result is not exact; fix last digit as described above
            if n % 5 == 0:
                n += 1

        ans = _dec_from_triple(0, str(n), e)

        # round, and fit to current context
        return ans._fix(context._with_rounding(ROUND_HALF_EVEN))

    def max(self, other, context=None):
        """Returns the larger value.

        Like max(self, other) except if one is not a number, returns
        NaN (and signals if one is sNaN).  Also rounds.
        """
        other = _convert_other(other, True)

        if context is None:
            context = getcontext()

        if self._is_special or other._is_special:
            # If one operand is a quiet NaN and the other is number, then the
            # number is always returned
            sn = self._isnan()
            on = other._isnan()
            if sn or on:
                if on == 1 and sn == 0:
                    return self._fix(context)
                if sn == 1 and on == 0:
                    return other._fix(context)
                return self._check_nans(other, context)

        c = self._cmp(other)
        if c == 0:
            c = self.compare_total(other)._int_value()

        if c == -1:
            ans = other
        else:
            ans = self

        return ans._fix(context)

    def min(self, other, context=None):
        """Returns the smaller value.

        Like min(self, other) except if one is not a number, returns
        NaN (and signals if one is sNaN).  Also rounds.
        """
        other = _convert_other(other, True)

        if context is None:
            context = getcontext()

        if self._is_special or other._is_special:
            sn = self._isnan()
            on = other._isnan()
            if sn or on:
                if on == 1 and sn == 0:
                    return self._fix(context)
                if sn == 1 and on == 0:
                    return other._fix(context)
                return self._check_nans(other, context)

        c = self._cmp(other)
        if c == 0:
            c = self.compare_total(other)._int_value()

        if c == -1:
            ans = self
        else:
            ans = other

        return ans._fix(context)

    def _int_value(self):
        # -1, 0 or 1 for the results of compare_total
        if self._sign:
            return -1
        if self._int == '0':
            return 0
        return 1

    def _isinteger(self):
        """Returns whether self is an integer"""
        if self._is_special:
            return False
        if self._exp >= 0:
            return True
        rest = self._int[self._exp:]
        return rest == '0'*len(rest)

    def _iseven(self):
        """Returns True if self is even.  Assumes self is an integer."""
        if not self or self._exp > 0:
            return True
        return self._int[-1+self._exp] in '02468'

    def adjusted(self):
        """Return the adjusted exponent of self"""
        if self._is_special:
            return 0
        return self._exp + len(self._int) - 1

    def canonical(self):
        """Returns the same Decimal object."""
        return self

    def compare_signal(self, other, context=None):
        """Compares self to the other operand numerically.

        It's pretty much like compare(), but all NaNs signal, with signaling
        NaNs taking precedence over quiet NaNs.
        """
        other = _convert_other(other, True)
        ans = self._compare_check_nans(other, context)
        if ans:
            return ans
        return self.compare(other, context)

    def compare_total(self, other, context=None):
        """Compares self to other using the abstract representations."""
        other = _convert_other(other, True)

        # if one is negative and the other is positive, it's easy
        if self._sign and not other._sign:
            return _NegativeOne
        if not self._sign and other._sign:
            return _One
        sign = self._sign

        # let's handle both NaN types
        self_nan = self._isnan()
        other_nan = other._isnan()
        if self_nan or other_nan:
            if self_nan == other_nan:
                # compare payloads as though they're integers
                self_key = len(self._int), self._int
                other_key = len(other._int), other._int
                if self_key < other_key:
                    if sign:
                        return _One
                    else:
                        return _NegativeOne
                if self_key > other_key:
                    if sign:
                        return _NegativeOne
                    else:
                        return _One
                return _Zero

            if sign:
                if self_nan == 1:
                    return _NegativeOne
                if other_nan == 1:
                    return _One
                if self_nan == 2:
                    return _NegativeOne
                if other_nan == 2:
                    return _One
            else:
                if self_nan == 1:
                    return _One
                if other_nan == 1:
                    return _NegativeOne
                if self_nan == 2:
                    return _One
                if other_nan == 2:
                    return _NegativeOne

        if self._cmp(other) < 0:
            return _NegativeOne
        if self._cmp(other) > 0:
            return _One

        if self._exp < other._exp:
            if sign:
                return _One
            else:
                return _NegativeOne
        if self._exp > other._exp:
            if sign:
                return _NegativeOne
            else:
                return _One
        return _Zero

    def compare_total_mag(self, other, context=None):
        """Compares self to other using abstract repr., ignoring sign."""
        other = _convert_other(other, True)

        s = self.copy_abs()
        o = other.copy_abs()
        return s.compare_total(o)

    def copy_abs(self):
        """Returns a copy with the sign set to 0. """
        return _dec_from_triple(0, self._int, self._exp, self._is_special)

    def copy_negate(self):
        """Returns a copy with the sign inverted."""
        if self._sign:
            return _dec_from_triple(0, self._int, self._exp, self._is_special)
        else:
            return _dec_from_triple(1, self._int, self._exp, self._is_special)

    def copy_sign(self, other, context=None):
        """Returns self with the sign of other."""
        other = _convert_other(other, True)
        return _dec_from_triple(other._sign, self._int,
                                self._exp, self._is_special)

    def exp(self, context=None):
        """Returns e ** self."""
        if context is None:
            context = getcontext()

        # exp(NaN) = NaN
        ans = self._check_nans(None, context)
        if ans:
            return ans

        # exp(-Infinity) = 0
        if self._isinfinity() == -1:
            return _Zero

        # exp(0) = 1
        if not self:
            return _One

        # exp(Infinity) = Infinity
        if self._isinfinity() == 1:
            return Decimal(self)

        # the result is now guaranteed to be inexact (the true
        # mathematical result is transcendental). There's no need to
        # raise Rounded and Inexact here---they'll always be raised as
        # a result of the call to _fix.
        p = context.prec
        adj = self.adjusted()

        # we only need to do any computation for quite a small range
        # of adjusted exponents---for example, -29 <= adj <= 10 for
        # the default context.  For smaller exponent the result is
        # indistinguishable from 1 at the given precision, while for
        # larger exponent the result either overflows or underflows.
        if self._sign == 0 and adj > len(str((context.Emax+1)*3)):
            # overflow
            ans = _dec_from_triple(0, '1', context.Emax+1)
        elif self._sign == 1 and adj > len(str((-context.Etiny()+1)*3)):
            # underflow to 0
            ans = _dec_from_triple(0, '1', context.Etiny()-1)
        elif self._sign == 0 and adj < -p:
            # p+1 digits; final round will raise correct flags
            ans = _dec_from_triple(0, '1' + '0'*(p-1) + '1', -p)
        elif self._sign == 1 and adj < -p-1:
            # p+1 digits; final round will raise correct flags
            ans = _dec_from_triple(0, '9'*(p+1), -p-1)
        # general case
        else:
            op = _WorkRep(self)
            c, e = op.int, op.exp
            if op.sign == 1:
                c = -c

            # compute correctly rounded result: increase precision by
            # 3 digits at a time until we get an unambiguously
            # roundable result
            extra = 3
            while True:
                coeff, exp = _dexp(c, e, p+extra)
                if coeff % (5*10**(len(str(coeff))-p-1)):
                    break
                extra += 3

            ans = _dec_from_triple(0, str(coeff), exp)

        # at this stage, ans should round correctly with *any*
        # rounding mode, not just with ROUND_HALF_EVEN
        return ans._fix(context._with_rounding(ROUND_HALF_EVEN))

    def is_canonical(self):
        """Return True if self is canonical; otherwise return False."""
        return True

    def is_finite(self):
        """Return True if self is finite; otherwise return False."""
        return not self._is_special

    def is_infinite(self):
        """Return True if self is infinite; otherwise return False."""
        return self._exp == 'F'

    def is_nan(self):
        """Return True if self is a qNaN or sNaN; otherwise return False."""
        return self._exp == 'n' or self._exp == 'N'

    def is_normal(self, context=None):
        """Return True if self is a normal number; otherwise return False."""
        if self._is_special or not self:
            return False
        if context is None:
            context = getcontext()
        return context.Emin <= self.adjusted()

    def is_qnan(self):
        """Return True if self is a quiet NaN; otherwise return False."""
        return self._exp == 'n'

    def is_signed(self):
        """Return True if self is negative; otherwise return False."""
        return self._sign == 1

    def is_snan(self):
        """Return True if self is a signaling NaN; otherwise return False."""
        return self._exp == 'N'

    def is_subnormal(self, context=None):
        """Return True if self is subnormal; otherwise return False."""
        if self._is_special or not self:
            return False
        if context is None:
            context = getcontext()
        return self.adjusted() < context.Emin

    def is_zero(self):
        """Return True if self is a zero; otherwise return False."""
        return not self._is_special and self._int == '0'

    def _ln_exp_bound(self):
        """Compute a lower bound for the adjusted exponent of self.ln()."""
        # For x >= 10 or x < 0.1 we only need a bound on the integer
        # part of log10(self), and this comes directly from the
        # exponent of x.  For 0.1 <= x <= 10 we use the inequalities
        # 1-1/x <= log(x) <= x-1. If x > 1 we have |log(x)| > (1-1/x)
        # >= (x-1)/10; if x < 1 then |log(x)| > (1-x) >= (1-x)/10

        adj = self._exp + len(self._int) - 1
        if adj >= 1:
            # argument >= 10; we use 23/10 = 2.3 as a lower bound for ln(10)
            return len(str(adj*23//10)) - 1
        if adj <= -2:
            # argument <= 0.1
            return len(str((-1-adj)*23//10)) - 1
        op = _WorkRep(self)
        c, e = op.int, op.exp
        if adj == 0:
            # 1 < self < 10
            num = str(c-10**-e)
            den = str(c)
            return len(num) - len(den) - (num < den)
        # adj == -1, 0.1 <= self < 1
        return e + len(str(10**-e - c)) - 1

    def ln(self, context=None):
        """Returns the natural (base e) logarithm of self."""
        if context is None:
            context = getcontext()

        # ln(NaN) = NaN
        ans = self._check_nans(None, context)
        if ans:
            return ans

        # ln(0.0) == -Infinity
        if not self:
            return _NegativeInfinity

        # ln(Infinity) = Infinity
        if self._isinfinity() == 1:
            return _Infinity

        # ln(1.0) == 0.0
        if self._cmp(_One) == 0:
            return _Zero

        # ln(negative) raises InvalidOperation
        if self._sign == 1:
            return context._raise_error(InvalidOperation,
                                        'ln of a negative value')

        # result is irrational, so necessarily inexact
        op = _WorkRep(self)
        c, e = op.int, op.exp
        p = context.prec

        # correctly rounded result: repeatedly increase precision by 3
        # until we get an unambiguously roundable result
        places = p - self._ln_exp_bound() + 2 # at least p+3 places
        while True:
            coeff = _dlog(c, e, places)
            # assert len(str(abs(coeff)))-p >= 1
            if coeff % (5*10**(len(str(abs(coeff)))-p-1)):
                break
            places += 3
        ans = _dec_from_triple(int(coeff<0), str(abs(coeff)), -places)

        return ans._fix(context._with_rounding(ROUND_HALF_EVEN))

    def _log10_exp_bound(self):
        """Compute a lower bound for the adjusted exponent of self.log10()."""
        # For x >= 10 or x < 0.1 we only need a bound on the integer
        # part of log10(self), and this comes directly from the
        # exponent of x.  For 0.1 <= x <= 10 we use the inequalities
        # 1-1/x <= log(x) <= x-1. If x > 1 we have |log10(x)| >
        # (1-1/x)/2.31 > 0.  If x < 1 then |log10(x)| > (1-x)/2.31 > 0

        adj = self._exp + len(self._int) - 1
        if adj >= 1:
            # self >= 10
            return len(str(adj))-1
        if adj <= -2:
            # self < 0.1
            return len(str(-1-adj))-1
        op = _WorkRep(self)
        c, e = op.int, op.exp
        if adj == 0:
            # 1 < self < 10
            num = str(c-10**-e)
            den = str(231*c)
            return len(num) - len(den) - (num < den) + 2
        # adj == -1, 0.1 <= self < 1
        num = str(10**-e-c)
        return len(num) + e - (num < "231") - 1

    def log10(self, context=None):
        """Returns the base 10 logarithm of self."""
        if context is None:
            context = getcontext()

        # log10(NaN) = NaN
        ans = self._check_nans(None, context)
        if ans:
            return ans

        # log10(0.0) == -Infinity
        if not self:
            return _NegativeInfinity

        # log10(Infinity) = Infinity
        if self._isinfinity() == 1:
            return _Infinity

        # log10(negative or -Infinity) raises InvalidOperation
        if self._sign == 1:
            return context._raise_error(InvalidOperation,
                                        'log10 of a negative value')

        # log10(10**n) = n
        if self._int[0] == '1' and self._int[1:] == '0'*(len(self._int) - 1):
            # answer may need rounding
            ans = Decimal(self._exp + len(self._int) - 1)
        else:
            # result is irrational, so necessarily inexact
            op = _WorkRep(self)
            c, e = op.int, op.exp
            p = context.prec

            # correctly rounded result: repeatedly increase precision
            # until result is unambiguously roundable
            places = p-self._log10_exp_bound()+2
            while True:
                coeff = _dlog10(c, e, places)
                # assert len(str(abs(coeff)))-p >= 1
                if coeff % (5*10**(len(str(abs(coeff)))-p-1)):
                    break
                places += 3
            ans = _dec_from_triple(int(coeff<0), str(abs(coeff)), -places)

        return ans._fix(context._with_rounding(ROUND_HALF_EVEN))

    def logb(self, context=None):
        """ Returns the exponent of the magnitude of self's MSD."""
        # logb(NaN) = NaN
        ans = self._check_nans(None, context)
        if ans:
            return ans

        if context is None:
            context = getcontext()

        # logb(+/-Inf) = +Inf
        if self._isinfinity():
            return _Infinity

        # logb(0) = -Inf, DivisionByZero
        if not self:
            return context._raise_error(DivisionByZero, 'logb(0)', 1)

        # otherwise, simply return the adjusted exponent of self, as a
        # Decimal.  Note that no attempt is made to fit the result
        # into the current context.
        ans = Decimal(self.adjusted())
        return ans._fix(context)

    def _islogical(self):
        """Return True if self is a logical operand."""
        if self._sign != 0 or self._exp != 0:
            return False
        for dig in self._int:
            if dig not in '01':
                return False
        return True

    def _fill_logical(self, context, opa, opb):
        dif = context.prec - len(opa)
        if dif > 0:
            opa = '0'*dif + opa
        elif dif < 0:
            opa = opa[-context.prec:]
        dif = context.prec - len(opb)
        if dif > 0:
            opb = '0'*dif + opb
        elif dif < 0:
            opb = opb[-context.prec:]
        return opa, opb

    def _logical(self, other, context, op):
        if context is None:
            context = getcontext()

        other = _convert_other(other, True)

        # fill to context.prec
        if not self._islogical() or not other._islogical():
            return context._raise_error(InvalidOperation)

        (opa, opb) = self._fill_logical(context, self._int, other._int)

        digits = []
        for i in range(len(opa)):
            a = int(opa[i])
            b = int(opb[i])
            if op == 0:
                digits.append(str(a & b))
            elif op == 1:
                digits.append(str(a | b))
            else:
                digits.append(str(a ^ b))
        result = ''.join(digits)
        return _dec_from_triple(0, result.lstrip('0') or '0', 0)

    def logical_and(self, other, context=None):
        """Applies an 'and' operation between self and other's digits."""
        return self._logical(other, context, 0)

    def logical_invert(self, context=None):
        """Invert all its digits."""
        if context is None:
            context = getcontext()
        return self.logical_xor(_dec_from_triple(0,'1'*context.prec,0),
                                context)

    def logical_or(self, other, context=None):
        """Applies an 'or' operation between self and other's digits."""
        return self._logical(other, context, 1)

    def logical_xor(self, other, context=None):
        """Applies an 'xor' operation between self and other's digits."""
        return self._logical(other, context, 2)

    def max_mag(self, other, context=None):
        """Compares the values numerically with their sign ignored."""
        other = _convert_other(other, True)

        if context is None:
            context = getcontext()

        if self._is_special or other._is_special:
            sn = self._isnan()
            on = other._isnan()
            if sn or on:
                if on == 1 and sn == 0:
                    return self._fix(context)
                if sn == 1 and on == 0:
                    return other._fix(context)
                return self._check_nans(other, context)

        c = self.copy_abs()._cmp(other.copy_abs())
        if c == 0:
            c = self.compare_total(other)._int_value()

        if c == -1:
            ans = other
        else:
            ans = self

        return ans._fix(context)

    def min_mag(self, other, context=None):
        """Compares the values numerically with their sign ignored."""
        other = _convert_other(other, True)

        if context is None:
            context = getcontext()

        if self._is_special or other._is_special:
            sn = self._isnan()
            on = other._isnan()
            if sn or on:
                if on == 1 and sn == 0:
                    return self._fix(context)
                if sn == 1 and on == 0:
                    return other._fix(context)
                return self._check_nans(other, context)

        c = self.copy_abs()._cmp(other.copy_abs())
        if c == 0:
            c = self.compare_total(other)._int_value()

        if c == -1:
            ans = self
        else:
            ans = other

        return ans._fix(context)

    def next_minus(self, context=None):
        """Returns the largest representable number smaller than itself."""
        if context is None:
            context = getcontext()

        ans = self._check_nans(None, context)
        if ans:
            return ans

        if self._isinfinity() == -1:
            return _NegativeInfinity
        if self._isinfinity() == 1:
            return _dec_from_triple(0, '9'*context.prec, context.Etop())

        context = context.copy()
        context.rounding = ROUND_FLOOR
        context._ignore_all = True
        new_self = self._fix(context)
        if new_self != self:
            return new_self
        return self._sub(_dec_from_triple(0, '1', context.Etiny()-1), context)

    def next_plus(self, context=None):
        """Returns the smallest representable number larger than itself."""
        if context is None:
            context = getcontext()

        ans = self._check_nans(None, context)
        if ans:
            return ans

        if self._isinfinity() == 1:
            return _Infinity
        if self._isinfinity() == -1:
            return _dec_from_triple(1, '9'*context.prec, context.Etop())

        context = context.copy()
        context.rounding = ROUND_CEILING
        context._ignore_all = True
        new_self = self._fix(context)
        if new_self != self:
            return new_self
        return self._add(_dec_from_triple(0, '1', context.Etiny()-1), context)

    def next_toward(self, other, context=None):
        """Returns the number closest to self, in the direction towards other."""
        other = _convert_other(other, True)

        if context is None:
            context = getcontext()

        ans = self._check_nans(other, context)
        if ans:
            return ans

        comparison = self._cmp(other)
        if comparison == 0:
            return self.copy_sign(other)

        if comparison == -1:
            ans = self.next_plus(context)
        else: # comparison == 1
            ans = self.next_minus(context)

        # decide which flags to raise using value of ans
        if ans._isinfinity():
            context._raise_all([Overflow, Inexact, Rounded])
        elif ans.adjusted() < context.Emin:
            st = [Underflow, Subnormal, Inexact, Rounded]
            # if precision == 1 then we don't raise Clamped for a
            # result 0E-Etiny.
            if not ans:
                st.append(Clamped)
            context._raise_all(st)

        return ans

    def number_class(self, context=None):
        """Returns an indication of the class of self."""
        if self.is_snan():
            return "sNaN"
        if self.is_qnan():
            return "NaN"
        inf = self._isinfinity()
        if inf == 1:
            return "+Infinity"
        if inf == -1:
            return "-Infinity"
        if self.is_zero():
            if self._sign:
                return "-Zero"
            else:
                return "+Zero"
        if context is None:
            context = getcontext()
        if self.is_subnormal(context):
            if self._sign:
                return "-Subnormal"
            else:
                return "+Subnormal"
        # just a normal, regular, boring number, :)
        if self._sign:
            return "-Normal"
        else:
            return "+Normal"

    def radix(self):
        """Just returns 10, as this is Decimal, :)"""
        return Decimal(10)

    def rotate(self, other, context=None):
        """Returns a rotated copy of self, value-of-other times."""
        if context is None:
            context = getcontext()

        other = _convert_other(other, True)

        ans = self._check_nans(other, context)
        if ans:
            return ans

        if other._exp != 0:
            return context._raise_error(InvalidOperation)
        if not (-context.prec <= int(other) <= context.prec):
            return context._raise_error(InvalidOperation)

        if self._isinfinity():
            return Decimal(self)

        # get values, pad if necessary
        torot = int(other)
        rotdig = self._int
        topad = context.prec - len(rotdig)
        if topad > 0:
            rotdig = '0'*topad + rotdig
        elif topad < 0:
            rotdig = rotdig[-topad:]

        # let's rotate!
        rotated = rotdig[torot:] + rotdig[:torot]
        return _dec_from_triple(self._sign,
                                rotated.lstrip('0') or '0', self._exp)

    def scaleb(self, other, context=None):
        """Returns self operand after adding the second value to its exp."""
        if context is None:
            context = getcontext()

        other = _convert_other(other, True)

        ans = self._check_nans(other, context)
        if ans:
            return ans

        if other._exp != 0:
            return context._raise_error(InvalidOperation)
        liminf = -2 * (context.Emax + context.prec)
        limsup =  2 * (context.Emax + context.prec)
        if not (liminf <= int(other) <= limsup):
            return context._raise_error(InvalidOperation)

        if self._isinfinity():
            return Decimal(self)

        d = _dec_from_triple(self._sign, self._int, self._exp + int(other))
        d = d._fix(context)
        return d

    def shift(self, other, context=None):
        """Returns a shifted copy of self, value-of-other times."""
        if context is None:
            context = getcontext()

        other = _convert_other(other, True)

        ans = self._check_nans(other, context)
        if ans:
            return ans

        if other._exp != 0:
            return context._raise_error(InvalidOperation)
        if not (-context.prec <= int(other) <= context.prec):
            return context._raise_error(InvalidOperation)

        if self._isinfinity():
            return Decimal(self)

        # get values, pad if necessary
        torot = int(other)
        rotdig = self._int
        topad = context.prec - len(rotdig)
        if topad > 0:
            rotdig = '0'*topad + rotdig
        elif topad < 0:
            rotdig = rotdig[-topad:]

        # let's shift!
        if torot < 0:
            shifted = rotdig[:torot]
        else:
            shifted = rotdig + '0'*torot
            shifted = shifted[-context.prec:]

        return _dec_from_triple(self._sign,
                                    shifted.lstrip('0') or '0', self._exp)

    def __copy__(self):
        if type(self) is Decimal:
            return self     # I'm immutable; therefore I am my own clone
        return self.__class__(str(self))

    def __deepcopy__(self, memo):
        if type(self) is Decimal:
            return self     # My components are also immutable
        return self.__class__(str(self))

    def __format__(self, specifier, context=None):
        """Format a Decimal instance according to the given specifier."""
        if not isinstance(specifier, str):
            raise TypeError("format arg must be str")

        # Note: PEP 3101 says that if the type is not present then
        # there should be at least one digit after the decimal point.
        # We take the liberty of ignoring this requirement for
        # Decimal---it's presumably there to make sure that
        # format(float, '') behaves similarly to str(float).
        if context is None:
            context = getcontext()

        spec = _parse_format_specifier(specifier)

        # special values don't care about the type or precision
        if self._is_special:
            sign = _format_sign(self._sign, spec)
            body = str(self.copy_abs())
            if spec['type'] == '%':
                body += '%'
            return _format_align(sign, body, spec)

        # a type of None defaults to 'g' or 'G', depending on context
        if spec['type'] is None:
            spec['type'] = ['g', 'G'][context.capitals]

        # if type is '%', adjust exponent of self accordingly
        if spec['type'] == '%':
            self = _dec_from_triple(self._sign, self._int, self._exp+2)

        # round if necessary, taking rounding mode from the context
        rounding = context.rounding
        precision = spec['precision']
        if precision is not None:
            if spec['type'] in 'eE':
                self = self._round(precision+1, rounding)
            elif spec['type'] in 'fF%':
                self = self._rescale(-precision, rounding)
            elif spec['type'] in 'gG' and len(self._int) > precision:
                self = self._round(precision, rounding)
        # special case: zeros with a positive exponent can't be
        # represented in fixed point; rescale them to 0e0.
        if not self and self._exp > 0 and spec['type'] in 'fF%':
            self = self._rescale(0, rounding)
        if not self and spec['no_neg_0'] and self._sign:
            adjusted_sign = 0
        else:
            adjusted_sign = self._sign

        # figure out placement of the decimal point
        leftdigits = self._exp + len(self._int)
        if spec['type'] in 'eE':
            if not self and precision is not None:
                dotplace = 1 - precision
            else:
                dotplace = 1
        elif spec['type'] in 'fF%':
            dotplace = leftdigits
        else:
            if self._exp <= 0 and leftdigits > -6:
                dotplace = leftdigits
            else:
                dotplace = 1

        # find digits before and after decimal point, and get exponent
        if dotplace < 0:
            intpart = '0'
            fracpart = '0'*(-dotplace) + self._int
        elif dotplace > len(self._int):
            intpart = self._int + '0'*(dotplace-len(self._int))
            fracpart = ''
        else:
            intpart = self._int[:dotplace] or '0'
            fracpart = self._int[dotplace:]
        exp = leftdigits-dotplace

        # done with the decimal-specific stuff;  hand over the rest
        # of the formatting to the _format_number function
        return _format_number(adjusted_sign, intpart, fracpart, exp, spec)


def _dec_from_triple(sign, coefficient, exponent, special=False):
    """Create a decimal instance directly, without any validation,
    normalization (e.g. removal of leading zeros) or argument
    conversion."""
    self = object.__new__(Decimal)
    self._sign = sign
    self._int = coefficient
    self._exp = exponent
    self._is_special = special

    return self


def _overflow_result(context, sign):
    """The result of an overflow in the given context."""
    rounding = context.rounding
    if rounding == ROUND_HALF_UP or rounding == ROUND_HALF_EVEN or \
            rounding == ROUND_HALF_DOWN or rounding == ROUND_UP:
        return _SignedInfinity[sign]
    if sign == 0:
        if rounding == ROUND_CEILING:
            return _SignedInfinity[sign]
        return _dec_from_triple(sign, '9'*context.prec,
                                context.Emax-context.prec+1)
    if rounding == ROUND_FLOOR:
        return _SignedInfinity[sign]
    return _dec_from_triple(sign, '9'*context.prec,
                            context.Emax-context.prec+1)


##### Power (libmpdec's algorithm) ########################################

def _exp_digits(n):
    """Number of decimal digits of abs(n) (libmpdec's mpd_exp_digits)."""
    return len(str(abs(n)))


def _settriple(sign, coeff, exp):
    return _dec_from_triple(sign, str(coeff), exp)


def _work_context(prec, Emin, Emax):
    ctx = Context(prec=prec, rounding=ROUND_HALF_EVEN, Emin=MIN_EMIN, Emax=MAX_EMAX,
                  capitals=1, clamp=0, flags=[], traps=[])
    ctx._prec = prec
    ctx._Emin = Emin
    ctx._Emax = Emax
    return ctx


def _collect_flags(ctx, st):
    for c, b in _MPD_BITS:
        if ctx._flags._m & b:
            st.append(c)


def _lower_bound_zeta(x):
    t = x.adjusted()
    if t > 0:
        # x >= 10 -> floor(log10(floor(abs(log10(x)))))
        return _exp_digits(t) - 1
    elif t < -1:
        # x < 1/10 -> floor(log10(floor(abs(log10(x)))))
        return _exp_digits(t+1) - 1
    else:
        scratch = _exact_sub_one(x)
        u = scratch.adjusted()
        # t == -1, 1/10 <= x < 1 -> floor(log10(abs(x-1)/10))
        # t == 0,  1 < x < 10    -> floor(log10(abs(x-1)/100))
        return u-2 if t == 0 else u-1


def _exact_sub_one(x):
    """x - 1, exactly, for a finite positive x."""
    e = min(x._exp, 0)
    c = int(x._int) * 10**(x._exp - e) - 10**(-e)
    sign = 0
    if c < 0:
        sign = 1
        c = -c
    return _dec_from_triple(sign, str(c), e)


def _mpd_qpow(base, exp, ctx, st):
    resultsign = 0
    intexp = False

    if base._is_special or exp._is_special:
        ans = _check_nans_st(base, exp, ctx, st)
        if ans:
            return ans
    if exp._isinteger():
        intexp = True
        resultsign = 1 if (base._sign == 1 and not exp._iseven()) else 0

    if base.is_zero():
        if exp.is_zero():
            st.append(InvalidOperation)
            return _NaN
        elif exp._sign:
            return _SignedInfinity[resultsign]
        else:
            return _settriple(resultsign, 0, 0)
    if base._sign:
        if not intexp or exp._isinfinity():
            st.append(InvalidOperation)
            return _NaN
    if exp._isinfinity():
        # power of one
        cmp = base._cmp(_One)
        if cmp == 0:
            shift = ctx.prec - 1
            st.append(Inexact)
            st.append(Rounded)
            return _dec_from_triple(resultsign, '1' + '0'*shift, -shift)
        if exp._sign:
            cmp = -cmp
        if cmp < 0:
            return _settriple(resultsign, 0, 0)
        return _SignedInfinity[resultsign]
    if base._isinfinity():
        if exp.is_zero():
            return _settriple(resultsign, 1, 0)
        elif exp._sign:
            return _settriple(resultsign, 0, 0)
        else:
            return _SignedInfinity[resultsign]
    if exp.is_zero():
        return _settriple(resultsign, 1, 0)

    # abs(base) == 1
    if base.copy_abs()._cmp(_One) == 0:
        if exp._isinteger():
            if exp._sign:
                return _settriple(resultsign, 1, 0)
            # 1.000**3 = 1.000000000
            shift = int(exp) * -base._exp
            if shift > ctx.prec - 1:
                shift = ctx.prec - 1
                st.append(Rounded)
        else:
            # base is positive here
            shift = ctx.prec - 1
            st.append(Inexact)
            st.append(Rounded)
        return _dec_from_triple(resultsign, '1' + '0'*shift, -shift)

    # certain overflow / underflow
    abs_x = base.copy_abs()
    lb_theta = exp.adjusted()
    lb_zeta = _lower_bound_zeta(abs_x)
    if (abs_x.adjusted() < 0) == (exp._sign == 1):
        ub_omega = _exp_digits(ctx.Emax)
        if ub_omega < lb_zeta + lb_theta:
            return _settriple(resultsign, 1, _MPD_EXP_INF)._fixs(ctx, st)
    else:
        ub_omega = _exp_digits(ctx.Etiny())
        if ub_omega < lb_zeta + lb_theta:
            return _settriple(resultsign, 1, ctx.Etiny()-1)._fixs(ctx, st)

    if intexp:
        return _mpd_qpow_int(base, exp, resultsign, ctx, st)

    result = _mpd_qpow_real(base, exp, ctx, st)
    if not result._is_special and result._cmp(_One) == 0:
        shift = ctx.prec - 1
        result = _dec_from_triple(0, '1' + '0'*shift, -shift)
    if result._isinfinity():
        result = _settriple(0, 1, _MPD_EXP_INF)
    return result._fixs(ctx, st)


def _mpd_qpow_int(base, exp, resultsign, ctx, st):
    workprec = ctx.prec + len(exp._int) + exp._exp + 2
    if exp._sign:
        workprec += 1
    workctx = _work_context(workprec, ctx.Emin, ctx.Emax)
    if exp._sign:
        divctx = _work_context(workprec, ctx.Emin, ctx.Emax)
        tbase = _One._truediv(base, divctx)
        _collect_flags(divctx, st)
        if divctx._flags._m & (_IEEE_INVALID | 0x4):
            return _NaN._fixs(ctx, st)
    else:
        tbase = base

    n = abs(int(exp))
    result = Decimal(tbase)
    bit = 1
    while bit * 2 <= n:
        bit *= 2
    bit >>= 1
    while bit:
        result = result._mul(result, workctx)
        if n & bit:
            result = result._mul(tbase, workctx)
        if result._is_special or (result.is_zero() and workctx._flags._m & 0x1):
            break
        bit >>= 1
    _collect_flags(workctx, st)
    result = _dec_from_triple(resultsign, result._int, result._exp, result._is_special)

    if result._isinfinity():
        # for ROUND_DOWN, ROUND_FLOOR, etc.
        result = _settriple(resultsign, 1, _MPD_EXP_INF)
    return result._fixs(ctx, st)


def _mpd_qpow_real(base, exp, ctx, st):
    workprec = max(len(base._int), ctx.prec) + 4 + _MPD_EXPDIGITS
    workctx = _work_context(workprec, MIN_EMIN, MAX_EMAX)
    t = base.ln(workctx)
    t = t._mul(exp, workctx)
    expctx = _work_context(workprec, MIN_EMIN, MAX_EMAX)
    result = t.exp(expctx)
    _collect_flags(expctx, st)
    if workctx._flags._m & _IEEE_INVALID:
        st.append(InvalidOperation)
    st.append(Inexact)
    st.append(Rounded)
    return result


def _check_nans_st(self, other, context, st):
    self_is_nan = self._isnan()
    other_is_nan = other._isnan()
    if self_is_nan or other_is_nan:
        if self_is_nan == 2:
            st.append(InvalidOperation)
            return _dec_from_triple(self._sign, self._int, 'n', True)._fix_nan(context)
        if other_is_nan == 2:
            st.append(InvalidOperation)
            return _dec_from_triple(other._sign, other._int, 'n', True)._fix_nan(context)
        if self_is_nan:
            return self._fix_nan(context)
        return other._fix_nan(context)
    return 0


##### Context class #######################################################

class _SignalDict:
    """The flags and traps of a context: a mapping from the signals to bools, kept as
    libmpdec's status bits (which condition set InvalidOperation shows in a context's repr)."""

    def __init__(self, on):
        self._m = 0
        for s in on:
            self._m |= _signal_bits(s)

    def __getitem__(self, key):
        if not _is_signal(key):
            raise KeyError(_SIGNAL_KEY_ERROR)
        return (self._m & _signal_bits(key)) != 0

    def __setitem__(self, key, value):
        if not _is_signal(key):
            raise KeyError(_SIGNAL_KEY_ERROR)
        if value:
            self._m |= _signal_bits(key)
        else:
            self._m &= ~_signal_bits(key)

    def __delitem__(self, key):
        raise ValueError("signal keys cannot be deleted")

    def __contains__(self, key):
        return _is_signal(key)

    def __iter__(self):
        return iter(list(_signal_map))

    def __len__(self):
        return len(_signal_map)

    def keys(self):
        return list(_signal_map)

    def values(self):
        return [self[s] for s in _signal_map]

    def items(self):
        return [(s, self[s]) for s in _signal_map]

    def get(self, key, default=None):
        if _is_signal(key):
            return self[key]
        return default

    def copy(self):
        d = _SignalDict([])
        d._m = self._m
        return d

    def __eq__(self, other):
        if isinstance(other, _SignalDict):
            return self.items() == other.items()
        if isinstance(other, dict):
            return dict(self.items()) == other
        return NotImplemented

    def __repr__(self):
        parts = []
        for s in _signal_map:
            parts.append("%r:%s" % (s, self[s]))
        return '{' + ', '.join(parts) + '}'

    def _names(self):
        names = []
        invalid_done = False
        for bit, name in _repr_bits:
            if self._m & bit:
                if bit & _IEEE_INVALID:
                    if invalid_done:
                        continue
                    invalid_done = True
                names.append(name)
        return names


def _signal_dict_from(value):
    if isinstance(value, _SignalDict):
        return value.copy()
    if isinstance(value, dict):
        if len(value) != len(_signal_map):
            raise KeyError("invalid signal dict")
        d = _SignalDict([])
        for k in value:
            if not _is_signal(k):
                raise KeyError("invalid signal dict")
            if value[k]:
                d._m |= _signal_bits(k)
        return d
    on = []
    for s in value:
        if not _is_signal(s) and _signal_of(s) is s:
            raise KeyError("invalid error flag")
        on.append(s)
    return _SignalDict(on)


def _int_attr(value, low, high, name, low_text, high_text):
    if not isinstance(value, int):
        raise TypeError("an integer is required")
    if value > 9223372036854775807 or value < -9223372036854775808:
        raise OverflowError("Python int too large to convert to C ssize_t")
    if value < low or value > high:
        raise ValueError("valid range for %s is [%s, %s]" % (name, low_text, high_text))
    return int(value)


_default_context = None


class Context(object):
    """Contains the context for a Decimal instance."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None,
                       capitals=None, clamp=None, flags=None, traps=None):
        dc = _default_context
        self._ignore_all = False
        self._prec = 28 if dc is None else dc._prec
        self._rounding = ROUND_HALF_EVEN if dc is None else dc._rounding
        self._Emin = -999999 if dc is None else dc._Emin
        self._Emax = 999999 if dc is None else dc._Emax
        self._capitals = 1 if dc is None else dc._capitals
        self._clamp = 0 if dc is None else dc._clamp
        if prec is not None:
            self.prec = prec
        if rounding is not None:
            self.rounding = rounding
        if Emin is not None:
            self.Emin = Emin
        if Emax is not None:
            self.Emax = Emax
        if capitals is not None:
            self.capitals = capitals
        if clamp is not None:
            self.clamp = clamp
        if traps is None:
            if dc is None:
                self._traps = _SignalDict([InvalidOperation, DivisionByZero, Overflow])
            else:
                self._traps = dc._traps.copy()
        else:
            self._traps = _signal_dict_from(traps)
        if flags is None:
            self._flags = _SignalDict([])
        else:
            self._flags = _signal_dict_from(flags)

    @property
    def prec(self):
        return self._prec

    @prec.setter
    def prec(self, value):
        self._prec = _int_attr(value, 1, MAX_PREC, 'prec', '1', 'MAX_PREC')

    @property
    def Emin(self):
        return self._Emin

    @Emin.setter
    def Emin(self, value):
        self._Emin = _int_attr(value, MIN_EMIN, 0, 'Emin', 'MIN_EMIN', '0')

    @property
    def Emax(self):
        return self._Emax

    @Emax.setter
    def Emax(self, value):
        self._Emax = _int_attr(value, 0, MAX_EMAX, 'Emax', '0', 'MAX_EMAX')

    @property
    def capitals(self):
        return self._capitals

    @capitals.setter
    def capitals(self, value):
        if not isinstance(value, int):
            raise TypeError("an integer is required")
        if value != 0 and value != 1:
            raise ValueError("valid values for capitals are 0 or 1")
        self._capitals = int(value)

    @property
    def clamp(self):
        return self._clamp

    @clamp.setter
    def clamp(self, value):
        if not isinstance(value, int):
            raise TypeError("an integer is required")
        if value != 0 and value != 1:
            raise ValueError("valid values for clamp are 0 or 1")
        self._clamp = int(value)

    @property
    def rounding(self):
        return self._rounding

    @rounding.setter
    def rounding(self, value):
        self._rounding = _check_rounding(value)

    @property
    def flags(self):
        return self._flags

    @flags.setter
    def flags(self, value):
        self._flags = _signal_dict_from(value)

    @property
    def traps(self):
        return self._traps

    @traps.setter
    def traps(self, value):
        self._traps = _signal_dict_from(value)

    def __repr__(self):
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, '
                'flags=[%s], traps=[%s])' % (
                    self._prec, self._rounding, self._Emin, self._Emax, self._capitals,
                    self._clamp, ', '.join(self._flags._names()),
                    ', '.join(self._traps._names())))

    def clear_flags(self):
        """Reset all flags to zero"""
        self._flags._m = 0

    def clear_traps(self):
        """Reset all traps to zero"""
        self._traps._m = 0

    def copy(self):
        """Returns a deep copy from self."""
        nc = Context(self._prec, self._rounding, self._Emin, self._Emax,
                     self._capitals, self._clamp, self._flags, self._traps)
        return nc

    def __copy__(self):
        return self.copy()

    def _with_rounding(self, rounding):
        """A context sharing self's flags and traps, with another rounding."""
        nc = Context(self._prec, rounding, self._Emin, self._Emax,
                     self._capitals, self._clamp, [], [])
        nc._flags = self._flags
        nc._traps = self._traps
        nc._ignore_all = self._ignore_all
        return nc

    def _raise_all(self, conds):
        """Set the flags of the conditions; raise the trapped ones (the C implementation's way)."""
        if self._ignore_all:
            return
        trapped = []
        for c in conds:
            b = _cond_bit(c)
            self._flags._m |= b
            if self._traps._m & b and c not in trapped:
                trapped.append(c)
        if trapped:
            exc = None
            for s in _signal_map:
                for c in trapped:
                    if _signal_of(c) is s:
                        exc = s
                        break
                if exc is not None:
                    break
            raise exc([c for c in _cond_order if c in trapped])

    def _raise_error(self, condition, explanation=None, *args):
        """Signal the condition; return the result of the operation if it is not trapped."""
        self._raise_all([condition])
        if condition is InvalidOperation:
            if args:
                ans = _dec_from_triple(args[0]._sign, args[0]._int, 'n', True)
                return ans._fix_nan(self)
            return _NaN
        if condition is DivisionByZero:
            return _SignedInfinity[args[0]]
        if condition is Overflow:
            return _overflow_result(self, args[0])
        if _signal_of(condition) is InvalidOperation:
            return _NaN
        return None

    def Etiny(self):
        """Returns Etiny (= Emin - prec + 1)"""
        return int(self._Emin - self._prec + 1)

    def Etop(self):
        """Returns maximum exponent (= Emax - prec + 1)"""
        return int(self._Emax - self._prec + 1)

    def radix(self):
        return Decimal(10)

    def create_decimal(self, num='0'):
        """Creates a new Decimal instance but using self as context."""
        if isinstance(num, str):
            if num != num.strip() or '_' in num:
                return self._raise_error(ConversionSyntax)
        elif isinstance(num, float):
            self._raise_error(FloatOperation)
            num = Decimal.from_float(num)
        elif not isinstance(num, (int, Decimal, list, tuple)):
            raise TypeError("conversion from %s to Decimal is not supported" % type(num).__name__)
        d = Decimal(num, self)
        if d._isnan() and len(d._int) > self.prec - self.clamp:
            return self._raise_error(ConversionSyntax)
        return d._fix(self)

    def create_decimal_from_float(self, f):
        """Creates a new Decimal instance from a float but rounding using self as the context."""
        d = Decimal.from_float(f)       # An exact conversion
        return d._fix(self)             # Apply the context rounding

    # Methods
    def abs(self, a):
        return _convert_other(a, True).__abs__(True, self)

    def add(self, a, b):
        return _convert_other(a, True)._add(_convert_other(b, True), self)

    def canonical(self, a):
        if not isinstance(a, Decimal):
            raise TypeError("argument must be a Decimal")
        return a

    def compare(self, a, b):
        return _convert_other(a, True).compare(b, self)

    def compare_signal(self, a, b):
        return _convert_other(a, True).compare_signal(b, self)

    def compare_total(self, a, b):
        return _convert_other(a, True).compare_total(b)

    def compare_total_mag(self, a, b):
        return _convert_other(a, True).compare_total_mag(b)

    def copy_abs(self, a):
        return _convert_other(a, True).copy_abs()

    def copy_decimal(self, a):
        return Decimal(_convert_other(a, True))

    def copy_negate(self, a):
        return _convert_other(a, True).copy_negate()

    def copy_sign(self, a, b):
        return _convert_other(a, True).copy_sign(b)

    def divide(self, a, b):
        return _convert_other(a, True)._truediv(_convert_other(b, True), self)

    def divide_int(self, a, b):
        return _convert_other(a, True)._floordiv(_convert_other(b, True), self)

    def divmod(self, a, b):
        return _convert_other(a, True)._divmod(_convert_other(b, True), self)

    def exp(self, a):
        return _convert_other(a, True).exp(self)

    def fma(self, a, b, c):
        return _convert_other(a, True).fma(b, c, self)

    def is_canonical(self, a):
        if not isinstance(a, Decimal):
            raise TypeError("argument must be a Decimal")
        return a.is_canonical()

    def is_finite(self, a):
        return _convert_other(a, True).is_finite()

    def is_infinite(self, a):
        return _convert_other(a, True).is_infinite()

    def is_nan(self, a):
        return _convert_other(a, True).is_nan()

    def is_normal(self, a):
        return _convert_other(a, True).is_normal(self)

    def is_qnan(self, a):
        return _convert_other(a, True).is_qnan()

    def is_signed(self, a):
        return _convert_other(a, True).is_signed()

    def is_snan(self, a):
        return _convert_other(a, True).is_snan()

    def is_subnormal(self, a):
        return _convert_other(a, True).is_subnormal(self)

    def is_zero(self, a):
        return _convert_other(a, True).is_zero()

    def ln(self, a):
        return _convert_other(a, True).ln(self)

    def log10(self, a):
        return _convert_other(a, True).log10(self)

    def logb(self, a):
        return _convert_other(a, True).logb(self)

    def logical_and(self, a, b):
        return _convert_other(a, True).logical_and(b, self)

    def logical_invert(self, a):
        return _convert_other(a, True).logical_invert(self)

    def logical_or(self, a, b):
        return _convert_other(a, True).logical_or(b, self)

    def logical_xor(self, a, b):
        return _convert_other(a, True).logical_xor(b, self)

    def max(self, a, b):
        return _convert_other(a, True).max(b, self)

    def max_mag(self, a, b):
        return _convert_other(a, True).max_mag(b, self)

    def min(self, a, b):
        return _convert_other(a, True).min(b, self)

    def min_mag(self, a, b):
        return _convert_other(a, True).min_mag(b, self)

    def minus(self, a):
        return _convert_other(a, True).__neg__(self)

    def multiply(self, a, b):
        return _convert_other(a, True)._mul(_convert_other(b, True), self)

    def next_minus(self, a):
        return _convert_other(a, True).next_minus(self)

    def next_plus(self, a):
        return _convert_other(a, True).next_plus(self)

    def next_toward(self, a, b):
        return _convert_other(a, True).next_toward(b, self)

    def normalize(self, a):
        return _convert_other(a, True).normalize(self)

    def number_class(self, a):
        return _convert_other(a, True).number_class(self)

    def plus(self, a):
        return _convert_other(a, True).__pos__(self)

    def power(self, a, b, modulo=None):
        a = _convert_other(a, True)
        b = _convert_other(b, True)
        if modulo is not None:
            return a._power_modulo(b, _convert_other(modulo, True), self)
        return a._pow(b, self)

    def quantize(self, a, b):
        return _convert_other(a, True).quantize(b, None, self)

    def remainder(self, a, b):
        return _convert_other(a, True)._mod(_convert_other(b, True), self)

    def remainder_near(self, a, b):
        return _convert_other(a, True).remainder_near(b, self)

    def rotate(self, a, b):
        return _convert_other(a, True).rotate(b, self)

    def same_quantum(self, a, b):
        return _convert_other(a, True).same_quantum(b)

    def scaleb(self, a, b):
        return _convert_other(a, True).scaleb(b, self)

    def shift(self, a, b):
        return _convert_other(a, True).shift(b, self)

    def sqrt(self, a):
        return _convert_other(a, True).sqrt(self)

    def subtract(self, a, b):
        return _convert_other(a, True)._sub(_convert_other(b, True), self)

    def to_eng_string(self, a):
        return _convert_other(a, True).to_eng_string(self)

    def to_sci_string(self, a):
        return _convert_other(a, True).__str__(False, self)

    def to_integral_exact(self, a):
        return _convert_other(a, True).to_integral_exact(None, self)

    def to_integral_value(self, a):
        return _convert_other(a, True).to_integral_value(None, self)

    def to_integral(self, a):
        return _convert_other(a, True).to_integral_value(None, self)


class _WorkRep(object):
    __slots__ = ('sign','int','exp')
    # sign: 0 or 1
    # int:  int
    # exp:  None, int, or string

    def __init__(self, value=None):
        if value is None:
            self.sign = None
            self.int = 0
            self.exp = None
        elif isinstance(value, Decimal):
            self.sign = value._sign
            self.int = int(value._int)
            self.exp = value._exp
        else:
            # assert isinstance(value, tuple)
            self.sign = value[0]
            self.int = value[1]
            self.exp = value[2]

    def __repr__(self):
        return "(%r, %r, %r)" % (self.sign, self.int, self.exp)


def _normalize(op1, op2, prec = 0):
    """Normalizes op1, op2 to have the same exp and length of coefficient.

    Done during addition.
    """
    if op1.exp < op2.exp:
        tmp = op2
        other = op1
    else:
        tmp = op1
        other = op2

    # Let exp = min(tmp.exp - 1, tmp.adjusted() - precision - 1).
    # Then adding 10**exp to tmp has the same effect (after rounding)
    # as adding any positive quantity smaller than 10**exp; similarly
    # for subtraction.  So if other is smaller than 10**exp we replace
    # it with 10**exp.  This avoids tmp.exp - other.exp getting too large.
    tmp_len = len(str(tmp.int))
    other_len = len(str(other.int))
    exp = tmp.exp + min(-1, tmp_len - prec - 2)
    if other_len + other.exp - 1 < exp:
        other.int = 1
        other.exp = exp

    tmp.int *= 10 ** (tmp.exp - other.exp)
    tmp.exp = other.exp
    return op1, op2


##### Integer arithmetic functions used by ln, log10, exp and __pow__ #####

def _nbits(n):
    return n.bit_length()


def _sqrt_nearest(n, a):
    """Closest integer to the square root of the positive integer n.  a is
    an initial approximation to the square root."""
    b=0
    while a != b:
        b, a = a, (a - ((-n) // a)) >> 1
    return a


def _rshift_nearest(x, shift):
    """Given an integer x and a nonnegative integer shift, return closest
    integer to x / 2**shift; use round-to-even in case of a tie.
    """
    b, q = 1 << shift, x >> shift
    return q + (2*(x & (b-1)) + (q&1) > b)


def _div_nearest(a, b):
    """Closest integer to a/b, a and b positive integers; rounds to even
    in the case of a tie.
    """
    q, r = divmod(a, b)
    return q + (2*r + (q&1) > b)


def _ilog(x, M, L = 8):
    """Integer approximation to M*log(x/M), with absolute error boundable
    in terms only of x/M."""
    y = x-M
    # argument reduction; R = number of reductions performed
    R = 0
    while (R <= L and abs(y) << L-R >= M or
           R > L and abs(y) >> R-L >= M):
        y = _div_nearest((M*y) << 1,
                         M + _sqrt_nearest(M*(M+_rshift_nearest(y, R)), M))
        R += 1

    # Taylor series with T terms
    T = -int(-10*len(str(M))//(3*L))
    yshift = _rshift_nearest(y, R)
    w = _div_nearest(M, T)
    for k in range(T-1, 0, -1):
        w = _div_nearest(M, k) - _div_nearest(yshift*w, M)

    return _div_nearest(w*y, M)


def _dlog10(c, e, p):
    """Given integers c, e and p with c > 0, p >= 0, compute an integer
    approximation to 10**p * log10(c*10**e), with an absolute error of
    at most 1.  Assumes that c*10**e is not exactly 1."""

    # increase precision by 2; compensate for this by dividing
    # final result by 100
    p += 2

    # write c*10**e as d*10**f with either:
    #   f >= 0 and 1 <= d <= 10, or
    #   f <= 0 and 0.1 <= d <= 1.
    # Thus for c*10**e close to 1, f = 0
    l = len(str(c))
    f = e+l - (e+l >= 1)

    if p > 0:
        M = 10**p
        k = e+p-f
        if k >= 0:
            c *= 10**k
        else:
            c = _div_nearest(c, 10**-k)

        log_d = _ilog(c, M) # error < 5 + 22 = 27
        log_10 = _log10_digits(p) # error < 1
        log_d = _div_nearest(log_d*M, log_10)
        log_tenpower = f*M # exact
    else:
        log_d = 0  # error < 2.31
        log_tenpower = _div_nearest(f, 10**-p) # error < 0.5

    return _div_nearest(log_tenpower+log_d, 100)


def _dlog(c, e, p):
    """Given integers c, e and p with c > 0, compute an integer
    approximation to 10**p * log(c*10**e), with an absolute error of
    at most 1.  Assumes that c*10**e is not exactly 1."""

    # Increase precision by 2. The precision increase is compensated
    # for at the end with a division by 100.
    p += 2

    # rewrite c*10**e as d*10**f with either f >= 0 and 1 <= d <= 10,
    # or f <= 0 and 0.1 <= d <= 1.  Then we can compute 10**p * log(c*10**e)
    # as 10**p * log(d) + 10**p*f * log(10).
    l = len(str(c))
    f = e+l - (e+l >= 1)

    # compute approximation to 10**p*log(d), with error < 27
    if p > 0:
        k = e+p-f
        if k >= 0:
            c *= 10**k
        else:
            c = _div_nearest(c, 10**-k)  # error of <= 0.5 in c

        # _ilog magnifies existing error in c by a factor of at most 10
        log_d = _ilog(c, 10**p) # error < 5 + 22 = 27
    else:
        # p <= 0: just approximate the whole thing by 0; error < 2.31
        log_d = 0

    # compute approximation to f*10**p*log(10), with error < 11.
    if f:
        extra = len(str(abs(f)))-1
        if p + extra >= 0:
            # error in f * _log10_digits(p+extra) < |f| * 1 = |f|
            # after division, error < |f|/10**extra + 0.5 < 10 + 0.5 < 11
            f_log_ten = _div_nearest(f*_log10_digits(p+extra), 10**extra)
        else:
            f_log_ten = 0
    else:
        f_log_ten = 0

    # error in sum < 11+27 = 38; error after division < 0.38 + 0.5 < 1
    return _div_nearest(f_log_ten + log_d, 100)


_log10_cache = ['23025850929940456840179914546843642076011014886']

def _log10_digits(p):
    """Given an integer p >= 0, return floor(10**p)*log(10)."""
    # digits are stored as a string, for quick conversion to
    # integer in the case that we've already computed enough
    # digits; the stored digits should always be correct
    # (truncated, not rounded to nearest).
    if p < 0:
        raise ValueError("p should be nonnegative")

    if p >= len(_log10_cache[0]):
        # compute p+3, p+6, p+9, ... digits; continue until at
        # least one of the extra digits is nonzero
        extra = 3
        while True:
            # compute p+extra digits, correct to within 1ulp
            M = 10**(p+extra+2)
            digits = str(_div_nearest(_ilog(10*M, M), 100))
            if digits[-extra:] != '0'*extra:
                break
            extra += 3
        # keep all reliable digits so far; remove trailing zeros
        # and next nonzero digit
        _log10_cache[0] = digits.rstrip('0')[:-1]
    return int(_log10_cache[0][:p+1])


def _iexp(x, M, L=8):
    """Given integers x and M, M > 0, such that x/M is small in absolute
    value, compute an integer approximation to M*exp(x/M)."""
    # Algorithm: to compute exp(z) for a real number z, first divide z
    # by a suitable power R of 2 so that |z/2**R| < 2**-L.  Then
    # compute expm1(z/2**R) = exp(z/2**R) - 1 using the usual Taylor
    # series
    #
    #     expm1(x) = x + x**2/2! + x**3/3! + ...
    #
    # Now use the identity
    #
    #     expm1(2x) = expm1(x)*(expm1(x)+2)
    #
    # R times to compute the sequence expm1(z/2**R),
    # expm1(z/2**(R-1)), ... , exp(z/2), exp(z).

    # Find R such that x/2**R/M <= 2**-L
    R = _nbits((x<<L)//M)

    # Taylor series.  (2**L)**T > M
    T = -int(-10*len(str(M))//(3*L))
    y = _div_nearest(x, T)
    Mshift = M<<R
    for i in range(T-1, 0, -1):
        y = _div_nearest(x*(Mshift + y), Mshift * i)

    # Expansion
    for k in range(R-1, -1, -1):
        Mshift = M<<(k+2)
        y = _div_nearest(y*(y+Mshift), Mshift)

    return M+y


def _dexp(c, e, p):
    """Compute an approximation to exp(c*10**e), with p decimal places of
    precision: (d, f) with |d*10**(f-p+1) - exp(c*10**e)| < 10**(f-p+1)."""

    # we'll call iexp with M = 10**(p+2), giving p+3 digits of precision
    p += 2

    # compute log(10) with extra precision = adjusted exponent of c*10**e
    extra = max(0, e + len(str(c)) - 1)
    q = p + extra

    # compute quotient c*10**e/(log(10)) = c*10**(e+q)/(log(10)*10**q),
    # rounding down
    shift = e+q
    if shift >= 0:
        cshift = c*10**shift
    else:
        cshift = c//10**-shift
    quot, rem = divmod(cshift, _log10_digits(q))

    # reduce remainder back to original precision
    rem = _div_nearest(rem, 10**extra)

    # error in result of _iexp < 120;  error after division < 0.62
    return _div_nearest(_iexp(rem, 10**p), 1000), quot - p + 3


##### Helper Functions ####################################################

def _convert_other(other, raiseit=False):
    """Convert other to Decimal (int and Decimal only)."""
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return Decimal(other)
    if raiseit:
        raise TypeError("conversion from %s to Decimal is not supported" % type(other).__name__)
    return NotImplemented


def _is_fraction(x):
    if type(x).__name__ != 'Fraction':
        return False
    import fractions
    return isinstance(x, fractions.Fraction)


def _convert_binop(other, op, reflected, forward):
    """Convert the other operand of a binary operator, or raise CPython's TypeError for it
    (naming 'decimal.Decimal' as the C implementation does).  forward: Decimal is the left
    operand; reflected: the other operand's method that may still handle the operation."""
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return Decimal(other)
    if op == '*' or op == '*=':
        if isinstance(other, (str, list, tuple, bytes)):
            raise TypeError("can't multiply sequence by non-int of type 'decimal.Decimal'")
    if not forward and op == '+':
        for t, name in ((str, 'str'), (list, 'list'), (tuple, 'tuple')):
            if isinstance(other, t):
                raise TypeError('can only concatenate %s (not "decimal.Decimal") to %s' % (name, name))
    if forward and reflected is not None and not isinstance(other, (float, str, list, tuple, dict, set, bytes)) \
            and other is not None and hasattr(type(other), reflected):
        return NotImplemented
    if forward:
        left, right = 'decimal.Decimal', type(other).__name__
    else:
        left, right = type(other).__name__, 'decimal.Decimal'
    raise TypeError("unsupported operand type(s) for %s: '%s' and '%s'" % (op, left, right))


def _convert_for_comparison(self, other, equality_op):
    """Given a Decimal instance self and a Python object other, return
    a pair (s, o) of Decimal instances such that "s op o" is
    equivalent to "self op other" for any of the 6 comparison
    operators "op".
    """
    if isinstance(other, Decimal):
        return self, other
    if isinstance(other, int):
        return self, Decimal(other)

    # Comparison with a Rational instance (also includes integers):
    # self op n/d <=> self*d op n (for n and d integers, d positive).
    # A NaN or infinity can be left unchanged without affecting the
    # comparison result.
    if _is_fraction(other):
        if not self._is_special:
            self = _dec_from_triple(self._sign,
                                    str(int(self._int) * other.denominator),
                                    self._exp)
        return self, Decimal(other.numerator)

    if isinstance(other, float):
        context = getcontext()
        if equality_op:
            if not context._ignore_all:
                context._flags._m |= 0x400
        else:
            context._raise_error(FloatOperation)
        return self, Decimal.from_float(other)
    return NotImplemented, NotImplemented


##### Format specifications ##############################################

def _format_digits_end(spec, i):
    n = len(spec)
    while i < n and '0' <= spec[i] <= '9':
        i += 1
    return i


def _parse_format_specifier(format_spec):
    """Parse a format specifier the way the C implementation (libmpdec's
    mpd_parse_fmt_str, after stripping the 'z' option) does."""
    spec = format_spec
    no_neg_0 = False
    # the 'z' option: right after [[fill]align], or after a sign that follows it
    pos = 0
    if len(spec) >= 2 and spec[1] in '<>=^':
        pos = 2
    elif len(spec) >= 1 and spec[0] in '<>=^':
        pos = 1
    if pos < len(spec) and spec[pos] == 'z':
        spec = spec[:pos] + spec[pos + 1:]
        no_neg_0 = True
    elif pos + 1 < len(spec) and spec[pos] in '+- ' and spec[pos + 1] == 'z':
        spec = spec[:pos + 1] + spec[pos + 2:]
        no_neg_0 = True

    fill = None
    align = None
    n = len(spec)
    i = 0
    if n >= 2 and spec[1] in '<>=^':
        fill = spec[0]
        align = spec[1]
        i = 2
    elif n >= 1 and spec[0] in '<>=^':
        align = spec[0]
        i = 1
    sign = '-'
    if i < n and spec[i] in '+- ':
        sign = spec[i]
        i += 1
    zeropad = False
    if i < n and spec[i] == '0':
        if fill is not None or align is not None:
            raise ValueError("invalid format string")
        zeropad = True
        i += 1
    minimumwidth = 0
    j = _format_digits_end(spec, i)
    if j > i:
        if spec[i] == '0':
            raise ValueError("invalid format string")
        minimumwidth = int(spec[i:j])
        i = j
    thousands_sep = ''
    if i < n and spec[i] == ',':
        thousands_sep = ','
        i += 1
    precision = None
    if i < n and spec[i] == '.':
        j = _format_digits_end(spec, i + 1)
        if j == i + 1:
            raise ValueError("invalid format string")
        precision = int(spec[i + 1:j])
        i = j
    ftype = None
    if i < n and spec[i] in 'eEfFgGn%':
        ftype = spec[i]
        i += 1
    if i != n:
        raise ValueError("invalid format string")
    if ftype == 'n' and thousands_sep:
        raise ValueError("invalid format string")

    format_dict = {}
    format_dict['fill'] = fill or ' '
    format_dict['align'] = align or '>'
    format_dict['sign'] = sign
    format_dict['no_neg_0'] = no_neg_0
    format_dict['alt'] = False
    format_dict['zeropad'] = zeropad
    format_dict['minimumwidth'] = minimumwidth
    format_dict['precision'] = precision

    # if format type is 'g' or 'G' then a precision of 0 makes little
    # sense; convert it to 1.  Same if format type is unspecified.
    if precision == 0:
        if ftype is None or ftype in 'gGn':
            format_dict['precision'] = 1

    # determine thousands separator, grouping, and decimal separator (the C locale for 'n')
    if ftype == 'n':
        ftype = 'g'
    format_dict['type'] = ftype
    format_dict['thousands_sep'] = thousands_sep
    format_dict['decimal_point'] = '.'
    return format_dict


def _format_align(sign, body, spec):
    """Given an unpadded, non-aligned numeric string 'body' and sign
    string 'sign', add padding and alignment conforming to the given
    format specifier dictionary 'spec' (as produced by
    parse_format_specifier).
    """
    # how much extra space do we have to play with?
    minimumwidth = spec['minimumwidth']
    fill = spec['fill']
    padding = fill*(minimumwidth - len(sign) - len(body))

    align = spec['align']
    if align == '<':
        result = sign + body + padding
    elif align == '>':
        result = padding + sign + body
    elif align == '=':
        result = sign + padding + body
    else:
        half = len(padding)//2
        result = padding[:half] + sign + body + padding[half:]
    return result


def _insert_thousands_sep(digits, spec, min_width=1):
    """Insert thousands separators into a digit string (groups of 3)."""
    sep = spec['thousands_sep']

    groups = []
    while True:
        l = min(max(len(digits), min_width, 1), 3)
        groups.append('0'*(l - len(digits)) + digits[-l:])
        digits = digits[:-l]
        min_width -= l
        if not digits and min_width <= 0:
            break
        min_width -= len(sep)
    groups.reverse()
    return sep.join(groups)


def _format_sign(is_negative, spec):
    """Determine sign character."""
    if is_negative:
        return '-'
    elif spec['sign'] in ' +':
        return spec['sign']
    else:
        return ''


def _format_number(is_negative, intpart, fracpart, exp, spec):
    """Format a number, given the following data:

    is_negative: true if the number is negative, else false
    intpart: string of digits that must appear before the decimal point
    fracpart: string of digits that must come after the point
    exp: exponent, as an integer
    spec: dictionary resulting from parsing the format specifier
    """
    sign = _format_sign(is_negative, spec)

    if fracpart or spec['alt']:
        fracpart = spec['decimal_point'] + fracpart

    if exp != 0 or spec['type'] in 'eE':
        echar = 'E' if spec['type'] in 'EG' else 'e'
        fracpart += "%s%+d" % (echar, exp)
    if spec['type'] == '%':
        fracpart += '%'

    if spec['zeropad']:
        min_width = spec['minimumwidth'] - len(fracpart) - len(sign)
    else:
        min_width = 0
    intpart = _insert_thousands_sep(intpart, spec, min_width)

    return _format_align(sign, intpart+fracpart, spec)


def _all_zeros(s, prec):
    i = prec
    n = len(s)
    while i < n:
        if s[i] != '0':
            return False
        i += 1
    return True


def _exact_half(s, prec):
    if prec >= len(s) or s[prec] != '5':
        return False
    return _all_zeros(s, prec + 1)


##### Useful Constants (internal use only) ################################

# Reusable defaults
_Infinity = Decimal('Inf')
_NegativeInfinity = Decimal('-Inf')
_NaN = Decimal('NaN')
_Zero = Decimal(0)
_One = Decimal(1)
_NegativeOne = Decimal(-1)

# _SignedInfinity[sign] is infinity w/ that sign
_SignedInfinity = (_Infinity, _NegativeInfinity)

# Constants related to the hash implementation;  hash(x) is based
# on the reduction of x modulo _PyHASH_MODULUS
_PyHASH_MODULUS = 2305843009213693951
_PyHASH_INF = 314159
_PyHASH_10INV = pow(10, _PyHASH_MODULUS - 2, _PyHASH_MODULUS)

# The default contexts
DefaultContext = Context(
        prec=28, rounding=ROUND_HALF_EVEN,
        traps=[DivisionByZero, Overflow, InvalidOperation],
        flags=[],
        Emax=999999,
        Emin=-999999,
        capitals=1,
        clamp=0
)

BasicContext = Context(
        prec=9, rounding=ROUND_HALF_UP,
        traps=[DivisionByZero, Overflow, InvalidOperation, Clamped, Underflow],
        flags=[],
)

ExtendedContext = Context(
        prec=9, rounding=ROUND_HALF_EVEN,
        traps=[],
        flags=[],
)

_default_context = DefaultContext
