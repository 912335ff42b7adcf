"""Create or edit a facilitator: name, e-mail, languages spoken."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from classesduo.domain.entities import Facilitator
from classesduo.ui.forms.fields import line_edit, parse_codes
from classesduo.ui.forms.record_dialog import RecordDialog
from classesduo.ui.qt import QtWidgets, translate


class FacilitatorDialog(RecordDialog):
    def __init__(self, before: Facilitator | None, save: Callable[[Facilitator], Facilitator],
                 parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(before, save, parent)
        person = before or Facilitator(name="", languages=["fr"])
        self.name_edit = line_edit(person.name)
        self.email_edit = line_edit(person.email, "prenom.nom@paris.fr")
        self.languages_edit = line_edit(", ".join(person.languages), "fr, es")
        self.form.add_field("name", lambda: translate("FacilitatorDialog", "Name"), self.name_edit)
        self.form.add_field("email", lambda: translate("FacilitatorDialog", "E-mail"), self.email_edit)
        self.form.add_field("languages", lambda: translate("FacilitatorDialog", "Languages (ISO 639-1)"),
                            self.languages_edit)
        self.finish_layout()
        self.resize(460, 260)
        self.retranslate_ui()

    def validate(self, record: object) -> list:
        from classesduo.domain.validation import validate_facilitator

        return validate_facilitator(record)  # type: ignore[arg-type]

    def build_record(self) -> Facilitator:
        base = self.before or Facilitator(name="")
        return replace(base, name=self.name_edit.text().strip(), email=self.email_edit.text().strip(),
                       languages=parse_codes(self.languages_edit.text()))

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(translate("FacilitatorDialog", "New facilitator") if self.before is None
                            else translate("FacilitatorDialog", "Edit facilitator — {name}").format(
                                name=self.before.name))
