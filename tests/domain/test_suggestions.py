"""The partner suggestion score: level, language with a facilitator, weekly overlap; each with its reason."""

from __future__ import annotations

from datetime import date, time

from classesduo.domain.availability import WeeklyWindow, default_windows
from classesduo.domain.enums import Side
from classesduo.domain.scheduling import SchoolCalendar, weekly_overlap_minutes
from classesduo.domain.suggestions import (
    Candidate,
    FacilitatorOption,
    OverlapSummary,
    overlap_summary,
    rank,
    school_weeks,
    score_candidate,
)

PARIS = SchoolCalendar("Europe/Paris", default_windows(Side.PARIS))  # Tue & Fri 15:00–16:30
CAMILLE = FacilitatorOption("f1", "Camille Martin", ("fr", "es"), active_duos=3)
PEDRO = FacilitatorOption("f2", "Pedro Díaz", ("fr", "es"), active_duos=1)
HIROSHI = FacilitatorOption("f3", "Hiroshi Tanaka", ("fr", "ja"))


def candidate(level: str = "4.º grado", languages: tuple[str, ...] = ("es",), city: str = "Buenos Aires") -> Candidate:
    return Candidate("c-" + city, level, level, "Escuela " + city, city, "AR", languages)


def school_day(zone: str, start: time, end: time) -> SchoolCalendar:
    return SchoolCalendar(zone, [WeeklyWindow(day, start, end) for day in range(5)])


def test_same_level_shared_language_and_overlap_add_up_with_reasons() -> None:
    suggestion = score_candidate("CM1", candidate(), OverlapSummary(90), [CAMILLE, PEDRO, HIROSHI])
    assert suggestion.score == 3 + 2 + 2
    assert suggestion.explanation == ("same level (CM1 ≈ 4.º grado) +3 · facilitator speaks es (Pedro Díaz) +2 · "
                                      "90 min/week overlap +2")
    assert suggestion.facilitator == PEDRO  # the least busy Spanish speaker
    assert suggestion.languages == ("fr", "es")
    assert not suggestion.asynchronous_only


def test_adjacent_distant_and_unknown_levels() -> None:
    adjacent = score_candidate("CM1", candidate("Grade 5"), OverlapSummary(90), [CAMILLE])
    distant = score_candidate("CM1", candidate("Grade 1"), OverlapSummary(90), [CAMILLE])
    unknown = score_candidate("CM1", candidate("Mixed ages"), OverlapSummary(90), [CAMILLE])
    assert [s.reasons[0].points for s in (adjacent, distant, unknown)] == [1, 0, 0]
    assert "adjacent level (CM1 / Grade 5)" in adjacent.explanation
    assert "3 levels apart" in distant.explanation
    assert "level unknown (“Mixed ages”)" in unknown.explanation


def test_language_points_need_a_speaking_facilitator_or_french() -> None:
    japanese = candidate("4年生", ("ja",), "Tokyo")
    assert score_candidate("CM1", japanese, OverlapSummary(0), [CAMILLE]).reasons[1].points == 0
    assert "no facilitator speaks ja" in score_candidate("CM1", japanese, OverlapSummary(0), [CAMILLE]).explanation
    assert score_candidate("CM1", japanese, OverlapSummary(0), [CAMILLE, HIROSHI]).facilitator == HIROSHI
    dakar = candidate("CM1", ("fr", "wo"), "Dakar")
    french = score_candidate("CM1", dakar, OverlapSummary(0), [CAMILLE])
    assert french.reasons[1].points == 2 and "speaks French" in french.explanation


def test_a_partner_with_no_overlap_is_asynchronous_only() -> None:
    tokyo = school_day("Asia/Tokyo", time(8, 30), time(15, 30))
    weeks = school_weeks(date(2026, 9, 1), date(2027, 7, 10))
    overlap = overlap_summary(PARIS, tokyo, weeks)
    assert overlap == OverlapSummary(0)
    suggestion = score_candidate("CM1", candidate("4年生", ("ja",), "Tokyo"), overlap, [HIROSHI])
    assert suggestion.asynchronous_only
    assert suggestion.reasons[2].points == 0
    assert suggestion.explanation.endswith("0 min/week overlap +0 · asynchronous only (e-mail, blog, letters)")


def test_overlap_changes_in_the_march_weeks_between_north_american_and_european_dst() -> None:
    """Paris 14:00–15:00 vs Montréal from 08:30: 6 h apart = 08:00–09:00 (30 min), 5 h apart = 09:00–10:00 (60 min)."""
    paris = SchoolCalendar("Europe/Paris", [WeeklyWindow(1, time(14), time(15)), WeeklyWindow(4, time(14), time(15))])
    montreal = school_day("America/Toronto", time(8, 30), time(15, 0))
    assert weekly_overlap_minutes(paris, montreal, date(2027, 3, 1)) == 60
    assert weekly_overlap_minutes(paris, montreal, date(2027, 3, 15)) == 120  # Canada on summer time, not Paris
    assert weekly_overlap_minutes(paris, montreal, date(2027, 3, 29)) == 60
    weeks = school_weeks(date(2026, 9, 1), date(2027, 7, 10))
    overlap = overlap_summary(paris, montreal, weeks)
    assert overlap.typical == 60
    assert (date(2027, 3, 15), date(2027, 3, 28), 120) in overlap.exceptions
    suggestion = score_candidate("CM1", candidate("4e année", ("fr", "en"), "Montréal"), overlap, [])
    assert "60 min/week overlap (" in suggestion.explanation
    assert "120 from 2027-03-15 to 2027-03-28" in suggestion.explanation
    assert suggestion.reasons[2].points == 2
    assert not suggestion.asynchronous_only


def test_small_overlap_scores_one_point() -> None:
    assert score_candidate("CM1", candidate(), OverlapSummary(45), []).reasons[2].points == 1


def test_ranking_is_by_score_then_overlap() -> None:
    best = score_candidate("CM1", candidate(city="A"), OverlapSummary(180), [CAMILLE])
    less_overlap = score_candidate("CM1", candidate(city="B"), OverlapSummary(60), [CAMILLE])
    worse = score_candidate("CM1", candidate("Grade 1", city="C"), OverlapSummary(180), [CAMILLE])
    assert best.score == less_overlap.score > worse.score
    assert rank([worse, less_overlap, best]) == [best, less_overlap, worse]


def test_school_weeks_are_the_mondays_in_range() -> None:
    weeks = school_weeks(date(2026, 9, 1), date(2026, 9, 30))
    assert weeks == [date(2026, 9, 7), date(2026, 9, 14), date(2026, 9, 21), date(2026, 9, 28)]
