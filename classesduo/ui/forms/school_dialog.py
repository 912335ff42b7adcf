"""Create or edit a school: identity, time zone, weekly availability and holidays."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import cache

from classesduo.domain.availability import default_windows
from classesduo.domain.entities import School
from classesduo.domain.enums import Side
from classesduo.domain.terms import school_year_of
from classesduo.domain.timezones import is_valid_zone
from classesduo.ui.formatting import side_label
from classesduo.ui.forms.availability_editor import HolidaysEditor, WindowsEditor
from classesduo.ui.forms.fields import CodeCompleter, line_edit, parse_codes
from classesduo.ui.forms.record_dialog import RecordDialog
from classesduo.ui.qt import QtCore, QtWidgets, translate


@cache
def zone_names() -> list[str]:
    from zoneinfo import available_timezones

    return sorted(name for name in available_timezones() if is_valid_zone(name) and "/" in name)


@cache
def country_entries() -> list[str]:
    import pycountry

    return sorted(f"{country.alpha_2} — {country.name}" for country in pycountry.countries)


def current_and_next_year(today: date) -> list[str]:
    first = int(school_year_of(today)[:4])
    return [f"{first}-{first + 1}", f"{first + 1}-{first + 2}"]


class SchoolDialog(RecordDialog):
    def __init__(self, before: School | None, save: Callable[[School], School],
                 parent: QtWidgets.QWidget | None = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(before, save, parent)
        self.today = today
        school = before or School(name="", side=Side.PARIS, city="Paris", country="FR", timezone="Europe/Paris",
                                  languages=["fr"], windows=default_windows(Side.PARIS))
        self.name_edit = line_edit(school.name)
        self.side_combo = QtWidgets.QComboBox()
        for side in Side:
            self.side_combo.addItem(side_label(side), side)
        self.side_combo.setCurrentIndex(list(Side).index(school.side))
        self.city_edit = line_edit(school.city)
        self.country_edit = line_edit(school.country, "FR")
        self.country_edit.setCompleter(CodeCompleter(country_entries(), self.country_edit))
        self.arrondissement_spin = QtWidgets.QSpinBox()
        self.arrondissement_spin.setRange(0, 20)
        self.arrondissement_spin.setSpecialValueText("—")
        self.arrondissement_spin.setValue(school.arrondissement or 0)
        self.timezone_edit = line_edit(school.timezone, "Europe/Paris")
        zone_completer = QtWidgets.QCompleter(zone_names(), self.timezone_edit)
        zone_completer.setCaseSensitivity(QtCore.Qt.CaseSensitivity.CaseInsensitive)
        zone_completer.setFilterMode(QtCore.Qt.MatchFlag.MatchContains)
        self.timezone_edit.setCompleter(zone_completer)
        self.languages_edit = line_edit(", ".join(school.languages), "fr, es")
        self.email_edit = line_edit(school.contact_email)
        form = self.form
        form.add_field("name", lambda: translate("SchoolDialog", "Name"), self.name_edit)
        form.add_field("side", lambda: translate("SchoolDialog", "Side"), self.side_combo)
        form.add_field("city", lambda: translate("SchoolDialog", "City"), self.city_edit)
        form.add_field("country", lambda: translate("SchoolDialog", "Country (ISO code)"), self.country_edit)
        form.add_field("arrondissement", lambda: translate("SchoolDialog", "Arrondissement"), self.arrondissement_spin)
        form.add_field("timezone", lambda: translate("SchoolDialog", "Time zone (IANA)"), self.timezone_edit)
        form.add_field("languages", lambda: translate("SchoolDialog", "Languages"), self.languages_edit)
        form.add_field("contact_email", lambda: translate("SchoolDialog", "Contact e-mail"), self.email_edit)

        self.windows_editor = WindowsEditor(lambda: default_windows(self.side()))
        self.windows_editor.set_windows(school.windows)
        form.add_error_for("windows", self.windows_editor.error)
        self.holidays_editor = HolidaysEditor()
        self.holidays_editor.set_holidays(school.holidays)
        form.add_error_for("holidays", self.holidays_editor.error)
        self.rule_note = QtWidgets.QLabel(wordWrap=True)
        self.holidays_editor.layout().insertWidget(0, self.rule_note)

        self.side_combo.currentIndexChanged.connect(self._side_changed)
        self.timezone_edit.textChanged.connect(self._zone_changed)
        self.finish_layout(self.windows_editor, self.holidays_editor)
        self.resize(640, 760)
        self._side_changed()
        self._zone_changed()
        self.retranslate_ui()

    def side(self) -> Side:
        return Side(self.side_combo.currentData())

    def _side_changed(self, *_: object) -> None:
        paris = self.side() is Side.PARIS
        self.arrondissement_spin.setEnabled(paris)
        if not paris:
            self.arrondissement_spin.setValue(0)
        if self.before is None and self.sender() is self.side_combo:
            # A new school: swap the other side's defaults for this side's.
            self.windows_editor.set_windows(default_windows(self.side()))
            if not paris and self.city_edit.text() == "Paris":
                for edit in (self.city_edit, self.country_edit, self.timezone_edit, self.languages_edit):
                    edit.clear()
        self.retranslate_ui()

    def _zone_changed(self, *_: object) -> None:
        zone = self.timezone_edit.text().strip()
        self.windows_editor.zone_label = zone if is_valid_zone(zone) else ""
        self.windows_editor.retranslate_ui()

    def build_record(self) -> School:
        base = self.before or School(name="", side=Side.PARIS, city="", country="", timezone="")
        return replace(
            base, name=self.name_edit.text().strip(), side=self.side(), city=self.city_edit.text().strip(),
            country=self.country_edit.text().strip().upper(), timezone=self.timezone_edit.text().strip(),
            arrondissement=self.arrondissement_spin.value() or None,
            languages=parse_codes(self.languages_edit.text()), contact_email=self.email_edit.text().strip(),
            windows=self.windows_editor.windows(), holidays=self.holidays_editor.holidays(),
        )

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(translate("SchoolDialog", "New school") if self.before is None
                            else translate("SchoolDialog", "Edit school — {name}").format(name=self.before.name))
        for index, side in enumerate(Side):
            self.side_combo.setItemText(index, side_label(side))
        self.rule_note.setText(
            translate("SchoolDialog", "French zone C school holidays (the shipped calendar) and French public "
                                      "holidays apply to every Paris school by rule; list here only this school's "
                                      "own closures.") if self.side() is Side.PARIS
            else translate("SchoolDialog", "The country's public holidays apply by rule; list here the school's "
                                           "own breaks."))
