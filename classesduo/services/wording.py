"""One translation pipeline for everything that leaves the app: reports, e-mails, the CLI's documents.

The words come from the same Qt ``.ts``/``.qm`` files as the GUI (``resources/translations``),
read with a ``QTranslator`` of the *document's* language, which need not be the GUI's: the City
reads French while the app may be shown in English. Dates and numbers go through ``QLocale``.
It needs no ``QApplication`` (the CLI and the tests use it headless).

Plural forms are Qt's numerus messages: ``Report.tr("%n duo(s)", "", n, lang)`` (see
:class:`DocumentContext` for why it is spelled so); the
French ``.ts`` holds "%n duo" and "%n duos" and Qt picks the form by the language's rule (0 and 1
are singular in French). ``%n`` is written with the language's digit grouping.

To add a language: one ``classesduo_XX.ts`` (+ ``.qm``) and one line in :data:`LANGUAGES`
(and its country names in ``resources/data/country_names.json``).

A language can also be a *document-only* language, for e-mails: one ``.ts`` (+ ``.qm``) whose
e-mail contexts are translated (others may stay unfinished) and one line in
:data:`DOCUMENT_ONLY_LANGUAGES`. :func:`wording` writes in it, but the GUI's language list and the
reports' ``--lang`` (both :data:`LANGUAGES`, checked by :func:`check_language`) do not offer it until
all of it is translated. Spanish is one: the invitation e-mail (context ``InvitationText``) has its
Spanish part from ``classesduo_es.ts``.

Call sites write ``words.translate("Context", "English text")`` so that ``pyside6-lupdate``
extracts them; tables of keys use :func:`QT_TRANSLATE_NOOP`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import cache
from typing import Any

from classesduo.domain.i18n import english_plural
from classesduo.paths import resources_dir

#: Languages the app writes in, and the QLocale of each (formats of dates and numbers).
LANGUAGES: dict[str, str] = {"fr": "fr_FR", "en": "en_GB"}
#: Languages only e-mails are written in (their .ts translates the e-mail contexts, not the whole app).
DOCUMENT_ONLY_LANGUAGES: dict[str, str] = {"es": "es_ES"}


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Marks ``text`` for extraction into the .ts under ``context``; translated later by :meth:`Wording.translate`."""
    return text


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r} (expected one of: {', '.join(LANGUAGES)})")
    return lang


