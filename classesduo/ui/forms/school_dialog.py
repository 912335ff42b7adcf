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
from classesduo.domain.validation import FieldError, is_country_code
from classesduo.services.holidays import merge_filled, public_holidays, zone_c_holidays, zone_c_school_years
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
        self.holidays_editor.fill_button.clicked.connect(self.fill_holidays)
        form.add_error_for("holidays", self.holidays_editor.error)
        self.fill_note = QtWidgets.QLabel(wordWrap=True)
        self.fill_note.hide()
        self.holidays_editor.layout().addWidget(self.fill_note)

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

    def fill_holidays(self) -> None:
        years = current_and_next_year(self.today())
        country = ""
        if self.side() is Side.PARIS:
            available = [year for year in years if year in zone_c_school_years()]
            filled = zone_c_holidays(available)
            note = (translate("SchoolDialog", "French zone C holidays of {years} filled in.")
                    if filled else translate("SchoolDialog", "The shipped calendar has no zone C holidays for {years}."))
        else:
            country = self.country_edit.text().strip().upper()
            if not is_country_code(country):
                self.form.show_errors([FieldError("country", translate(
                    "SchoolDialog", "Type the school's country code first (ISO 3166-1, e.g. AR)."))])
                return
            filled = [period for year in years for period in public_holidays(country, year)]
            note = (translate("SchoolDialog", "Public holidays of {country} for {years} filled in; add the school's "
                                              "own breaks by hand.") if filled
                    else translate("SchoolDialog", "No public holidays are known for {country}."))
        self.holidays_editor.set_holidays(merge_filled(self.holidays_editor.holidays(), filled))
        self.fill_note.setText(note.format(years=" & ".join(years), country=country))
        self.fill_note.show()

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
        self.holidays_editor.fill_button.setText(
            translate("SchoolDialog", "Fill French zone C holidays") if self.side() is Side.PARIS
            else translate("SchoolDialog", "Fill public holidays"))
