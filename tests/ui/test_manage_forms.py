"""Creating and editing schools, classes, facilitators and duos through the real forms."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from classesduo.domain.enums import DuoStatus, HolidaySource, Side
from classesduo.services.classes import list_classes
from classesduo.services.duos import list_duos
from classesduo.services.holidays import calendar_of_school
from classesduo.services.schools import list_schools
from classesduo.ui.qt import QtCore

from .manage_helpers import CTRL, CTRL_SHIFT, NOW, TODAY, add_paris_school, column, names, open_schools, select

def test_create_school_class_and_duo_through_the_gui(make_window, data_dir: Path, qtbot) -> None:  # noqa: ANN001
    window = make_window(data_dir)
    page = add_paris_school(window, qtbot, "École Parmentier")
    assert "École Parmentier" in names(page.schools.table)

    qtbot.keyClick(window, QtCore.Qt.Key.Key_N, CTRL)
    partner = page.schools.editor
    partner.side_combo.setCurrentIndex(list(Side).index(Side.PARTNER))
    assert not partner.arrondissement_spin.isEnabled()
    assert partner.windows_editor.table.rowCount() == 5  # the partner's school day
    partner.name_edit.setText("École Saint-Louis")
    partner.city_edit.setText("Montréal")
    partner.country_edit.setText("CA")
    partner.timezone_edit.setText("America/Toronto")
    partner.languages_edit.setText("fr, en")
    partner.today = lambda: TODAY
    partner.ok_button.click()
    assert not partner.isVisible()
    stored = {s.name: s for s in list_schools(window.workspace.db)}
    # nothing is copied: zone C and public holidays come by rule when the calendar is read
    assert stored["École Parmentier"].holidays == [] and stored["École Saint-Louis"].holidays == []
    assert len(stored["École Parmentier"].windows) == 2
    paris = calendar_of_school(stored["École Parmentier"])
    assert {p.source for p in paris.closures_between(date(2026, 9, 1), date(2027, 7, 31))} == {
        HolidaySource.ZONE_C, HolidaySource.PUBLIC}
    assert [p.source for p in calendar_of_school(stored["École Saint-Louis"]).closures_on(date(2026, 12, 25))] == [
        HolidaySource.PUBLIC]

    page.tabs.setCurrentIndex(1)
    for school, class_name, level in (("École Parmentier", "CM1 A", "CM1"), ("École Saint-Louis", "4e B", "4e année")):
        qtbot.keyClick(window, QtCore.Qt.Key.Key_N, CTRL)
        dialog = page.classes.editor
        dialog.school_combo.select_data(stored[school].id)
        dialog.name_edit.setText(class_name)
        dialog.level_combo.setEditText(level)
        dialog.pupils_spin.setValue(24)
        dialog.ok_button.click()
        assert not dialog.isVisible()
    assert sorted(column(page.classes.table, "Class")) == ["4e B", "CM1 A"]

    window.nav.setCurrentRow(2)
    duos = window.pages["duos"]
    duos.now = lambda: NOW
    qtbot.keyClick(window, QtCore.Qt.Key.Key_N, CTRL)
    dialog = duos.editor
    groups = {g.name: g.id for g in list_classes(window.workspace.db)}
    dialog.paris_combo.select_data(groups["CM1 A"])
    dialog.partner_combo.select_data(groups["4e B"])
    assert dialog.languages_edit.text() == "fr, en"  # filled from the partner school
    clock = dialog.clock_label.text()
    assert "Paris 13:00 · Montréal 07:00" in clock
    assert "Montréal is 6 h behind Paris now" in clock and "5 h behind" in clock
    dialog.year_combo.setEditText("2026-2027")
    dialog.project_edit.setPlainText("Nos quartiers")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert duos.table.model.rowCount() == 1
    assert column(duos.table, "Partner school") == ["École Saint-Louis"]
    (view,) = list_duos(window.workspace.db)
    assert view.duo.project == "Nos quartiers" and view.duo.languages == ["fr", "en"]


def test_a_bad_time_zone_is_shown_next_to_the_field(make_window, data_dir: Path, qtbot) -> None:  # noqa: ANN001
    window = make_window(data_dir)
    page = open_schools(window, qtbot, 0)
    qtbot.keyClick(window, QtCore.Qt.Key.Key_N, CTRL)
    dialog = page.schools.editor
    dialog.name_edit.setText("École Buffon")
    dialog.arrondissement_spin.setValue(5)
    dialog.timezone_edit.setText("Europe/Pariss")
    dialog.email_edit.setText("not-an-address")
    dialog.country_edit.setText("XX")
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert "Unknown country code" in dialog.form.errors["country"].text()
    zone_error = dialog.form.errors["timezone"]
    assert zone_error.isVisible() and "Unknown time zone" in zone_error.text() and "Europe/Pariss" in zone_error.text()
    assert "Not an e-mail address" in dialog.form.errors["contact_email"].text()
    assert not dialog.form.errors["name"].isVisible()
    assert list_schools(window.workspace.db) == []
    completer = dialog.timezone_edit.completer()
    completer.setCompletionPrefix("Pari")
    assert completer.currentCompletion() == "Europe/Paris"
    dialog.timezone_edit.setText("Europe/Paris")
    dialog.country_edit.setText("FR")
    dialog.country_field._update("Argen")
    assert dialog.country_field.suggested_codes() == ["AR"]
    dialog.email_edit.clear()
    dialog.arrondissement_spin.setValue(0)
    dialog.ok_button.click()
    assert dialog.form.errors["arrondissement"].isVisible() and not zone_error.isVisible()
    dialog.arrondissement_spin.setValue(5)
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert [s.name for s in list_schools(window.workspace.db)] == ["École Buffon"]


def test_window_ending_before_it_starts_is_shown_under_the_grid(make_window, data_dir: Path, qtbot) -> None:  # noqa: ANN001
    window = make_window(data_dir)
    page = open_schools(window, qtbot, 0)
    page.schools.add_record()
    dialog = page.schools.editor
    dialog.name_edit.setText("École Tolbiac")
    dialog.arrondissement_spin.setValue(13)
    dialog.windows_editor.table.cellWidget(0, 2).setTime(QtCore.QTime(14, 0))
    dialog.ok_button.click()
    assert dialog.windows_editor.error.isVisible()
    assert "must end after it starts (15:00–14:00)" in dialog.windows_editor.error.text()


def test_suggest_partners_and_create_the_duo(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    window = make_window(demo_dir)
    window.activateWindow()
    window.nav.setCurrentRow(2)
    duos = window.pages["duos"]
    duos.now = lambda: NOW
    qtbot.keyClick(window, QtCore.Qt.Key.Key_N, CTRL_SHIFT)
    dialog = duos.suggestions_dialog
    assert dialog.table.model.rowCount() == 0  # all paired in 2026-2027
    assert "already has a duo" in dialog.table.empty.label.text()
    dialog.year_combo.setCurrentText("2027-2028")
    assert dialog.table.model.rowCount() == 12
    whys = column(dialog.table, "Why")
    assert sum("asynchronous only (e-mail, blog, letters)" in why for why in whys) == 3
    first = dialog.selected()
    assert first is not None and first.score == max(s.score for s in dialog.table.model.records())
    assert "score" in dialog.details.text()
    dialog.create_button.click()
    editor = duos.editor
    assert editor.partner_combo.current_data() == first.candidate.class_id
    assert editor.year_combo.currentText() == "2027-2028"
    editor.ok_button.click()
    assert not editor.isVisible()
    assert duos.table.model.rowCount() == 13
    new = [v for v in list_duos(window.workspace.db) if v.duo.school_year == "2027-2028"]
    assert len(new) == 1 and new[0].duo.facilitator_id == (first.facilitator.id if first.facilitator else None)


def test_a_record_changed_meanwhile_is_reported_in_the_form(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    from dataclasses import replace

    from classesduo.services.facilitators import list_facilitators, save_facilitator

    window = make_window(demo_dir)
    page = open_schools(window, qtbot, 2)
    select(page.facilitators, lambda f: f.name == "Giulia Rossi")
    page.facilitators.edit_selected()
    dialog = page.facilitators.editor
    giulia = next(p for p in list_facilitators(window.workspace.db) if p.name == "Giulia Rossi")
    save_facilitator(window.workspace.db, replace(giulia, email="giulia@example.org"))  # someone else
    dialog.email_edit.setText("g.rossi@example.org")
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert "changed by someone else" in dialog.form.general_error.text()


def test_forms_follow_a_language_switch(make_window, data_dir: Path, qtbot) -> None:  # noqa: ANN001
    window = make_window(data_dir)
    page = open_schools(window, qtbot, 0)
    page.schools.add_record()
    dialog = page.schools.editor
    window.translations.apply("fr")
    window.translations.apply("en")
    assert dialog.windowTitle() == "New school"
    assert dialog.rule_note.text().startswith("French zone C school holidays")
    assert page.schools.add_action.text() == "Add… (Ctrl+N)"


def test_facilitators_tab_shows_the_workload(make_window, demo_dir: Path) -> None:  # noqa: ANN001
    window = make_window(demo_dir)
    page = window.pages["schools"]
    page.facilitators.now = lambda: datetime(2026, 11, 25, 12, tzinfo=UTC)
    page.facilitators.refresh()
    active = [int(v) for v in column(page.facilitators.table, "Active duos")]
    this_week = [int(v) for v in column(page.facilitators.table, "Sessions this week")]
    assert sum(active) == sum(1 for d in list_duos(window.workspace.db) if d.duo.status is DuoStatus.ACTIVE)
    assert sum(this_week) > 0


def test_country_field_ranks_codes_first_and_never_picks_by_a_stray_click(make_window, data_dir: Path,  # noqa: ANN001
                                                                          qtbot) -> None:
    """Finding 4: "FR" listed the Central African Republic first; a click into Languages picked a country."""
    from classesduo.ui.qt import QtWidgets

    window = make_window(data_dir)
    page = open_schools(window, qtbot, 0)
    qtbot.keyClick(window, QtCore.Qt.Key.Key_N, CTRL)
    dialog = page.schools.editor
    field = dialog.country_field
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    dialog.country_edit.clear()
    dialog.country_edit.setFocus()
    qtbot.keyClicks(dialog.country_edit, "FR")
    assert field.suggested_codes()[0] == "FR" and field.suggestions.item(0).text() == "FR — France"
    assert field.suggestions.isVisible() and not field.suggestions.isWindow()  # part of the form, not a popup
    top = field.suggestions.mapToGlobal(QtCore.QPoint(0, 0))
    languages = dialog.languages_edit.mapToGlobal(QtCore.QPoint(0, 0))
    assert languages.y() >= top.y() + field.suggestions.height()  # the next fields moved down, not covered
    # a single click on a suggestion only highlights it; a click into Languages picks nothing
    second = field.suggestions.visualItemRect(field.suggestions.item(1)).center()
    qtbot.mouseClick(field.suggestions.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=second)
    assert dialog.country_edit.text() == "FR"
    qtbot.mouseClick(dialog.languages_edit, QtCore.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not field.suggestions.isVisible(), timeout=2000)
    assert dialog.country_edit.text() == "FR"
    # typing a name in the interface's language and Enter picks it
    dialog.country_edit.setFocus()
    dialog.country_edit.clear()
    qtbot.keyClicks(dialog.country_edit, "germ")
    assert field.suggested_codes() == ["DE"]
    qtbot.keyClick(dialog.country_edit, QtCore.Qt.Key.Key_Return)
    assert dialog.country_edit.text() == "DE" and dialog.isVisible()
    assert isinstance(field.suggestions, QtWidgets.QListWidget)
    dialog.reject()


def test_errors_clear_once_fixed_and_long_names_are_refused_naming_the_limit(make_window, demo_dir: Path,  # noqa: ANN001
                                                                             qtbot) -> None:
    """Finding 6: "Choose a class from the list." stayed under a valid choice; a 640-character name was taken."""
    from classesduo.services.facilitators import list_facilitators

    window = make_window(demo_dir)
    window.nav.setCurrentRow(2)
    duos = window.pages["duos"]
    duos.now = lambda: NOW
    window.activateWindow()
    qtbot.keyClick(window, QtCore.Qt.Key.Key_N, CTRL)
    dialog = duos.editor
    dialog.paris_combo.setEditText("no such class")
    dialog.ok_button.click()
    error = dialog.form.errors["paris_class_id"]
    assert dialog.isVisible() and error.isVisible() and "Choose a class from the list." in error.text()
    dialog.paris_combo.setCurrentIndex(1)  # a real class
    qtbot.waitUntil(lambda: not error.isVisible(), timeout=2000)
    assert error.text() == ""
    dialog.guard.clean = dialog.guard.clean[:0]  # leave without the unsaved-changes question
    dialog.done(0)

    page = open_schools(window, qtbot, 2)
    page.facilitators.add_record()
    person = page.facilitators.editor
    person.name_edit.setText("N" * 640)
    person.ok_button.click()
    name_error = person.form.errors["name"]
    assert person.isVisible() and "At most 200 characters (640 typed)." in name_error.text()
    assert all(len(p.name) < 640 for p in list_facilitators(window.workspace.db))
    person.name_edit.setText("Nadia Benali")
    qtbot.waitUntil(lambda: not name_error.isVisible(), timeout=2000)
    person.ok_button.click()
    assert not person.isVisible()
