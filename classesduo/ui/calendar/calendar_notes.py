"""How the school calendars' notes read in the GUI: what a search left out and why, what is unknown."""

from __future__ import annotations

from collections.abc import Iterable

from classesduo.domain.school_calendar import CalendarNote
from classesduo.ui.formatting import format_date
from classesduo.ui.qt import translate


def note_days(note: CalendarNote) -> str:
    if note.first == note.last:
        return format_date(note.first)
    return translate("CalendarNotes", "{first} to {last}").format(first=format_date(note.first),
                                                                  last=format_date(note.last))


def note_line(note: CalendarNote) -> str:
    """ "⚠ 01/09/2027 to 30/09/2027: École X, Paris: school holidays for 2027-2028 are unknown — add them"
    or "Left out 08/05/2026: Fête de la Victoire — École X, Paris: public holiday (holidays 0.109, FR)"."""
    if note.kind == "unknown":
        return translate("CalendarNotes", "⚠ {days}: {text}").format(days=note_days(note), text=note.text)
    return translate("CalendarNotes", "Left out {days}: {text}").format(days=note_days(note), text=note.text)


def note_lines(notes: Iterable[CalendarNote], limit: int = 12) -> list[str]:
    """One line per note, the unknown ones first; beyond ``limit``, a line saying how many more."""
    ordered = sorted(notes, key=lambda note: (note.kind != "unknown", note.first))
    lines = [note_line(note) for note in ordered[:limit]]
    if len(ordered) > limit:
        lines.append(translate("CalendarNotes", "… and %n more.", None, len(ordered) - limit))
    return lines


def unknown_years(notes: Iterable[CalendarNote]) -> str:
    """Short: "Unknown: 2027-2028, 2028" for a table cell ("" when everything is known)."""
    years = sorted({note.year for note in notes if note.kind == "unknown"})
    return translate("CalendarNotes", "Unknown: {years}").format(years=", ".join(years)) if years else ""
