"""A country's public holidays, by rule, from the ``holidays`` package (country and subdivision).

Nothing is copied into the database: a school's calendar asks for the years it
needs when it is read, so a newer ``holidays`` release reaches every school.
"""

from __future__ import annotations

from datetime import date
from functools import cache, lru_cache

from classesduo.domain.availability import HolidayPeriod
from classesduo.domain.enums import HolidaySource


@cache
def _package_version() -> str:
    import holidays

    return holidays.__version__


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
    import holidays

    try:
        calendar = holidays.country_holidays(country.upper(), subdiv=subdivision or None, years=[year],
                                             language=_language(country))
    except (NotImplementedError, KeyError):
        return ()
    where = origin(country, subdivision)
    return tuple(HolidayPeriod(" / ".join(name.split("; ")), day, day, HolidaySource.PUBLIC, where)
                 for day, name in sorted(calendar.items()) if day.year == year)


def public_holidays_between(country: str, subdivision: str, start: date, end: date) -> list[HolidayPeriod]:
    return [period for year in range(start.year, end.year + 1)
            for period in public_holidays(country, subdivision, year) if start <= period.start <= end]
