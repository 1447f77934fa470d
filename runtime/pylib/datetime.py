"""Concrete date/time and related types: CPython 3.11's datetime, as its C implementation behaves
(messages, reprs), following the algorithms of Lib/datetime.py.

Local time is UTC (a WASM program has no time zone): now(), today(), fromtimestamp() and
timestamp() of naive values use it. strftime follows glibc's C-locale strftime; strptime follows
Lib/_strptime.py in the C locale. Left out: timetuple()/utctimetuple() (time.struct_time),
pickling.
"""

import time as _time
import math as _math

MINYEAR = 1
MAXYEAR = 9999
_MAXORDINAL = 3652059  # date.max.toordinal()

_DAYS_IN_MONTH = [-1, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DAYS_BEFORE_MONTH = [-1, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]

_MONTHNAMES = [None, "Jan", "Feb", "Mar", "Apr", "May", "Jun",
               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_DAYNAMES = [None, "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_FULL_MONTHNAMES = [None, "January", "February", "March", "April", "May", "June", "July",
                    "August", "September", "October", "November", "December"]
_FULL_DAYNAMES = [None, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                  "Sunday"]


def _cmp(x, y):
    return 0 if x == y else 1 if x > y else -1


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_month(year, month):
    return _DAYS_BEFORE_MONTH[month] + (1 if month > 2 and _is_leap(year) else 0)


def _ymd2ord(year, month, day):
    y = year - 1
    n = y * 365 + y // 4 - y // 100 + y // 400 + _DAYS_BEFORE_MONTH[month] + day
    if month > 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        n += 1
    return n


def _ord2ymd(n):
    n -= 1
    n400 = n // 146097
    n = n % 146097
    year = n400 * 400 + 1
    n100 = n // 36524
    n = n % 36524
    n4 = n // 1461
    n = n % 1461
    n1 = n // 365
    n = n % 365
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    leapyear = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    preceding = _DAYS_BEFORE_MONTH[month] + (1 if month > 2 and leapyear else 0)
    if preceding > n:
        month -= 1
        preceding -= _DAYS_IN_MONTH[month] + (1 if month == 2 and leapyear else 0)
    n -= preceding
    return year, month, n + 1


def _isoweek1monday(year):
    firstday = _ymd2ord(year, 1, 1)
    firstweekday = (firstday + 6) % 7
    week1monday = firstday - firstweekday
    if firstweekday > 3:
        week1monday += 7
    return week1monday


def _iso_calendar(year, month, day):
    week1monday = _isoweek1monday(year)
    today = _ymd2ord(year, month, day)
    week, day = divmod(today - week1monday, 7)
    if week < 0:
        year -= 1
        week1monday = _isoweek1monday(year)
        week, day = divmod(today - week1monday, 7)
    elif week >= 52:
        if today >= _isoweek1monday(year + 1):
            year += 1
            week = 0
    return year, week + 1, day + 1


# --- argument checks, as the C implementation words them -----------------------------------------

_MODULE_TYPES = {}


def _tpname(obj):
    """The C type name CPython shows in messages and reprs: 'datetime.date' for the module's own
    classes, the plain class name for anything else (a subclass included)."""
    cls = type(obj)
    name = _MODULE_TYPES.get(cls)
    if name is not None:
        return name
    return cls.__name__


def _int_arg(value):
    """An int argument the way PyArg_ParseTuple's 'i' reads it."""
    if not isinstance(value, int):
        if isinstance(value, float) or not hasattr(value, "__index__"):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)
        value = value.__index__()
    if value > 2147483647:
        raise OverflowError("signed integer is greater than maximum")
    if value < -2147483648:
        raise OverflowError("signed integer is less than minimum")
    return int(value)


def _not_writable(name, tpname):
    raise AttributeError("attribute '%s' of '%s' objects is not writable" % (name, tpname))


def _missing(name, pos):
    raise TypeError("function missing required argument '%s' (pos %d)" % (name, pos))


def _check_date_fields(year, month, day):
    if year is _MISSING:
        _missing("year", 1)
    if month is _MISSING:
        _missing("month", 2)
    if day is _MISSING:
        _missing("day", 3)
    year = _int_arg(year)
    month = _int_arg(month)
    day = _int_arg(day)
    if year < MINYEAR or year > MAXYEAR:
        raise ValueError("year %d is out of range" % year)
    if month < 1 or month > 12:
        raise ValueError("month must be in 1..12")
    if day < 1 or day > _days_in_month(year, month):
        raise ValueError("day is out of range for month")
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    hour = _int_arg(hour)
    minute = _int_arg(minute)
    second = _int_arg(second)
    microsecond = _int_arg(microsecond)
    fold = _int_arg(fold)
    if hour < 0 or hour > 23:
        raise ValueError("hour must be in 0..23")
    if minute < 0 or minute > 59:
        raise ValueError("minute must be in 0..59")
    if second < 0 or second > 59:
        raise ValueError("second must be in 0..59")
    if microsecond < 0 or microsecond > 999999:
        raise ValueError("microsecond must be in 0..999999")
    if fold != 0 and fold != 1:
        raise ValueError("fold must be either 0 or 1")
    return hour, minute, second, microsecond, fold


def _check_tzinfo_arg(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'"
                        % type(tz).__name__)


def _check_tzname(name):
    if name is not None and not isinstance(name, str):
        raise TypeError("tzinfo.tzname() must return None or a string, not '%s'"
                        % type(name).__name__)


def _check_utc_offset(name, offset):
    if offset is None:
        return
    if not isinstance(offset, timedelta):
        raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'"
                        % (name, type(offset).__name__))
    if not (-_ONE_DAY < offset < _ONE_DAY):
        raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) and "
                         "timedelta(hours=24), not %r." % (offset,))


class _Missing:
    pass


_MISSING = _Missing()

# Builtin types that never take part in an operation with a datetime object: with one of these
# as the other operand, the methods below raise CPython's TypeError themselves (the message names
# the C types, e.g. 'datetime.date').
_PLAIN_TYPES = (int, float, str, bool, list, tuple, dict, set, frozenset, bytes, complex,
                type(None))
_SEQUENCE_TYPES = (str, list, tuple, bytes)


def _foreign(other):
    return type(other) in _PLAIN_TYPES or type(other) in _MODULE_TYPES


def _unsupported(op, a, b):
    raise TypeError("unsupported operand type(s) for %s: '%s' and '%s'" % (op, _tpname(a), _tpname(b)))


def _radd_error(a, b):
    """a + b failed, a being a plain value or a datetime object."""
    if type(a) in _SEQUENCE_TYPES and type(a) is not bytes:
        raise TypeError('can only concatenate %s (not "%s") to %s'
                        % (type(a).__name__, _tpname(b), type(a).__name__))
    _unsupported("+", a, b)


def _divide_and_round(a, b):
    q, r = divmod(a, b)
    r *= 2
    greater_than_half = r > b if b > 0 else r < b
    if greater_than_half or r == b and q % 2 == 1:
        q += 1
    return q


def _c_round(x):
    """C's round(): halves away from zero."""
    frac, whole = _math.modf(x)
    if frac >= 0.5:
        whole += 1.0
    elif frac <= -0.5:
        whole -= 1.0
    return whole


def _accum(tag, sofar, num, factor, leftover):
    """One timedelta constructor argument added into the running sum of microseconds (C's
    accum()); returns (sum, leftover)."""
    if isinstance(num, int):
        return sofar + num * factor, leftover
    if isinstance(num, float):
        fracpart, intpart = _math.modf(num)
        total = sofar + int(intpart) * factor
        if fracpart == 0.0:
            return total, leftover
        fracpart, intpart = _math.modf(float(factor) * fracpart)
        return total + int(intpart), leftover + fracpart
    raise TypeError("unsupported type for timedelta %s component: %s" % (tag, type(num).__name__))


def _c_int_days(d):
    if d > 2147483647 or d < -2147483648:
        raise OverflowError("Python int too large to convert to C int")
    if d > 999999999 or d < -999999999:
        raise OverflowError("days=%d; must have magnitude <= 999999999" % d)


def _delta_from_us(us):
    s = us // 1000000
    us = us % 1000000
    d = s // 86400
    s = s % 86400
    if d > 999999999 or d < -999999999:
        _c_int_days(d)
    self = object.__new__(timedelta)
    self._days = d
    self._seconds = s
    self._microseconds = us
    return self


def _new_delta(d, s, us):
    """A timedelta from already-normalised fields (no checks)."""
    self = object.__new__(timedelta)
    self._days = d
    self._seconds = s
    self._microseconds = us
    return self


