"""Logging sessions: each status change, validation, history of edits, delete and undo."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from classesduo.domain.entities import SessionLog
from classesduo.domain.enums import SessionKind, SessionStatus
from classesduo.domain.exchange_log import LogEntry
from classesduo.services import exchange_log
from classesduo.services.errors import ConcurrentEditError, ServiceError, ValidationError
from classesduo.services.sessions import list_sessions
from classesduo.services.workspace import Workspace

from .log_helpers import make_programme, paris_instant, plan

NOW = paris_instant(date(2026, 11, 28), 12)


def _held(**changes: object) -> LogEntry:
    log = SessionLog(present_paris=22, present_partner=18, actual_minutes=40, activities="Chanson et questions",
                     activity_tags=["song", "qa"], languages_used=["fr", "es"], notes="Très bien")
    for name, value in changes.items():
        setattr(log, name, value)
    return LogEntry(SessionStatus.HELD, log)


def _one(workspace: Workspace, session_id: str):  # noqa: ANN202
    return next(v.session for v in list_sessions(workspace.db) if v.session.id == session_id)


def test_log_held_records_counts_tags_and_when(workspace: Workspace) -> None:
    duo = make_programme(workspace).duo_id
    planned = plan(workspace, duo, paris_instant(date(2026, 11, 24)))
    saved = exchange_log.log_session(workspace.db, planned.id, _held(activity_tags=["qa", "song", "qa"]), now=NOW)
    assert saved.status is SessionStatus.HELD and saved.logged_at == NOW
    stored = _one(workspace, planned.id)
    assert (stored.log.present_paris, stored.log.present_partner, stored.log.actual_minutes) == (22, 18, 40)
    assert stored.log.activity_tags == ["song", "qa"]  # vocabulary order, no duplicates
    assert stored.log.languages_used == ["fr", "es"] and stored.log.cancel_reason == ""
    assert exchange_log.session_history(workspace.db, planned.id) == []  # first logging is not an edit


def test_log_cancelled_needs_a_known_reason(workspace: Workspace) -> None:
    duo = make_programme(workspace).duo_id
    planned = plan(workspace, duo, paris_instant(date(2026, 11, 24)))
    entry = LogEntry(SessionStatus.CANCELLED, SessionLog(notes="Panne"))
    with pytest.raises(ValidationError) as caught:
        exchange_log.log_session(workspace.db, planned.id, entry, now=NOW)
    assert caught.value.for_field("cancel_reason")
    entry.log.cancel_reason = "aliens"
    with pytest.raises(ValidationError) as caught:
        exchange_log.log_session(workspace.db, planned.id, entry, now=NOW)
    assert "aliens" in caught.value.for_field("cancel_reason")
    assert _one(workspace, planned.id).status is SessionStatus.PLANNED  # nothing half-written
    entry.log.cancel_reason = "technical"
    entry.log.present_paris = 20  # meaningless for a cancelled session: dropped
    saved = exchange_log.log_session(workspace.db, planned.id, entry, now=NOW)
    assert saved.status is SessionStatus.CANCELLED and saved.log.cancel_reason == "technical"
    assert saved.log.present_paris is None


def test_postponed_creates_the_new_planned_session_and_links_it(workspace: Workspace) -> None:
    duo = make_programme(workspace).duo_id
    planned = plan(workspace, duo, paris_instant(date(2026, 11, 24)))
    new_start = datetime.fromisoformat("2026-12-01T15:00+01:00")
    saved = exchange_log.log_session(workspace.db, planned.id, LogEntry(
        SessionStatus.POSTPONED, SessionLog(notes="Grève"), postponed_to=new_start), now=NOW)
    assert saved.status is SessionStatus.POSTPONED and saved.postponed_to_id
    replacement = _one(workspace, saved.postponed_to_id)
    assert replacement.status is SessionStatus.PLANNED and replacement.start_utc == new_start
    assert (replacement.duo_id, replacement.kind, replacement.minutes) == (duo, SessionKind.VISIO, 45)
    # postponing again moves the same replacement instead of adding another
    later = new_start + timedelta(days=3)
    again = exchange_log.log_session(workspace.db, planned.id, LogEntry(
        SessionStatus.POSTPONED, SessionLog(notes="Grève"), postponed_to=later), now=NOW)
    assert again.postponed_to_id == saved.postponed_to_id
    moved = _one(workspace, saved.postponed_to_id)
    assert moved.start_utc == later
    assert moved.sequence == replacement.sequence + 1  # calendar apps see the move on the next .ics export
    assert len(list_sessions(workspace.db, duo_id=duo)) == 2


def test_postponed_needs_a_later_instant(workspace: Workspace) -> None:
    duo = make_programme(workspace).duo_id
    planned = plan(workspace, duo, paris_instant(date(2026, 11, 24)))
    for when in (None, paris_instant(date(2026, 11, 20))):
        with pytest.raises(ValidationError) as caught:
            exchange_log.log_session(workspace.db, planned.id, LogEntry(SessionStatus.POSTPONED, SessionLog(),
                                                                        postponed_to=when), now=NOW)
        assert caught.value.for_field("postponed_to")
    assert len(list_sessions(workspace.db, duo_id=duo)) == 1


@pytest.mark.parametrize(("changes", "field"), [
    ({"present_paris": 25}, "present_paris"),  # the class has 24
    ({"present_partner": -1}, "present_partner"),
    ({"actual_minutes": 0}, "actual_minutes"),
    ({"activity_tags": ["dance"]}, "activity_tags"),
    ({"languages_used": ["xx"]}, "languages_used"),
])
def test_bad_log_names_the_field(workspace: Workspace, changes: dict, field: str) -> None:
    duo = make_programme(workspace).duo_id
    planned = plan(workspace, duo, paris_instant(date(2026, 11, 24)))
    with pytest.raises(ValidationError) as caught:
        exchange_log.log_session(workspace.db, planned.id, _held(**changes), now=NOW)
    assert caught.value.for_field(field), caught.value


def test_a_future_session_cannot_be_held(workspace: Workspace) -> None:
    duo = make_programme(workspace).duo_id
    planned = plan(workspace, duo, paris_instant(date(2026, 12, 1)))
    with pytest.raises(ValidationError) as caught:
        exchange_log.log_session(workspace.db, planned.id, _held(), now=NOW)
    assert "future" in caught.value.for_field("status")


def test_edits_keep_previous_values_who_and_when(workspace: Workspace) -> None:
    duo = make_programme(workspace).duo_id
    planned = plan(workspace, duo, paris_instant(date(2026, 11, 24)))
    exchange_log.log_session(workspace.db, planned.id, _held(), now=NOW)
    later = NOW + timedelta(days=1)
    exchange_log.log_session(workspace.db, planned.id, _held(present_paris=20, notes="Corrigé"), now=later,
                             changed_by="Mme Durand")
    exchange_log.log_session(workspace.db, planned.id, LogEntry(
        SessionStatus.CANCELLED, SessionLog(cancel_reason="partner_absent")), now=later + timedelta(hours=1))
    history = exchange_log.session_history(workspace.db, planned.id)
    assert [rev.previous["status"] for rev in history] == ["held", "held"]
    newest, oldest = history
    assert oldest.changed_by == "Mme Durand" and oldest.changed_at == later
    assert oldest.previous["present_paris"] == 22 and oldest.previous["notes"] == "Très bien"
    assert newest.previous["present_paris"] == 20 and newest.previous["notes"] == "Corrigé"
    assert newest.changed_by == exchange_log.current_user()  # the OS user name by default
    assert _one(workspace, planned.id).log.cancel_reason == "partner_absent"


def test_a_stale_log_edit_is_refused(workspace: Workspace) -> None:
    duo = make_programme(workspace).duo_id
    planned = plan(workspace, duo, paris_instant(date(2026, 11, 24)))
    exchange_log.log_session(workspace.db, planned.id, _held(), now=NOW)
    with pytest.raises(ConcurrentEditError):
        exchange_log.log_session(workspace.db, planned.id, _held(), version=planned.version, now=NOW)


def test_unplanned_exchange_is_stored_already_logged(workspace: Workspace) -> None:
    duo = make_programme(workspace).duo_id
    when = paris_instant(date(2026, 11, 26), 10)
    saved = exchange_log.create_unplanned(workspace.db, duo, SessionKind.EMAIL, when, LogEntry(
        SessionStatus.HELD, SessionLog(activities="Lettre collective", activity_tags=["reading"],
                                   present_paris=20, present_partner=18)), now=NOW)
    assert saved.status is SessionStatus.HELD and saved.kind is SessionKind.EMAIL and saved.logged_at == NOW
    assert saved.minutes == 30 and saved.start_utc == when
    with pytest.raises(ValidationError):
        exchange_log.create_unplanned(workspace.db, duo, SessionKind.LETTER, NOW + timedelta(days=2),
                                      LogEntry(SessionStatus.HELD, SessionLog()), now=NOW)


def test_delete_then_undo_restores_log_history_and_links(workspace: Workspace) -> None:
    duo = make_programme(workspace).duo_id
    first = plan(workspace, duo, paris_instant(date(2026, 11, 17)))
    postponed = exchange_log.log_session(workspace.db, first.id, LogEntry(
        SessionStatus.POSTPONED, SessionLog(), postponed_to=paris_instant(date(2026, 11, 24))), now=NOW)
    replacement_id = postponed.postponed_to_id
    exchange_log.log_session(workspace.db, replacement_id, _held(), now=NOW)
    exchange_log.log_session(workspace.db, replacement_id, _held(notes="v2"), now=NOW + timedelta(minutes=5))
    deleted = exchange_log.delete_session(workspace.db, replacement_id)
    assert [v.session.id for v in list_sessions(workspace.db, duo_id=duo)] == [first.id]
    assert _one(workspace, first.id).postponed_to_id is None
    restored = exchange_log.restore_session(workspace.db, deleted)
    assert restored.id == replacement_id and restored.log.notes == "v2" and restored.status is SessionStatus.HELD
    assert _one(workspace, first.id).postponed_to_id == replacement_id
    assert len(exchange_log.session_history(workspace.db, replacement_id)) == 1
    with pytest.raises(ServiceError):
        exchange_log.restore_session(workspace.db, deleted)  # undo twice


def test_current_user_prefers_the_configured_name() -> None:
    assert exchange_log.current_user("  Mme Durand ") == "Mme Durand"
    assert isinstance(exchange_log.current_user(""), str)


def test_now_defaults_to_the_clock(workspace: Workspace) -> None:
    duo = make_programme(workspace).duo_id
    planned = plan(workspace, duo, datetime.now(UTC) - timedelta(hours=2))
    saved = exchange_log.log_session(workspace.db, planned.id, _held())
    assert saved.logged_at is not None and saved.logged_at <= datetime.now(UTC)


def test_an_exchange_logged_by_hand_at_a_planned_sessions_time_is_that_session(workspace: Workspace) -> None:
    from classesduo.services.errors import SameExchangeError

    duo = make_programme(workspace).duo_id
    start = paris_instant(date(2026, 11, 27))
    planned = plan(workspace, duo, start)
    with pytest.raises(SameExchangeError, match="27/11/2026 at 15:00") as raised:
        exchange_log.create_unplanned(workspace.db, duo, SessionKind.VISIO, start, _held(), now=NOW)
    assert raised.value.session_id == planned.id
    assert exchange_log.matching_session(workspace.db, duo, SessionKind.VISIO, start + timedelta(minutes=5)).id \
        == planned.id
    assert len(list_sessions(workspace.db, duo_id=duo)) == 1
    # an e-mail the same afternoon is another exchange
    exchange_log.create_unplanned(workspace.db, duo, SessionKind.EMAIL, start, _held(), now=NOW)


def test_the_database_refuses_two_held_records_of_one_visio(workspace: Workspace) -> None:
    duo = make_programme(workspace).duo_id
    start = paris_instant(date(2026, 11, 27))
    first, second = plan(workspace, duo, start), plan(workspace, duo, start)  # planned twice by mistake
    exchange_log.log_session(workspace.db, first.id, _held(), now=NOW)
    with pytest.raises(ServiceError):
        exchange_log.log_session(workspace.db, second.id, _held(), now=NOW)
    assert [v.session.status for v in list_sessions(workspace.db, duo_id=duo)].count(SessionStatus.HELD) == 1


def test_holding_a_visio_already_held_is_refused_naming_the_session_not_by_the_database(workspace: Workspace) -> None:
    from classesduo.services.errors import SameExchangeError
    from classesduo.services.planning import move_session

    programme = make_programme(workspace)
    duo = programme.duo_id
    start = paris_instant(date(2026, 11, 27))
    first, second = plan(workspace, duo, start), plan(workspace, duo, start)  # planned twice by mistake
    exchange_log.log_session(workspace.db, first.id, _held(), now=NOW)
    with pytest.raises(SameExchangeError) as raised:
        exchange_log.log_session(workspace.db, second.id, _held(), now=NOW)
    message = str(raised.value)
    assert "27/11/2026 at 15:00" in message and "already logged as held" in message
    assert "database" not in message
    with workspace.db.reading() as session:
        from classesduo.storage.models import DuoRow

        row = session.get(DuoRow, duo)
        assert row.paris_class.school.name in message and row.partner_class.school.name in message
    assert raised.value.session_id == first.id
    # held elsewhere, then moved onto the held one: the same sentence
    other = plan(workspace, duo, start + timedelta(hours=2))
    exchange_log.log_session(workspace.db, other.id, _held(), now=NOW)
    with pytest.raises(SameExchangeError, match="27/11/2026 at 15:00"):
        move_session(workspace.db, other.id, start)
    # editing the held record itself is no second record
    exchange_log.log_session(workspace.db, first.id, _held(notes="corrigé"), now=NOW)
