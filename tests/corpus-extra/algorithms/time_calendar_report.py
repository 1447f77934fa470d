"""Monthly rota report: calendar layout, leap years, weekday statistics; timed with time."""
import calendar
import time
from calendar import monthrange, isleap, month_name, day_abbr
from datetime import date, timedelta

STAFF = ["Ana", "Bo", "Chen", "Dee", "Eli"]


def rota(year, month):
    """Round-robin weekday duty; weekends off."""
    out = {}
    i = 0
    for week in calendar.monthcalendar(year, month):
        for wd, day in enumerate(week):
            if day and wd < 5:
                out[day] = STAFF[i % len(STAFF)]
                i += 1
    return out


def main():
    t0 = time.perf_counter()
    start_ns = time.perf_counter_ns()
    wall = time.time()
    print(calendar.month(2024, 2))
    calendar.prmonth(2024, 3, 3, 1)
    print()
    cal = calendar.TextCalendar(calendar.SUNDAY)
    print(cal.formatmonth(2025, 1, 4))
    print(calendar.weekheader(3))
    print("== leap years 1896-1912:", [y for y in range(1896, 1913) if isleap(y)],
          calendar.leapdays(1900, 2025))
    print("== month lengths 2024")
    for m in range(1, 13):
        first, n = monthrange(2024, m)
        print(f"  {month_name[m]:<9} starts {calendar.day_name[first]:<9} {n} days")
    print("== duty rota, April 2024")
    duty = rota(2024, 4)
    counts = {}
    for day, who in sorted(duty.items()):
        counts[who] = counts.get(who, 0) + 1
        wd = calendar.weekday(2024, 4, day)
        print(f"  {day:2d} {day_abbr[wd]} {who}")
    print("  totals:", counts)
    print("== Fridays the 13th, 2020-2026")
    hits = []
    for y in range(2020, 2027):
        for m in range(1, 13):
            if calendar.weekday(y, m, 13) == calendar.FRIDAY:
                hits.append(f"{calendar.month_abbr[m]} {y}")
    print(" ", ", ".join(hits))
    print("== weeks")
    c = calendar.Calendar(firstweekday=calendar.MONDAY)
    for wk in c.monthdatescalendar(2024, 12):
        print("  ", " ".join(d.strftime("%d") if d.month == 12 else ".." for d in wk))
    print("  days2:", c.monthdays2calendar(2023, 2)[0])
    print("  timegm:", calendar.timegm((2024, 2, 29, 12, 0, 0)), calendar.timegm((1970, 1, 1, 0, 0, 0)))
    print("  last day:", date(2024, 2, 1) + timedelta(days=monthrange(2024, 2)[1] - 1))
    print("== html")
    html = calendar.HTMLCalendar(calendar.MONDAY).formatmonth(2024, 5)
    print(html.splitlines()[1])
    print(html.splitlines()[2])
    print(len(html), html.count("<td"), html.count("noday"))
    try:
        monthrange(2024, 13)
    except calendar.IllegalMonthError as e:
        print("error:", e)
    try:
        calendar.setfirstweekday(9)
    except ValueError as e:
        print("error:", e)
    print(calendar.calendar(2024, 2, 1, 4, 4))
    time.sleep(0.001)
    elapsed = time.perf_counter() - t0
    print("timing sane:", elapsed >= 0.001, elapsed < 60, time.perf_counter_ns() >= start_ns,
          time.time() >= wall, time.monotonic() <= time.monotonic(), type(time.time_ns()).__name__)


main()
