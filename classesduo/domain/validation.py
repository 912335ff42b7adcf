"""Validation of records before they are stored.

Each check returns :class:`FieldError` items naming the field, so a form can
show the reason next to it and an import can report "line 12, field
timezone: …". :func:`raise_if_any` turns them into one :class:`ValidationError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from classesduo.domain.availability import HolidayPeriod, SchoolYear, WeeklyWindow
from classesduo.domain.entities import ClassGroup, Duo, Facilitator, School
from classesduo.domain.enums import ExchangeTool, Side
from classesduo.domain.i18n import translate
from classesduo.domain.terms import parse_school_year
from classesduo.domain.timezones import is_valid_zone

_EMAIL_RE = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$")


@dataclass(frozen=True, slots=True)
class FieldError:
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ValidationError(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(str(error) for error in errors))

    def for_field(self, name: str) -> str | None:
        return next((error.message for error in self.errors if error.field == name), None)


def raise_if_any(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationError(errors)


@cache
def _country_codes() -> frozenset[str]:
    import pycountry

    return frozenset(country.alpha_2 for country in pycountry.countries)


@cache
def _language_codes() -> frozenset[str]:
    import pycountry

    return frozenset(lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2"))


def warm_code_lists() -> None:
    """Read the language and country lists now (pycountry takes most of a second the first time), e.g. on a
    worker while a form is open, so the first Save does not wait for them."""
    _language_codes()
    _country_codes()


def is_country_code(code: str) -> bool:
    return code in _country_codes()


def is_language_code(code: str) -> bool:
    return code in _language_codes()


def is_email(text: str) -> bool:
    return bool(_EMAIL_RE.match(text))


#: The longest text each field takes; the database columns are declared with the same numbers
#: (``storage/models.py`` reads them from here; PostgreSQL enforces them, SQLite through the triggers of
#: migration 0008, whose frozen copy a test compares with the columns).
NAME_MAX = 200
CITY_MAX = 120
CLASS_NAME_MAX = 120
LEVEL_MAX = 40
EMAIL_MAX = 254
LINK_MAX = 500


def check_length(value: str, field: str, limit: int) -> list[FieldError]:
    """A message naming the limit when ``value`` is longer than ``limit`` characters."""
    if len(value) > limit:
        message = translate("validation", "At most {limit} characters ({count} typed).")
        return [FieldError(field, message.format(limit=limit, count=len(value)))]
    return []


def _required(value: str, field: str) -> list[FieldError]:
    if not value.strip():
        return [FieldError(field, translate("validation", "This field is required."))]
    return _plain(value, field)


def _plain(value: str, field: str) -> list[FieldError]:
    """A name shows as typed: no bidi overrides (U+202E shows "gnp.exe" as "exe.png") or control characters."""
    from classesduo.domain.text import has_bidi_control

    if has_bidi_control(value) or any(ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 for ch in value):
        return [FieldError(field, translate(
            "validation", "Remove the invisible control characters (text direction overrides, line breaks…) "
                          "from this field.").format())]
    return []


def _email(value: str, field: str) -> list[FieldError]:
    if value and not is_email(value):
        return [FieldError(field, translate("validation", "Not an e-mail address: {value}").format(value=value))]
    return []


def _languages(codes: list[str], field: str = "languages") -> list[FieldError]:
    bad = [code for code in codes if not is_language_code(code)]
    if bad:
        message = translate("validation", "Unknown language code (use ISO 639-1, e.g. fr, es): {codes}")
        return [FieldError(field, message.format(codes=", ".join(bad)))]
    return []


def validate_windows(windows: list[WeeklyWindow], field: str = "windows") -> list[FieldError]:
    errors = []
    for window in windows:
        if not 0 <= window.weekday <= 6:
            errors.append(FieldError(field, translate("validation", "Weekday must be 0 (Monday) to 6 (Sunday).")))
        elif window.end <= window.start:
            message = translate("validation", "A window must end after it starts ({start}–{end}).")
            errors.append(FieldError(field, message.format(start=window.start.strftime("%H:%M"),
                                                             end=window.end.strftime("%H:%M"))))
    return errors


def validate_holidays(periods: list[HolidayPeriod], field: str = "holidays") -> list[FieldError]:
    errors = []
    for period in periods:
        if period.end < period.start:
            message = translate("validation", "Holiday “{name}” ends before it starts.")
            errors.append(FieldError(field, message.format(name=period.name)))
    return errors


def validate_school_years(years: list[SchoolYear], field: str = "school_years") -> list[FieldError]:
    """Each school year ends after it starts, has a name, and overlaps none of the others."""
    errors = []
    ordered = sorted(years, key=lambda year: year.first_day)
    for year in ordered:
        if not year.label.strip():
            errors.append(FieldError(field, translate("validation", "A school year needs a name (e.g. 2027).")))
        if year.last_day < year.first_day:
            message = translate("validation", "School year {name} ends before it starts.")
            errors.append(FieldError(field, message.format(name=year.label)))
    for before, after in zip(ordered, ordered[1:], strict=False):
        if after.first_day <= before.last_day:
            message = translate("validation", "School years {first} and {second} overlap.")
            errors.append(FieldError(field, message.format(first=before.label, second=after.label)))
    labels = [year.label.strip() for year in years]
    for label in sorted({label for label in labels if labels.count(label) > 1}):
        message = translate("validation", "School year {name} is listed twice.")
        errors.append(FieldError(field, message.format(name=label)))
    return errors


def validate_subdivision(country: str, subdivision: str) -> list[FieldError]:
    from classesduo.domain.public_holidays import subdivisions

    if not subdivision or subdivision.upper() in subdivisions(country):
        return []
    known = subdivisions(country)
    message = (translate("validation", "Unknown subdivision {code} for {country} (known: {known}).") if known
               else translate("validation", "No subdivisions are known for {country}; leave it empty."))
    return [FieldError("subdivision", message.format(code=subdivision, country=country,
                                                      known=", ".join(known[:40])))]


def validate_school(school: School) -> list[FieldError]:
    errors = _required(school.name, "name") + _required(school.city, "city")
    errors += check_length(school.name, "name", NAME_MAX) + check_length(school.city, "city", CITY_MAX)
    errors += check_length(school.contact_email, "contact_email", EMAIL_MAX)
    if not is_country_code(school.country):
        message = translate("validation", "Unknown country code (use ISO 3166-1, e.g. FR, AR): {code}")
        errors.append(FieldError("country", message.format(code=school.country)))
    if not is_valid_zone(school.timezone):
        message = translate("validation", "Unknown time zone (use an IANA name, e.g. Europe/Paris): {zone}")
        errors.append(FieldError("timezone", message.format(zone=school.timezone)))
    if school.side is Side.PARIS:
        if school.arrondissement is None or not 1 <= school.arrondissement <= 20:
            errors.append(FieldError("arrondissement", translate(
                "validation", "A Paris school needs an arrondissement from 1 to 20.")))
        if school.country and school.country != "FR":
            errors.append(FieldError("country", translate("validation", "A Paris school is in France (FR).")))
    elif school.arrondissement is not None:
        errors.append(FieldError("arrondissement", translate(
            "validation", "Only Paris schools have an arrondissement.")))
    errors += _languages(school.languages)
    errors += _email(school.contact_email, "contact_email")
    errors += validate_windows(school.windows)
    errors += validate_holidays(school.holidays)
    errors += validate_school_years(school.school_years)
    if is_country_code(school.country):
        errors += validate_subdivision(school.country, school.subdivision)
    return errors


def validate_class(group: ClassGroup) -> list[FieldError]:
    errors = _required(group.name, "name") + _required(group.level, "level")
    errors += check_length(group.name, "name", CLASS_NAME_MAX) + check_length(group.level, "level", LEVEL_MAX)
    errors += check_length(group.teacher_name, "teacher_name", NAME_MAX)
    errors += check_length(group.teacher_email, "teacher_email", EMAIL_MAX)
    if not group.school_id:
        errors.append(FieldError("school_id", translate("validation", "Choose the class's school.")))
    if group.pupil_count < 0:
        errors.append(FieldError("pupil_count", translate("validation", "The pupil count cannot be negative.")))
    errors += _email(group.teacher_email, "teacher_email")
    return errors


def validate_facilitator(person: Facilitator) -> list[FieldError]:
    return (_required(person.name, "name") + check_length(person.name, "name", NAME_MAX)
            + check_length(person.email, "email", EMAIL_MAX) + _email(person.email, "email")
            + _languages(person.languages))


def validate_duo(duo: Duo, paris_side: Side | None, partner_side: Side | None) -> list[FieldError]:
    """``paris_side``/``partner_side`` are the sides of the two classes' schools."""
    errors: list[FieldError] = []
    if paris_side is not Side.PARIS:
        errors.append(FieldError("paris_class_id", translate("validation", "Choose a class of a Paris school.")))
    if partner_side is not Side.PARTNER:
        errors.append(FieldError("partner_class_id", translate("validation", "Choose a class of a partner school.")))
    try:
        parse_school_year(duo.school_year)
    except ValueError:
        message = translate("validation", "Not a school year (expected e.g. 2026-2027): {value}")
        errors.append(FieldError("school_year", message.format(value=duo.school_year)))
    errors += _languages(duo.languages)
    errors += check_length(duo.visio_link, "visio_link", LINK_MAX)
    known_tools = {tool.value for tool in ExchangeTool}
    bad_tools = [tool for tool in duo.tools if tool not in known_tools]
    if bad_tools:
        message = translate("validation", "Unknown exchange tool: {tools} (use email, visio, blog, letters)")
        errors.append(FieldError("tools", message.format(tools=", ".join(bad_tools))))
    return errors
