"""Dates, times and codes shown with the chosen locale's formats."""

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


def format_local(instant: datetime, zone: str) -> str:
    """An instant as wall-clock date and time in ``zone``."""
    local = instant.astimezone(ZoneInfo(zone))
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
