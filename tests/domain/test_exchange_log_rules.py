"""The exchange log's rules without a database: validation and school-day counting."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from classesduo.domain.availability import HolidayPeriod
from classesduo.domain.entities import SessionLog
from classesduo.domain.enums import SessionStatus
from classesduo.domain.exchange_log import (
    ACTIVITY_TAGS,
    LogEntry,
    is_quiet,
    is_school_day,
    normalized_log,
    school_days_between,
    validate_log_entry,
)
from classesduo.domain.terms import default_terms

START = datetime(2026, 11, 24, 14, 0, tzinfo=UTC)
NOW = START + timedelta(days=1)
TERMS = default_terms("2026-2027")
CHRISTMAS = [HolidayPeriod("Noël", date(2026, 12, 19), date(2027, 1, 3))]


def _fields(entry: LogEntry, start: datetime = START) -> set[str]:
    return {error.field for error in validate_log_entry(entry, start, NOW, 24, 20)}


def test_the_documented_vocabulary() -> None:
    assert ACTIVITY_TAGS == ("presentation", "song", "qa", "game", "drawing_exchange", "reading", "other")


def test_a_good_held_log_passes_and_counts_may_equal_the_class_size() -> None:
    entry = LogEntry(SessionStatus.HELD, SessionLog(present_paris=24, present_partner=0, actual_minutes=45,
                                                    activity_tags=["game"], languages_used=["fr", "ja"]))
    assert _fields(entry) == set()


def test_each_rule_names_its_field() -> None:
    assert _fields(LogEntry(SessionStatus.PLANNED, SessionLog())) == {"status"}
    counted = SessionLog(present_paris=20, present_partner=18)
    assert _fields(LogEntry(SessionStatus.HELD, counted), start=NOW + timedelta(minutes=1)) == {"status"}
    assert _fields(LogEntry(SessionStatus.CANCELLED, SessionLog())) == {"cancel_reason"}
    assert _fields(LogEntry(SessionStatus.POSTPONED, SessionLog(),
                            postponed_to=datetime(2026, 12, 1, 15))) == {"postponed_to"}  # naive
    assert _fields(LogEntry(SessionStatus.HELD, SessionLog(present_paris=-1, present_partner=21))) == {
        "present_paris", "present_partner"}


def test_a_class_of_unknown_size_accepts_any_count() -> None:
    entry = LogEntry(SessionStatus.HELD, SessionLog(present_paris=30, present_partner=12))
    assert validate_log_entry(entry, START, NOW, 0, 0) == []


def test_a_held_exchange_of_any_kind_needs_both_counts() -> None:
    """Nothing is assumed: an empty count is never "the whole class"."""
    errors = validate_log_entry(LogEntry(SessionStatus.HELD, SessionLog()), START, NOW, 24, 20)
    assert {(error.field, error.message) for error in errors} == {
        ("present_paris", "How many pupils were present? (the class has 24)"),
        ("present_partner", "How many pupils were present? (the class has 20)")}
    for kind in ("email", "letter", "blog_post"):
        errors = validate_log_entry(LogEntry(SessionStatus.HELD, SessionLog()), START, NOW, 24, 20, kind=kind)
        assert {error.field for error in errors} == {"present_paris", "present_partner"}, kind
    assert validate_log_entry(LogEntry(SessionStatus.CANCELLED, SessionLog(cancel_reason="strike")),
                              START, NOW, 24, 20) == []


def test_same_exchange_is_same_kind_overlapping_and_not_moved() -> None:
    from classesduo.domain.exchange_log import same_exchange

    assert same_exchange("visio", START, 45, "visio", START, 45, "planned")
    assert same_exchange("visio", START + timedelta(minutes=10), 45, "visio", START, 45, "held")
    assert not same_exchange("visio", START + timedelta(minutes=45), 45, "visio", START, 45, "held")  # right after
    assert not same_exchange("email", START, 30, "visio", START, 45, "planned")
    assert not same_exchange("visio", START, 45, "visio", START, 45, "postponed")  # moved: its replacement counts


def test_normalized_log_drops_a_reason_unless_cancelled() -> None:
    entry = LogEntry(SessionStatus.HELD, SessionLog(cancel_reason="strike", activity_tags=["qa", "song"],
                                                    languages_used=[" FR", "fr", "es "], notes="  ok "))
    log = normalized_log(entry)
    assert (log.cancel_reason, log.activity_tags, log.languages_used, log.notes) == ("", ["song", "qa"],
                                                                                     ["fr", "es"], "ok")


def test_school_days_skip_weekends_holidays_and_the_gap_between_terms() -> None:
    assert is_school_day(date(2026, 12, 18), TERMS, CHRISTMAS)  # last Friday before Christmas
    assert not is_school_day(date(2026, 12, 19), TERMS, CHRISTMAS)  # a Saturday, and holidays
    assert not is_school_day(date(2026, 12, 21), TERMS, CHRISTMAS)  # Monday in the holidays
    assert is_school_day(date(2027, 1, 4), TERMS, CHRISTMAS)  # back to school, term 2
    assert not is_school_day(date(2027, 7, 12), TERMS, [])  # after term 3 ends (10 July)
    assert school_days_between(date(2026, 12, 18), date(2027, 1, 4), TERMS, CHRISTMAS) == 1
    assert school_days_between(date(2026, 12, 18), date(2027, 1, 4), TERMS, []) == 11  # no holidays known


def test_is_quiet_threshold_is_inclusive() -> None:
    # Friday 6 Nov 2026 -> Friday 27 Nov 2026: 15 school days = 3 weeks
    assert is_quiet(date(2026, 11, 6), date(2026, 11, 27), 3, TERMS, [])
    assert not is_quiet(date(2026, 11, 6), date(2026, 11, 26), 3, TERMS, [])
