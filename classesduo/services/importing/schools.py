"""Schools from CSV; natural key: name + city."""

from __future__ import annotations

from sqlalchemy.orm import Session

from classesduo.domain.availability import default_windows
from classesduo.domain.entities import School
from classesduo.domain.enums import Side
from classesduo.domain.i18n import translate
from classesduo.domain.validation import validate_school
from classesduo.services.importing.engine import Planned
from classesduo.services.importing.fields import choice, code_list, normalise_key, whole_number, windows, yes_no
from classesduo.services.importing.lookup import Lookup
from classesduo.services.importing.reader import Column, Row
from classesduo.storage.convert import school_from_row, school_to_row
from classesduo.storage.models import SchoolRow

COLUMNS = (
    Column("name", required=True),
    Column("city", required=True),
    Column("country", required=True),
    Column("timezone", required=True),
    Column("side"),
    Column("arrondissement"),
    Column("languages"),
    Column("contact_email"),
    Column("windows"),
    Column("archived"),
    Column("subdivision"),
)
KEY_LABEL = "name + city"

_SIDE_ALIASES = {"partenaire": "partner"}


class Importer:
    def __init__(self, session: Session) -> None:
        self.lookup = Lookup(session)

    def plan(self, row: Row) -> Planned | None:
        name, city = row.required("name"), row.required("city")
        country, zone = row.required("country").upper(), row.required("timezone")
        side = row.parse("side", lambda text: choice(Side, text, _SIDE_ALIASES))
        if side is None:
            side = Side.PARIS if normalise_key(city) == "paris" else Side.PARTNER
        key = (normalise_key(name), normalise_key(city))
        matches = self.lookup.schools().get(key, []) if name and city else []
        if len(matches) > 1:
            row.error("name", translate("import", "Several stored schools match this name and city."))
        existing = matches[0] if len(matches) == 1 else None
        current = school_from_row(existing) if existing is not None else None

        def stored(attribute: str) -> object:
            return getattr(current, attribute) if current is not None else None

        parsed_windows = row.parse("windows", windows)
        school = School(
            name=name, side=side, city=city, country=country, timezone=zone,
            arrondissement=row.keep("arrondissement", row.parse("arrondissement", whole_number),
                                stored("arrondissement"), None),
            languages=row.keep("languages", row.parse("languages", code_list), stored("languages"), []),
            contact_email=row.keep("contact_email", row.text("contact_email"), stored("contact_email"), ""),
            windows=parsed_windows or (current.windows if current is not None else default_windows(side)),
            holidays=current.holidays if current is not None else [],
            school_years=current.school_years if current is not None else [],
            subdivision=row.keep("subdivision", row.text("subdivision").upper(), stored("subdivision"), ""),
            archived=row.keep("archived", row.parse("archived", yes_no), stored("archived"), False),
            id=stored("id"),
            version=stored("version") or 0,
        )
        row.add_validation(validate_school(school))
        if not name or not city or len(matches) > 1:
            return None
        return Planned(key, school, existing, school != current)

    def write(self, session: Session, planned: Planned) -> None:
        row = planned.existing
        if row is None:
            row = SchoolRow()
            session.add(row)
        school_to_row(planned.record, row)
