"""One line of text per timeline entry: a session's log, or a shared media item's caption."""

from __future__ import annotations

from classesduo.domain.enums import SessionKind, SessionStatus
from classesduo.domain.timezones import PARIS_ZONE
from classesduo.services.duo_timeline import MEDIA_KIND, DuoDetail, TimelineEntry
from classesduo.ui.formatting import format_local, media_kind_label, session_kind_label, side_label
from classesduo.ui.log_labels import activity_tag_label, cancel_reason_label
from classesduo.ui.qt import translate



def entry_text(entry: TimelineEntry, detail: DuoDetail | None = None) -> str:
    """The log (or the media caption) of a timeline entry, on one line."""
    if entry.media is not None:
        item = entry.media
        parts = [f"{media_kind_label(item.kind)} ({side_label(item.side)}): {item.original_name}"]
        if item.caption:
            parts.append(item.caption)
        return " — ".join(parts)
    session = entry.session
    assert session is not None
    log = session.log
    parts: list[str] = []
    if session.status is SessionStatus.CANCELLED and log.cancel_reason:
        parts.append(cancel_reason_label(log.cancel_reason))
    if session.status is SessionStatus.POSTPONED and session.postponed_to_id and detail is not None:
        target = next((e.session for e in detail.timeline if e.session and e.session.id == session.postponed_to_id),
                      None)
        if target is not None:
            parts.append(translate("DuoPage", "postponed to {when}").format(
                when=format_local(target.start_utc, PARIS_ZONE)))
    if log.present_paris is not None or log.present_partner is not None:
        parts.append(translate("DuoPage", "present {paris} / {partner}").format(
            paris="–" if log.present_paris is None else log.present_paris,
            partner="–" if log.present_partner is None else log.present_partner))
    if log.actual_minutes:
        parts.append(translate("DuoPage", "{minutes} min").format(minutes=log.actual_minutes))
    if log.activities:
        parts.append(log.activities)
    if log.activity_tags:
        parts.append("[" + ", ".join(activity_tag_label(tag) for tag in log.activity_tags) + "]")
    if log.languages_used:
        parts.append(", ".join(log.languages_used))
    if log.problems:
        parts.append(translate("DuoPage", "Problems: {text}").format(text=log.problems))
    if log.follow_up:
        parts.append(translate("DuoPage", "Follow-up: {text}").format(text=log.follow_up))
    if log.notes:
        parts.append(log.notes)
    return " · ".join(parts)


def kind_label(kind: str) -> str:
    return translate("DuoPage", "Media") if kind == MEDIA_KIND else session_kind_label(SessionKind(kind))
