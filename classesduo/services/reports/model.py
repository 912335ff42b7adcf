"""The typed figures of one report: computed once, read by every writer and the preview.

Definitions (shown in the report's notes, see ``labels.py``):

* **Duos in the report**: duos in the scope that are active or paused in a school year the period
  touches, plus any duo with a session scheduled in the period.
* **Active duos**: duos in the report with at least one exchange held in the period.
* **Sessions planned**: sessions scheduled in the period, except those postponed (their new date
  is a session of its own). Held + cancelled + not yet logged = planned.
* **Hours of visio**: actual minutes of the held visio sessions (the planned length when the
  actual one was not logged), in hours.
* **Children reached** on a side: for each duo, the largest presence logged at one held exchange
  in the period (the class size when a held exchange has no count), summed over duos.
* **Media shared**: media of the duos in the report dated in the period (the date of their session,
  else when they were taken, else when they were added), including those since erased by retention
  (their counts are kept in ``media_tally``, by day). **Cleared** for a channel means consent
  granted and not expired on the day the report is made.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from classesduo.domain.reports import ReportPeriod, ReportScope, cancellation_rate, share
from classesduo.domain.text import natural_key


def hours(minutes: int) -> float:
    """Minutes as hours with one decimal, as every format shows them."""
    return round(minutes / 60, 1)


@dataclass(frozen=True, slots=True)
class Headline:
    duos: int = 0
    active_duos: int = 0
    paris_schools: int = 0
    partner_schools: int = 0
    arrondissements: int = 0
    countries: int = 0
    sessions_planned: int = 0
    sessions_held: int = 0
    sessions_cancelled: int = 0
    sessions_postponed: int = 0
    sessions_to_log: int = 0
    visio_minutes: int = 0
    children_paris: int = 0
    children_partner: int = 0
    media_shared: int = 0
    #: Of the media shared, those since erased by retention (counted from ``media_tally``).
    media_erased: int = 0
    media_cleared_publication: int = 0

    @property
    def visio_hours(self) -> float:
        return hours(self.visio_minutes)


@dataclass(frozen=True, slots=True)
class Rates:
    """The City's headline rates for one period (None where there is nothing to divide by).

    * held rate: sessions held ÷ sessions planned that were due by the day the report is made (sessions
      still to come are not yet missed);
    * reach: children reached ÷ pupils enrolled in the duos' classes, per side;
    * attendance: pupils present ÷ the class size, over the held exchanges whose count was logged, per side;
    * cancellation rate: cancelled ÷ (held + cancelled).
    """

    sessions_planned: int = 0
    sessions_due: int = 0
    sessions_held: int = 0
    sessions_cancelled: int = 0
    children_paris: int = 0
    children_partner: int = 0
    enrolled_paris: int = 0
    enrolled_partner: int = 0
    present_paris: int = 0  # pupils present, summed over the held exchanges with a Paris count
    capacity_paris: int = 0  # the class size, summed over the same exchanges
    present_partner: int = 0
    capacity_partner: int = 0

    @property
    def held_rate(self) -> float | None:
        return share(self.sessions_held, self.sessions_due)

    @property
    def reach_paris(self) -> float | None:
        return share(self.children_paris, self.enrolled_paris)

    @property
    def reach_partner(self) -> float | None:
        return share(self.children_partner, self.enrolled_partner)

    @property
    def attendance_paris(self) -> float | None:
        return share(self.present_paris, self.capacity_paris)

    @property
    def attendance_partner(self) -> float | None:
        return share(self.present_partner, self.capacity_partner)

    @property
    def cancellation_rate(self) -> float | None:
        return cancellation_rate(self.sessions_held, self.sessions_cancelled)


@dataclass(frozen=True, slots=True)
class TrendLine:
    """The rates of the report's period or of a period it is compared with."""

    kind: str  # "current", "previous" (the term before) or "year_before" (the same term a year earlier)
    period: ReportPeriod
    rates: Rates


@dataclass(frozen=True, slots=True)
class GroupLine:
    """One line of a breakdown (an arrondissement, a country, a facilitator, a level, a language, a kind)."""

    key: str
    duos: int = 0
    sessions_planned: int = 0
    sessions_held: int = 0
    sessions_cancelled: int = 0
    visio_minutes: int = 0
    children_paris: int = 0
    enrolled_paris: int = 0

    @property
    def cancellation_rate(self) -> float | None:
        return cancellation_rate(self.sessions_held, self.sessions_cancelled)

    @property
    def reach_paris(self) -> float | None:
        return share(self.children_paris, self.enrolled_paris)

    @property
    def visio_hours(self) -> float:
        return hours(self.visio_minutes)


