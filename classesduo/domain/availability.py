"""Weekly availability windows and holiday periods, in a school's own local time.

Windows are wall-clock times in the school's IANA zone; they are converted to
instants date by date (see :mod:`classesduo.domain.scheduling`) so daylight
saving changes in either country are honoured.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from classesduo.domain.enums import HolidaySource, Side

#: Monday is 0, as in :meth:`datetime.date.weekday`.
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True, slots=True)
class WeeklyWindow:
    """A recurring window, e.g. Tuesday 15:00–16:30 local time."""

    weekday: int
    start: time
    end: time

    @property
    def minutes(self) -> int:
        return (self.end.hour * 60 + self.end.minute) - (self.start.hour * 60 + self.start.minute)


@dataclass(frozen=True, slots=True)
class HolidayPeriod:
    """Days (both inclusive) on which a school holds no exchange.

    ``source`` says where it came from (zone C file, public holidays, typed by hand),
    and ``origin`` the detail shown with it (the shipped file and the date it was
    checked, the ``holidays`` country code, the imported file's name).
    """

    name: str
    start: date
    end: date
    source: HolidaySource = HolidaySource.MANUAL
    origin: str = ""

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True, slots=True)
class SchoolYear:
    """A partner school's school year: its name ("2027" or "2027-2028") and first and last day of classes.

    ``origin`` names the file it was imported from, if any.
    """

    label: str
    first_day: date
    last_day: date
    origin: str = ""


def default_windows(side: Side) -> list[WeeklyWindow]:
    """Paris: the Tuesday and Friday periscolaire workshops; partners: a school day."""
    if side is Side.PARIS:
        return [WeeklyWindow(1, time(15, 0), time(16, 30)), WeeklyWindow(4, time(15, 0), time(16, 30))]
    return [WeeklyWindow(day, time(8, 30), time(16, 0)) for day in range(5)]


def is_holiday(periods: list[HolidayPeriod], day: date) -> bool:
    return any(period.contains(day) for period in periods)
