"""Ranking partner classes for a Paris class: a stated score, with the reasons.

The score adds three parts, each shown to the user as a reason:

- **level** (:func:`classesduo.domain.levels.grade_number`): same grade +3,
  one grade apart +1, further apart +0; an unrecognised level +0 ("level unknown").
- **language**: +2 when the partner school speaks French (no interpreter
  needed) or when an active facilitator speaks one of its languages; +0 otherwise.
- **overlap**: the weekly minutes during which both schools' availability
  windows meet (:func:`classesduo.domain.scheduling.weekly_overlap_minutes`)
  in a typical week of the school year — the most common value over the
  year's weeks, since daylight-saving changes on different dates move it for a
  few weeks: ≥ 60 min +2, 1–59 min +1, none +0 and the class is marked
  "asynchronous only (e-mail, blog, letters)".

Ties are broken by more overlap, then by school name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from classesduo.domain.i18n import translate
from classesduo.domain.levels import grade_number
from classesduo.domain.scheduling import SchoolCalendar, weekly_overlap_minutes

SAME_LEVEL_POINTS = 3
ADJACENT_LEVEL_POINTS = 1
LANGUAGE_POINTS = 2
GOOD_OVERLAP_MINUTES = 60
GOOD_OVERLAP_POINTS = 2
SOME_OVERLAP_POINTS = 1


@dataclass(frozen=True, slots=True)
class OverlapSummary:
    """Weekly overlap over a school year: the typical value and the weeks that differ."""

    typical: int
    exceptions: tuple[tuple[date, date, int], ...] = ()  # (first Monday, last Sunday, minutes)

    @property
    def asynchronous_only(self) -> bool:
        return self.typical == 0 and not any(minutes for _, _, minutes in self.exceptions)


def school_weeks(start: date, end: date) -> list[date]:
    """The Mondays of the weeks that start in [start, end]."""
    monday = start + timedelta(days=(7 - start.weekday()) % 7)
    weeks = []
    while monday <= end:
        weeks.append(monday)
        monday += timedelta(weeks=1)
    return weeks


def overlap_summary(paris: SchoolCalendar, partner: SchoolCalendar, weeks: Sequence[date]) -> OverlapSummary:
    """Overlap in each week of ``weeks``; the most common value is the typical one."""
    if not weeks:
        return OverlapSummary(0)
    values = [weekly_overlap_minutes(paris, partner, monday) for monday in weeks]
    typical = Counter(values).most_common(1)[0][0]
    exceptions: list[tuple[date, date, int]] = []
    for monday, minutes in zip(weeks, values, strict=True):
        if minutes == typical:
            continue
        last = exceptions[-1] if exceptions else None
        if last and last[2] == minutes and last[1] + timedelta(days=1) == monday:
            exceptions[-1] = (last[0], monday + timedelta(days=6), minutes)
        else:
            exceptions.append((monday, monday + timedelta(days=6), minutes))
    return OverlapSummary(typical, tuple(exceptions))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A partner class that could be paired, as the scorer needs to see it."""

    class_id: str
    class_name: str
    level: str
    school_name: str
    city: str
    country: str
    languages: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FacilitatorOption:
    id: str
    name: str
    languages: tuple[str, ...]
    active_duos: int = 0


@dataclass(frozen=True, slots=True)
class Reason:
    points: int
    text: str

    def __str__(self) -> str:
        return f"{self.text} +{self.points}"


@dataclass(frozen=True, slots=True)
class Suggestion:
    candidate: Candidate
    score: int
    reasons: tuple[Reason, ...]
    overlap: OverlapSummary
    facilitator: FacilitatorOption | None
    languages: tuple[str, ...]  # the duo's languages: French plus the partner's first other language

    @property
    def asynchronous_only(self) -> bool:
        return self.overlap.asynchronous_only

    @property
    def explanation(self) -> str:
        text = " · ".join(str(reason) for reason in self.reasons)
        if self.asynchronous_only:
            text += " · " + translate("suggestions", "asynchronous only (e-mail, blog, letters)")
        return text


def level_reason(paris_level: str, partner_level: str) -> Reason:
    paris_grade, partner_grade = grade_number(paris_level), grade_number(partner_level)
    values = {"paris": paris_level, "partner": partner_level}
    if paris_grade is None or partner_grade is None:
        unknown = partner_level if partner_grade is None else paris_level
        return Reason(0, translate("suggestions", "level unknown (“{level}”)").format(level=unknown))
    gap = abs(paris_grade - partner_grade)
    if gap == 0:
        return Reason(SAME_LEVEL_POINTS, translate("suggestions", "same level ({paris} ≈ {partner})").format(**values))
    if gap == 1:
        return Reason(ADJACENT_LEVEL_POINTS,
                      translate("suggestions", "adjacent level ({paris} / {partner})").format(**values))
    return Reason(0, translate("suggestions", "{gap} levels apart ({paris} / {partner})").format(gap=gap, **values))


def pick_facilitator(languages: Sequence[str], facilitators: Sequence[FacilitatorOption]
                     ) -> tuple[FacilitatorOption | None, str | None]:
    """The least busy facilitator speaking one of ``languages`` other than French (in the school's order)."""
    for language in (code for code in languages if code != "fr"):
        speakers = [person for person in facilitators if language in person.languages]
        if speakers:
            return min(speakers, key=lambda person: (person.active_duos, person.name)), language
    return None, None


def language_reason(candidate: Candidate, facilitators: Sequence[FacilitatorOption]
                    ) -> tuple[Reason, FacilitatorOption | None]:
    person, language = pick_facilitator(candidate.languages, facilitators)
    if person is not None:
        text = translate("suggestions", "facilitator speaks {language} ({name})")
        return Reason(LANGUAGE_POINTS, text.format(language=language, name=person.name)), person
    if "fr" in candidate.languages:
        fallback = min(facilitators, key=lambda p: (p.active_duos, p.name)) if facilitators else None
        return Reason(LANGUAGE_POINTS, translate("suggestions", "the partner class speaks French")), fallback
    others = ", ".join(candidate.languages) or "?"
    return Reason(0, translate("suggestions", "no facilitator speaks {languages}").format(languages=others)), None


def overlap_reason(overlap: OverlapSummary) -> Reason:
    minutes = overlap.typical
    points = GOOD_OVERLAP_POINTS if minutes >= GOOD_OVERLAP_MINUTES else SOME_OVERLAP_POINTS if minutes else 0
    text = translate("suggestions", "{minutes} min/week overlap").format(minutes=minutes)
    if overlap.exceptions:
        parts = [translate("suggestions", "{minutes} from {start} to {end}").format(
            minutes=value, start=first.isoformat(), end=last.isoformat()) for first, last, value in overlap.exceptions]
        text += " (" + "; ".join(parts) + ")"
    return Reason(points, text)


def score_candidate(paris_level: str, candidate: Candidate, overlap: OverlapSummary,
                    facilitators: Sequence[FacilitatorOption]) -> Suggestion:
    level = level_reason(paris_level, candidate.level)
    language, facilitator = language_reason(candidate, facilitators)
    timing = overlap_reason(overlap)
    reasons = (level, language, timing)
    other = next((code for code in candidate.languages if code != "fr"), None)
    languages = ("fr", other) if other else ("fr",)
    return Suggestion(candidate, sum(reason.points for reason in reasons), reasons, overlap, facilitator, languages)


def rank(suggestions: Sequence[Suggestion]) -> list[Suggestion]:
    return sorted(suggestions, key=lambda s: (-s.score, -s.overlap.typical, s.candidate.school_name,
                                              s.candidate.class_name))
