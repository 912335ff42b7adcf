"""Terms of each school year; defaults are created when a year is first used."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from classesduo.domain.entities import Term
from classesduo.domain.terms import default_terms
from classesduo.services.errors import one_transaction, translated_storage_errors
from classesduo.storage.convert import term_from_row
from classesduo.storage.database import Database
from classesduo.storage.models import TermRow


def list_terms(db: Database) -> list[Term]:
    with db.reading() as session:
        rows = session.scalars(select(TermRow).order_by(TermRow.school_year, TermRow.number)).all()
        return [term_from_row(row) for row in rows]


@one_transaction
def ensure_default_terms(db: Database, school_year: str) -> list[Term]:
    """Create the three default terms of ``school_year`` if it has none; return its terms."""
    with translated_storage_errors(), db.transaction() as session:
        rows = session.scalars(select(TermRow).where(TermRow.school_year == school_year)).all()
        if not rows:
            rows = [TermRow(school_year=t.school_year, number=t.number, start_date=t.start, end_date=t.end)
                    for t in default_terms(school_year)]
            session.add_all(rows)
            session.flush()
        return sorted((term_from_row(row) for row in rows), key=lambda term: term.number)


@one_transaction
def update_term_dates(db: Database, term: Term) -> Term:
    """Store new dates for an existing term; ValidationError names the field, ConcurrentEditError if changed."""
    from classesduo.domain.terms import TermDates, validate_term_dates
    from classesduo.domain.validation import FieldError, raise_if_any
    from classesduo.services import records
    from classesduo.services.errors import translated_storage_errors

    with translated_storage_errors(), db.transaction() as session:
        row = records.row_for_save(session, TermRow, term.id, term.version)
        siblings = session.scalars(select(TermRow).where(TermRow.school_year == row.school_year,
                                                         TermRow.id != row.id)).all()
        others = [TermDates(s.school_year, s.number, s.start_date, s.end_date) for s in siblings]
        problems = validate_term_dates(row.school_year, row.number, term.start, term.end, others)
        raise_if_any([FieldError(field, message) for field, message in problems])
        row.start_date, row.end_date = term.start, term.end
        session.flush()
        return term_from_row(row)


def school_year_end(db: Database, day: date) -> date:
    """The last day of the last term of ``day``'s school year (stored terms, else the default ones)."""
    from classesduo.domain.terms import TermDates, last_school_day, school_year_of

    stored = [TermDates(t.school_year, t.number, t.start, t.end) for t in list_terms(db)]
    return last_school_day(school_year_of(day), stored)
