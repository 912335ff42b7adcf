"""Create or edit a school: identity, time zone, weekly availability and holidays."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from functools import cache

from classesduo.domain.availability import default_windows
from classesduo.domain.entities import School
from classesduo.domain.enums import Side
from classesduo.domain.i18n import Plural
from classesduo.domain.terms import school_year_of
from classesduo.domain.public_holidays import is_known_country, subdivision_names, subdivisions
from classesduo.domain.timezones import PARIS_ZONE, is_valid_zone
from classesduo.domain.validation import is_country_code
from classesduo.services.errors import ServiceError
from classesduo.services.holidays import calendar_of_school
from classesduo.services.school_calendars import read_into, with_import
from classesduo.ui.formatting import side_label
from classesduo.ui.forms.availability_editor import HolidaysEditor, WindowsEditor
from classesduo.ui.forms.school_calendar_editor import CalendarPreview, SchoolYearsEditor, preview_ranges
from classesduo.ui.forms.country_field import CountryField
from classesduo.ui.forms.fields import line_edit, parse_codes
from classesduo.ui.forms.record_dialog import RecordDialog
from classesduo.ui.qt import QtCore, QtWidgets, translate


@cache
def zone_names() -> list[str]:
    from zoneinfo import available_timezones

    return sorted(name for name in available_timezones() if is_valid_zone(name) and "/" in name)


@cache
def current_and_next_year(today: date) -> list[str]:
    first = int(school_year_of(today)[:4])
    return [f"{first}-{first + 1}", f"{first + 1}-{first + 2}"]


class SchoolDialog(RecordDialog):
    def __init__(self, before: School | None, save: Callable[[School], School],
                 parent: QtWidgets.QWidget | None = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(before, save, parent)
        self.today = today
        school = before or School(name="", side=Side.PARIS, city="Paris", country="FR", timezone=PARIS_ZONE,
                                  languages=["fr"], windows=default_windows(Side.PARIS))
        self.name_edit = line_edit(school.name)
        self.side_combo = QtWidgets.QComboBox()
        for side in Side:
            self.side_combo.addItem(side_label(side), side)
        self.side_combo.setCurrentIndex(list(Side).index(school.side))
        self.city_edit = line_edit(school.city)
        self.country_edit = line_edit(school.country, "FR")
        self.country_field = CountryField(self.country_edit)
        self.arrondissement_spin = QtWidgets.QSpinBox()
        self.arrondissement_spin.setRange(0, 20)
        self.arrondissement_spin.setSpecialValueText("—")
        self.arrondissement_spin.setValue(school.arrondissement or 0)
        self.timezone_edit = line_edit(school.timezone, PARIS_ZONE)
        zone_completer = QtWidgets.QCompleter(zone_names(), self.timezone_edit)
        zone_completer.setCaseSensitivity(QtCore.Qt.CaseSensitivity.CaseInsensitive)
        zone_completer.setFilterMode(QtCore.Qt.MatchFlag.MatchContains)
        self.timezone_edit.setCompleter(zone_completer)
        self.subdivision_combo = QtWidgets.QComboBox()
        self._subdivision = school.subdivision
        self.languages_edit = line_edit(", ".join(school.languages), "fr, es")
        self.email_edit = line_edit(school.contact_email)
        form = self.form
        form.add_field("name", lambda: translate("SchoolDialog", "Name"), self.name_edit)
        form.add_field("side", lambda: translate("SchoolDialog", "Side"), self.side_combo)
        form.add_field("city", lambda: translate("SchoolDialog", "City"), self.city_edit)
        form.add_field("country", lambda: translate("SchoolDialog", "Country (ISO code)"), self.country_field)
        form.add_field("subdivision", lambda: translate("SchoolDialog", "Region (public holidays)"),
                       self.subdivision_combo)
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
        self.import_button = QtWidgets.QPushButton()
        self.import_button.clicked.connect(self.import_calendar)
        self.holidays_editor.buttons.insertWidget(2, self.import_button)
        self.import_note = QtWidgets.QLabel(wordWrap=True)
        self.import_note.setObjectName("calendarImportNote")
        self.import_note.hide()
        self.holidays_editor.layout().addWidget(self.import_note)
        self.years_editor = SchoolYearsEditor()
        self.years_editor.set_years(school.school_years)
        form.add_error_for("school_years", self.years_editor.error)
        self.calendar_preview = CalendarPreview()
        self._refresh_timer = QtCore.QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self.refresh_calendar)
        for signal in (self.holidays_editor.changed, self.years_editor.changed, self.calendar_preview.year_changed,
                       self.country_edit.textChanged, self.timezone_edit.textChanged,
                       self.subdivision_combo.currentIndexChanged, self.side_combo.currentIndexChanged):
            signal.connect(self._refresh_timer.start)
        self.country_edit.textChanged.connect(self._country_changed)

        self.side_combo.currentIndexChanged.connect(self._side_changed)
        self.timezone_edit.textChanged.connect(self._zone_changed)
        self.finish_layout(self.windows_editor, self.years_editor, self.holidays_editor, self.calendar_preview)
        self.resize(640, 760)
        self._country_changed()
        self._side_changed()
        self._zone_changed()
        self.retranslate_ui()
        self.refresh_calendar()

    def side(self) -> Side:
        return Side(self.side_combo.currentData())

    def _side_changed(self, *_: object) -> None:
        paris = self.side() is Side.PARIS
        self.arrondissement_spin.setEnabled(paris)
        self.years_editor.setVisible(not paris)  # Paris school years come with the zone C calendar
        self.subdivision_combo.setEnabled(not paris and self.subdivision_combo.count() > 1)
        if not paris:
            self.arrondissement_spin.setValue(0)
        if self.before is None and self.sender() is self.side_combo:
            # A new school: swap the other side's defaults for this side's.
            self.windows_editor.set_windows(default_windows(self.side()))
            if not paris and self.city_edit.text() == "Paris":
                for edit in (self.city_edit, self.country_edit, self.timezone_edit, self.languages_edit):
                    edit.clear()
        self.retranslate_ui()

    def _country_changed(self, *_: object) -> None:
        """The subdivisions ``holidays`` knows for the country typed (none: the combo is disabled)."""
        country = self.country_edit.text().strip().upper()
        current = self.subdivision_combo.currentData() if self.subdivision_combo.count() else self._subdivision
        codes = subdivisions(country) if is_country_code(country) else ()
        names = subdivision_names(country) if codes else {}
        self.subdivision_combo.blockSignals(True)
        self.subdivision_combo.clear()
        self.subdivision_combo.addItem(translate("SchoolDialog", "The whole country"), "")
        for code in codes:
            self.subdivision_combo.addItem(f"{code} — {names[code]}" if code in names else code, code)
        index = self.subdivision_combo.findData(current or "")
        if index < 0 and current:  # stored but unknown to this holidays release: keep it, the check names it
            self.subdivision_combo.addItem(current, current)
            index = self.subdivision_combo.count() - 1
        self.subdivision_combo.setCurrentIndex(max(0, index))
        self.subdivision_combo.setEnabled(self.subdivision_combo.count() > 1 and self.side() is not Side.PARIS)
        self.subdivision_combo.blockSignals(False)

    def choose_calendar_file(self) -> Path | None:
        """The CSV or .ics file to import (tests replace this)."""
        name, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, translate("SchoolDialog", "Import the school's calendar"), "",
            translate("SchoolDialog", "School calendars (*.ics *.csv)"))
        return Path(name) if name else None

    def import_calendar(self) -> None:
        """Breaks (and school years) from a CSV or .ics file into the form; saved with the school, on OK."""
        path = self.choose_calendar_file()
        if path is None:
            return
        record = self.build_record()
        try:
            result = read_into(record, path)
        except ServiceError as error:
            self.import_note.setText(str(error))
            self.import_note.setProperty("role", "fieldError")
            self.import_note.show()
            return
        updated = with_import(record, result)
        self.holidays_editor.set_holidays(updated.holidays)
        if record.side is not Side.PARIS:
            self.years_editor.set_years(updated.school_years)
        lines = [translate("SchoolDialog", "{file}: {breaks} and {years} added, {same} already there; saved with "
                                           "the school.").format(
            file=path.name, breaks=Plural.tr("%n break(s)", "", len(result.breaks)),
            years=Plural.tr("%n school year(s)", "", len(result.school_years)), same=result.unchanged),
            *result.left_out]
        self.import_note.setText("\n".join(lines))
        self.import_note.setProperty("role", "")
        self.import_note.show()

    def subdivision(self) -> str:
        return "" if self.side() is Side.PARIS else (self.subdivision_combo.currentData() or "")

    def refresh_calendar(self) -> None:
        """The calendar that results from the form as it is: the rule applied to what is typed."""
        record = self.build_record()
        self.calendar_preview.set_ranges(preview_ranges(self.today(), record.school_years))
        name = record.name or translate("SchoolDialog", "This school")
        label = f"{name}, {record.city}" if record.city else name
        if not is_valid_zone(record.timezone):
            self.calendar_preview.show_calendar(None, label, translate(
                "SchoolDialog", "Type the school's time zone to see its calendar."))
            return
        problem = ""
        if record.side is not Side.PARIS and is_country_code(record.country) and not is_known_country(record.country):
            problem = translate("SchoolDialog", "No public holidays are known for {country}: enter the school's "
                                                "days off as breaks.").format(country=record.country)
        self.calendar_preview.show_calendar(calendar_of_school(record), label, problem)

    def _zone_changed(self, *_: object) -> None:
        zone = self.timezone_edit.text().strip()
        self.windows_editor.zone_label = zone if is_valid_zone(zone) else ""
        self.windows_editor.retranslate_ui()

    def validate(self, record: object) -> list:
        from classesduo.domain.validation import validate_school

        return validate_school(record)  # type: ignore[arg-type]

    def build_record(self) -> School:
        base = self.before or School(name="", side=Side.PARIS, city="", country="", timezone="")
        return replace(
            base, name=self.name_edit.text().strip(), side=self.side(), city=self.city_edit.text().strip(),
            country=self.country_edit.text().strip().upper(), timezone=self.timezone_edit.text().strip(),
            arrondissement=self.arrondissement_spin.value() or None,
            languages=parse_codes(self.languages_edit.text()), contact_email=self.email_edit.text().strip(),
            windows=self.windows_editor.windows(), holidays=self.holidays_editor.holidays(),
            subdivision=self.subdivision(),
            school_years=[] if self.side() is Side.PARIS else self.years_editor.years(),
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
            else translate("SchoolDialog", "The country's (and region's) public holidays apply by rule, and the days "
                                           "between two school years; list here the school's own breaks."))
        if hasattr(self, "calendar_preview"):
            self.import_button.setText(translate("SchoolDialog", "Import…"))
            self.import_button.setToolTip(translate("SchoolDialog", "Breaks and school years from a CSV file "
                                                                    "(kind, name, first_day, last_day) or an .ics "
                                                                    "calendar the school publishes"))
            self.years_editor.retranslate_ui()
            self.calendar_preview.retranslate_ui()
            if self.subdivision_combo.count():
                self.subdivision_combo.setItemText(0, translate("SchoolDialog", "The whole country"))
            self._refresh_timer.start()
