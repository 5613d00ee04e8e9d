"""Working days from the State Council's holiday schedule (chinese-calendar), weekends outside it.

The official schedule moves working days: the Spring Festival and National Day weeks are off,
and some Saturdays or Sundays (调休) are working days. Inside the years the package covers,
every day is looked up once and counted by a prefix sum, so any span costs O(1); outside them
only Monday–Friday can be counted, and `official()` says so, so the caller can report it rather than guess.

>>> cal = Calendar.load()
>>> cal.working_days(dt.date(2025, 9, 26), dt.date(2025, 10, 9))  # 9-26, 9-28 (a Sunday), 9-29, 9-30
4
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Calendar:
    """Counts working days; `first`..`last` is the span of the official schedule."""

    first: dt.date
    last: dt.date
    weekend: frozenset[int]
    name: str
    _prefix: tuple[int, ...] = ()

    @staticmethod
    @cache
    def load(weekend: tuple[int, ...] = (5, 6), official: str = "{first}-{last}",
             fallback: str = "Monday-Friday") -> Calendar:
        """The official calendar from chinese-calendar, or weekends only if it is missing.

        `official` and `fallback` name the calendar in reports (ontology/checks.toml [calendar]).
        """
        try:
            import chinese_calendar
            from chinese_calendar.constants import holidays, workdays
        except ImportError:  # the dependency is declared; this keeps a broken install readable
            return Calendar(dt.date.max, dt.date.min, frozenset(weekend), fallback)
        days = sorted(set(holidays) | set(workdays))
        first, last = dt.date(days[0].year, 1, 1), dt.date(days[-1].year, 12, 31)
        prefix, count = [0], 0
        day = first
        while day <= last:
            count += chinese_calendar.is_workday(day)
            prefix.append(count)
            day += dt.timedelta(days=1)
        name = official.format(first=first.year, last=last.year)
        return Calendar(first, last, frozenset(weekend), name, tuple(prefix))

    def official(self, day: dt.date) -> bool:
        """Whether the official schedule covers this day."""
        return self.first <= day <= self.last

    def working_days(self, start: dt.date, end: dt.date) -> int:
        """Working days from start (inclusive) to end (exclusive); negative when end is earlier."""
        return self._before(end) - self._before(start)

    def _before(self, day: dt.date) -> int:
        """Working days before `day`, counted from the start of the official span."""
        if self._prefix and self.first <= day <= self.last + dt.timedelta(days=1):
            return self._prefix[(day - self.first).days]
        if self._prefix and day > self.last:
            return self._prefix[-1] + _weekdays(self.last + dt.timedelta(days=1), day, self.weekend)
        anchor = self.first if self._prefix else dt.date(2000, 1, 3)
        return -_weekdays(day, anchor, self.weekend)


def _weekdays(start: dt.date, end: dt.date, weekend: frozenset[int]) -> int:
    """Days from start (inclusive) to end (exclusive) that are not weekend days (start <= end)."""
    weeks, rest = divmod((end - start).days, 7)
    count = weeks * (7 - len(weekend))
    first = start.weekday()
    return count + sum((first + i) % 7 not in weekend for i in range(rest))

