"""Classes from CSV; natural key: school (name, and city when needed) + class name."""

from __future__ import annotations

from sqlalchemy.orm import Session

from classesduo.domain.entities import ClassGroup
from classesduo.domain.i18n import translate
from classesduo.domain.validation import validate_class
from classesduo.services.importing.engine import Planned
from classesduo.services.importing.fields import normalise_key, whole_number, yes_no
from classesduo.services.importing.lookup import Lookup
from classesduo.services.importing.reader import Column, Row
from classesduo.storage.convert import class_from_row, class_to_row
from classesduo.storage.models import ClassGroupRow, SchoolRow

COLUMNS = (
    Column("school", required=True),
    Column("city"),
    Column("name", required=True),
    Column("level", required=True),
    Column("pupil_count"),
    Column("teacher_name"),
    Column("teacher_email"),
    Column("archived"),
)
KEY_LABEL = "school + class name"


class Importer:
    def __init__(self, session: Session) -> None:
        self.lookup = Lookup(session)
        self._by_school: dict[str, dict[str, list[ClassGroupRow]]] = {}

    def _school(self, row: Row) -> SchoolRow | None:
        name, city = row.required("school"), row.text("city")
        if not name:
            return None
        found = [school for (school_name, school_city), schools in self.lookup.schools().items()
                 if school_name == normalise_key(name) and (not city or school_city == normalise_key(city))
                 for school in schools]
        if len(found) == 1:
            return found[0]
        if not found:
            message = translate("import", "No school “{name}”{city}; import the schools first.")
            in_city = translate("import", " in {city}").format(city=city) if city else ""
            row.error("school", message.format(name=name, city=in_city))
        else:
            row.error("school", translate("import", "Several schools are called “{name}”; fill in the city.").format(
                name=name))
        return None

    def plan(self, row: Row) -> Planned | None:
        school = self._school(row)
        name, level = row.required("name"), row.required("level")
        matches = [] if school is None else [
            group for group in self.lookup.classes().get((normalise_key(school.name), normalise_key(name)), [])
            if group.school_id == school.id]
        existing = matches[0] if matches else None
        current = class_from_row(existing) if existing is not None else None

        def stored(attribute: str) -> object:
            return getattr(current, attribute) if current is not None else None

        group = ClassGroup(
            school_id=school.id if school is not None else "", name=name, level=level,
            pupil_count=row.keep("pupil_count", row.parse("pupil_count", whole_number), stored("pupil_count"), 0),
            teacher_name=row.keep("teacher_name", row.text("teacher_name"), stored("teacher_name"), ""),
            teacher_email=row.keep("teacher_email", row.text("teacher_email"), stored("teacher_email"), ""),
            archived=row.keep("archived", row.parse("archived", yes_no), stored("archived"), False),
            id=stored("id"),
            version=stored("version") or 0,
        )
        row.add_validation(validate_class(group), {"school_id": "school"})
        if school is None or not name:
            return None
        return Planned((school.id, normalise_key(name)), group, existing, group != current)

    def write(self, session: Session, planned: Planned) -> None:
        row = planned.existing
        if row is None:
            row = ClassGroupRow()
            session.add(row)
        class_to_row(planned.record, row)
