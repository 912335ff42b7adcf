"""What each kind of scope can name, for the Reports page's second combo box."""

from __future__ import annotations

from sqlalchemy import select

from classesduo.domain.enums import Side
from classesduo.domain.reports import ScopeKind
from classesduo.services.duos import list_duos
from classesduo.services.reports.labels import country_name
from classesduo.storage.database import Database
from classesduo.storage.models import FacilitatorRow, SchoolRow


def scope_choices(db: Database, kind: ScopeKind, lang: str = "en") -> list[tuple[str, str]]:
    """``(text, value)`` pairs, sorted for display; empty for the whole programme."""
    if kind is ScopeKind.PROGRAMME:
        return []
    with db.reading() as session:
        if kind is ScopeKind.ARRONDISSEMENT:
            numbers = session.scalars(select(SchoolRow.arrondissement).distinct().where(
                SchoolRow.side == Side.PARIS, SchoolRow.arrondissement.is_not(None))).all()
            return [(str(number), str(number)) for number in sorted(numbers)]
        if kind is ScopeKind.COUNTRY:
            codes = session.scalars(select(SchoolRow.country).distinct().where(SchoolRow.side == Side.PARTNER)).all()
            return sorted(((country_name(code, lang), code) for code in codes), key=lambda item: item[0].casefold())
        if kind is ScopeKind.FACILITATOR:
            rows = session.execute(select(FacilitatorRow.name, FacilitatorRow.id)).all()
            return sorted(((name, fid) for name, fid in rows), key=lambda item: item[0].casefold())
    return sorted(((view.label, view.duo.id or "") for view in list_duos(db)), key=lambda item: item[0].casefold())