class timedelta:
    """Difference between two datetime values."""

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0,
                weeks=0):
        try:
            # all ints (the common case): exact integer arithmetic
            x = ((((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000000 \
                + milliseconds * 1000 + microseconds
        except TypeError:
            x = None
        leftover = 0.0
        if type(x) is not int:
            x = 0
            leftover = 0.0
            x, leftover = _accum("microseconds", x, microseconds, 1, leftover)
            x, leftover = _accum("milliseconds", x, milliseconds, 1000, leftover)
            x, leftover = _accum("seconds", x, seconds, 1000000, leftover)
            x, leftover = _accum("minutes", x, minutes, 60000000, leftover)
            x, leftover = _accum("hours", x, hours, 3600000000, leftover)
            x, leftover = _accum("days", x, days, 86400000000, leftover)
            x, leftover = _accum("weeks", x, weeks, 604800000000, leftover)
        if leftover != 0.0:
            whole_us = _c_round(leftover)
            if abs(whole_us - leftover) == 0.5:
                x_is_odd = x & 1
                whole_us = 2.0 * _c_round((leftover + x_is_odd) * 0.5) - x_is_odd
            x += int(whole_us)
        s = x // 1000000
        us = x % 1000000
        d = s // 86400
        s = s % 86400
        if d > 999999999 or d < -999999999:
            _c_int_days(d)
        self = object.__new__(cls)
        self._days = d
        self._seconds = s
        self._microseconds = us
        return self

    @property
    def days(self):
        return self._days

    @days.setter
    def days(self, value):
        _not_writable('days', 'datetime.timedelta')

    @property
    def seconds(self):
        return self._seconds

    @seconds.setter
    def seconds(self, value):
        _not_writable('seconds', 'datetime.timedelta')

    @property
    def microseconds(self):
        return self._microseconds

    @microseconds.setter
    def microseconds(self, value):
        _not_writable('microseconds', 'datetime.timedelta')

    def __repr__(self):
        args = []
        if self._days:
            args.append("days=%d" % self._days)
        if self._seconds:
            args.append("seconds=%d" % self._seconds)
        if self._microseconds:
            args.append("microseconds=%d" % self._microseconds)
        if not args:
            args.append("0")
        return "%s(%s)" % (_tpname(self), ", ".join(args))

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = "%d:%02d:%02d" % (hh, mm, ss)
        if self._days:
            if self._days == 1 or self._days == -1:
                s = "%d day, " % self._days + s
            else:
                s = "%d days, " % self._days + s
        if self._microseconds:
            s = s + ".%06d" % self._microseconds
        return s

    def total_seconds(self):
        return self._to_microseconds() / 10**6

    def _to_microseconds(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    def __add__(self, other):
        if isinstance(other, timedelta):
            return _delta_from_us(self._to_microseconds() + other._to_microseconds())
        if type(other) in _PLAIN_TYPES:
            _unsupported("+", self, other)
        return NotImplemented

    def __radd__(self, other):
        if isinstance(other, timedelta):
            return _delta_from_us(self._to_microseconds() + other._to_microseconds())
        if _foreign(other):
            _radd_error(other, self)
        return NotImplemented

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return _delta_from_us(self._to_microseconds() - other._to_microseconds())
        if _foreign(other):
            _unsupported("-", self, other)
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return _delta_from_us(other._to_microseconds() - self._to_microseconds())
        if _foreign(other):
            _unsupported("-", other, self)
        return NotImplemented

    def __neg__(self):
        return _delta_from_us(-self._to_microseconds())

    def __pos__(self):
        return _new_delta(self._days, self._seconds, self._microseconds)

    def __abs__(self):
        if self._days < 0:
            return _delta_from_us(-self._to_microseconds())
        return _new_delta(self._days, self._seconds, self._microseconds)

    def __mul__(self, other):
        if isinstance(other, int):
            return _delta_from_us(self._to_microseconds() * other)
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return _delta_from_us(_divide_and_round(self._to_microseconds() * a, b))
        if type(other) in _SEQUENCE_TYPES:
            raise TypeError("can't multiply sequence by non-int of type '%s'" % _tpname(self))
        if _foreign(other):
            _unsupported("*", self, other)
        return NotImplemented

    def __rmul__(self, other):
        if isinstance(other, int):
            return _delta_from_us(self._to_microseconds() * other)
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return _delta_from_us(_divide_and_round(self._to_microseconds() * a, b))
        if type(other) in _SEQUENCE_TYPES:
            raise TypeError("can't multiply sequence by non-int of type '%s'" % _tpname(self))
        if _foreign(other):
            _unsupported("*", other, self)
        return NotImplemented

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            div = other._to_microseconds()
            if div == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            return self._to_microseconds() // div
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            return _delta_from_us(self._to_microseconds() // other)
        if _foreign(other):
            _unsupported("//", self, other)
        return NotImplemented

    def __rfloordiv__(self, other):
        if _foreign(other):
            _unsupported("//", other, self)
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            div = other._to_microseconds()
            if div == 0:
                raise ZeroDivisionError("division by zero")
            return self._to_microseconds() / div
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            return _delta_from_us(_divide_and_round(self._to_microseconds(), other))
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            if a == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            return _delta_from_us(_divide_and_round(b * self._to_microseconds(), a))
        if _foreign(other):
            _unsupported("/", self, other)
        return NotImplemented

    def __rtruediv__(self, other):
        if _foreign(other):
            _unsupported("/", other, self)
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            div = other._to_microseconds()
            if div == 0:
                raise ZeroDivisionError("integer modulo by zero")
            return _delta_from_us(self._to_microseconds() % div)
        if _foreign(other):
            _unsupported("%", self, other)
        return NotImplemented

    def __rmod__(self, other):
        if _foreign(other):
            _unsupported("%", other, self)
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            div = other._to_microseconds()
            if div == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            q, r = divmod(self._to_microseconds(), div)
            return q, _delta_from_us(r)
        if _foreign(other):
            _unsupported("divmod()", self, other)
        return NotImplemented

    def __rdivmod__(self, other):
        if _foreign(other):
            _unsupported("divmod()", other, self)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return (self._days == other._days and self._seconds == other._seconds
                    and self._microseconds == other._microseconds)
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timedelta):
            return (self._days != other._days or self._seconds != other._seconds
                    or self._microseconds != other._microseconds)
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return (((self._days * 86400 + self._seconds) * 1000000 + self._microseconds)
                    <= ((other._days * 86400 + other._seconds) * 1000000 + other._microseconds))
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return (((self._days * 86400 + self._seconds) * 1000000 + self._microseconds)
                    < ((other._days * 86400 + other._seconds) * 1000000 + other._microseconds))
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return (((self._days * 86400 + self._seconds) * 1000000 + self._microseconds)
                    >= ((other._days * 86400 + other._seconds) * 1000000 + other._microseconds))
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return (((self._days * 86400 + self._seconds) * 1000000 + self._microseconds)
                    > ((other._days * 86400 + other._seconds) * 1000000 + other._microseconds))
        return NotImplemented

    def __hash__(self):
        return hash((self._days, self._seconds, self._microseconds))

    def __bool__(self):
        return self._days != 0 or self._seconds != 0 or self._microseconds != 0


timedelta.min = _new_delta(-999999999, 0, 0)
timedelta.max = _new_delta(999999999, 86399, 999999)
timedelta.resolution = _new_delta(0, 0, 1)
_ONE_DAY = _new_delta(1, 0, 0)
_ZERO = _new_delta(0, 0, 0)


def _date_cmp_error(d, dt):
    raise TypeError("can't compare %s to %s" % (_tpname(dt), _tpname(d)))


def _new_date(cls, year, month, day):
    """A date (of class cls) from fields known to be valid."""
    if cls is date:
        self = object.__new__(date)
        self._year = year
        self._month = month
        self._day = day
        return self
    return cls(year, month, day)


class date:
    """Concrete date type."""

    def __new__(cls, year=_MISSING, month=_MISSING, day=_MISSING):
        year, month, day = _check_date_fields(year, month, day)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        return self

    @classmethod
    def fromtimestamp(cls, t):
        y, m, d, hh, mm, ss, us = _utc_fields(t, _ROUND_FLOOR)
        return _new_date(cls, y, m, d)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        n = _int_arg(n)
        if n < 1:
            raise ValueError("ordinal must be >= 1")
        y, m, d = _ord2ymd(n)
        if y > MAXYEAR:
            raise ValueError("year %d is out of range" % y)
        return _new_date(cls, y, m, d)

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        fields = _parse_date_string(date_string)
        if fields is None:
            raise ValueError("Invalid isoformat string: %r" % (date_string,))
        return cls(fields[0], fields[1], fields[2])

    @classmethod
    def fromisocalendar(cls, year, week, day):
        try:
            year = _int_arg(year)
            week = _int_arg(week)
            day = _int_arg(day)
        except OverflowError:
            raise ValueError("ISO calendar component out of range")
        if year < MINYEAR or year > MAXYEAR:
            raise ValueError("Year is out of range: %d" % year)
        if not 0 < week < 53:
            out_of_range = True
            if week == 53:
                first_weekday = _ymd2ord(year, 1, 1) % 7
                if first_weekday == 4 or (first_weekday == 3 and _is_leap(year)):
                    out_of_range = False
            if out_of_range:
                raise ValueError("Invalid week: %d" % week)
        if not 0 < day < 8:
            raise ValueError("Invalid day: %d (range is [1, 7])" % day)
        y, m, d = _ord2ymd(_isoweek1monday(year) + (week - 1) * 7 + (day - 1))
        return cls(y, m, d)

    def __repr__(self):
        return "%s(%d, %d, %d)" % (_tpname(self), self._year, self._month, self._day)

    def ctime(self):
        weekday = _ymd2ord(self._year, self._month, self._day) % 7 or 7
        return "%s %s %2d 00:00:00 %04d" % (_DAYNAMES[weekday], _MONTHNAMES[self._month],
                                            self._day, self._year)

    def strftime(self, format):
        if not isinstance(format, str):
            raise TypeError("strftime() argument 1 must be str, not %s" % type(format).__name__)
        return _time_strftime(_wrap_strftime(self, format), self._year, self._month, self._day,
                         0, 0, 0)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("__format__() argument 1 must be str, not %s" % type(fmt).__name__)
        if len(fmt) != 0:
            return self.strftime(fmt)
        return str(self)

    def isoformat(self):
        return "%04d-%02d-%02d" % (self._year, self._month, self._day)

    def __str__(self):
        return "%04d-%02d-%02d" % (self._year, self._month, self._day)

    @property
    def year(self):
        return self._year

    @year.setter
    def year(self, value):
        _not_writable('year', 'datetime.date')

    @property
    def month(self):
        return self._month

    @month.setter
    def month(self, value):
        _not_writable('month', 'datetime.date')

    @property
    def day(self):
        return self._day

    @day.setter
    def day(self, value):
        _not_writable('day', 'datetime.date')

    def toordinal(self):
        return _ymd2ord(self._year, self._month, self._day)

    def replace(self, year=_MISSING, month=_MISSING, day=_MISSING):
        if year is _MISSING:
            year = self._year
        if month is _MISSING:
            month = self._month
        if day is _MISSING:
            day = self._day
        return type(self)(year, month, day)

    def __eq__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return (self._year == other._year and self._month == other._month
                    and self._day == other._day)
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return (self._year != other._year or self._month != other._month
                    or self._day != other._day)
        return NotImplemented


    def __le__(self, other):
        if isinstance(other, date):
            if isinstance(other, datetime):
                _date_cmp_error(self, other)
            return (((self._year * 16 + self._month) * 32 + self._day)
                    <= ((other._year * 16 + other._month) * 32 + other._day))
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, date):
            if isinstance(other, datetime):
                _date_cmp_error(self, other)
            return (((self._year * 16 + self._month) * 32 + self._day)
                    < ((other._year * 16 + other._month) * 32 + other._day))
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, date):
            if isinstance(other, datetime):
                _date_cmp_error(self, other)
            return (((self._year * 16 + self._month) * 32 + self._day)
                    >= ((other._year * 16 + other._month) * 32 + other._day))
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, date):
            if isinstance(other, datetime):
                _date_cmp_error(self, other)
            return (((self._year * 16 + self._month) * 32 + self._day)
                    > ((other._year * 16 + other._month) * 32 + other._day))
        return NotImplemented

    def __hash__(self):
        return hash((self._year, self._month, self._day))

    def __add__(self, other):
        if isinstance(other, timedelta):
            o = _ymd2ord(self._year, self._month, self._day) + other._days
            if 0 < o <= _MAXORDINAL:
                y, m, d = _ord2ymd(o)
                return _new_date(type(self), y, m, d)
            raise OverflowError("date value out of range")
        if _foreign(other):
            _unsupported("+", self, other)
        return NotImplemented

    def __radd__(self, other):
        if isinstance(other, timedelta):
            return self.__add__(other)
        if _foreign(other):
            _radd_error(other, self)
        return NotImplemented

    def __sub__(self, other):
        if isinstance(other, timedelta):
            o = _ymd2ord(self._year, self._month, self._day) - other._days
            if 0 < o <= _MAXORDINAL:
                y, m, d = _ord2ymd(o)
                return _new_date(type(self), y, m, d)
            raise OverflowError("date value out of range")
        if isinstance(other, date) and not isinstance(other, datetime):
            return _new_delta(_ymd2ord(self._year, self._month, self._day) - _ymd2ord(other._year, other._month, other._day), 0, 0)
        if _foreign(other):
            _unsupported("-", self, other)
        return NotImplemented

    def __rsub__(self, other):
        if _foreign(other):
            _unsupported("-", other, self)
        return NotImplemented

    def weekday(self):
        return (_ymd2ord(self._year, self._month, self._day) + 6) % 7

    def isoweekday(self):
        return _ymd2ord(self._year, self._month, self._day) % 7 or 7

    def isocalendar(self):
        y, w, d = _iso_calendar(self._year, self._month, self._day)
        return IsoCalendarDate(y, w, d)


date.min = _new_date(date, 1, 1, 1)
date.max = _new_date(date, 9999, 12, 31)
date.resolution = _new_delta(1, 0, 0)


class IsoCalendarDate(tuple):

    def __new__(cls, year, week, weekday):
        return super().__new__(cls, (year, week, weekday))

    @property
    def year(self):
        return self[0]

    @property
    def week(self):
        return self[1]

    @property
    def weekday(self):
        return self[2]

    def __repr__(self):
        return "%s(year=%d, week=%d, weekday=%d)" % (_tpname(self), self[0], self[1], self[2])


class tzinfo:
    """Abstract base class for time zone info classes."""

    def tzname(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement tzname()")

    def utcoffset(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement utcoffset()")

    def dst(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement dst()")

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        dtoff = dt.utcoffset()
        if dtoff is None:
            raise ValueError("fromutc: non-None utcoffset() result required")
        dtdst = dt.dst()
        if dtdst is None:
            raise ValueError("fromutc: non-None dst() result required")
        delta = dtoff - dtdst
        if delta:
            dt += delta
            dtdst = dt.dst()
            if dtdst is None:
                raise ValueError("fromutc: tz.dst() gave inconsistent results; cannot convert")
        return dt + dtdst


def _format_time(hh, mm, ss, us, timespec):
    if timespec == "auto":
        if us:
            return "%02d:%02d:%02d.%06d" % (hh, mm, ss, us)
        return "%02d:%02d:%02d" % (hh, mm, ss)
    if timespec == "hours":
        return "%02d" % hh
    if timespec == "minutes":
        return "%02d:%02d" % (hh, mm)
    if timespec == "seconds":
        return "%02d:%02d:%02d" % (hh, mm, ss)
    if timespec == "milliseconds":
        return "%02d:%02d:%02d.%03d" % (hh, mm, ss, us // 1000)
    if timespec == "microseconds":
        return "%02d:%02d:%02d.%06d" % (hh, mm, ss, us)
    raise ValueError("Unknown timespec value")


def _format_offset(off):
    """'+HH:MM[:SS[.ffffff]]' for a UTC offset, '' for None."""
    if off is None:
        return ""
    if off._days < 0:
        sign = "-"
        off = -off
    else:
        sign = "+"
    mm, ss = divmod(off._seconds, 60)
    hh, mm = divmod(mm, 60)
    s = "%s%02d:%02d" % (sign, hh, mm)
    if ss or off._microseconds:
        s += ":%02d" % ss
        if off._microseconds:
            s += ".%06d" % off._microseconds
    return s


class time:
    """Time with time zone."""

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo_arg(tzinfo)
        self = object.__new__(cls)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        return self

    @property
    def hour(self):
        return self._hour

    @hour.setter
    def hour(self, value):
        _not_writable('hour', 'datetime.time')

    @property
    def minute(self):
        return self._minute

    @minute.setter
    def minute(self, value):
        _not_writable('minute', 'datetime.time')

    @property
    def second(self):
        return self._second

    @second.setter
    def second(self, value):
        _not_writable('second', 'datetime.time')

    @property
    def microsecond(self):
        return self._microsecond

    @microsecond.setter
    def microsecond(self, value):
        _not_writable('microsecond', 'datetime.time')

    @property
    def tzinfo(self):
        return self._tzinfo

    @tzinfo.setter
    def tzinfo(self, value):
        _not_writable('tzinfo', 'datetime.time')

    @property
    def fold(self):
        return self._fold

    @fold.setter
    def fold(self, value):
        _not_writable('fold', 'datetime.time')

    def __eq__(self, other):
        if isinstance(other, time):
            return self._cmp(other, True) == 0
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, time):
            return self._cmp(other, True) != 0
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, time):
            return self._cmp(other, False) <= 0
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, time):
            return self._cmp(other, False) < 0
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, time):
            return self._cmp(other, False) >= 0
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, time):
            return self._cmp(other, False) > 0
        return NotImplemented

    def _cmp(self, other, allow_mixed):
        mytz = self._tzinfo
        ottz = other._tzinfo
        myoff = otoff = None
        if mytz is ottz:
            base_compare = True
        else:
            myoff = self.utcoffset()
            otoff = other.utcoffset()
            base_compare = myoff == otoff
        if base_compare:
            return _cmp((self._hour, self._minute, self._second, self._microsecond),
                        (other._hour, other._minute, other._second, other._microsecond))
        if myoff is None or otoff is None:
            if allow_mixed:
                return 2
            raise TypeError("can't compare offset-naive and offset-aware times")
        myhhmm = self._hour * 60 + self._minute - myoff // timedelta(minutes=1)
        othhmm = other._hour * 60 + other._minute - otoff // timedelta(minutes=1)
        return _cmp((myhhmm, self._second, self._microsecond),
                    (othhmm, other._second, other._microsecond))

    def __hash__(self):
        tzoff = self.utcoffset()
        if tzoff is None:
            return hash((self._hour, self._minute, self._second, self._microsecond))
        return hash(timedelta(0, self._hour * 3600 + self._minute * 60 + self._second,
                              self._microsecond) - tzoff)

    def __add__(self, other):
        if _foreign(other):
            _unsupported("+", self, other)
        return NotImplemented

    def __radd__(self, other):
        if _foreign(other):
            _radd_error(other, self)
        return NotImplemented

    def __sub__(self, other):
        if _foreign(other):
            _unsupported("-", self, other)
        return NotImplemented

    def __rsub__(self, other):
        if _foreign(other):
            _unsupported("-", other, self)
        return NotImplemented

    def __repr__(self):
        if self._microsecond != 0:
            s = ", %d, %d" % (self._second, self._microsecond)
        elif self._second != 0:
            s = ", %d" % self._second
        else:
            s = ""
        s = "%s(%d, %d%s)" % (_tpname(self), self._hour, self._minute, s)
        if self._tzinfo is not None:
            s = s[:-1] + ", tzinfo=%r" % (self._tzinfo,) + ")"
        if self._fold:
            s = s[:-1] + ", fold=1)"
        return s

    def isoformat(self, timespec="auto"):
        if not isinstance(timespec, str):
            raise TypeError("isoformat() argument 1 must be str, not %s" % type(timespec).__name__)
        s = _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        return s + _format_offset(self.utcoffset())

    def __str__(self):
        return self.isoformat()

    @classmethod
    def fromisoformat(cls, time_string):
        if not isinstance(time_string, str):
            raise TypeError("fromisoformat: argument must be str")
        comps = _parse_time_string(time_string)
        if comps is None:
            raise ValueError("Invalid isoformat string: %r" % (time_string,))
        return cls(comps[0], comps[1], comps[2], comps[3], comps[4])

    def strftime(self, format):
        if not isinstance(format, str):
            raise TypeError("strftime() argument 1 must be str, not %s" % type(format).__name__)
        return _time_strftime(_wrap_strftime(self, format), 1900, 1, 1,
                         self._hour, self._minute, self._second)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("__format__() argument 1 must be str, not %s" % type(fmt).__name__)
        if len(fmt) != 0:
            return self.strftime(fmt)
        return str(self)

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.utcoffset(None)
        _check_utc_offset("utcoffset", offset)
        return offset

    def tzname(self):
        if self._tzinfo is None:
            return None
        name = self._tzinfo.tzname(None)
        _check_tzname(name)
        return name

    def dst(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.dst(None)
        _check_utc_offset("dst", offset)
        return offset

    def replace(self, hour=_MISSING, minute=_MISSING, second=_MISSING, microsecond=_MISSING,
                tzinfo=_MISSING, *, fold=_MISSING):
        if hour is _MISSING:
            hour = self._hour
        if minute is _MISSING:
            minute = self._minute
        if second is _MISSING:
            second = self._second
        if microsecond is _MISSING:
            microsecond = self._microsecond
        if tzinfo is _MISSING:
            tzinfo = self._tzinfo
        if fold is _MISSING:
            fold = self._fold
        return type(self)(hour, minute, second, microsecond, tzinfo, fold=fold)


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = _new_delta(0, 0, 1)


def _new_datetime(cls, y, m, d, hh, mm, ss, us, tz, fold):
    """A datetime (of class cls) from fields known to be valid."""
    if cls is datetime:
        self = object.__new__(datetime)
        self._year = y
        self._month = m
        self._day = d
        self._hour = hh
        self._minute = mm
        self._second = ss
        self._microsecond = us
        self._tzinfo = tz
        self._fold = fold
        return self
    return cls(y, m, d, hh, mm, ss, us, tz, fold=fold)


# fromtimestamp rounding modes (CPython's _PyTime_ROUND_*)
_ROUND_FLOOR = 0
_ROUND_HALF_EVEN = 1


def _utc_fields(t, rounding):
    """(y, m, d, hh, mm, ss, us) of POSIX timestamp t in UTC."""
    if isinstance(t, float):
        if t != t:
            raise ValueError("Invalid value NaN (not a number)")
        frac, whole = _math.modf(t)
        if rounding == _ROUND_HALF_EVEN:
            us = round(frac * 1e6)
        else:
            us = _math.floor(frac * 1e6)
        if us >= 1000000:
            whole += 1.0
            us -= 1000000
        elif us < 0:
            whole -= 1.0
            us += 1000000
        if not (-9223372036854775808.0 <= whole < 9223372036854775808.0):
            raise OverflowError("timestamp out of range for platform time_t")
        secs = int(whole)
        us = int(us)
    else:
        secs = _int_arg_long(t)
        us = 0
    days, rem = divmod(secs, 86400)
    ordinal = days + 719163
    if ordinal < 1 or ordinal > _MAXORDINAL:
        y = _ord2ymd(ordinal)[0]
        if y - 1900 > 2147483647 or y - 1900 < -2147483648:
            # glibc's gmtime: the year does not fit struct tm
            raise OSError(75, "Value too large for defined data type")
        raise ValueError("year %d is out of range" % y)
    y, m, d = _ord2ymd(ordinal)
    hh, rem = divmod(rem, 3600)
    mm, ss = divmod(rem, 60)
    return y, m, d, hh, mm, ss, us


def _int_arg_long(value):
    if not isinstance(value, int):
        if not hasattr(value, "__index__"):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)
        value = value.__index__()
    if value > 9223372036854775807 or value < -9223372036854775808:
        raise OverflowError("timestamp out of range for platform time_t")
    return int(value)


class datetime(date):
    """datetime(year, month, day[, hour[, minute[, second[, microsecond[,tzinfo]]]]])"""

    def __new__(cls, year=_MISSING, month=_MISSING, day=_MISSING, hour=0, minute=0, second=0,
                microsecond=0, tzinfo=None, *, fold=0):
        year, month, day = _check_date_fields(year, month, day)
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo_arg(tzinfo)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        return self

    @property
    def hour(self):
        return self._hour

    @hour.setter
    def hour(self, value):
        _not_writable('hour', 'datetime.datetime')

    @property
    def minute(self):
        return self._minute

    @minute.setter
    def minute(self, value):
        _not_writable('minute', 'datetime.datetime')

    @property
    def second(self):
        return self._second

    @second.setter
    def second(self, value):
        _not_writable('second', 'datetime.datetime')

    @property
    def microsecond(self):
        return self._microsecond

    @microsecond.setter
    def microsecond(self, value):
        _not_writable('microsecond', 'datetime.datetime')

    @property
    def tzinfo(self):
        return self._tzinfo

    @tzinfo.setter
    def tzinfo(self, value):
        _not_writable('tzinfo', 'datetime.datetime')

    @property
    def fold(self):
        return self._fold

    @fold.setter
    def fold(self, value):
        _not_writable('fold', 'datetime.datetime')

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tzinfo_arg(tz)
        y, m, d, hh, mm, ss, us = _utc_fields(t, _ROUND_HALF_EVEN)
        result = _new_datetime(cls, y, m, d, hh, mm, ss, us, tz, 0)
        if tz is not None:
            result = tz.fromutc(result)
        return result

    @classmethod
    def utcfromtimestamp(cls, t):
        y, m, d, hh, mm, ss, us = _utc_fields(t, _ROUND_HALF_EVEN)
        return _new_datetime(cls, y, m, d, hh, mm, ss, us, None, 0)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        n = _int_arg(n)
        if n < 1:
            raise ValueError("ordinal must be >= 1")
        y, m, d = _ord2ymd(n)
        if y > MAXYEAR:
            raise ValueError("year %d is out of range" % y)
        return _new_datetime(cls, y, m, d, 0, 0, 0, 0, None, 0)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        dd = date.fromisocalendar(year, week, day)
        return cls(dd._year, dd._month, dd._day)

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        if not isinstance(date, _date_class):
            raise TypeError("combine() argument 1 must be datetime.date, not %s"
                            % type(date).__name__)
        if not isinstance(time, _time_class):
            raise TypeError("combine() argument 2 must be datetime.time, not %s"
                            % type(time).__name__)
        if tzinfo is True:
            tzinfo = time._tzinfo
        else:
            _check_tzinfo_arg(tzinfo)
        return _new_datetime(cls, date._year, date._month, date._day, time._hour, time._minute,
                             time._second, time._microsecond, tzinfo, time._fold)

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        fields = _parse_datetime_string(date_string)
        if fields is None:
            raise ValueError("Invalid isoformat string: %r" % (date_string,))
        return cls(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6],
                   fields[7])

    @classmethod
    def strptime(cls, date_string, format):
        if not isinstance(date_string, str):
            raise TypeError("strptime() argument 1 must be str, not %s" % type(date_string).__name__)
        if not isinstance(format, str):
            raise TypeError("strptime() argument 2 must be str, not %s" % type(format).__name__)
        fields = _strptime(date_string, format)
        year = fields[0]
        month = fields[1]
        day = fields[2]
        hour = fields[3]
        minute = fields[4]
        second = fields[5]
        fraction = fields[6]
        gmtoff = fields[7]
        gmtoff_fraction = fields[8]
        tzname = fields[9]
        if gmtoff is not None:
            tzdelta = timedelta(seconds=gmtoff, microseconds=gmtoff_fraction)
            if tzname:
                tz = timezone(tzdelta, tzname)
            else:
                tz = timezone(tzdelta)
            return cls(year, month, day, hour, minute, second, fraction, tz)
        return cls(year, month, day, hour, minute, second, fraction)

    def _check_local(self):
        """CPython's local_to_seconds() probes a day before (fold=0) or after (fold=1) in local
        time, which fails at the ends of the supported range."""
        if self._fold:
            if self._year == 9999 and self._month == 12 and self._day == 31:
                raise ValueError("year 10000 is out of range")
        elif self._year == 1 and self._month == 1 and self._day == 1:
            raise ValueError("year 0 is out of range")

    def timestamp(self):
        if self._tzinfo is None:
            self._check_local()
            days = _ymd2ord(self._year, self._month, self._day) - 719163
            secs = days * 86400 + self._hour * 3600 + self._minute * 60 + self._second
            return secs + self._microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def date(self):
        return _new_date(date, self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond, fold=self._fold)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond, self._tzinfo,
                    fold=self._fold)

    def replace(self, year=_MISSING, month=_MISSING, day=_MISSING, hour=_MISSING, minute=_MISSING,
                second=_MISSING, microsecond=_MISSING, tzinfo=_MISSING, *, fold=_MISSING):
        if year is _MISSING:
            year = self._year
        if month is _MISSING:
            month = self._month
        if day is _MISSING:
            day = self._day
        if hour is _MISSING:
            hour = self._hour
        if minute is _MISSING:
            minute = self._minute
        if second is _MISSING:
            second = self._second
        if microsecond is _MISSING:
            microsecond = self._microsecond
        if tzinfo is _MISSING:
            tzinfo = self._tzinfo
        if fold is _MISSING:
            fold = self._fold
        return type(self)(year, month, day, hour, minute, second, microsecond, tzinfo, fold=fold)

    def astimezone(self, tz=None):
        if tz is None:
            tz = _local_timezone()
        elif not isinstance(tz, tzinfo):
            raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'"
                            % type(tz).__name__)
        mytz = self._tzinfo
        myoffset = None
        if mytz is not None:
            myoffset = mytz.utcoffset(self)
        if myoffset is None:
            self._check_local()
            mytz = _local_timezone()
            myoffset = _ZERO
        if tz is mytz:
            return self
        utc = (self - myoffset).replace(tzinfo=tz)
        return tz.fromutc(utc)

    def ctime(self):
        weekday = _ymd2ord(self._year, self._month, self._day) % 7 or 7
        return "%s %s %2d %02d:%02d:%02d %04d" % (
            _DAYNAMES[weekday], _MONTHNAMES[self._month], self._day,
            self._hour, self._minute, self._second, self._year)

    def isoformat(self, sep="T", timespec="auto"):
        if not isinstance(sep, str) or len(sep) != 1:
            raise TypeError("isoformat() argument 1 must be a unicode character, not %s"
                            % type(sep).__name__)
        if not isinstance(timespec, str):
            raise TypeError("isoformat() argument 2 must be str, not %s" % type(timespec).__name__)
        s = ("%04d-%02d-%02d" % (self._year, self._month, self._day) + sep
             + _format_time(self._hour, self._minute, self._second, self._microsecond, timespec))
        return s + _format_offset(self.utcoffset())

    def __repr__(self):
        if self._microsecond:
            tail = ", %d, %d" % (self._second, self._microsecond)
        elif self._second:
            tail = ", %d" % self._second
        else:
            tail = ""
        s = "%s(%d, %d, %d, %d, %d%s)" % (_tpname(self), self._year, self._month, self._day,
                                          self._hour, self._minute, tail)
        if self._fold:
            s = s[:-1] + ", fold=1)"
        if self._tzinfo is not None:
            s = s[:-1] + ", tzinfo=%r" % (self._tzinfo,) + ")"
        return s

    def __str__(self):
        return self.isoformat(" ")

    def strftime(self, format):
        if not isinstance(format, str):
            raise TypeError("strftime() argument 1 must be str, not %s" % type(format).__name__)
        return _time_strftime(_wrap_strftime(self, format), self._year, self._month, self._day,
                         self._hour, self._minute, self._second)

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.utcoffset(self)
        _check_utc_offset("utcoffset", offset)
        return offset

    def tzname(self):
        if self._tzinfo is None:
            return None
        name = self._tzinfo.tzname(self)
        _check_tzname(name)
        return name

    def dst(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.dst(self)
        _check_utc_offset("dst", offset)
        return offset

    def _fields(self):
        return (self._year, self._month, self._day, self._hour, self._minute, self._second,
                self._microsecond)

    def _key(self):
        return ((((((self._year * 16 + self._month) * 32 + self._day) * 32 + self._hour) * 64
                  + self._minute) * 64 + self._second) * 1000000 + self._microsecond)

    def __eq__(self, other):
        if isinstance(other, datetime):
            if self._tzinfo is None and other._tzinfo is None:
                return self._key() == other._key()
            return self._cmp(other, True) == 0
        if isinstance(other, date):
            return False
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, datetime):
            if self._tzinfo is None and other._tzinfo is None:
                return self._key() != other._key()
            return self._cmp(other, True) != 0
        if isinstance(other, date):
            return True
        return NotImplemented


    def __le__(self, other):
        if isinstance(other, datetime):
            if self._tzinfo is None and other._tzinfo is None:
                return self._key() <= other._key()
            return self._cmp(other, False) <= 0
        if isinstance(other, date):
            _date_cmp_error(other, self)
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, datetime):
            if self._tzinfo is None and other._tzinfo is None:
                return self._key() < other._key()
            return self._cmp(other, False) < 0
        if isinstance(other, date):
            _date_cmp_error(other, self)
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, datetime):
            if self._tzinfo is None and other._tzinfo is None:
                return self._key() >= other._key()
            return self._cmp(other, False) >= 0
        if isinstance(other, date):
            _date_cmp_error(other, self)
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, datetime):
            if self._tzinfo is None and other._tzinfo is None:
                return self._key() > other._key()
            return self._cmp(other, False) > 0
        if isinstance(other, date):
            _date_cmp_error(other, self)
        return NotImplemented

    def _cmp(self, other, allow_mixed):
        mytz = self._tzinfo
        ottz = other._tzinfo
        myoff = otoff = None
        if mytz is ottz:
            base_compare = True
        else:
            myoff = self.utcoffset()
            otoff = other.utcoffset()
            if allow_mixed:
                if myoff != self.replace(fold=1 - self._fold).utcoffset():
                    return 2
                if otoff != other.replace(fold=1 - other._fold).utcoffset():
                    return 2
            base_compare = myoff == otoff
        if base_compare:
            return _cmp(self._key(), other._key())
        if myoff is None or otoff is None:
            if allow_mixed:
                return 2
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        diff = self - other
        if diff._days < 0:
            return -1
        return 1 if diff else 0

    def __add__(self, other):
        if not isinstance(other, timedelta):
            if _foreign(other):
                _unsupported("+", self, other)
            return NotImplemented
        return self._add_delta(other, 1)

    def _add_delta(self, delta, sign):
        secs = (self._hour * 3600 + self._minute * 60 + self._second) + sign * delta._seconds
        us = self._microsecond + sign * delta._microseconds
        secs += us // 1000000
        us = us % 1000000
        o = _ymd2ord(self._year, self._month, self._day) + sign * delta._days + secs // 86400
        secs = secs % 86400
        if 0 < o <= _MAXORDINAL:
            y, m, d = _ord2ymd(o)
            hh = secs // 3600
            secs = secs % 3600
            mm = secs // 60
            ss = secs % 60
            return _new_datetime(type(self), y, m, d, hh, mm, ss, us, self._tzinfo, 0)
        raise OverflowError("date value out of range")

    def __radd__(self, other):
        if isinstance(other, timedelta):
            return self.__add__(other)
        if _foreign(other):
            _radd_error(other, self)
        return NotImplemented

    def __sub__(self, other):
        if not isinstance(other, datetime):
            if isinstance(other, timedelta):
                return self._add_delta(other, -1)
            if _foreign(other):
                _unsupported("-", self, other)
            return NotImplemented
        days1 = _ymd2ord(self._year, self._month, self._day)
        days2 = _ymd2ord(other._year, other._month, other._day)
        secs1 = self._second + self._minute * 60 + self._hour * 3600
        secs2 = other._second + other._minute * 60 + other._hour * 3600
        base = _delta_from_us(((days1 - days2) * 86400 + secs1 - secs2) * 1000000
                              + self._microsecond - other._microsecond)
        if self._tzinfo is other._tzinfo:
            return base
        myoff = self.utcoffset()
        otoff = other.utcoffset()
        if myoff == otoff:
            return base
        if myoff is None or otoff is None:
            raise TypeError("can't subtract offset-naive and offset-aware datetimes")
        return base + otoff - myoff

    def __rsub__(self, other):
        if _foreign(other):
            _unsupported("-", other, self)
        return NotImplemented

    def __hash__(self):
        if self._tzinfo is None:
            return hash(self._key())
        if self._fold:
            t = self.replace(fold=0)
        else:
            t = self
        tzoff = t.utcoffset()
        if tzoff is None:
            return hash(self._fields())
        days = _ymd2ord(self._year, self._month, self._day)
        seconds = self._hour * 3600 + self._minute * 60 + self._second
        return hash(timedelta(days, seconds, self._microsecond) - tzoff)