@dataclass(frozen=True)
class Wording:
    """The words, dates and numbers of one language."""

    lang: str
    _qt: Any = field(repr=False, compare=False)
    _translator: Any = field(repr=False, compare=False)

    # words ------------------------------------------------------------------------------------------
    def translate(self, context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        found = self._translator.translate(context, text, disambiguation, n) if self._translator else ""
        if n < 0:
            return found or text
        return (found or english_plural(text, n)).replace("%n", self.number(n))

    @property
    def bcp47(self) -> str:
        """The language tag of documents in this language ("fr", "en-GB")."""
        return self._qt.locale.bcp47Name()

    # numbers ----------------------------------------------------------------------------------------
    def number(self, value: float, decimals: int | None = None) -> str:
        locale = self._qt.locale
        if isinstance(value, float) or decimals is not None:
            return locale.toString(float(value), "f", 1 if decimals is None else decimals)
        return locale.toString(int(value))

    def percent(self, value: float | None, decimals: int = 0) -> str:
        """A share (0.42) as "42 %" / "42%"; "—" when there is nothing to divide by."""
        if value is None:
            return "—"
        text = self.number(value * 100, decimals)
        return f"{text}\u202f%" if self.lang == "fr" else f"{text}%"

    # dates ------------------------------------------------------------------------------------------
    @property
    def date_pattern(self) -> str:
        """The language's numeric date, with a four-digit year (Qt pattern, e.g. ``dd/MM/yyyy``)."""
        pattern = self._qt.locale.dateFormat(self._qt.QLocale.FormatType.ShortFormat)
        return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")

    @property
    def excel_date_format(self) -> str:
        """The same pattern as a spreadsheet number format (``dd/mm/yyyy``)."""
        return self.date_pattern.replace("MM", "mm").replace("M", "m")

    def date(self, day: date | None) -> str:
        if day is None:
            return ""
        return self._qt.locale.toString(self._qdate(day), self.date_pattern)

    def formatted_date(self, day: date, pattern: str) -> str:
        """``day`` in a QLocale pattern of this language ("dddd d MMMM yyyy")."""
        return self._qt.locale.toString(self._qdate(day), pattern)

    def long_date(self, day: date) -> str:
        """Weekday, day, month and year in words ("mercredi 2 décembre 2026", "Wednesday 2 December 2026")."""
        return self._qt.locale.toString(self._qdate(day), "dddd d MMMM yyyy")

    def month(self, day: date) -> str:
        """Abbreviated month and year ("déc. 2026", "Dec 2026")."""
        return self._qt.locale.toString(self._qdate(day), "MMM yyyy")

    def short_day(self, day: date) -> str:
        """Day and abbreviated month ("2 déc.", "2 Dec")."""
        return self._qt.locale.toString(self._qdate(day), "d MMM")

    def time(self, moment: time | datetime) -> str:
        return f"{moment:%H:%M}"

    def day_name(self, day: date) -> str:
        return self._qt.locale.dayName(day.isoweekday())

    def month_name(self, month: int) -> str:
        return self._qt.locale.monthName(month)

    # names ------------------------------------------------------------------------------------------
    def country(self, code: str) -> str:
        return country_name(code, self.lang)

    def language(self, code: str) -> str:
        """A language's name ("espagnol", "Spanish") from its ISO 639-1 code; the code when unknown."""
        names = _country_names()["languages"]
        return names.get(self.lang, {}).get(code) or names["en"].get(code) or code

    def _qdate(self, day: date):  # noqa: ANN202
        return self._qt.QDate(day.year, day.month, day.day)


class _Qt:
    """What Wording needs from QtCore, imported when the first wording is made."""

    def __init__(self, locale_name: str) -> None:
        from PySide6 import QtCore

        self.QDate = QtCore.QDate
        self.QLocale = QtCore.QLocale
        self.locale = QtCore.QLocale(locale_name)


class DocumentContext:
    """A context of document words, for plural messages: ``Report.tr("%n duo(s)", "", n, lang)``.

    Like :class:`classesduo.domain.i18n.Context` (``pyside6-lupdate`` takes the context from the
    variable's name, so it must be spelled like the context), with the document's language.
    """

    def __init__(self, name: str) -> None:
        self.name = name

    def tr(self, text: str, disambiguation: str = "", n: int = -1, lang: str = "en") -> str:
        return wording(lang).translate(self.name, text, disambiguation or None, n)


@cache
def wording(lang: str) -> Wording:
    """The wording of ``lang`` ("fr", "en", or a document-only language such as "es"); ValueError for a
    language the app does not write."""
    locales = {**LANGUAGES, **DOCUMENT_ONLY_LANGUAGES}
    if lang not in locales:
        raise ValueError(f"unknown language {lang!r} (expected one of: {', '.join(locales)})")
    from PySide6 import QtCore

    translator = None
    if lang != "en":  # English is the source text
        translator = QtCore.QTranslator()
        if not translator.load(f"classesduo_{lang}", str(resources_dir() / "translations")):
            raise RuntimeError(f"the {lang} translation (classesduo_{lang}.qm) is missing from the installation")
    return Wording(lang, _Qt(locales[lang]), translator)


@cache
def _country_names() -> dict[str, dict[str, str]]:
    return json.loads((resources_dir() / "data" / "country_names.json").read_text(encoding="utf-8"))


@cache
def country_name(code: str, lang: str) -> str:
    """The usual name of a country in ``lang`` ("Corée du Sud", "South Korea"), from Unicode CLDR; the code
    itself when unknown."""
    names = _country_names()
    return names.get(lang, {}).get(code) or names["en"].get(code) or code
