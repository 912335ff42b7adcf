"""Terms of each school year; defaults are created when a year is first used."""

from __future__ import annotations

from sqlalchemy import select

from classesduo.domain.entities import Term
from classesduo.domain.terms import default_terms
from classesduo.storage.convert import term_from_row
from classesduo.storage.database import Database
from classesduo.storage.models import TermRow


def list_terms(db: Database) -> list[Term]:
    with db.reading() as session:
        rows = session.scalars(select(TermRow).order_by(TermRow.school_year, TermRow.number)).all()
        return [term_from_row(row) for row in rows]


def ensure_default_terms(db: Database, school_year: str) -> list[Term]:
    """Create the three default terms of ``school_year`` if it has none; return its terms."""
    with db.transaction() as session:
        rows = session.scalars(select(TermRow).where(TermRow.school_year == school_year)).all()
        if not rows:
            rows = [TermRow(school_year=t.school_year, number=t.number, start_date=t.start, end_date=t.end)
                    for t in default_terms(school_year)]
            session.add_all(rows)
            session.flush()
        return sorted((term_from_row(row) for row in rows), key=lambda term: term.number)