datetime.min = _new_datetime(datetime, 1, 1, 1, 0, 0, 0, 0, None, 0)
datetime.max = _new_datetime(datetime, 9999, 12, 31, 23, 59, 59, 999999, None, 0)
datetime.resolution = _new_delta(0, 0, 1)

_date_class = date
_time_class = time


class timezone(tzinfo):
    """Fixed offset from UTC."""

    def __new__(cls, offset=_MISSING, name=_MISSING):
        if offset is _MISSING:
            raise TypeError("timezone() missing required argument 'offset' (pos 1)")
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta, not %s"
                            % type(offset).__name__)
        if name is _MISSING:
            if not offset:
                return timezone.utc
            name = None
        elif not isinstance(name, str):
            raise TypeError("timezone() argument 2 must be str, not %s" % type(name).__name__)
        if not (-_ONE_DAY < offset < _ONE_DAY):
            raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) "
                             "and timedelta(hours=24), not %r." % (offset,))
        return _create_timezone(offset, name)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timezone):
            return self._offset != other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is timezone.utc:
            return "datetime.timezone.utc"
        if self._name is None:
            return "%s(%r)" % (_tpname(self), self._offset)
        return "%s(%r, %r)" % (_tpname(self), self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def utcoffset(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return self._offset
        raise TypeError("utcoffset(dt) argument must be a datetime instance or None, not %s"
                        % type(dt).__name__)

    def tzname(self, dt):
        if isinstance(dt, datetime) or dt is None:
            if self._name is None:
                return _name_from_offset(self._offset)
            return self._name
        raise TypeError("tzname(dt) argument must be a datetime instance or None, not %s"
                        % type(dt).__name__)

    def dst(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return None
        raise TypeError("dst(dt) argument must be a datetime instance or None, not %s"
                        % type(dt).__name__)

    def fromutc(self, dt):
        if isinstance(dt, datetime):
            if dt.tzinfo is not self:
                raise ValueError("fromutc: dt.tzinfo is not self")
            return dt + self._offset
        raise TypeError("fromutc: argument must be a datetime")


def _create_timezone(offset, name):
    self = object.__new__(timezone)
    self._offset = offset
    self._name = name
    return self


def _local_timezone():
    """The local time zone: UTC, as CPython names it from struct tm."""
    return _create_timezone(_ZERO, "UTC")


def _name_from_offset(delta):
    if not delta:
        return "UTC"
    if delta._days < 0:
        sign = "-"
        delta = -delta
    else:
        sign = "+"
    minutes, seconds = divmod(delta._seconds, 60)
    hours, minutes = divmod(minutes, 60)
    microseconds = delta._microseconds
    if microseconds:
        return "UTC%s%02d:%02d:%02d.%06d" % (sign, hours, minutes, seconds, microseconds)
    if seconds:
        return "UTC%s%02d:%02d:%02d" % (sign, hours, minutes, seconds)
    return "UTC%s%02d:%02d" % (sign, hours, minutes)


UTC = _create_timezone(_ZERO, None)
timezone.utc = UTC
timezone.min = _create_timezone(-timedelta(hours=23, minutes=59), None)
timezone.max = _create_timezone(timedelta(hours=23, minutes=59), None)
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

_MODULE_TYPES[date] = "datetime.date"
_MODULE_TYPES[datetime] = "datetime.datetime"
_MODULE_TYPES[time] = "datetime.time"
_MODULE_TYPES[timedelta] = "datetime.timedelta"
_MODULE_TYPES[tzinfo] = "datetime.tzinfo"
_MODULE_TYPES[timezone] = "datetime.timezone"
_MODULE_TYPES[IsoCalendarDate] = "datetime.IsoCalendarDate"


# --- ISO 8601 parsing ------------------------------------------------------------------------------
# Ports of the C implementation's parsers (Modules/_datetimemodule.c, 3.11), which read the UTF-8
# bytes of the string as a NUL-terminated C string: _utf8_view() spreads each non-ASCII character
# over as many placeholder characters as it has UTF-8 bytes (the first one telling the length),
# and _ch() reads '\0' past the end. The parsers return None for a malformed string (the
# classmethods then raise "Invalid isoformat string"); range errors come from the constructors.

def _utf8_view(s):
    ascii_only = True
    for c in s:
        if ord(c) > 127:
            ascii_only = False
            break
    if ascii_only:
        return s
    out = []
    for c in s:
        o = ord(c)
        if o < 128:
            out.append(c)
        elif o < 0x800:
            out.append("\xc0\x80")
        elif o < 0x10000:
            out.append("\xe0\x80\x80")
        else:
            out.append("\xf0\x80\x80\x80")
    return "".join(out)


def _ch(s, i):
    if i < len(s):
        return s[i]
    return "\0"


def _parse_digits(s, p, n):
    """(position after, value) of the n ASCII digits at s[p:], or (-1, 0)."""
    value = 0
    for k in range(n):
        c = _ch(s, p + k)
        if c < "0" or c > "9":
            return -1, 0
        value = value * 10 + (ord(c) - 48)
    return p + n, value


def _iso_to_ymd(year, week, day):
    if week <= 0 or week >= 53:
        out_of_range = True
        if week == 53:
            first_weekday = _ymd2ord(year, 1, 1) % 7
            if first_weekday == 4 or (first_weekday == 3 and _is_leap(year)):
                out_of_range = False
        if out_of_range:
            return None
    if day <= 0 or day >= 8:
        return None
    ordinal = _isoweek1monday(year) + (week - 1) * 7 + (day - 1)
    if ordinal < 1:
        # C's ord_to_ymd yields a month outside 1..12 there (year 0)
        return [1, 0, 1]
    y, m, d = _ord2ymd(ordinal)
    return [y, m, d]


def _parse_isoformat_date(s, length):
    """[year, month, day] of the date at the start of s (C's parse_isoformat_date, len=length)."""
    p, year = _parse_digits(s, 0, 4)
    if p < 0:
        return None
    uses_separator = _ch(s, p) == "-"
    if uses_separator:
        p += 1
    if _ch(s, p) == "W":
        p += 1
        p, week = _parse_digits(s, p, 2)
        if p < 0:
            return None
        if p < length:
            if uses_separator:
                c = _ch(s, p)
                p += 1
                if c != "-":
                    return None
            p, day = _parse_digits(s, p, 1)
            if p < 0:
                return None
        else:
            day = 1
        return _iso_to_ymd(year, week, day)
    p, month = _parse_digits(s, p, 2)
    if p < 0:
        return None
    if uses_separator:
        c = _ch(s, p)
        p += 1
        if c != "-":
            return None
    p, day = _parse_digits(s, p, 2)
    if p < 0:
        return None
    return [year, month, day]


_CORRECTION = [100000, 10000, 1000, 100, 10]


def _parse_hh_mm_ss_ff(s, p, p_end):
    """(rv, [hour, minute, second, microsecond]): rv < 0 malformed, 1 when text follows."""
    vals = [0, 0, 0, 0]
    has_separator = True
    i = 0
    while i < 3:
        p, value = _parse_digits(s, p, 2)
        if p < 0:
            return -3, vals
        vals[i] = value
        c = _ch(s, p)
        p += 1
        if i == 0:
            has_separator = c == ":"
        if p >= p_end:
            return (1 if c != "\0" else 0), vals
        elif has_separator and c == ":":
            i += 1
            continue
        elif c == "." or c == ",":
            break
        elif not has_separator:
            p -= 1
        else:
            return -4, vals
        i += 1
    len_remains = p_end - p
    to_parse = len_remains
    if len_remains >= 6:
        to_parse = 6
    p, us = _parse_digits(s, p, to_parse)
    if p < 0:
        return -3, vals
    if to_parse < 6:
        us *= _CORRECTION[to_parse - 1]
    vals[3] = us
    while "0" <= _ch(s, p) <= "9":
        p += 1
    return (1 if _ch(s, p) != "\0" else 0), vals


def _parse_isoformat_time(s, p, p_end):
    """[hour, minute, second, microsecond, tzinfo] of the time in s[p:p_end], or None."""
    tzpos = p
    while True:
        c = _ch(s, tzpos)
        if c == "Z" or c == "+" or c == "-":
            break
        tzpos += 1
        if tzpos >= p_end:
            break
    rv, comps = _parse_hh_mm_ss_ff(s, p, tzpos)
    if rv < 0:
        return None
    if tzpos == p_end:
        if rv == 1:
            return None
        comps.append(None)
        return comps
    if _ch(s, tzpos) == "Z":
        if _ch(s, tzpos + 1) != "\0":
            return None
        comps.append(UTC)
        return comps
    tzsign = -1 if _ch(s, tzpos) == "-" else 1
    rv, tzc = _parse_hh_mm_ss_ff(s, tzpos + 1, p_end)
    if rv != 0:
        return None
    tzoffset = tzsign * (tzc[0] * 3600 + tzc[1] * 60 + tzc[2])
    if tzoffset == 0:
        comps.append(UTC)
    else:
        comps.append(timezone(timedelta(0, tzoffset, tzsign * tzc[3])))
    return comps


def _isoformat_separator(s):
    """Where the date part of an ISO datetime string ends (C's
    _find_isoformat_datetime_separator), -1 when malformed."""
    n = len(s)
    if n == 7:
        return 7
    if s[4] == "-":
        if s[5] == "W":
            if n > 8 and s[8] == "-":
                if n == 9:
                    return -1
                if n > 10 and "0" <= s[10] <= "9":
                    return 8
                return 10
            return 8
        return 10
    if s[4] == "W":
        idx = 7
        while idx < n:
            if not ("0" <= s[idx] <= "9"):
                break
            idx += 1
        if idx < 9:
            return idx
        if idx % 2 == 0:
            return 7
        return 8
    return 8


def _parse_date_string(text):
    s = _utf8_view(text)
    if len(s) not in (7, 8, 10):
        return None
    return _parse_isoformat_date(s, len(s))


def _parse_time_string(text):
    s = _utf8_view(text)
    p = 0
    if _ch(s, 0) == "T":
        p = 1
    return _parse_isoformat_time(s, p, len(s))


def _parse_datetime_string(text):
    if len(text) < 7:
        return None
    s = _utf8_view(text)
    n = len(s)
    sep = _isoformat_separator(s)
    if sep < 0:
        return None
    dfields = _parse_isoformat_date(s, sep)
    if dfields is None:
        return None
    if n > sep:
        p = sep
        lead = ord(s[p])
        if lead & 0x80 == 0:
            p += 1
        elif lead & 0xF0 == 0xE0:
            p += 3
        elif lead & 0xF0 == 0xF0:
            p += 4
        else:
            p += 2
        tfields = _parse_isoformat_time(s, p, n)
        if tfields is None:
            return None
    else:
        tfields = [0, 0, 0, 0, None]
    return dfields + tfields


# --- strftime ------------------------------------------------------------------------------------

def _wrap_strftime(obj, format):
    """CPython's wrap_strftime: %z, %Z and %f replaced by the object's values; the rest goes to the
    platform strftime."""
    out = []
    i = 0
    n = len(format)
    while i < n:
        ch = format[i]
        i += 1
        if ch != "%":
            out.append(ch)
            continue
        if i >= n:
            out.append("%")
            break
        ch = format[i]
        i += 1
        if ch == "f":
            out.append("%06d" % getattr(obj, "microsecond", 0))
        elif ch == "z":
            offset = obj.utcoffset() if isinstance(obj, (datetime, time)) else None
            if offset is not None:
                sign = "+"
                if offset._days < 0:
                    offset = -offset
                    sign = "-"
                mm, ss = divmod(offset._seconds, 60)
                hh, mm = divmod(mm, 60)
                us = offset._microseconds
                if us:
                    out.append("%s%02d%02d%02d.%06d" % (sign, hh, mm, ss, us))
                elif ss:
                    out.append("%s%02d%02d%02d" % (sign, hh, mm, ss))
                else:
                    out.append("%s%02d%02d" % (sign, hh, mm))
        elif ch == "Z":
            name = obj.tzname() if isinstance(obj, (datetime, time)) else None
            if name is not None:
                out.append(name.replace("%", "%%"))
        else:
            out.append("%")
            out.append(ch)
    return "".join(out)


def _utf8_len(s):
    n = 0
    for c in s:
        o = ord(c)
        if o < 0x80:
            n += 1
        elif o < 0x800:
            n += 2
        elif o < 0x10000:
            n += 3
        else:
            n += 4
    return n


def _time_strftime(fmt, year, month, day, hour, minute, second):
    """time.strftime(): the buffer grows from 1024 bytes while smaller than 256 times the format;
    a longer result comes out empty."""
    result = _strftime(fmt, year, month, day, hour, minute, second)
    if len(result) < 1024:
        return result
    limit = 1024
    while limit < 256 * _utf8_len(fmt):
        limit += limit
    if _utf8_len(result) >= limit:
        return ""
    return result


def _strftime(fmt, year, month, day, hour, minute, second):
    """glibc's strftime in the C locale, for a broken-down time without a time zone."""
    wday = (_ymd2ord(year, month, day) + 6) % 7  # Monday == 0
    yday = _days_before_month(year, month) + day  # 1-based
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        if ch != "%":
            j = fmt.find("%", i)
            if j < 0:
                j = n
            out.append(fmt[i:j])
            i = j
            continue
        start = i
        i += 1
        pad = ""
        upcase = False
        swapcase = False
        while i < n:
            c = fmt[i]
            if c == "_" or c == "-" or c == "0":
                pad = c
            elif c == "^":
                upcase = True
            elif c == "#":
                swapcase = True
            else:
                break
            i += 1
        width = -1
        if i < n and "0" <= fmt[i] <= "9":
            width = 0
            while i < n and "0" <= fmt[i] <= "9":
                width = width * 10 + (ord(fmt[i]) - 48)
                i += 1
        modifier = ""
        if i < n and (fmt[i] == "E" or fmt[i] == "O"):
            modifier = fmt[i]
            i += 1
        if i >= n:
            bad = fmt[start:n]
            if upcase:
                bad = bad.upper()
            out.append(_pad_text(bad, width, pad))
            break
        conv = fmt[i]
        i += 1
        text = None
        number = None
        digits = 0
        space_pad = False
        space_width = False
        lower = False
        if conv == "%":
            if modifier == "":
                text = "%"
        elif conv == "a":
            if modifier == "":
                text = _DAYNAMES[wday + 1]
                if swapcase:
                    upcase = True
        elif conv == "A":
            if modifier == "":
                text = _FULL_DAYNAMES[wday + 1]
                if swapcase:
                    upcase = True
        elif conv == "b" or conv == "h":
            if swapcase:
                upcase = True
            if modifier != "E":
                text = _MONTHNAMES[month]
        elif conv == "B":
            if modifier != "E":
                text = _FULL_MONTHNAMES[month]
                if swapcase:
                    upcase = True
        elif conv == "c":
            if modifier != "O":
                text = _strftime("%a %b %e %H:%M:%S %Y", year, month, day, hour, minute, second)
        elif conv == "C":
            number = year // 100
            digits = 1
        elif conv == "d":
            if modifier != "E":
                number = day
                digits = 2
        elif conv == "D":
            if modifier == "":
                text = _strftime("%m/%d/%y", year, month, day, hour, minute, second)
        elif conv == "e":
            if modifier != "E":
                number = day
                digits = 2
                space_pad = True
        elif conv == "F":
            if modifier == "":
                text = _strftime("%Y-%m-%d", year, month, day, hour, minute, second)
        elif conv == "H":
            if modifier != "E":
                number = hour
                digits = 2
        elif conv == "I":
            if modifier != "E":
                number = hour % 12 or 12
                digits = 2
        elif conv == "k":
            if modifier != "E":
                number = hour
                digits = 2
                space_pad = True
        elif conv == "l":
            if modifier != "E":
                number = hour % 12 or 12
                digits = 2
                space_pad = True
        elif conv == "j":
            if modifier != "E":
                number = yday
                digits = 3
        elif conv == "m":
            if modifier != "E":
                number = month
                digits = 2
        elif conv == "M":
            if modifier != "E":
                number = minute
                digits = 2
        elif conv == "n":
            text = "\n"
        elif conv == "t":
            text = "\t"
        elif conv == "p":
            text = "AM" if hour < 12 else "PM"
            if swapcase:
                lower = True
        elif conv == "P":
            text = "AM" if hour < 12 else "PM"
            lower = True
        elif conv == "r":
            text = _strftime("%I:%M:%S %p", year, month, day, hour, minute, second)
        elif conv == "R":
            text = _strftime("%H:%M", year, month, day, hour, minute, second)
        elif conv == "S":
            if modifier != "E":
                number = second
                digits = 2
        elif conv == "s":
            number = ((_ymd2ord(year, month, day) - 719163) * 86400 + hour * 3600 + minute * 60
                      + second)
            digits = 1
            space_width = True
        elif conv == "T":
            text = _strftime("%H:%M:%S", year, month, day, hour, minute, second)
        elif conv == "u":
            number = wday + 1
            digits = 1
        elif conv == "U":
            if modifier != "E":
                sunday_wday = (wday + 1) % 7
                number = (yday - 1 - sunday_wday + 7) // 7
                digits = 2
        elif conv == "W":
            if modifier != "E":
                number = (yday - 1 - wday + 7) // 7
                digits = 2
        elif conv == "V" or conv == "g" or conv == "G":
            if modifier != "E":
                iy, iw, idd = _iso_calendar(year, month, day)
                if conv == "V":
                    number = iw
                    digits = 2
                elif conv == "g":
                    number = iy % 100
                    digits = 2
                else:
                    number = iy
                    digits = 1
        elif conv == "w":
            if modifier != "E":
                number = (wday + 1) % 7
                digits = 1
        elif conv == "x":
            if modifier != "O":
                text = _strftime("%m/%d/%y", year, month, day, hour, minute, second)
        elif conv == "X":
            if modifier != "O":
                text = _strftime("%H:%M:%S", year, month, day, hour, minute, second)
        elif conv == "y":
            number = year % 100
            digits = 2
        elif conv == "Y":
            if modifier != "O":
                number = year
                digits = 1
        elif conv == "z":
            text = ""
            width = -1
        elif conv == "Z":
            text = ""
            if swapcase:
                lower = True
        if number is not None:
            s = str(number)
            p = pad
            if p == "" and space_pad:
                p = "_"
            if p != "-" and len(s) < digits:
                s = ("0" if p != "_" else " ") * (digits - len(s)) + s
            if width > len(s):
                zero = p == "0" or (p == "" and not space_width)
                s = ("0" if zero else " ") * (width - len(s)) + s
            out.append(s)
        elif text is not None:
            if lower:
                text = text.lower()
            elif upcase:
                text = text.upper()
            out.append(_pad_text(text, width, pad))
        else:
            # glibc copies an unknown conversion from its last '%'
            bad = "%" if conv == "%" else fmt[start:i]
            if upcase:
                bad = bad.upper()
            out.append(_pad_text(bad, width, pad))
    return "".join(out)


def _pad_text(text, width, pad):
    if width > len(text):
        return ("0" if pad == "0" else " ") * (width - len(text)) + text
    return text


# --- strptime (Lib/_strptime.py in the C locale) ---------------------------------------------------
# A format compiles to a list of items matched with backtracking the way _strptime's regular
# expression would match: literal characters (case-insensitive), whitespace runs (\s+), and
# directives, each a list of alternatives tried in the regex's order.

_LOWER_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_LOWER_ABDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
_LOWER_MONTHS = ["", "january", "february", "march", "april", "may", "june", "july", "august",
                 "september", "october", "november", "december"]
_LOWER_ABMONTHS = ["", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                   "dec"]

# Alternatives of a numeric directive: strings of classes, 'd' any decimal digit, '0'-'9' that
# digit, '[ab]' written as a two-character range 'ab', ' ' a space.
_NUM_ALTS = {
    "d": [["3", "01"], ["12", "d"], ["0", "19"], ["19"], [" ", "19"]],
    "H": [["2", "03"], ["01", "d"], ["d"]],
    "I": [["1", "02"], ["0", "19"], ["19"]],
    "G": [["d", "d", "d", "d"]],
    "j": [["3", "6", "06"], ["3", "05", "d"], ["12", "d", "d"], ["0", "19", "d"],
          ["0", "0", "19"], ["19", "d"], ["0", "19"], ["19"]],
    "m": [["1", "02"], ["0", "19"], ["19"]],
    "M": [["05", "d"], ["d"]],
    "S": [["6", "01"], ["05", "d"], ["d"]],
    "U": [["5", "03"], ["04", "d"], ["d"]],
    "W": [["5", "03"], ["04", "d"], ["d"]],
    "w": [["06"]],
    "u": [["17"]],
    "V": [["5", "03"], ["0", "19"], ["14", "d"], ["d"]],
    "y": [["d", "d"]],
    "Y": [["d", "d", "d", "d"]],
}

_NAME_ALTS = {
    "A": sorted(_LOWER_DAYS, key=len, reverse=True),
    "a": sorted(_LOWER_ABDAYS, key=len, reverse=True),
    "B": sorted(_LOWER_MONTHS[1:], key=len, reverse=True),
    "b": sorted(_LOWER_ABMONTHS[1:], key=len, reverse=True),
    "p": ["am", "pm"],
    "Z": ["utc", "gmt"],
}

_COMPOSITE = {"c": "%a %b %d %H:%M:%S %Y", "x": "%m/%d/%y", "X": "%H:%M:%S"}
_REGEX_SPECIAL = "\\.^$*+?(){}[]|"


def _class_match(cls, c):
    if cls == "d":
        return c.isdecimal()
    if cls == " ":
        return c == " "
    if len(cls) == 1:
        return c == cls
    return cls[0] <= c <= cls[1]


def _strptime_compile(format):
    """The item list of a strptime format: ('lit', char), ('ws',), ('dir', char)."""
    items = []
    i = 0
    n = len(format)
    while i < n:
        c = format[i]
        if c == "%":
            if i + 1 >= n:
                raise ValueError("stray %% in format '%s'" % format)
            d = format[i + 1]
            i += 2
            if d == "%":
                items.append(("lit", "%"))
            elif d in _COMPOSITE:
                items.extend(_strptime_compile(_COMPOSITE[d]))
            elif d in _NUM_ALTS or d in _NAME_ALTS or d == "f" or d == "z":
                items.append(("dir", d))
            elif d.isspace() or d in _REGEX_SPECIAL:
                raise ValueError("'%%' is a bad directive in format '%s'" % format)
            else:
                raise ValueError("'%s' is a bad directive in format '%s'" % (d, format))
        elif c.isspace():
            while i < n and format[i].isspace():
                i += 1
            items.append(("ws",))
        else:
            items.append(("lit", c))
            i += 1
    return items


def _dir_candidates(d, s, pos):
    """End positions at which directive d can end a match starting at pos, in the regex's order."""
    n = len(s)
    ends = []
    if d in _NUM_ALTS:
        for alt in _NUM_ALTS[d]:
            k = len(alt)
            if pos + k > n:
                continue
            ok = True
            for j in range(k):
                if not _class_match(alt[j], s[pos + j]):
                    ok = False
                    break
            if ok:
                ends.append(pos + k)
        return ends
    if d in _NAME_ALTS:
        for name in _NAME_ALTS[d]:
            k = len(name)
            if s[pos:pos + k].lower() == name:
                ends.append(pos + k)
        return ends
    if d == "f":
        k = 0
        while k < 6 and pos + k < n and s[pos + k] in "0123456789":
            k += 1
        while k >= 1:
            ends.append(pos + k)
            k -= 1
        return ends
    if d == "z":
        # [+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z)
        if pos < n and s[pos] == "Z":
            ends.append(pos + 1)
            return ends
        if pos >= n or (s[pos] != "+" and s[pos] != "-"):
            return ends
        if not (pos + 2 < n and s[pos + 1].isdecimal() and s[pos + 2].isdecimal()):
            return ends
        for colon1 in (1, 0):
            p = pos + 3
            if colon1:
                if p < n and s[p] == ":":
                    p += 1
                else:
                    continue
            if not (p + 1 < n and "0" <= s[p] <= "5" and s[p + 1].isdecimal()):
                continue
            p += 2
            tails = []
            for colon2 in (1, 0):
                q = p
                if colon2:
                    if q < n and s[q] == ":":
                        q += 1
                    else:
                        continue
                if not (q + 1 < n and "0" <= s[q] <= "5" and s[q + 1].isdecimal()):
                    continue
                q += 2
                if q < n and s[q] == ".":
                    k = 0
                    while k < 6 and q + 1 + k < n and s[q + 1 + k].isdecimal():
                        k += 1
                    while k >= 1:
                        tails.append(q + 1 + k)
                        k -= 1
                tails.append(q)
            ends.extend(tails)
            ends.append(p)
        return ends
    return ends


def _strptime_match(items, k, s, pos, found):
    """Match items[k:] against s[pos:]; on success the directive texts are in found and the end
    position is returned, else -1."""
    while k < len(items):
        item = items[k]
        kind = item[0]
        if kind == "lit":
            if pos < len(s) and (s[pos] == item[1] or s[pos].lower() == item[1].lower()):
                pos += 1
                k += 1
                continue
            return -1
        if kind == "ws":
            end = pos
            while end < len(s) and s[end].isspace():
                end += 1
            while end > pos:
                r = _strptime_match(items, k + 1, s, end, found)
                if r >= 0:
                    return r
                end -= 1
            return -1
        d = item[1]
        for end in _dir_candidates(d, s, pos):
            if d not in found:
                found[d] = s[pos:end]
                r = _strptime_match(items, k + 1, s, end, found)
                if r >= 0:
                    return r
                del found[d]
            else:
                # a repeated directive: the regex would fail to compile; first one wins here
                r = _strptime_match(items, k + 1, s, end, found)
                if r >= 0:
                    return r
        return -1
    return pos


def _calc_julian_from_U_or_W(year, week_of_year, day_of_week, week_starts_Mon):
    first_weekday = (_ymd2ord(year, 1, 1) + 6) % 7
    if not week_starts_Mon:
        first_weekday = (first_weekday + 1) % 7
        day_of_week = (day_of_week + 1) % 7
    week_0_length = (7 - first_weekday) % 7
    if week_of_year == 0:
        return 1 + day_of_week - first_weekday
    days_to_week = week_0_length + (7 * (week_of_year - 1))
    return 1 + days_to_week + day_of_week


def _calc_julian_from_V(iso_year, iso_week, iso_weekday):
    correction = (_ymd2ord(iso_year, 1, 4) % 7 or 7) + 3
    ordinal = (iso_week * 7) + iso_weekday - correction
    if ordinal < 1:
        ordinal += _ymd2ord(iso_year, 1, 1)
        iso_year -= 1
        ordinal -= _ymd2ord(iso_year, 1, 1)
    return iso_year, ordinal


def _strptime(data_string, format):
    """[year, month, day, hour, minute, second, fraction, gmtoff, gmtoff_fraction, tzname]."""
    items = _strptime_compile(format)
    found = {}
    end = _strptime_match(items, 0, data_string, 0, found)
    if end < 0:
        raise ValueError("time data %r does not match format %r" % (data_string, format))
    if end != len(data_string):
        raise ValueError("unconverted data remains: %s" % data_string[end:])
    iso_year = year = None
    month = day = 1
    hour = minute = second = fraction = 0
    gmtoff = None
    gmtoff_fraction = 0
    iso_week = week_of_year = None
    week_of_year_start = None
    weekday = julian = None
    for item in items:
        if item[0] != "dir":
            continue
        key = item[1]
        if key not in found:
            continue
        value = found[key]
        if key == "y":
            year = int(value)
            if year <= 68:
                year += 2000
            else:
                year += 1900
        elif key == "Y":
            year = int(value)
        elif key == "G":
            iso_year = int(value)
        elif key == "m":
            month = int(value)
        elif key == "B":
            month = _LOWER_MONTHS.index(value.lower())
        elif key == "b":
            month = _LOWER_ABMONTHS.index(value.lower())
        elif key == "d":
            day = int(value)
        elif key == "H":
            hour = int(value)
        elif key == "I":
            hour = int(value)
            ampm = found.get("p", "").lower()
            if ampm == "" or ampm == "am":
                if hour == 12:
                    hour = 0
            elif ampm == "pm":
                if hour != 12:
                    hour += 12
        elif key == "M":
            minute = int(value)
        elif key == "S":
            second = int(value)
        elif key == "f":
            fraction = int(value + "0" * (6 - len(value)))
        elif key == "A":
            weekday = _LOWER_DAYS.index(value.lower())
        elif key == "a":
            weekday = _LOWER_ABDAYS.index(value.lower())
        elif key == "w":
            weekday = int(value)
            if weekday == 0:
                weekday = 6
            else:
                weekday -= 1
        elif key == "u":
            weekday = int(value) - 1
        elif key == "j":
            julian = int(value)
        elif key == "U" or key == "W":
            week_of_year = int(value)
            week_of_year_start = 6 if key == "U" else 0
        elif key == "V":
            iso_week = int(value)
        elif key == "z":
            z = value
            if z == "Z":
                gmtoff = 0
            else:
                if z[3] == ":":
                    z = z[:3] + z[4:]
                    if len(z) > 5:
                        if z[5] != ":":
                            raise ValueError("Inconsistent use of : in %s" % value)
                        z = z[:5] + z[6:]
                hours = int(z[1:3])
                minutes = int(z[3:5])
                seconds = int(z[5:7] or 0)
                gmtoff = (hours * 60 * 60) + (minutes * 60) + seconds
                rest = z[8:]
                gmtoff_fraction = int(rest + "0" * (6 - len(rest)))
                if z[0] == "-":
                    gmtoff = -gmtoff
                    gmtoff_fraction = -gmtoff_fraction
    if year is None and iso_year is not None:
        if iso_week is None or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with the ISO week directive "
                             "'%V' and a weekday directive ('%A', '%a', '%w', or '%u').")
        if julian is not None:
            raise ValueError("Day of the year directive '%j' is not compatible with ISO year "
                             "directive '%G'. Use '%Y' instead.")
    elif week_of_year is None and iso_week is not None:
        if weekday is None:
            raise ValueError("ISO week directive '%V' must be used with the ISO year directive "
                             "'%G' and a weekday directive ('%A', '%a', '%w', or '%u').")
        raise ValueError("ISO week directive '%V' is incompatible with the year directive '%Y'. "
                         "Use the ISO year '%G' instead.")
    leap_year_fix = False
    if year is None and month == 2 and day == 29:
        year = 1904
        leap_year_fix = True
    elif year is None:
        year = 1900
    if julian is None and weekday is not None:
        if week_of_year is not None:
            julian = _calc_julian_from_U_or_W(year, week_of_year, weekday,
                                              week_of_year_start == 0)
        elif iso_year is not None and iso_week is not None:
            year, julian = _calc_julian_from_V(iso_year, iso_week, weekday + 1)
        if julian is not None and julian <= 0:
            year -= 1
            julian += 366 if _is_leap(year) else 365
    if julian is not None:
        if year < MINYEAR or year > MAXYEAR:
            raise ValueError("year %d is out of range" % year)
        ordinal = (julian - 1) + _ymd2ord(year, 1, 1)
        if ordinal < 1:
            raise ValueError("ordinal must be >= 1")
        if ordinal > _MAXORDINAL:
            raise ValueError("year %d is out of range" % _ord2ymd(ordinal)[0])
        y, m, d = _ord2ymd(ordinal)
        year = y
        month = m
        day = d
    else:
        if year < MINYEAR or year > MAXYEAR:
            raise ValueError("year %d is out of range" % year)
        if day < 1 or day > _days_in_month(year, month):
            raise ValueError("day is out of range for month")
    if leap_year_fix:
        year = 1900
    tzname = found.get("Z")
    return [year, month, day, hour, minute, second, fraction, gmtoff, gmtoff_fraction, tzname]
