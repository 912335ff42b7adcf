"""Finding the stored rows an import file refers to, by natural key, with one query per table."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from classesduo.domain.i18n import translate
from classesduo.services.importing.fields import normalise_key as nk
from classesduo.services.importing.reader import Row
from classesduo.storage.models import ClassGroupRow, DuoRow, FacilitatorRow, SchoolRow


class Lookup:
    """Indexes of the stored schools, classes, facilitators and duos; built lazily, once per import."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._schools: dict[tuple[str, str], list[SchoolRow]] | None = None
        self._classes: dict[tuple[str, str], list[ClassGroupRow]] | None = None
        self._facilitators: tuple[dict[str, list[FacilitatorRow]], dict[str, list[FacilitatorRow]]] | None = None
        self._duos: dict[tuple[str, str, str], DuoRow] | None = None

    # schools --------------------------------------------------------------------------------------
    def schools(self) -> dict[tuple[str, str], list[SchoolRow]]:
        """(name, city) → schools, both normalised."""
        if self._schools is None:
            self._schools = defaultdict(list)
            query = select(SchoolRow).options(selectinload(SchoolRow.windows), selectinload(SchoolRow.holidays),
                                              selectinload(SchoolRow.school_years))
            for school in self.session.scalars(query):
                self._schools[(nk(school.name), nk(school.city))].append(school)
        return self._schools

    # classes --------------------------------------------------------------------------------------
    def classes(self) -> dict[tuple[str, str], list[ClassGroupRow]]:
        """(school name, class name) → classes (of schools in any city)."""
        if self._classes is None:
            self._classes = defaultdict(list)
            for group in self.session.scalars(select(ClassGroupRow).options(selectinload(ClassGroupRow.school))):
                self._classes[(nk(group.school.name), nk(group.name))].append(group)
        return self._classes

    def find_class(self, row: Row, prefix: str, default_city: str = "") -> ClassGroupRow | None:
        """The class named by ``{prefix}_school``, ``{prefix}_class`` and optional ``{prefix}_city``."""
        school, name = row.required(f"{prefix}_school"), row.required(f"{prefix}_class")
        city = row.text(f"{prefix}_city") or default_city
        if not school or not name:
            return None
        found = self.classes().get((nk(school), nk(name)), [])
        if city:
            found = [group for group in found if nk(group.school.city) == nk(city)]
        if len(found) == 1:
            return found[0]
        if not found:
            message = translate("import", "No class “{name}” at school “{school}”{city}; import the classes first.")
            in_city = translate("import", " in {city}").format(city=city) if city else ""
            row.error(f"{prefix}_class", message.format(name=name, school=school, city=in_city))
        else:
            message = translate("import", "Several schools “{school}” have a class “{name}”; fill in {column}.")
            row.error(f"{prefix}_class", message.format(school=school, name=name, column=f"{prefix}_city"))
        return None

    # facilitators ---------------------------------------------------------------------------------
    def facilitators(self) -> tuple[dict[str, list[FacilitatorRow]], dict[str, list[FacilitatorRow]]]:
        """(by e-mail, by name), both normalised."""
        if self._facilitators is None:
            by_email: dict[str, list[FacilitatorRow]] = defaultdict(list)
            by_name: dict[str, list[FacilitatorRow]] = defaultdict(list)
            for person in self.session.scalars(select(FacilitatorRow)):
                if person.email:
                    by_email[nk(person.email)].append(person)
                by_name[nk(person.name)].append(person)
            self._facilitators = by_email, by_name
        return self._facilitators

    def find_facilitator(self, row: Row, column: str) -> FacilitatorRow | None:
        """The facilitator named in ``column`` by e-mail (anything with an @) or by name."""
        value = row.text(column)
        if not value:
            return None
        by_email, by_name = self.facilitators()
        found = (by_email if "@" in value else by_name).get(nk(value), [])
        if len(found) == 1:
            return found[0]
        if not found:
            message = translate("import", "No facilitator “{value}”; import the facilitators first.")
        else:
            message = translate("import", "Several facilitators are called “{value}”; give the e-mail instead.")
        row.error(column, message.format(value=value))
        return None

    # duos -----------------------------------------------------------------------------------------
    def duos(self) -> dict[tuple[str, str, str], DuoRow]:
        """(Paris class id, partner class id, school year) → duo."""
        if self._duos is None:
            self._duos = {
                (duo.paris_class_id, duo.partner_class_id, duo.school_year): duo
                for duo in self.session.scalars(select(DuoRow))
            }
        return self._duos
