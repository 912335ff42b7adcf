"""What a report covers: a period (a term or a custom range) and a scope.

No Qt, no SQL: the CLI parses ``--scope country:JP`` here and the GUI builds
the same :class:`ReportScope` from its combo boxes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from classesduo.domain.i18n import translate


class ScopeKind(StrEnum):
    PROGRAMME = "programme"
    ARRONDISSEMENT = "arrondissement"
    COUNTRY = "country"
    FACILITATOR = "facilitator"
    DUO = "duo"


@dataclass(frozen=True, slots=True)
class ReportScope:
    kind: ScopeKind = ScopeKind.PROGRAMME
    #: The arrondissement number, ISO country code, facilitator id or duo id; "" for the programme.
    value: str = ""

    @property
    def code(self) -> str:
        return self.kind.value if self.kind is ScopeKind.PROGRAMME else f"{self.kind.value}:{self.value}"


@dataclass(frozen=True, slots=True)
class ReportPeriod:
    """Paris calendar days, both ends included. ``term_label`` is e.g. ``"2026-2027/1"`` or ""."""

    start: date
    end: date
    term_label: str = ""

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def parse_scope(text: str) -> ReportScope:
    """Parse ``programme``, ``arrondissement:11``, ``country:JP``, ``facilitator:ID`` or ``duo:ID``.

    Raises ValueError with a sentence naming what is wrong.
    """
    kind_text, sep, value = text.strip().partition(":")
    try:
        kind = ScopeKind(kind_text.strip().lower())
    except ValueError:
        choices = ", ".join(kind.value for kind in ScopeKind)
        raise ValueError(f"unknown scope {text!r} (expected one of: {choices})") from None
    value = value.strip()
    if kind is ScopeKind.PROGRAMME:
        if sep and value:
            raise ValueError(f"the programme scope takes no value: {text!r}")
        return ReportScope()
    if not value:
        raise ValueError(f"the scope {kind.value} needs a value, e.g. {kind.value}:{_EXAMPLES[kind]}")
    if kind is ScopeKind.ARRONDISSEMENT:
        if not value.isdigit() or not 1 <= int(value) <= 20:
            raise ValueError(f"not a Paris arrondissement (1 to 20): {value!r}")
        value = str(int(value))
    elif kind is ScopeKind.COUNTRY:
        if len(value) != 2 or not value.isalpha():
            raise ValueError(f"not a two-letter country code (e.g. JP): {value!r}")
        value = value.upper()
    return ReportScope(kind, value)


_EXAMPLES = {
    ScopeKind.ARRONDISSEMENT: "11",
    ScopeKind.COUNTRY: "JP",
    ScopeKind.FACILITATOR: "ID",
    ScopeKind.DUO: "ID",
}


def validate_period(start: date, end: date) -> str | None:
    """A sentence saying what is wrong with a custom range, or None."""
    if end < start:
        return translate("reports", "the end date is before the start date")
    if (end - start).days > 400:
        return translate("reports", "a report covers at most about a year (400 days)")
    return None


def use_weeks(period: ReportPeriod) -> bool:
    """Sessions over time are counted per week for up to 20 weeks, per month beyond."""
    return period.days <= 20 * 7


def _year_earlier(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def comparison_periods(period: ReportPeriod, terms: dict[str, tuple[date, date]]) -> tuple[ReportPeriod, ReportPeriod]:
    """The periods a report is compared with: the term before and the same term a year earlier.

    ``terms`` maps stored term labels ("2025-2026/3") to their first and last day; a term not stored
    takes its default dates. A custom range is compared with the range of the same length just before
    it and with the same days a year earlier.
    """
    from classesduo.domain.terms import default_terms, previous_school_year

    def term(school_year: str, number: int) -> ReportPeriod:
        label = f"{school_year}/{number}"
        if label in terms:
            return ReportPeriod(*terms[label], label)
        dates = next(t for t in default_terms(school_year) if t.number == number)
        return ReportPeriod(dates.start, dates.end, label)

    if period.term_label:
        school_year, _, number_text = period.term_label.partition("/")
        number = int(number_text)
        earlier_year = previous_school_year(school_year)
        previous = term(school_year, number - 1) if number > 1 else term(earlier_year, 3)
        return previous, term(earlier_year, number)
    length = period.end - period.start
    before_end = period.start - timedelta(days=1)
    return (ReportPeriod(before_end - length, before_end),
            ReportPeriod(_year_earlier(period.start), _year_earlier(period.end)))


#: A duo's Highlights in a report are cut to this many characters.
HIGHLIGHT_CHARS = 160


def highlight(held: Iterable[tuple[datetime, str | None]]) -> str:
    """A duo's Highlights: what was done at its *latest* held exchange, on one line, cut to HIGHLIGHT_CHARS.

    ``held`` gives each held exchange's start and activities. When the latest held exchange logged no
    activities the Highlights are empty: an earlier exchange's text would describe the wrong session.
    """
    latest = max(held, key=lambda item: item[0], default=None)
    text = " ".join((latest[1] or "").split()) if latest else ""
    return text if len(text) <= HIGHLIGHT_CHARS else text[:HIGHLIGHT_CHARS - 1].rstrip() + "…"


def share(part: float, whole: float) -> float | None:
    """``part / whole``, or None when there is nothing to divide by (a rate of no sessions is no rate)."""
    return part / whole if whole else None


def cancellation_rate(held: int, cancelled: int) -> float | None:
    """Cancelled ÷ (held + cancelled): the share of the exchanges logged that were cancelled."""
    return share(cancelled, held + cancelled)
