"""Create or edit a class: its school, name, level, number of pupils (never their names) and teacher."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from classesduo.domain.entities import ClassGroup, School
from classesduo.domain.enums import PARIS_LEVELS
from classesduo.domain.levels import FRENCH_GRADES, grade_number
from classesduo.ui.forms.fields import line_edit
from classesduo.ui.forms.filter_combo import FilterCombo
from classesduo.ui.forms.record_dialog import RecordDialog
from classesduo.ui.qt import QtWidgets, translate


class ClassDialog(RecordDialog):
    def __init__(self, before: ClassGroup | None, schools: list[School], save: Callable[[ClassGroup], ClassGroup],
                 parent: QtWidgets.QWidget | None = None, school_id: str | None = None) -> None:
        super().__init__(before, save, parent)
        group = before or ClassGroup(school_id=school_id or "", name="", level="CM1")
        self._schools = {school.id: school for school in schools}
        self.school_combo = FilterCombo()
        choices = [s for s in schools if not s.archived or s.id == group.school_id]
        self.school_combo.set_entries([(f"{s.name} ({s.city})", s.id) for s in choices], group.school_id or None)
        self.name_edit = line_edit(group.name, "CM1 A")
        self.level_combo = QtWidgets.QComboBox()
        self.level_combo.setEditable(True)
        self.level_combo.addItems(list(PARIS_LEVELS) + ["4e année", "Grade 4", "4.º grado", "Year 5", "classe quarta"])
        self.level_combo.setEditText(group.level)
        self.level_combo.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Fixed)
        self.level_combo.currentTextChanged.connect(self._update_level_hint)
        self.pupils_spin = QtWidgets.QSpinBox()
        self.pupils_spin.setRange(0, 200)
        self.pupils_spin.setValue(max(0, group.pupil_count))
        self.teacher_edit = line_edit(group.teacher_name)
        self.teacher_email_edit = line_edit(group.teacher_email)
        form = self.form
        form.add_field("school_id", lambda: translate("ClassDialog", "School"), self.school_combo)
        form.add_field("name", lambda: translate("ClassDialog", "Class name"), self.name_edit)
        form.add_field("level", lambda: translate("ClassDialog", "Level"), self.level_combo)
        form.add_field("pupil_count", lambda: translate("ClassDialog", "Number of pupils"), self.pupils_spin)
        form.add_field("teacher_name", lambda: translate("ClassDialog", "Teacher"), self.teacher_edit)
        form.add_field("teacher_email", lambda: translate("ClassDialog", "Teacher's e-mail"), self.teacher_email_edit)
        self.level_hint = QtWidgets.QLabel(wordWrap=True)
        self.level_hint.setObjectName("hint")
        self.form.layout_.addRow("", self.level_hint)
        self.finish_layout()
        self.resize(520, 420)
        self.retranslate_ui()

    def validate(self, record: object) -> list:
        from classesduo.domain.validation import validate_class

        return validate_class(record)  # type: ignore[arg-type]

    def build_record(self) -> ClassGroup:
        base = self.before or ClassGroup(school_id="", name="", level="")
        return replace(base, school_id=self.school_combo.current_data() or "", name=self.name_edit.text().strip(),
                       level=self.level_combo.currentText().strip(), pupil_count=self.pupils_spin.value(),
                       teacher_name=self.teacher_edit.text().strip(),
                       teacher_email=self.teacher_email_edit.text().strip())

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(translate("ClassDialog", "New class") if self.before is None
                            else translate("ClassDialog", "Edit class — {name}").format(name=self.before.name))
        self._update_level_hint()

    def _update_level_hint(self, *_: object) -> None:
        grade = grade_number(self.level_combo.currentText())
        if grade is None:
            text = translate("ClassDialog", "Level not recognised: partner suggestions will not compare it. Levels "
                                            "are compared by age, e.g. CM1 ≈ 4e année ≈ Grade 4 ≈ 4.º grado ≈ "
                                            "classe quarta ≈ Year 5.")
        else:
            french = next((name for name, number in FRENCH_GRADES.items() if number == grade), str(grade))
            text = translate("ClassDialog", "Compared with Paris classes as {level} (pupils aged about {age}).").format(
                level=french.upper() if french.startswith("c") else french, age=f"{grade + 5}–{grade + 6}")
        self.level_hint.setText(text)
