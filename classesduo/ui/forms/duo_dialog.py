"""Create or edit a duo: a Paris class and a partner class for a school year, and how they will exchange.

The form shows both schools' local time now, the current difference and the
periods of the school year when daylight-saving changes move it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from classesduo.domain.entities import ClassGroup, Duo, Facilitator, School
from classesduo.domain.enums import DuoStatus, ExchangeTool, Side
from classesduo.domain.terms import parse_school_year, school_year_of
from classesduo.domain.validation import FieldError, ValidationError
from classesduo.ui.formatting import duo_status_label
from classesduo.ui.forms.clock_text import clock_summary
from classesduo.ui.forms.fields import ErrorLabel, line_edit, parse_codes
from classesduo.ui.forms.filter_combo import FilterCombo
from classesduo.ui.forms.record_dialog import RecordDialog
from classesduo.ui.qt import QtCore, QtWidgets, translate


@dataclass(frozen=True, slots=True)
class ClassChoice:
    group: ClassGroup
    school: School

    @property
    def label(self) -> str:
        return f"{self.school.name} — {self.group.name} ({self.group.level}) · {self.school.city}"


def tool_label(tool: ExchangeTool) -> str:
    return {ExchangeTool.EMAIL: translate("labels", "E-mail"), ExchangeTool.VISIO: translate("labels", "Visio"),
            ExchangeTool.BLOG: translate("labels", "Blog"), ExchangeTool.LETTERS: translate("labels", "Letters")}[tool]


class DuoDialog(RecordDialog):
    def __init__(self, before: Duo | None, choices: list[ClassChoice], facilitators: list[Facilitator],
                 save: Callable[[Duo], Duo], parent: QtWidgets.QWidget | None = None,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC), draft: Duo | None = None) -> None:
        super().__init__(before, save, parent)
        self.now = now
        duo = before or draft or Duo(paris_class_id="", partner_class_id="",
                                     school_year=school_year_of(now().date()), tools=["email", "visio"])
        self._choices = {choice.group.id: choice for choice in choices}
        usable = [c for c in choices if not (c.group.archived or c.school.archived)
                  or c.group.id in (duo.paris_class_id, duo.partner_class_id)]
        self.paris_combo = FilterCombo()
        self.paris_combo.set_entries([(c.label, c.group.id) for c in usable if c.school.side is Side.PARIS],
                                     duo.paris_class_id or None)
        self.partner_combo = FilterCombo()
        self.partner_combo.set_entries([(c.label, c.group.id) for c in usable if c.school.side is Side.PARTNER],
                                       duo.partner_class_id or None)
        self.year_combo = QtWidgets.QComboBox()
        self.year_combo.setEditable(True)
        first = parse_school_year(school_year_of(now().date()))
        self.year_combo.addItems([f"{y}-{y + 1}" for y in range(first - 1, first + 2)])
        self.year_combo.setEditText(duo.school_year)
        self.facilitator_combo = FilterCombo()
        people = [p for p in facilitators if not p.archived or p.id == duo.facilitator_id]
        self.facilitator_combo.set_entries(
            [(translate("DuoDialog", "— nobody yet —"), "")]
            + [(f"{p.name} ({', '.join(p.languages)})", p.id) for p in people], duo.facilitator_id or "")
        self.languages_edit = line_edit(", ".join(duo.languages), "fr, es")
        self.project_edit = QtWidgets.QPlainTextEdit(duo.project)
        self.project_edit.setFixedHeight(80)
        tools_box = QtWidgets.QWidget()
        tools_layout = QtWidgets.QHBoxLayout(tools_box)
        tools_layout.setContentsMargins(0, 0, 0, 0)
        self.tool_checks: dict[ExchangeTool, QtWidgets.QCheckBox] = {}
        for tool in ExchangeTool:
            check = QtWidgets.QCheckBox(tool_label(tool))
            check.setChecked(tool.value in duo.tools)
            tools_layout.addWidget(check)
            self.tool_checks[tool] = check
        tools_layout.addStretch(1)
        self.status_combo = QtWidgets.QComboBox()
        for status in DuoStatus:
            self.status_combo.addItem(duo_status_label(status), status)
        self.status_combo.setCurrentIndex(list(DuoStatus).index(duo.status))
        self.visio_edit = line_edit(duo.visio_link, "https://…")
        self.clock_label = QtWidgets.QLabel(wordWrap=True)
        self.clock_label.setObjectName("clockSummary")
        self.clock_label.setMinimumHeight(60)
        self.clock_label.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding,
                                       QtWidgets.QSizePolicy.Policy.MinimumExpanding)

        form = self.form
        form.add_field("paris_class_id", lambda: translate("DuoDialog", "Paris class"), self.paris_combo)
        form.add_field("partner_class_id", lambda: translate("DuoDialog", "Partner class"), self.partner_combo)
        form.layout_.addRow("", self.clock_label)
        form.add_field("school_year", lambda: translate("DuoDialog", "School year"), self.year_combo)
        form.add_field("facilitator_id", lambda: translate("DuoDialog", "Facilitator"), self.facilitator_combo)
        form.add_field("languages", lambda: translate("DuoDialog", "Languages"), self.languages_edit)
        form.add_field("project", lambda: translate("DuoDialog", "Pedagogical project"), self.project_edit)
        form.add_field("tools", lambda: translate("DuoDialog", "Exchange tools"), tools_box)
        form.add_field("status", lambda: translate("DuoDialog", "Status"), self.status_combo)
        form.add_field("visio_link", lambda: translate("DuoDialog", "Visio link"), self.visio_edit)
        self.errors_for_pair: ErrorLabel = form.errors["partner_class_id"]
        self.paris_combo.currentIndexChanged.connect(self.update_clocks)
        self.partner_combo.currentIndexChanged.connect(self._partner_changed)
        self.year_combo.currentTextChanged.connect(self.update_clocks)
        self.clock_timer = QtCore.QTimer(self)  # keep "local time now" current while the form is open
        self.clock_timer.setInterval(30_000)
        self.clock_timer.timeout.connect(self.update_clocks)
        self.clock_timer.start()
        self.finish_layout()
        self.resize(640, 720)
        self.retranslate_ui()

    def _partner_changed(self, *_: object) -> None:
        choice = self._choices.get(self.partner_combo.current_data() or "")
        if choice is not None and not self.languages_edit.text().strip():
            other = next((code for code in choice.school.languages if code != "fr"), None)
            self.languages_edit.setText(", ".join(["fr"] + ([other] if other else [])))
        self.update_clocks()

    def update_clocks(self, *_: object) -> None:
        paris = self._choices.get(self.paris_combo.current_data() or "")
        partner = self._choices.get(self.partner_combo.current_data() or "")
        year = self.year_combo.currentText().strip()
        if paris is None or partner is None:
            self.clock_label.setText(translate("DuoDialog", "Choose both classes to compare their clocks."))
            return
        try:
            parse_school_year(year)
            text = clock_summary(paris.school.timezone, partner.school.timezone, partner.school.city, year, self.now())
        except ValueError:
            text = translate("DuoDialog", "Type a school year such as 2026-2027 to see how the difference changes.")
        self.clock_label.setText(text)

    def build_record(self) -> Duo:
        errors = []
        for field, combo in (("paris_class_id", self.paris_combo), ("partner_class_id", self.partner_combo)):
            if combo.current_data() is None:
                errors.append(FieldError(field, translate("DuoDialog", "Choose a class from the list.")))
        if errors:
            raise ValidationError(errors)
        base = self.before or Duo(paris_class_id="", partner_class_id="", school_year="")
        return replace(
            base, paris_class_id=self.paris_combo.current_data(), partner_class_id=self.partner_combo.current_data(),
            school_year=self.year_combo.currentText().strip(),
            facilitator_id=self.facilitator_combo.current_data() or None,
            languages=parse_codes(self.languages_edit.text()), project=self.project_edit.toPlainText().strip(),
            tools=[tool.value for tool, check in self.tool_checks.items() if check.isChecked()],
            status=DuoStatus(self.status_combo.currentData()), visio_link=self.visio_edit.text().strip(),
        )

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(translate("DuoDialog", "New duo") if self.before is None
                            else translate("DuoDialog", "Edit duo"))
        for tool, check in self.tool_checks.items():
            check.setText(tool_label(tool))
        for index, status in enumerate(DuoStatus):
            self.status_combo.setItemText(index, duo_status_label(status))
        self.update_clocks()
