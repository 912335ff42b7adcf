"""Facilitators from CSV; natural key: e-mail, or name when the row has no e-mail."""

from __future__ import annotations

from sqlalchemy.orm import Session

from classesduo.domain.entities import Facilitator
from classesduo.domain.i18n import translate
from classesduo.domain.validation import validate_facilitator
from classesduo.services.importing.engine import Planned
from classesduo.services.importing.fields import code_list, normalise_key, yes_no
from classesduo.services.importing.lookup import Lookup
from classesduo.services.importing.reader import Column, Row
from classesduo.storage.convert import facilitator_from_row, facilitator_to_row
from classesduo.storage.models import FacilitatorRow

COLUMNS = (
    Column("name", required=True),
    Column("email"),
    Column("languages"),
    Column("archived"),
)
KEY_LABEL = "e-mail (or name)"


class Importer:
    def __init__(self, session: Session) -> None:
        self.lookup = Lookup(session)

    def _match(self, name: str, email: str) -> list[FacilitatorRow]:
        by_email, by_name = self.lookup.facilitators()
        if email:
            found = by_email.get(normalise_key(email), [])
            # Someone stored without an e-mail gets one: same person.
            return found or [person for person in by_name.get(normalise_key(name), []) if not person.email]
        return by_name.get(normalise_key(name), [])

    def plan(self, row: Row) -> Planned | None:
        name, email = row.required("name"), row.text("email")
        matches = self._match(name, email) if name or email else []
        if len(matches) > 1:
            row.error("email" if email else "name", translate(
                "import", "Several stored facilitators match this row; give their e-mail."))
        existing = matches[0] if len(matches) == 1 else None
        current = facilitator_from_row(existing) if existing is not None else None

        def stored(attribute: str) -> object:
            return getattr(current, attribute) if current is not None else None

        person = Facilitator(
            name=name,
            email=row.keep("email", email, stored("email"), ""),
            languages=row.keep("languages", row.parse("languages", code_list), stored("languages"), []),
            archived=row.keep("archived", row.parse("archived", yes_no), stored("archived"), False),
            id=stored("id"),
            version=stored("version") or 0,
        )
        row.add_validation(validate_facilitator(person))
        if not name or len(matches) > 1:
            return None
        key = ("email", normalise_key(email)) if email else ("name", normalise_key(name))
        return Planned(key, person, existing, person != current)

    def write(self, session: Session, planned: Planned) -> None:
        row = planned.existing
        if row is None:
            row = FacilitatorRow()
            session.add(row)
        facilitator_to_row(planned.record, row)
