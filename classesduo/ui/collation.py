"""Sorting texts the way the language reads them (QCollator): "Béranger" before "Buffon", "CM1 9" before "CM1 10".

The GUI's one home for ordering names in lists and combos; it follows the locale that
``ui/translations.py`` sets. (Filtering, which ignores case and accents, is ``domain/text.py::fold``.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from classesduo.services.wording import LANGUAGES
from classesduo.ui.qt import QtCore

T = TypeVar("T")

_collators: dict[str, QtCore.QCollator] = {}


def _collation_locale() -> QtCore.QLocale:
    """The language whose order names follow: the GUI's, or English's before a language was chosen.

    The "C" locale (``LANG=C.UTF-8``, tests, a widget shown before ``Translations.apply``) collates by code
    point: "École" after "Zola", "CM1 10" before "CM1 9". The GUI then speaks English, so sort the English way.
    """
    locale = QtCore.QLocale()
    if locale.language() in (QtCore.QLocale.Language.C, QtCore.QLocale.Language.AnyLanguage):
        return QtCore.QLocale(LANGUAGES["en"])
    return locale


def collator() -> QtCore.QCollator:
    locale = _collation_locale()
    name = locale.name()
    found = _collators.get(name)
    if found is None:
        found = QtCore.QCollator(locale)
        found.setCaseSensitivity(QtCore.Qt.CaseSensitivity.CaseInsensitive)
        found.setNumericMode(True)
        _collators[name] = found
    return found


def text_key(text: str) -> QtCore.QCollatorSortKey:
    """A key that sorts ``text`` in the current language's order (keys compare with ``<``)."""
    return collator().sortKey(text)


def sorted_by_text(items: Iterable[T], text: Callable[[T], str] = str) -> list[T]:  # type: ignore[assignment]
    """``items`` in the language's order of ``text(item)``."""
    current = collator()
    return sorted(items, key=lambda item: current.sortKey(text(item)))
