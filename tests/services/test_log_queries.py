""""To log", "gone quiet" and "absent twice" at term boundaries and around holidays; the duo detail."""

from __future__ import annotations

from datetime import date, timedelta

from classesduo.domain.entities import SessionLog
from classesduo.domain.enums import SessionStatus
from classesduo.domain.exchange_log import LogEntry
from classesduo.services import exchange_log
from classesduo.services.duo_timeline import MEDIA_KIND, duo_detail, filter_timeline
from classesduo.services.log_queries import absent_twice, gone_quiet, to_log
from classesduo.services.workspace import Workspace

from .log_helpers import make_programme, paris_instant, plan


def _held(workspace: Workspace, session_id: str, now) -> None:  # noqa: ANN001
    exchange_log.log_session(workspace.db, session_id, LogEntry(SessionStatus.HELD, SessionLog(present_paris=20, present_partner=18, notes="ok")),
                             now=now)


def test_to_log_lists_ended_planned_sessions_across_terms_and_years(workspace: Workspace) -> None:
    duo = make_programme(workspace).duo_id
    last_year = plan(workspace, duo, paris_instant(date(2026, 6, 30)))  # previous school year, term 3
    end_of_term = plan(workspace, duo, paris_instant(date(2026, 12, 31), 10))  # last day of term 1
    new_term = plan(workspace, duo, paris_instant(date(2027, 1, 5)))  # term 2, still ahead
    now = paris_instant(date(2027, 1, 4), 9)
    assert [v.session.id for v in to_log(workspace.db, now)] == [last_year.id, end_of_term.id]
    _held(workspace, last_year.id, now)
    assert [v.session.id for v in to_log(workspace.db, now, duo_id=duo)] == [end_of_term.id]
    # a session in progress is not "to log" yet; once it has ended it is
    during = paris_instant(date(2027, 1, 5)) + timedelta(minutes=30)
    assert new_term.id not in {v.session.id for v in to_log(workspace.db, during)}
    assert new_term.id in {v.session.id for v in to_log(workspace.db, during + timedelta(minutes=15))}


def test_gone_quiet_counts_school_weeks_not_holidays(workspace: Workspace) -> None:
    duo = make_programme(workspace).duo_id
    last = plan(workspace, duo, paris_instant(date(2026, 12, 11)))  # a Friday
    _held(workspace, last.id, paris_instant(date(2026, 12, 11), 18))
    # 1 and 2 school weeks later: not quiet yet
    assert gone_quiet(workspace.db, paris_instant(date(2026, 12, 18), 18), weeks=3) == []
    # 5 calendar weeks later, but two of them are the Christmas holidays (19 Dec - 3 Jan)
    jan_8 = paris_instant(date(2027, 1, 8), 18)  # 14-18 Dec + 4-8 Jan = 10 school days
    assert gone_quiet(workspace.db, jan_8, weeks=3) == []
    jan_14 = paris_instant(date(2027, 1, 14), 18)  # 14 school days
    assert gone_quiet(workspace.db, jan_14, weeks=3) == []
    jan_15 = paris_instant(date(2027, 1, 15), 18)  # 15 school days = 3 school weeks
    quiet = gone_quiet(workspace.db, jan_15, weeks=3)
    assert [(q.duo.duo.id, q.school_days) for q in quiet] == [(duo, 15)]
    assert quiet[0].last_exchange == last.start_utc
    assert gone_quiet(workspace.db, jan_15, weeks=4) == []  # the setting is honoured


def test_gone_quiet_ignores_the_summer_break_between_school_years(workspace: Workspace) -> None:
    duo = make_programme(workspace, holidays=[]).duo_id
    last = plan(workspace, duo, paris_instant(date(2026, 7, 2)))  # term 3 ends 10 July (default terms)
    _held(workspace, last.id, paris_instant(date(2026, 7, 2), 18))
    # Thursday 2 July -> Friday 3 July: 1 school day; the zone C summer (by rule, no holidays stored) runs from
    # 4 July to 31 August; 1-17 September: 13 more = 14 < 15
    assert gone_quiet(workspace.db, paris_instant(date(2026, 9, 17), 18), weeks=3) == []
    assert len(gone_quiet(workspace.db, paris_instant(date(2026, 9, 18), 18), weeks=3)) == 1  # 15


def test_only_held_exchanges_keep_a_duo_alive(workspace: Workspace) -> None:
    duo = make_programme(workspace, holidays=[]).duo_id
    held = plan(workspace, duo, paris_instant(date(2026, 10, 30)))
    _held(workspace, held.id, paris_instant(date(2026, 10, 30), 18))
    cancelled = plan(workspace, duo, paris_instant(date(2026, 11, 20)))
    exchange_log.log_session(workspace.db, cancelled.id, LogEntry(SessionStatus.CANCELLED, SessionLog(
        cancel_reason="strike")), now=paris_instant(date(2026, 11, 20), 18))
    quiet = gone_quiet(workspace.db, paris_instant(date(2026, 11, 27), 18), weeks=3)
    assert [(q.duo.duo.id, q.school_days) for q in quiet] == [(duo, 19)]  # 20 weekdays, less 11 November (by rule)
    assert quiet[0].last_exchange == held.start_utc


