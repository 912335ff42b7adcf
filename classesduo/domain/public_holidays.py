"""A country's public holidays, by rule, from the ``holidays`` package (country and subdivision).

Nothing is copied into the database: a school's calendar asks for the years it
needs when it is read, so a newer ``holidays`` release reaches every school.

Asking ``holidays`` for one country imports all of its ~250 countries (~150 ms, a tenth of the
start-up), so what it answered can also be remembered across runs in a :class:`KnownDays` store
(:func:`remember_in`; the app gives it a file in the data folder, ``storage/holiday_file.py``). The
store's key carries the package's version: a newer ``holidays`` release is asked again.
"""

from __future__ import annotations

from datetime import date
from functools import cache, lru_cache
from typing import Protocol

from classesduo.domain.availability import HolidayPeriod
from classesduo.domain.enums import HolidaySource

#: What a store keeps for one country, subdivision and year: (ISO day, name) pairs, in day order.
Days = list[tuple[str, str]]


class KnownDays(Protocol):
    """Public holidays already asked of ``holidays``, kept between runs (a cache: losing it loses nothing)."""

    def get(self, key: str) -> Days | None: ...

    def put(self, key: str, days: Days) -> None: ...


_store: KnownDays | None = None


def remember_in(store: KnownDays | None) -> None:
    """Keep what ``holidays`` answers in ``store`` from now on (None: in memory only)."""
    global _store  # noqa: PLW0603 - one store per process, set when a data folder is opened
    _store = store
    public_holidays.cache_clear()


@cache
def _package_version() -> str:
    """The installed ``holidays`` version, read from its metadata (importing it costs ~150 ms)."""
    from importlib.metadata import version

    return version("holidays")


@cache
def subdivisions(country: str) -> tuple[str, ...]:
    """The subdivision codes ``holidays`` knows for ``country`` (e.g. CA: QC, ON…; AR: C for Buenos Aires city)."""
    import holidays

    try:
        return tuple(holidays.country_holidays(country.upper()).__class__.subdivisions)
    except (NotImplementedError, KeyError, AttributeError):
        return ()


@cache
def subdivision_names(country: str) -> dict[str, str]:
    """Code → a name for it (the package's aliases, first one per code)."""
    import holidays

    try:
        aliases = holidays.country_holidays(country.upper()).__class__.subdivisions_aliases
    except (NotImplementedError, KeyError, AttributeError):
        return {}
    names: dict[str, str] = {}
    for name, code in aliases.items():
        names.setdefault(code, name)
    return names


def is_known_country(country: str) -> bool:
    import holidays

    try:
        holidays.country_holidays(country.upper())
    except (NotImplementedError, KeyError):
        return False
    return True


@cache
def _language(country: str) -> str | None:
    import holidays

    try:
        supported = holidays.country_holidays(country.upper()).supported_languages
    except (NotImplementedError, KeyError):
        return None
    wanted = "fr" if country.upper() == "FR" else "en_US"
    return wanted if wanted in supported else None


def origin(country: str, subdivision: str = "") -> str:
    """How a public holiday's source is named: ``holidays 0.109, FR`` or ``…, CA-QC``."""
    code = country.upper() + (f"-{subdivision}" if subdivision else "")
    return f"holidays {_package_version()}, {code}"


@lru_cache(maxsize=2048)
def public_holidays(country: str, subdivision: str, year: int) -> tuple[HolidayPeriod, ...]:
    """The public holidays of ``country`` (and ``subdivision``, "" for the whole country) in calendar ``year``.

    One period per day; several names on one day are joined with " / ". Names
    are French for France (as Paris schools call them), English elsewhere, so
    they never depend on the machine's locale. An unknown country or
    subdivision gives no holidays (the school form says so).
    """
    where = origin(country, subdivision)
    key = f"{where}, {year}, {ASKED}"
    days = _store.get(key) if _store is not None else None
    if days is None:
        days = _ask_holidays(country, subdivision, year)
        if _store is not None:
            _store.put(key, days)
    return tuple(HolidayPeriod(name, date.fromisoformat(day), date.fromisoformat(day), HolidaySource.PUBLIC, where)
                 for day, name in days)


#: What :func:`_ask_holidays` asks and how it writes the answer; part of every stored key, so a change
#: here (another language, other categories, names joined otherwise) must bump it or old answers are read.
ASKED = "q1"


def _ask_holidays(country: str, subdivision: str, year: int) -> Days:
    import holidays

    try:
        calendar = holidays.country_holidays(country.upper(), subdiv=subdivision or None, years=[year],
                                             language=_language(country))
    except (NotImplementedError, KeyError):
        return []
    return [(day.isoformat(), " / ".join(name.split("; "))) for day, name in sorted(calendar.items())
            if day.year == year]


def public_holidays_between(country: str, subdivision: str, start: date, end: date) -> list[HolidayPeriod]:
    return [period for year in range(start.year, end.year + 1)
            for period in public_holidays(country, subdivision, year) if start <= period.start <= end]
