"""The busy-time index shared by the slot finder and the calendar's conflict flags."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from classesduo.domain import conflicts
from classesduo.domain.availability import default_windows
from classesduo.domain.busy_index import BusyIndex, Who
from classesduo.domain.conflicts import PlannedSession, session_problems
from classesduo.domain.entities import Duo
from classesduo.domain.enums import Side
from classesduo.domain.scheduling import SchoolCalendar, find_slots, timetable_slots

UTC = timezone.utc
PARIS = SchoolCalendar("Europe/Paris", default_windows(Side.PARIS))
PARTNER = SchoolCalendar("America/Montreal", default_windows(Side.PARTNER))
TUESDAY = date(2027, 1, 12)
BASE = datetime(2027, 1, 12, 13, 0, tzinfo=UTC)  # 14:00 in Paris

CLASSES = ["p1", "p2", "q1", "q2"]
FACILITATORS = [None, "f1", "f2"]


def visio(key: str, minute: int, minutes: int = 45, paris: str = "p1", partner: str = "q1",
          facilitator: str | None = "f1", duo: str = "d1") -> PlannedSession:
    start = BASE + timedelta(minutes=minute)
    return PlannedSession(key, duo, facilitator, paris, partner, start, start + timedelta(minutes=minutes))


visios = st.lists(
    st.builds(lambda n, minute, minutes, paris, partner, facilitator: (minute, minutes, paris, partner, facilitator, n),
              st.integers(0, 10_000), st.integers(-600, 600), st.integers(1, 240), st.sampled_from(CLASSES[:2]),
              st.sampled_from(CLASSES[2:]), st.sampled_from(FACILITATORS)),
    max_size=40,
).map(lambda rows: [visio(f"s{i}", m, n, p, q, f) for i, (m, n, p, q, f, _n) in enumerate(rows)])


def brute_force(session: PlannedSession, others: list[PlannedSession], buffer_minutes: int) -> set[tuple]:
    """Every (who, other id, overlaps) by comparing with each other visio: the definition of a clash."""
    buffer = timedelta(minutes=buffer_minutes)
    found = set()
    for other in others:
        if other.id == session.id:
            continue
        near = other.start_utc - buffer < session.end_utc and session.start_utc < other.end_utc + buffer
        overlaps = other.start_utc < session.end_utc and session.start_utc < other.end_utc
        involved = {other.paris_class_id, other.partner_class_id}
        for who, mine in ((Who.FACILITATOR, session.facilitator_id), (Who.PARIS_CLASS, session.paris_class_id),
                          (Who.PARTNER_CLASS, session.partner_class_id)):
            same = (mine is not None and mine == other.facilitator_id) if who is Who.FACILITATOR else mine in involved
            if same and near:
                found.add((who, other.id, overlaps))
    return found


@settings(max_examples=200, deadline=None)
@given(visios, st.integers(-600, 600), st.integers(1, 120), st.sampled_from(CLASSES[:2]),
       st.sampled_from(CLASSES[2:]), st.sampled_from(FACILITATORS), st.integers(0, 60))
def test_clashes_match_a_brute_force_check(others, minute, minutes, paris, partner, facilitator, buffer_minutes):
    session = visio("me", minute, minutes, paris, partner, facilitator)
    clashes = BusyIndex(others).clashes(session, buffer_minutes)
    assert {(c.who, c.other.id, c.overlaps) for c in clashes} == brute_force(session, others, buffer_minutes)
    assert len(clashes) == len(brute_force(session, others, buffer_minutes))  # each clash once
    order = [(c.other.start_utc, c.other.id, c.who.value) for c in clashes]
    assert order == sorted(order)


@settings(max_examples=100, deadline=None)
@given(visios, st.sampled_from(CLASSES[:2]), st.sampled_from(CLASSES[2:]), st.sampled_from(FACILITATORS))
def test_for_duo_is_every_visio_of_its_classes_or_facilitator(others, paris, partner, facilitator):
    duo = Duo(paris_class_id=paris, partner_class_id=partner, school_year="2026-2027", facilitator_id=facilitator,
              id="d")
    expected = sorted((o.start_utc, o.end_utc) for o in others
                      if {paris, partner} & {o.paris_class_id, o.partner_class_id}
                      or (facilitator is not None and o.facilitator_id == facilitator))
    assert sorted(BusyIndex(others).for_duo(duo)) == expected


@settings(max_examples=60, deadline=None)
@given(visios, st.integers(0, 30))
def test_the_finder_and_the_flags_agree(others, buffer_minutes):
    """A slot the finder proposes has no clash; a slot both timetables allow but the finder leaves out has one."""
    duo = Duo(paris_class_id="p1", partner_class_id="q1", school_year="2026-2027", facilitator_id="f1", id="d1")
    index = BusyIndex(others)
    proposed = {slot.start_utc for slot in find_slots(PARIS, PARTNER, TUESDAY, TUESDAY, busy=index.for_duo(duo),
                                                      buffer_minutes=buffer_minutes)}
    for slot in timetable_slots(PARIS, PARTNER, TUESDAY, TUESDAY, 45, 15):
        candidate = PlannedSession("new", "d1", "f1", "p1", "q1", slot.start_utc, slot.end_utc)
        assert (slot.start_utc in proposed) == (not index.clashes(candidate, buffer_minutes))


def test_a_class_keeps_the_buffer_around_its_other_visios() -> None:
    """A visio 5 minutes after the same class's other visio (another facilitator) is flagged."""
    other = visio("s0", 0, 45, facilitator="f2")  # 14:00–14:45 Paris, same two classes
    session = visio("s1", 50, 45, facilitator="f1")  # 14:50
    assert session_problems(session, PARIS, PARTNER, [other], buffer_minutes=15)[-2:] == [
        "The Paris class has another session within 15 minutes: 2027-01-12 14:00–14:45 (Paris time).",
        "The partner class has another session within 15 minutes: 2027-01-12 14:00–14:45 (Paris time).",
    ]
    only_partner = visio("s2", 0, 45, paris="p2", facilitator="f2")
    assert [p for p in session_problems(session, PARIS, PARTNER, [only_partner], 15) if "session" in p] == [
        "The partner class has another session within 15 minutes: 2027-01-12 14:00–14:45 (Paris time).",
    ]
    assert not [p for p in session_problems(session, PARIS, PARTNER, [other], 5) if "session" in p]


