"""Dates, times, sizes and codes shown with the chosen locale's formats: the GUI's one home for them.

One format per language, through ``QLocale`` (set by ``ui/translations.py``): a date is
``04/12/2026`` in both French and British English, a day ``ven. 04/12/2026`` / ``Fri 04/12/2026``,
a time ``15:00``, a size ``444 ko`` / ``444 kB``. Date edits use the same formats.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from classesduo.domain.enums import ConsentStatus, DuoStatus, ExchangeTool, MediaKind, SessionKind, SessionStatus, Side
from classesduo.ui.qt import QtCore, translate


def locale() -> QtCore.QLocale:
    return QtCore.QLocale()


def format_date(value: date | None) -> str:
    if value is None:
        return ""
    return locale().toString(QtCore.QDate(value.year, value.month, value.day), QtCore.QLocale.FormatType.ShortFormat)


def _qdate(value: date) -> QtCore.QDate:
    return QtCore.QDate(value.year, value.month, value.day)


def format_day(value: date) -> str:
    """The short day name and the date: "Fri 04/12/2026", "ven. 04/12/2026"."""
    return locale().toString(_qdate(value), "ddd") + " " + format_date(value)


def format_wall_time(value: datetime) -> str:
    """A wall-clock time already in the zone it is shown in: "15:00"."""
    return locale().toString(QtCore.QTime(value.hour, value.minute), QtCore.QLocale.FormatType.ShortFormat)


def format_day_time(value: datetime) -> str:
    """A wall-clock date and time already in its zone, with the day's name: "Fri 04/12/2026 15:00"."""
    return format_day(value.date()) + " " + format_wall_time(value)


def date_edit_format() -> str:
    """The display format of date edits: the locale's short date with a four-digit year."""
    text = locale().dateFormat(QtCore.QLocale.FormatType.ShortFormat)
    return text if "yyyy" in text else text.replace("yy", "yyyy")


def datetime_edit_format() -> str:
    return date_edit_format() + " " + locale().timeFormat(QtCore.QLocale.FormatType.ShortFormat)


def format_size(size: int) -> str:
    """A file size in the language's units (1024-based): "512 octets", "444 ko", "3,3 Go" / "444 kB"."""
    precision = 0 if size < 1024 * 1024 else 1
    return locale().formattedDataSize(size, precision, QtCore.QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def format_local(instant: datetime, zone: str | None) -> str:
    """An instant as wall-clock date and time in ``zone`` (None: this computer's zone, e.g. a file's time)."""
    local = instant.astimezone(ZoneInfo(zone) if zone else None)
    qdate = QtCore.QDate(local.year, local.month, local.day)
    qtime = QtCore.QTime(local.hour, local.minute)
    return (locale().toString(qdate, QtCore.QLocale.FormatType.ShortFormat) + " "
            + locale().toString(qtime, QtCore.QLocale.FormatType.ShortFormat))


def format_time(instant: datetime, zone: str) -> str:
    local = instant.astimezone(ZoneInfo(zone))
    return locale().toString(QtCore.QTime(local.hour, local.minute), QtCore.QLocale.FormatType.ShortFormat)


def side_label(side: Side) -> str:
    return {Side.PARIS: translate("labels", "Paris"), Side.PARTNER: translate("labels", "Partner")}[side]


def duo_status_label(status: DuoStatus) -> str:
    return {
        DuoStatus.PROPOSED: translate("labels", "Proposed"),
        DuoStatus.ACTIVE: translate("labels", "Active"),
        DuoStatus.PAUSED: translate("labels", "Paused"),
        DuoStatus.CLOSED: translate("labels", "Closed"),
    }[status]


def session_status_label(status: SessionStatus) -> str:
    return {
        SessionStatus.PLANNED: translate("labels", "Planned"),
        SessionStatus.HELD: translate("labels", "Held"),
        SessionStatus.CANCELLED: translate("labels", "Cancelled"),
        SessionStatus.POSTPONED: translate("labels", "Postponed"),
    }[status]


def session_kind_label(kind: SessionKind) -> str:
    return {
        SessionKind.VISIO: translate("labels", "Visio"),
        SessionKind.EMAIL: translate("labels", "E-mail"),
        SessionKind.BLOG_POST: translate("labels", "Blog post"),
        SessionKind.LETTER: translate("labels", "Letter"),
    }[kind]


def media_kind_label(kind: MediaKind) -> str:
    return {
        MediaKind.PHOTO: translate("labels", "Photo"),
        MediaKind.VIDEO: translate("labels", "Video"),
        MediaKind.AUDIO: translate("labels", "Audio"),
        MediaKind.DRAWING: translate("labels", "Drawing"),
        MediaKind.TEXT: translate("labels", "Text"),
    }[kind]


def consent_label(status: ConsentStatus) -> str:
    return {
        ConsentStatus.GRANTED: translate("labels", "Granted"),
        ConsentStatus.REFUSED: translate("labels", "Refused"),
        ConsentStatus.UNKNOWN: translate("labels", "Unknown"),
    }[status]


def tool_label(code: str) -> str:
    """An exchange tool's name (``email``, ``visio``, ``blog``, ``letters``); unknown codes as they are."""
    labels = {
        ExchangeTool.EMAIL: translate("labels", "e-mail"),
        ExchangeTool.VISIO: translate("labels", "visio"),
        ExchangeTool.BLOG: translate("labels", "blog"),
        ExchangeTool.LETTERS: translate("labels", "letters"),
    }
    return next((label for tool, label in labels.items() if tool.value == code), code)
