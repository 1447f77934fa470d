"""A small team scheduler: meetings, durations, recurring events, a parsed activity log."""
from datetime import date, datetime, time, timedelta, timezone
from dataclasses import dataclass, field
from typing import List, Optional


@dataclass(order=True)
class Meeting:
    start: datetime
    title: str = field(compare=False)
    duration: timedelta = field(compare=False, default=timedelta(minutes=30))
    room: Optional[str] = field(compare=False, default=None)

    @property
    def end(self) -> datetime:
        return self.start + self.duration

    def overlaps(self, other: "Meeting") -> bool:
        return self.start < other.end and other.start < self.end

    def describe(self) -> str:
        where = f" in {self.room}" if self.room else ""
        return (f"{self.start:%a %d %b %H:%M}-{self.end:%H:%M} {self.title}{where} "
                f"({self.duration})")


def weekly(first: datetime, count: int, title: str, duration: timedelta) -> List[Meeting]:
    return [Meeting(first + timedelta(weeks=i), title, duration) for i in range(count)]


def business_days(start: date, end: date) -> int:
    n = 0
    d = start
    while d <= end:
        if d.weekday() < 5:
            n += 1
        d += timedelta(days=1)
    return n


def add_business_days(start: date, days: int) -> date:
    d = start
    while days > 0:
        d += timedelta(1)
        if d.isoweekday() <= 5:
            days -= 1
    return d


def main() -> None:
    base = datetime(2024, 2, 26, 9, 0)
    meetings = [
        Meeting(base, "Planning", timedelta(hours=1, minutes=30), "Atlas"),
        Meeting(base.replace(hour=10, minute=15), "Design review", timedelta(minutes=45)),
        Meeting(datetime.combine(date(2024, 2, 27), time(14, 0)), "1:1", timedelta(minutes=25), "Nook"),
        Meeting(datetime.fromisoformat("2024-02-29T16:30:00"), "Leap day party", timedelta(hours=2)),
        Meeting(datetime.strptime("01/03/2024 08:05", "%d/%m/%Y %H:%M"), "Early sync"),
    ]
    meetings += weekly(datetime(2024, 2, 28, 11), 4, "Standup", timedelta(minutes=15))
    meetings.sort()
    print("== Agenda")
    for m in meetings:
        print(" ", m.describe())
    print("== Conflicts")
    for i, a in enumerate(meetings):
        for b in meetings[i + 1:]:
            if a.overlaps(b):
                print(f"  {a.title!r} overlaps {b.title!r} by {a.end - b.start}")
    print("== By ISO week")
    weeks = {}
    for m in meetings:
        iso = m.start.isocalendar()
        weeks.setdefault((iso.year, iso.week), []).append(m)
    for (year, week), ms in sorted(weeks.items()):
        total = sum((m.duration for m in ms), timedelta())
        print(f"  {year}-W{week:02d}: {len(ms)} meetings, {total} total, "
              f"{total.total_seconds() / 3600:.2f} h, busiest day "
              f"{max(ms, key=lambda m: m.duration).start.strftime('%A')}")
    print("== Durations")
    spans = [timedelta(hours=25), timedelta(minutes=-90), timedelta(seconds=3661.5),
             timedelta(days=2, microseconds=7), timedelta(weeks=1) / 3, timedelta(hours=1) * 2.5]
    for s in spans:
        print(f"  {str(s):>24} | {s!r} | {s.total_seconds()} | {s // timedelta(minutes=1)} min")
    print("  sum:", sum(spans, timedelta()), " max:", max(spans), " min:", min(spans))
    print("  divmod:", divmod(timedelta(hours=7, minutes=5), timedelta(hours=2)))
    print("  ratio:", timedelta(hours=3) / timedelta(minutes=40), -timedelta(hours=3), abs(timedelta(-2)))
    print("== Calendar facts")
    for d in [date(2024, 1, 1), date(2024, 2, 29), date(2023, 12, 31), date(2021, 1, 3), date(2000, 3, 1)]:
        print(f"  {d} {d:%a %j} iso={tuple(d.isocalendar())} week(U/W)={d:%U/%W} "
              f"ordinal={d.toordinal()} ctime={d.ctime()!r}")
    print("  business days in March 2024:", business_days(date(2024, 3, 1), date(2024, 3, 31)))
    print("  10 business days after 2024-02-23:", add_business_days(date(2024, 2, 23), 10))
    print("  days until new year:", (date(2025, 1, 1) - date(2024, 2, 26)).days)
    print("  from ordinal:", date.fromordinal(739000), date.fromisocalendar(2024, 10, 5))
    print("== Activity log")
    log = """2024-02-26 09:01:12.500 INFO  login user=ana
2024-02-26 09:47:03.250 WARN  slow query ms=812
2024-02-26 12:00:00.000 INFO  lunch
2024-02-26 17:32:45.125 INFO  logout user=ana
bogus line
2024-02-30 10:00:00.000 ERROR impossible date"""
    events = []
    for line in log.splitlines():
        stamp = line[:23]
        try:
            when = datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S.%f")
        except ValueError as e:
            print("  skipped:", e)
            continue
        events.append((when, line[24:].split(None, 1)))
    for (prev, _), (cur, (level, text)) in zip(events, events[1:]):
        print(f"  +{str(cur - prev):>15} {level:<5} {text} @ {cur.isoformat(timespec='milliseconds')}")
    print("  session length:", events[-1][0] - events[0][0])
    print("== Time zones")
    utc_call = datetime(2024, 3, 1, 15, 0, tzinfo=timezone.utc)
    for name, hours in [("Lisbon", 0), ("Berlin", 1), ("New York", -5), ("Kolkata", 5.5)]:
        tz = timezone(timedelta(hours=hours), name)
        local = utc_call.astimezone(tz)
        print(f"  {name:<9} {local.isoformat()} {local:%I:%M %p} {local.tzname()} {local.utcoffset()}")
    print("  repr:", repr(utc_call), repr(timezone(timedelta(hours=-3, minutes=-30))))
    print("  aware diff:", datetime(2024, 3, 1, 12, tzinfo=timezone(timedelta(hours=2))) - utc_call)
    print("== Errors")
    for make in [lambda: date(2024, 13, 1), lambda: date(2023, 2, 29), lambda: time(24, 0),
                 lambda: datetime.fromisoformat("2024-03-01 25:00"), lambda: date.fromisoformat("03/01/2024"),
                 lambda: timedelta(days=10**9), lambda: date.max + timedelta(1),
                 lambda: datetime.strptime("2024-03-01", "%Y/%m/%d"), lambda: datetime(2024, 1, 1) < date(2024, 1, 1)]:
        try:
            print("  ok?", make())
        except (ValueError, OverflowError, TypeError) as e:
            print(f"  {type(e).__name__}: {e}")


main()
