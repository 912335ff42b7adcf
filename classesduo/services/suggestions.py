"""Partner suggestions for a Paris class: unpaired partner classes, scored (see ``domain/suggestions.py``)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from classesduo.domain.enums import Side
from classesduo.domain.i18n import translate
from classesduo.domain.scheduling import SchoolCalendar
from classesduo.domain.suggestions import (
    Candidate,
    FacilitatorOption,
    Suggestion,
    overlap_summary,
    rank,
    school_weeks,
    score_candidate,
)
from classesduo.domain.terms import default_terms
from classesduo.services import records
from classesduo.services.errors import ServiceError
from classesduo.services.workload import active_duo_counts
from classesduo.storage.database import Database
from classesduo.storage.models import ClassGroupRow, DuoRow, FacilitatorRow, SchoolRow


def _calendar(school: SchoolRow) -> SchoolCalendar:
    from classesduo.domain.availability import WeeklyWindow

    return SchoolCalendar(school.timezone, tuple(WeeklyWindow(w.weekday, w.start_time, w.end_time)
                                                 for w in school.windows))


def suggest_partners(db: Database, paris_class_id: str, school_year: str) -> list[Suggestion]:
    """Partner classes with no duo in ``school_year``, best first, each with its reasons."""
    terms = default_terms(school_year)
    weeks = school_weeks(terms[0].start, terms[-1].end)
    counts = active_duo_counts(db, school_year)
    with db.reading() as session:
        paris = records.get_row(session, ClassGroupRow, paris_class_id)
        if paris.school.side is not Side.PARIS:
            raise ServiceError(translate("services", "Choose a class of a Paris school."))
        paired = select(DuoRow.partner_class_id).where(DuoRow.school_year == school_year)
        rows = session.scalars(
            select(ClassGroupRow).join(SchoolRow)
            .options(selectinload(ClassGroupRow.school).selectinload(SchoolRow.windows))
            .where(SchoolRow.side == Side.PARTNER, SchoolRow.archived.is_(False),
                   ClassGroupRow.archived.is_(False), ClassGroupRow.id.not_in(paired))
        ).all()
        facilitators = [
            FacilitatorOption(row.id, row.name, tuple(row.languages), counts.get(row.id, 0))
            for row in session.scalars(select(FacilitatorRow).where(FacilitatorRow.archived.is_(False)))
        ]
        paris_calendar = _calendar(paris.school)
        suggestions = []
        for row in rows:
            school = row.school
            candidate = Candidate(row.id, row.name, row.level, school.name, school.city, school.country,
                                  tuple(school.languages))
            overlap = overlap_summary(paris_calendar, _calendar(school), weeks)
            suggestions.append(score_candidate(paris.level, candidate, overlap, facilitators))
    return rank(suggestions)
