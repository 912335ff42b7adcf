"""The school form's calendar: subdivision, school years, breaks, and the resulting calendar with reasons."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from classesduo.domain.availability import HolidayPeriod, SchoolYear
from classesduo.domain.entities import School
from classesduo.domain.enums import Side
from classesduo.services.dashboard import home_summary
from classesduo.services.schools import list_schools, save_school
from classesduo.ui.forms.school_dialog import SchoolDialog

TODAY = date(2026, 11, 28)


def _rows(dialog: SchoolDialog) -> list[list[str]]:
    table = dialog.calendar_preview.table
    return [[table.item(row, column).text() for column in range(3)] for row in range(table.rowCount())]


def test_a_paris_school_form_shows_zone_c_and_public_holidays_with_their_source(qtbot) -> None:  # noqa: ANN001
    dialog = SchoolDialog(None, lambda school: school, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    assert dialog.years_editor.isHidden() and not dialog.subdivision_combo.isEnabled()
    rows = _rows(dialog)
    toussaint = next(row for row in rows if row[1] == "Vacances de la Toussaint")
    assert "French zone C school calendar" in toussaint[2] and "checked 2026-12-03" in toussaint[2]
    armistice = next(row for row in rows if row[1] == "Armistice")
    assert "public holiday" in armistice[2] and "FR" in armistice[2]
    dialog.calendar_preview.year_combo.setCurrentIndex(1)  # 2027-2028: not shipped
    qtbot.waitUntil(lambda: "2027-2028 are unknown" in dialog.calendar_preview.unknown.text())


def test_a_partner_school_form_takes_its_region_years_and_breaks(qtbot) -> None:  # noqa: ANN001
    saved: list[School] = []
    dialog = SchoolDialog(None, lambda school: saved.append(school) or school, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.side_combo.setCurrentIndex(list(Side).index(Side.PARTNER))
    dialog.name_edit.setText("Colegio X")
    dialog.city_edit.setText("Buenos Aires")
    dialog.country_edit.setText("AR")
    dialog.timezone_edit.setText("America/Argentina/Buenos_Aires")
    assert dialog.subdivision_combo.isEnabled() and dialog.subdivision_combo.findData("C") > 0
    dialog.subdivision_combo.setCurrentIndex(dialog.subdivision_combo.findData("C"))
    assert not dialog.years_editor.isHidden()
    dialog.years_editor.set_years([SchoolYear("2026", date(2026, 3, 2), date(2026, 12, 18)),
                                   SchoolYear("2027", date(2027, 3, 1), date(2027, 12, 17))])
    dialog.holidays_editor.set_holidays([HolidayPeriod("Receso invernal", date(2027, 7, 19), date(2027, 7, 30))])
    qtbot.waitUntil(lambda: dialog.calendar_preview.year_combo.findText("2027") >= 0)
    dialog.calendar_preview.year_combo.setCurrentIndex(dialog.calendar_preview.year_combo.findText("2027"))
    qtbot.waitUntil(lambda: any(row[1] == "Receso invernal" for row in _rows(dialog)))
    rows = _rows(dialog)
    assert any("entered for the school" in row[2] for row in rows if row[1] == "Receso invernal")
    assert any("AR-C" in row[2] for row in rows)  # Buenos Aires city's public holidays
    assert dialog.calendar_preview.unknown.text() == ""
    dialog.calendar_preview.year_combo.setCurrentIndex(dialog.calendar_preview.year_combo.findText("2026-2027"))
    qtbot.waitUntil(lambda: any("Between school years 2026 and 2027" in row[1] for row in _rows(dialog)))
    dialog.ok_button.click()
    (school,) = saved
    assert school.subdivision == "C" and [y.label for y in school.school_years] == ["2026", "2027"]
    assert [p.name for p in school.holidays] == ["Receso invernal"]


def test_the_home_page_lists_schools_whose_calendar_is_unknown(make_window, data_dir: Path) -> None:  # noqa: ANN001
    window = make_window(data_dir)
    save_school(window.workspace.db, School(name="Colegio X", side=Side.PARTNER, city="Santiago", country="CL",
                                            timezone="America/Santiago",
                                            school_years=[SchoolYear("2026", date(2026, 3, 2), date(2026, 12, 18))]))
    save_school(window.workspace.db, School(name="Colegio Y", side=Side.PARTNER, city="Santiago", country="CL",
                                            timezone="America/Santiago",
                                            school_years=[SchoolYear("2026", date(2026, 3, 2), date(2026, 12, 18)),
                                                          SchoolYear("2027", date(2027, 3, 1), date(2027, 12, 17))]))
    summary = home_summary(window.workspace.db, datetime(2026, 11, 28, 12, tzinfo=UTC))
    assert [(u.label, u.years) for u in summary.unknown_calendars] == [("Colegio X, Santiago", ["2027"])]
    home = window.pages["home"]
    home.preset_summary(summary)
    home.refresh()
    model = home.calendars_table.model
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "Colegio X, Santiago" and model.index(0, 1).data() == "2027"
    home.calendars_table.activated.emit(summary.unknown_calendars[0])
    editor = window.pages["schools"].schools.editor
    assert editor is not None and editor.before.name == "Colegio X"
    assert {s.name for s in list_schools(window.workspace.db)} == {"Colegio X", "Colegio Y"}


def test_the_school_form_imports_an_ics_and_refuses_a_bad_csv(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    school = School(name="Colegio X", side=Side.PARTNER, city="Santiago", country="CL", timezone="America/Santiago")
    dialog = SchoolDialog(school, lambda record: record, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    ics = tmp_path / "colegio.ics"
    ics.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:1\r\nSUMMARY:Vacaciones de "
                   "invierno\r\nDTSTART;VALUE=DATE:20270712\r\nDTEND;VALUE=DATE:20270724\r\nEND:VEVENT\r\n"
                   "END:VCALENDAR\r\n")
    dialog.choose_calendar_file = lambda: ics
    dialog.import_button.click()
    assert [(p.name, p.end) for p in dialog.holidays_editor.holidays()] == [("Vacaciones de invierno",
                                                                              date(2027, 7, 23))]
    assert "1 break and 0 school years added" in dialog.import_note.text()  # counted in words, not "1 breaks"
    bad = tmp_path / "calendario.csv"
    bad.write_text("kind,name,first_day,last_day\nschool_year,2027,2027-03-01,2027-02-01\n")
    dialog.choose_calendar_file = lambda: bad
    dialog.import_button.click()
    assert "calendario.csv: line 2: last_day" in dialog.import_note.text()
    assert dialog.years_editor.years() == [] and len(dialog.holidays_editor.holidays()) == 1  # nothing changed


def test_the_calendar_preview_shows_each_source_whole_at_1280x720(qtbot) -> None:  # noqa: ANN001
    dialog = SchoolDialog(None, lambda school: school, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.resize(1280, 720)
    dialog.show()
    table = dialog.calendar_preview.table
    qtbot.waitUntil(lambda: table.rowCount() > 0)
    assert any("checked 2026-12-03" in row[2] for row in _rows(dialog))
    assert table.columnWidth(2) >= table.sizeHintForColumn(2)  # "French zone C … (education.gouv.fr/…, checked …)"


def test_the_zone_c_checked_date_is_worded_in_the_users_language(qtbot) -> None:  # noqa: ANN001
    from classesduo.domain import i18n

    french = {"{source}, checked {day}": "{source}, vérifié le {day}",
              "French zone C school calendar": "calendrier scolaire français, zone C"}
    i18n.install(lambda context, text, *rest: french.get(text, text))
    try:
        dialog = SchoolDialog(None, lambda school: school, today=lambda: TODAY)
        qtbot.addWidget(dialog)
        toussaint = next(row for row in _rows(dialog) if row[1] == "Vacances de la Toussaint")
    finally:
        i18n.install(i18n._identity)
    assert toussaint[2] == ("calendrier scolaire français, zone C "
                            "(education.gouv.fr/calendrier-scolaire-100148, vérifié le 2026-12-03)")