def test_text_is_formatted_only_for_real_conflicts(monkeypatch) -> None:
    """A thousand visios of other classes and facilitators cost no formatting at all."""
    calls = []
    real = conflicts._when
    monkeypatch.setattr(conflicts, "_when", lambda *args: calls.append(args) or real(*args))
    others = [visio(f"s{i}", i % 600, 45, paris=f"p{i + 10}", partner=f"q{i + 10}", facilitator=f"f{i + 10}")
              for i in range(1000)]
    session = visio("me", 60, 45)
    assert session_problems(session, PARIS, PARTNER, others, 15) == []
    assert calls == []
    clash = visio("c", 70, 45, facilitator="f9")  # same classes
    assert len(session_problems(session, PARIS, PARTNER, [*others, clash], 15)) == 2
    assert len(calls) == 2


def test_an_index_answers_without_looking_at_far_visios() -> None:
    """The lane is searched by bisection: a clash check reads the neighbours, not the whole lane."""
    index = BusyIndex(visio(f"s{i}", i * 60, 45) for i in range(-5000, 5000))  # one a hour, same classes
    lane = index._classes["p1"]

    class Counting(list):
        reads = 0

        def __getitem__(self, item):
            Counting.reads += 1
            return list.__getitem__(self, item)

    lane.ends = Counting(lane.ends)
    session = visio("me", 30, 45)  # 14:30–15:15: overlaps the 14:00 and the 15:00 visios
    assert [c.other.id for c in index.clashes(session) if c.who is Who.PARIS_CLASS] == ["s0", "s1"]
    assert Counting.reads <= 4


def test_the_same_visio_moved_is_not_its_own_clash() -> None:
    old = visio("s1", 0)
    assert BusyIndex([old]).clashes(visio("s1", 15), 15) == []
    duo = Duo(paris_class_id="p1", partner_class_id="q1", school_year="2026-2027", id="d")
    assert BusyIndex([old]).for_duo(duo, "s1") == []
