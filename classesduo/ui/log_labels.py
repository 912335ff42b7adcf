"""Visible names of the exchange log's vocabularies (activity tags, cancel reasons)."""

from __future__ import annotations

from classesduo.domain.enums import CancelReason
from classesduo.ui.qt import translate


def activity_tag_label(tag: str) -> str:
    return {
        "presentation": translate("labels", "Presentation"),
        "song": translate("labels", "Song"),
        "qa": translate("labels", "Q&A"),
        "game": translate("labels", "Game"),
        "drawing_exchange": translate("labels", "Drawing exchange"),
        "reading": translate("labels", "Reading"),
        "other": translate("labels", "Other"),
    }.get(tag, tag)


def cancel_reason_label(reason: str) -> str:
    return {
        CancelReason.TECHNICAL.value: translate("labels", "Technical problem"),
        CancelReason.PARTNER_ABSENT.value: translate("labels", "Partner absent"),
        CancelReason.SCHOOL_EVENT.value: translate("labels", "School event"),
        CancelReason.WEATHER.value: translate("labels", "Weather"),
        CancelReason.STRIKE.value: translate("labels", "Strike"),
        CancelReason.OTHER.value: translate("labels", "Other"),
    }.get(reason, reason)
