"""Each programme rule has one home in classesduo/domain; these tests pin the rule and check nobody re-writes it."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from classesduo.domain import session_status
from classesduo.domain.conflicts import PlannedSession, session_problems
from classesduo.domain.consent import ConsentState, consent_state, valid_on
from classesduo.domain.enums import ConsentStatus, SessionStatus
from classesduo.domain.reports import HIGHLIGHT_CHARS, highlight
from classesduo.domain.scheduling import SchoolCalendar, find_slots
from classesduo.domain.terms import (
    TermDates,
    first_school_day,
    last_school_day,
    previous_school_year,
    school_year_of,
    with_default_terms,
)
from classesduo.domain.text import fold, natural_key
from classesduo.domain.timezones import PARIS, PARIS_ZONE
from classesduo.domain.visio_buffer import shared_participants, too_close, widened

PACKAGE = Path(__file__).resolve().parents[2] / "classesduo"


def _sources(*, exclude: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if name not in exclude:
            out.append((name, path.read_text(encoding="utf-8")))
    return out


# --- session statuses ---------------------------------------------------------------------------------------


def test_what_each_status_means() -> None:
    table = {status: (session_status.takes_time(status), session_status.is_logged(status),
                      session_status.counts_as_planned(status), session_status.is_held(status),
                      status in session_status.NOT_LOGGED) for status in SessionStatus}
    assert table == {
        SessionStatus.PLANNED: (True, False, True, False, True),
        SessionStatus.HELD: (True, True, True, True, False),
        SessionStatus.CANCELLED: (False, True, True, False, False),
        SessionStatus.POSTPONED: (False, True, False, False, False),  # moved to a new planned session
    }
    assert session_status.takes_time("held") and not session_status.takes_time("postponed")


def test_no_module_writes_its_own_set_of_statuses() -> None:
    """A tuple, list or set of two or more SessionStatus members is a status rule: only session_status.py has them."""
    found = []
    for name, text in _sources(exclude=("domain/session_status.py",)):
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
                members = [e for e in node.elts if isinstance(e, ast.Attribute) and isinstance(e.value, ast.Name)
                           and e.value.id == "SessionStatus"]
                if len(members) >= 2:
                    found.append(f"{name}:{node.lineno}")
            if isinstance(node, ast.Compare) and any(isinstance(op, ast.NotEq) for op in node.ops) and any(
                    isinstance(c, ast.Attribute) and isinstance(c.value, ast.Name) and c.value.id == "SessionStatus"
                    for c in node.comparators):
                found.append(f"{name}:{node.lineno} (status != …)")
    assert found == []


# --- the buffer around visios -------------------------------------------------------------------------------

T0 = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)


def test_too_close_is_overlap_or_inside_the_buffer() -> None:
    end = T0 + timedelta(minutes=45)
    assert too_close(T0, end, end + timedelta(minutes=5), end + timedelta(minutes=50), 15)
    assert not too_close(T0, end, end + timedelta(minutes=15), end + timedelta(minutes=60), 15)  # exactly the buffer
    assert too_close(T0, end, T0 + timedelta(minutes=30), end, 0)
    assert not too_close(T0, end, end, end + timedelta(minutes=45), 0)  # back to back without a buffer
    assert widened(T0, end, 10) == (T0 - timedelta(minutes=10), end + timedelta(minutes=10))
    with pytest.raises(ValueError):
        widened(T0, end, -1)


def _session(key: str, facilitator: str | None, paris: str, partner: str, start: datetime) -> PlannedSession:
    return PlannedSession(key, "duo-" + key, facilitator, paris, partner, start, start + timedelta(minutes=45))


def test_who_two_visios_share() -> None:
    a = _session("a", "f1", "p1", "q1", T0)
    assert shared_participants(a, _session("b", "f1", "p2", "q2", T0)) == ["facilitator"]
    assert shared_participants(a, _session("b", None, "p1", "q2", T0)) == ["paris_class"]
    assert shared_participants(_session("a", None, "p1", "q1", T0), _session("b", None, "p2", "q1", T0)) == [
        "partner_class"]
    assert shared_participants(_session("a", None, "p1", "q1", T0), _session("b", None, "p2", "q2", T0)) == []


ANY_TIME = SchoolCalendar("UTC", ())


def test_slot_finder_and_conflict_flags_keep_the_same_buffer() -> None:
    """The finder refuses exactly the starts the conflict check flags for the facilitator."""
    from classesduo.domain.availability import WeeklyWindow
    from datetime import time

    open_all_day = SchoolCalendar("UTC", tuple(WeeklyWindow(day, time(0, 0), time(23, 59)) for day in range(7)))
    other = _session("other", "f1", "p9", "q9", T0)
    slots = {slot.start_utc for slot in find_slots(open_all_day, open_all_day, T0.date(), T0.date(), 45, 5,
                                                   busy=[(other.start_utc, other.end_utc)], buffer_minutes=15)}
    for minutes in range(-120, 125, 5):
        start = T0 + timedelta(minutes=minutes)
        candidate = _session("c", "f1", "p1", "q1", start)
        flagged = any("facilitator" in problem for problem in
                      session_problems(candidate, open_all_day, open_all_day, [other], 15))
        assert flagged == (start not in slots), start


# --- school year and terms ----------------------------------------------------------------------------------


def test_school_year_turns_over_on_1_august_and_defaults_fill_missing_years() -> None:
    assert school_year_of(date(2027, 7, 31)) == "2026-2027" and school_year_of(date(2027, 8, 1)) == "2027-2028"
    assert previous_school_year("2026-2027") == "2025-2026"
    stored = [TermDates("2026-2027", 1, date(2026, 9, 2), date(2026, 12, 18)),
              TermDates("2026-2027", 2, date(2027, 1, 4), date(2027, 4, 2)),
              TermDates("2026-2027", 3, date(2027, 4, 19), date(2027, 7, 3))]
    terms = with_default_terms(stored, ["2026-2027", "2027-2028"])
    assert [term.label for term in terms] == ["2026-2027/1", "2026-2027/2", "2026-2027/3",
                                              "2027-2028/1", "2027-2028/2", "2027-2028/3"]
    assert last_school_day("2026-2027", stored) == date(2027, 7, 3)
    assert first_school_day("2026-2027", stored) == date(2026, 9, 2)
    assert last_school_day("2027-2028") == date(2028, 7, 10)  # the default third term, not an invented 30 June


def test_no_module_computes_the_school_year_itself() -> None:
    pattern = re.compile(r"month\s*>=\s*8|month\s*<\s*8|\b(6|7),\s*(30|31)\)|, 8, 1\)|, 9, 1\)")
    found = [f"{name}:{number}" for name, text in _sources(exclude=("domain/terms.py",))
             for number, line in enumerate(text.splitlines(), 1)
             if pattern.search(line) and "demo" not in name]
    assert found == []


# --- consent ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("status", "until", "state"), [
    (ConsentStatus.GRANTED, None, ConsentState.CLEARED),
    (ConsentStatus.GRANTED, date(2026, 11, 28), ConsentState.CLEARED),  # the last valid day
    (ConsentStatus.GRANTED, date(2026, 11, 27), ConsentState.EXPIRED),
    (ConsentStatus.REFUSED, None, ConsentState.REFUSED),
    (ConsentStatus.REFUSED, date(2026, 11, 27), ConsentState.REFUSED),
    (ConsentStatus.UNKNOWN, date(2026, 11, 27), ConsentState.UNKNOWN),
    ("granted", date(2030, 1, 1), ConsentState.CLEARED),
])
def test_consent_validity_on_a_day(status: ConsentStatus | str, until: date | None, state: ConsentState) -> None:
    on = date(2026, 11, 28)
    assert consent_state(status, until, on) is state
    assert valid_on(status, until, on) is (state is ConsentState.CLEARED)


def test_no_module_compares_consent_end_dates_itself() -> None:
    pattern = re.compile(r"consent_until\s*(>=|<=|<|>)|(>=|<=|<|>)\s*\w*\.?consent_until")
    found = [f"{name}:{number}" for name, text in _sources(exclude=("domain/consent.py",))
             for number, line in enumerate(text.splitlines(), 1) if pattern.search(line)]
    assert found == []
    assert not (PACKAGE / "services" / "reports" / "consent.py").exists()


# --- text folding and natural sorting -----------------------------------------------------------------------


def test_fold_and_natural_key() -> None:
    assert fold("École ÉMILE-Zola") == "ecole emile-zola"
    names = ["École 10", "ecole 2", "Émile", "École 1", "CM1 B", "CM1 A", "zola", "2 rue"]
    assert sorted(names, key=natural_key) == ["2 rue", "CM1 A", "CM1 B", "École 1", "ecole 2", "École 10", "Émile",
                                              "zola"]
    assert natural_key("") == ("",) and natural_key(None) == ("",)


def test_only_the_text_module_folds_accents() -> None:
    found = [name for name, text in _sources(exclude=("domain/text.py",))
             if re.search(r"""normalize\(\s*["']NFK?D["']""", text) and "demo" not in name]
    assert found == []


# --- the Paris time zone ------------------------------------------------------------------------------------


def test_europe_paris_is_written_only_in_the_time_zone_module() -> None:
    assert PARIS_ZONE == "Europe/Paris" and PARIS.key == PARIS_ZONE
    found = []
    for name, text in _sources(exclude=("domain/timezones.py",)):
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.STRING and "Europe/Paris" in token.string and \
                    token.string.strip("rRbBuU")[0] in "'\"" and ast.literal_eval(token.string) == "Europe/Paris":
                found.append(f"{name}:{token.start[0]}")
    assert found == []


# --- report Highlights --------------------------------------------------------------------------------------


def test_highlights_are_the_latest_held_exchanges_own_text() -> None:
    day = datetime(2026, 11, 2, 15, tzinfo=UTC)
    assert highlight([(day, "Chanson"), (day + timedelta(days=7), "  Quiz\n sur  Montréal ")]) == "Quiz sur Montréal"
    assert highlight([(day, "Chanson"), (day + timedelta(days=7), "")]) == ""  # not the earlier one's text
    assert highlight([]) == ""
    long = highlight([(day, "mot " * 100)])
    assert len(long) == HIGHLIGHT_CHARS and long.endswith("…")