@dataclass(frozen=True, slots=True)
class DuoLine:
    duo_id: str
    paris_school: str
    arrondissement: int | None
    paris_class: str
    partner_school: str
    partner_city: str
    country: str
    facilitator: str
    status: str
    sessions_held: int
    sessions_planned: int
    last_exchange: date | None
    children_paris: int
    children_partner: int
    highlights: str
    sessions_cancelled: int = 0
    visio_minutes: int = 0
    level: str = ""
    languages: tuple[str, ...] = ()
    pupils_paris: int = 0
    pupils_partner: int = 0
    facilitator_id: str = ""


@dataclass(frozen=True, slots=True)
class CountryLine:
    country: str
    duos: int
    sessions_held: int
    sessions_planned: int


@dataclass(frozen=True, slots=True)
class ConsentLine:
    channel: str  # "exchange", "reports" or "publication"
    cleared: int
    refused: int
    unknown: int
    expired: int

    @property
    def total(self) -> int:
        return self.cleared + self.refused + self.unknown + self.expired


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    start_utc: datetime
    kind: str
    status: str
    minutes: int
    present_paris: int | None
    present_partner: int | None
    note: str  # what was done, or why it was cancelled


@dataclass(frozen=True, slots=True)
class Photo:
    path: Path
    caption: str
    day: date | None


@dataclass(frozen=True)
class ReportData:
    period: ReportPeriod
    scope: ReportScope
    scope_label: str
    as_of: date
    headline: Headline
    cancel_reasons: list[tuple[str, int]] = field(default_factory=list)
    by_week: bool = True
    #: (first day of the week or month, sessions held), every bucket of the period, zeros included.
    held_over_time: list[tuple[date, int]] = field(default_factory=list)
    countries: list[CountryLine] = field(default_factory=list)
    duos: list[DuoLine] = field(default_factory=list)
    consent: list[ConsentLine] = field(default_factory=list)
    #: Only for a one-duo report.
    timeline: list[TimelineEntry] = field(default_factory=list)
    photos: list[Photo] = field(default_factory=list)
    rates: Rates = field(default_factory=Rates)
    #: This period, the term before and the same term a year earlier (empty when not compared).
    trend: list[TrendLine] = field(default_factory=list)
    #: (kind, planned, held, cancelled) per exchange kind.
    by_kind: list[GroupLine] = field(default_factory=list)

    @property
    def quiet_duos(self) -> list[DuoLine]:
        """Duos in the report with no exchange held in the period."""
        return [line for line in self.duos if line.sessions_held == 0]

    @property
    def is_single_duo(self) -> bool:
        return self.scope.kind.value == "duo"

    def _groups(self, keys) -> list[GroupLine]:  # noqa: ANN001 - DuoLine -> iterable of keys
        groups: dict[str, list[int]] = {}
        for line in self.duos:
            for key in keys(line):
                g = groups.setdefault(key, [0] * 7)
                for index, value in enumerate((1, line.sessions_planned, line.sessions_held, line.sessions_cancelled,
                                               line.visio_minutes, line.children_paris, line.pupils_paris)):
                    g[index] += value
        return [GroupLine(key, *values) for key, values in groups.items()]

    @property
    def by_arrondissement(self) -> list[GroupLine]:
        lines = self._groups(lambda line: [str(line.arrondissement)] if line.arrondissement is not None else [])
        return sorted(lines, key=lambda g: int(g.key))

    @property
    def by_country(self) -> list[GroupLine]:
        return sorted(self._groups(lambda line: [line.country]), key=lambda g: (-g.sessions_held, g.key))

    @property
    def by_facilitator(self) -> list[GroupLine]:
        """Facilitator workload: duos, sessions, hours of visio; the name is the key ("" when none)."""
        return sorted(self._groups(lambda line: [line.facilitator]), key=lambda g: (-g.duos, natural_key(g.key)))

    @property
    def by_level(self) -> list[GroupLine]:
        from classesduo.domain.levels import grade_number

        return sorted(self._groups(lambda line: [line.level]),
                      key=lambda g: (grade_number(g.key) or 99, natural_key(g.key)))

    @property
    def by_language(self) -> list[GroupLine]:
        """Per language of the duos (a duo in two languages counts in both)."""
        return sorted(self._groups(lambda line: list(line.languages)), key=lambda g: (-g.duos, g.key))