def test_absent_twice_in_a_row(workspace: Workspace) -> None:
    duo = make_programme(workspace, holidays=[]).duo_id
    other = make_programme(workspace, partner_name="Escuela 40", paris_name="École Voltaire", holidays=[]).duo_id
    now = paris_instant(date(2026, 11, 28), 12)
    absent = LogEntry(SessionStatus.CANCELLED, SessionLog(cancel_reason="partner_absent"))
    first = plan(workspace, duo, paris_instant(date(2026, 11, 10)))
    second = plan(workspace, duo, paris_instant(date(2026, 11, 17)))
    plan(workspace, duo, paris_instant(date(2026, 11, 24)))  # still planned: does not break the run
    exchange_log.log_session(workspace.db, first.id, absent, now=now)
    assert absent_twice(workspace.db, now) == []
    exchange_log.log_session(workspace.db, second.id, absent, now=now)
    found = absent_twice(workspace.db, now)
    assert [item.duo.duo.id for item in found] == [duo]
    assert found[0].dates == (second.start_utc, first.start_utc)
    # another reason in between breaks the run; the other duo never was absent
    third = plan(workspace, duo, paris_instant(date(2026, 11, 20)))
    exchange_log.log_session(workspace.db, third.id, LogEntry(SessionStatus.CANCELLED, SessionLog(
        cancel_reason="technical")), now=now)
    assert absent_twice(workspace.db, now) == []
    assert other


def test_duo_detail_summary_and_timeline_filters(workspace: Workspace) -> None:
    duo = make_programme(workspace).duo_id
    now = paris_instant(date(2027, 1, 12), 12)
    held = plan(workspace, duo, paris_instant(date(2026, 12, 11)))
    _held(workspace, held.id, now)
    plan(workspace, duo, paris_instant(date(2027, 1, 8)))  # to log, term 2
    plan(workspace, duo, paris_instant(date(2027, 1, 19)))  # planned, ahead
    exchange_log.create_unplanned(workspace.db, duo, exchange_log.SessionKind.EMAIL,
                                  paris_instant(date(2027, 1, 6), 9),
                                  LogEntry(SessionStatus.HELD, SessionLog(activities="Courriel", present_paris=20,
                                                                          present_partner=18)), now=now)
    detail = duo_detail(workspace.db, duo, now)
    summary = detail.summary
    assert (summary.held, summary.planned, summary.cancelled, summary.to_log, summary.media_count) == (2, 2, 0, 1, 0)
    assert summary.last_exchange == paris_instant(date(2027, 1, 6), 9)
    assert [entry.when for entry in detail.timeline] == sorted(entry.when for entry in detail.timeline)
    assert [e.term for e in detail.timeline] == ["2026-2027/1", "2026-2027/2", "2026-2027/2", "2026-2027/2"]
    assert [e.kind for e in filter_timeline(detail.timeline, kinds={"email"})] == ["email"]
    assert len(filter_timeline(detail.timeline, term="2026-2027/1")) == 1
    assert filter_timeline(detail.timeline, kinds={MEDIA_KIND}) == []


def test_duo_detail_of_the_demo_counts_media(demo_workspace: Workspace) -> None:
    from classesduo.services.duos import list_duos

    view = next(v for v in list_duos(demo_workspace.db) if v.partner.city == "Tokyo")
    detail = duo_detail(demo_workspace.db, view.duo.id, paris_instant(date(2026, 11, 28), 12))
    assert detail.summary.media_count == 3 and detail.summary.held >= 3
    media = filter_timeline(detail.timeline, kinds={MEDIA_KIND})
    assert len(media) == 3 and all(entry.media is not None for entry in media)


def test_every_media_item_is_on_its_duos_timeline(workspace: Workspace, tmp_path) -> None:  # noqa: ANN001
    """Finding 5: the summary said "3 media" while the timeline listed one (items without a camera date)."""
    from classesduo.domain.enums import Side
    from classesduo.services.media_import import import_files
    from tests.media_files import qimage_file

    duo = make_programme(workspace).duo_id
    held = plan(workspace, duo, paris_instant(date(2026, 11, 10)))
    drawings = [qimage_file(tmp_path / f"dessin{n}.png", color=0x112233 * (n + 1)) for n in range(2)]
    import_files(workspace, duo, [drawings[0]], Side.PARIS, session_id=held.id)  # no EXIF: the session's day
    import_files(workspace, duo, [drawings[1]], Side.PARTNER)  # no date at all: the day it was added
    detail = duo_detail(workspace.db, duo, paris_instant(date(2026, 11, 28), 12))
    media = filter_timeline(detail.timeline, kinds={MEDIA_KIND})
    assert detail.summary.media_count == len(media) == 2
    assert held.start_utc in {entry.when for entry in media}
