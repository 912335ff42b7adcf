"""A small programme whose report figures are computed by hand in the tests (see test_reports_data.py).

Term 1 of 2026-2027 runs 2026-09-01 to 2026-12-31 (Paris days). Times are UTC;
Paris is UTC+2 until 25 October 2026, then UTC+1.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from classesduo.domain.enums import ConsentStatus, DuoStatus, MediaKind, SessionKind, SessionStatus, Side
from classesduo.services.terms import ensure_default_terms
from classesduo.services.workspace import Workspace
from classesduo.storage.models import (
    ClassGroupRow,
    DuoRow,
    ExchangeSessionRow,
    FacilitatorRow,
    MediaItemRow,
    SchoolRow,
)

AS_OF = date(2026, 11, 28)


@dataclass
class Ids:
    d1: str
    d2: str
    d3: str
    zoe: str
    ana: str


def _utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def build_fixture(workspace: Workspace, image: bytes = b"not really an image") -> Ids:
    ensure_default_terms(workspace.db, "2026-2027")
    _, stored_name = workspace.media.store_bytes(image, ".png")
    with workspace.db.transaction() as s:
        def school(name: str, side: Side, city: str, country: str, tz: str, arr: int | None = None) -> SchoolRow:
            row = SchoolRow(name=name, side=side, city=city, country=country, timezone=tz, arrondissement=arr)
            s.add(row)
            return row

        p1 = school("École Émile-Zola", Side.PARIS, "Paris", "FR", "Europe/Paris", 11)
        p2 = school("École des Récollets", Side.PARIS, "Paris", "FR", "Europe/Paris", 10)
        a1 = school("Escuela Bernardino Rivadavia", Side.PARTNER, "Buenos Aires", "AR",
                    "America/Argentina/Buenos_Aires")
        a2 = school("École Côte-des-Neiges", Side.PARTNER, "Montréal", "CA", "America/Toronto")
        a3 = school("École Liberté 6", Side.PARTNER, "Dakar", "SN", "Africa/Dakar")
        s.flush()

        def group(school_row: SchoolRow, name: str, pupils: int) -> ClassGroupRow:
            row = ClassGroupRow(school_id=school_row.id, name=name, level="CM1", pupil_count=pupils)
            s.add(row)
            return row

        c1, c1b, c2 = group(p1, "CM1 A", 25), group(p1, "CM1 B", 26), group(p2, "CE2", 22)
        k1, k2, k3 = group(a1, "4to", 20), group(a2, "CM1", 18), group(a3, "CM1", 30)
        zoe, ana = FacilitatorRow(name="Zoé Lefèvre"), FacilitatorRow(name="=HYPERLINK(\"http://x\")")
        s.add_all([zoe, ana])
        s.flush()

        def duo(paris: ClassGroupRow, partner: ClassGroupRow, who: FacilitatorRow | None,
                status: DuoStatus = DuoStatus.ACTIVE) -> DuoRow:
            row = DuoRow(paris_class_id=paris.id, partner_class_id=partner.id, school_year="2026-2027",
                         facilitator_id=who.id if who else None, status=status)
            s.add(row)
            return row

        d1, d2, d3 = duo(c1, k1, zoe), duo(c2, k2, ana), duo(c1b, k3, zoe)
        duo(c2, k3, None, DuoStatus.PROPOSED)  # proposed, no session: not in the report
        s.flush()

        def session(d: DuoRow, start: datetime, status: SessionStatus, kind: SessionKind = SessionKind.VISIO,
                    minutes: int = 45, **log: object) -> ExchangeSessionRow:
            row = ExchangeSessionRow(duo_id=d.id, kind=kind, start_utc=start, minutes=minutes, status=status, **log)
            s.add(row)
            return row

        s1 = session(d1, _utc(2026, 9, 15, 13), SessionStatus.HELD, present_paris=24, present_partner=18,
                     actual_minutes=40, activities="Chanson « Frère Jacques »")
        session(d1, _utc(2026, 10, 6, 13), SessionStatus.CANCELLED, cancel_reason="technical")
        session(d1, _utc(2026, 10, 13, 13), SessionStatus.POSTPONED)
        s4 = session(d1, _utc(2026, 10, 20, 13), SessionStatus.HELD, present_partner=20)
        # The term's last day (14:00 in Paris), and the day after.
        session(d1, _utc(2026, 12, 31, 13), SessionStatus.HELD, SessionKind.EMAIL, 30, present_paris=22,
                present_partner=19, activities="-Lettres de fin d'année")
        session(d1, _utc(2027, 1, 1, 10), SessionStatus.HELD, present_paris=25, present_partner=20)
        # 23:30 UTC on 31 December is already 1 January in Paris: outside the term.
        session(d1, _utc(2026, 12, 31, 23, 30), SessionStatus.HELD, present_paris=25, present_partner=20)
        t1 = session(d2, _utc(2026, 11, 10, 14), SessionStatus.HELD, minutes=60, actual_minutes=55,
                     present_paris=20, present_partner=17, activities="Quiz sur Montréal")
        session(d2, _utc(2026, 11, 24, 14), SessionStatus.CANCELLED)
        session(d2, _utc(2026, 12, 8, 14), SessionStatus.PLANNED)
        session(d3, _utc(2026, 12, 1, 10), SessionStatus.PLANNED, SessionKind.LETTER)
        s.flush()

        def media(d: DuoRow, name: str, session_row: ExchangeSessionRow | None, publication: ConsentStatus,
                  reports: ConsentStatus, until: date | None = None, taken: datetime | None = None) -> None:
            s.add(MediaItemRow(duo_id=d.id, session_id=session_row.id if session_row else None, kind=MediaKind.PHOTO,
                               file_hash=name * 8, stored_name=stored_name if name == "a" else f"{name}.png",
                               original_name=f"{name}.png", side=Side.PARIS, caption=f"Photo {name}",
                               taken_at=taken, consent_exchange=ConsentStatus.GRANTED,
                               consent_publication=publication, consent_reports=reports, consent_until=until))

        media(d1, "a", s1, ConsentStatus.GRANTED, ConsentStatus.GRANTED)
        media(d1, "b", s4, ConsentStatus.GRANTED, ConsentStatus.REFUSED, until=date(2026, 10, 31))
        media(d1, "c", None, ConsentStatus.GRANTED, ConsentStatus.GRANTED, taken=_utc(2027, 1, 5, 10))
        media(d2, "d", t1, ConsentStatus.REFUSED, ConsentStatus.UNKNOWN)
        return Ids(d1=d1.id, d2=d2.id, d3=d3.id, zoe=zoe.id, ana=ana.id)
