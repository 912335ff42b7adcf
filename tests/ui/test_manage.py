"""Managing schools, classes, facilitators and duos through the real widgets."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from classesduo.domain.enums import DuoStatus, HolidaySource, Side
from classesduo.services.classes import class_dependents, list_classes
from classesduo.services.duos import list_duos
from classesduo.services.schools import list_schools
from classesduo.ui.qt import QtCore

from .conftest import FakeDialogs

CTRL = QtCore.Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | QtCore.Qt.KeyboardModifier.ShiftModifier
NOW = datetime(2026, 11, 28, 12, tzinfo=UTC)
TODAY = NOW.date()


def _names(table) -> list[str]:  # noqa: ANN001
    return [str(table.proxy.index(row, 0).data()) for row in range(table.proxy.rowCount())]


def _column(table, title: str) -> list[str]:  # noqa: ANN001
    column = next(c for c in range(table.model.columnCount()) if table.model.headerData(
        c, QtCore.Qt.Orientation.Horizontal) == title)
    return [str(table.model.index(row, column).data()) for row in range(table.model.rowCount())]


def _select(page, predicate) -> None:  # noqa: ANN001
    table = page.table
    for row in range(table.proxy.rowCount()):
        record = table.proxy.index(row, 0).data(QtCore.Qt.ItemDataRole.UserRole + 2)
        if predicate(record):
            table.view.selectRow(row)
            return
    raise AssertionError("no such row")


def _open_schools(window, qtbot, tab: int):  # noqa: ANN001
    window.activateWindow()
    window.nav.setCurrentRow(1)
    page = window.pages["schools"]
    page.tabs.setCurrentIndex(tab)
    return page


def _add_paris_school(window, qtbot, name: str, arrondissement: int = 11):  # noqa: ANN001
    page = _open_schools(window, qtbot, 0)
    qtbot.keyClick(window, QtCore.Qt.Key.Key_N, CTRL)
    dialog = page.schools.editor
    assert dialog is not None and dialog.isVisible()
    dialog.name_edit.setText(name)
    dialog.arrondissement_spin.setValue(arrondissement)
    dialog.today = lambda: TODAY  # the shipped zone C file covers 2025-2026 to 2026-2027
    dialog.holidays_editor.fill_button.click()
    dialog.ok_button.click()
    assert not dialog.isVisible()
    return page


def test_create_school_class_and_duo_through_the_gui(make_window, data_dir: Path, qtbot) -> None:  # noqa: ANN001
    window = make_window(data_dir)
    page = _add_paris_school(window, qtbot, "École Parmentier")
    assert "École Parmentier" in _names(page.schools.table)

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
    partner.holidays_editor.fill_button.click()
    assert partner.holidays_editor.table.rowCount() > 5
    partner.ok_button.click()
    assert not partner.isVisible()
    stored = {s.name: s for s in list_schools(window.workspace.db)}
    assert stored["École Parmentier"].holidays and all(
        h.source is HolidaySource.ZONE_C for h in stored["École Parmentier"].holidays)
    assert len(stored["École Parmentier"].windows) == 2
    assert {h.source for h in stored["École Saint-Louis"].holidays} == {HolidaySource.PUBLIC}

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
    assert sorted(_column(page.classes.table, "Class")) == ["4e B", "CM1 A"]

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
    assert _column(duos.table, "Partner school") == ["École Saint-Louis"]
    (view,) = list_duos(window.workspace.db)
    assert view.duo.project == "Nos quartiers" and view.duo.languages == ["fr", "en"]


def test_a_bad_time_zone_is_shown_next_to_the_field(make_window, data_dir: Path, qtbot) -> None:  # noqa: ANN001
    window = make_window(data_dir)
    page = _open_schools(window, qtbot, 0)
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
    country_completer = dialog.country_edit.completer()
    country_completer.setCompletionPrefix("Argen")
    assert country_completer.pathFromIndex(country_completer.currentIndex()) == "AR"
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
    page = _open_schools(window, qtbot, 0)
    page.schools.add_record()
    dialog = page.schools.editor
    dialog.name_edit.setText("École Tolbiac")
    dialog.arrondissement_spin.setValue(13)
    dialog.windows_editor.table.cellWidget(0, 2).setTime(QtCore.QTime(14, 0))
    dialog.ok_button.click()
    assert dialog.windows_editor.error.isVisible()
    assert "must end after it starts (15:00–14:00)" in dialog.windows_editor.error.text()


def test_deleting_a_used_class_is_refused_with_its_dependents(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    dialogs = FakeDialogs(confirm_answer=False)
    window = make_window(demo_dir, dialogs=dialogs)
    page = _open_schools(window, qtbot, 1)
    _select(page.classes, lambda c: c.name == "CM1 A")
    page.classes.table.view.setFocus()
    qtbot.keyClick(page.classes.table.view, QtCore.Qt.Key.Key_Delete)
    assert len(dialogs.asked) == 1
    duos, sessions = class_dependents(window.workspace.db, page.classes.table.selected_record().id)
    assert duos == 1 and sessions > 1
    assert f"1 duo and {sessions} sessions use this class" in dialogs.asked[0]
    assert "Archive it instead?" in dialogs.asked[0]
    assert len(list_classes(window.workspace.db)) == 24  # nothing deleted
    dialogs.confirm_answer = True
    page.classes.delete_selected()
    archived = [c for c in list_classes(window.workspace.db) if c.archived]
    assert len(archived) == 1 and "archived" in _column(page.classes.table, "Archived")
    qtbot.keyClick(window, QtCore.Qt.Key.Key_Z, CTRL)
    assert not any(c.archived for c in list_classes(window.workspace.db))


def test_deleting_an_unused_school_asks_and_can_be_undone(make_window, data_dir: Path, qtbot) -> None:  # noqa: ANN001
    dialogs = FakeDialogs(confirm_answer=True)
    window = make_window(data_dir, dialogs=dialogs)
    page = _add_paris_school(window, qtbot, "École Crimée", 19)
    _select(page.schools, lambda s: s.name == "École Crimée")
    page.schools.delete_selected()
    assert "Nothing depends on it" in dialogs.asked[-1]
    assert list_schools(window.workspace.db) == []
    qtbot.keyClick(window, QtCore.Qt.Key.Key_Z, CTRL)
    (back,) = list_schools(window.workspace.db)
    assert back.name == "École Crimée" and back.arrondissement == 19 and back.holidays
    qtbot.keyClick(window, QtCore.Qt.Key.Key_Z, CTRL)  # undo the creation too
    assert list_schools(window.workspace.db) == []
    qtbot.keyClick(window, QtCore.Qt.Key.Key_Y, CTRL)
    qtbot.keyClick(window, QtCore.Qt.Key.Key_Y, CTRL)  # redo the creation, then the deletion of the new id
    assert list_schools(window.workspace.db) == []
    assert not dialogs.errors


def test_ctrl_z_undoes_an_edit_and_ctrl_shift_z_redoes_it(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    window = make_window(demo_dir)
    page = _open_schools(window, qtbot, 2)
    _select(page.facilitators, lambda f: f.name == "Awa Diop")
    page.facilitators.table.view.setFocus()
    qtbot.keyClick(page.facilitators.table.view, QtCore.Qt.Key.Key_Return)
    dialog = page.facilitators.editor
    assert dialog.name_edit.text() == "Awa Diop"
    dialog.languages_edit.setText("fr, wo, en")
    dialog.ok_button.click()

    def awa():  # noqa: ANN202
        from classesduo.services.facilitators import list_facilitators

        return next(p for p in list_facilitators(window.workspace.db) if p.name == "Awa Diop")

    assert awa().languages == ["fr", "wo", "en"]
    assert page.undo_action.text() == "Undo edit “Awa Diop”"
    version = awa().version
    qtbot.keyClick(window, QtCore.Qt.Key.Key_Z, CTRL)
    assert awa().languages == ["fr", "wo"]
    assert awa().version == version + 1  # restored by saving over the current version, not the old one
    qtbot.keyClick(window, QtCore.Qt.Key.Key_Z, CTRL_SHIFT)
    assert awa().languages == ["fr", "wo", "en"]
    assert page.undo_action.isEnabled() and not page.redo_action.isEnabled()


def test_facilitators_tab_shows_the_workload(make_window, demo_dir: Path) -> None:  # noqa: ANN001
    window = make_window(demo_dir)
    page = window.pages["schools"]
    page.facilitators.now = lambda: datetime(2026, 11, 25, 12, tzinfo=UTC)
    page.facilitators.refresh()
    active = [int(v) for v in _column(page.facilitators.table, "Active duos")]
    this_week = [int(v) for v in _column(page.facilitators.table, "Sessions this week")]
    assert sum(active) == sum(1 for d in list_duos(window.workspace.db) if d.duo.status is DuoStatus.ACTIVE)
    assert sum(this_week) > 0


def test_deleting_a_duo_with_history_offers_to_close_it(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    dialogs = FakeDialogs(confirm_answer=True)
    window = make_window(demo_dir, dialogs=dialogs)
    window.nav.setCurrentRow(2)
    duos = window.pages["duos"]
    _select(duos, lambda v: v.partner.city == "Tokyo")
    duos.delete_selected()
    assert "sessions and" in dialogs.asked[0] and "belong to this duo" in dialogs.asked[0]
    assert "Close the duo instead?" in dialogs.asked[0]
    tokyo = next(v for v in list_duos(window.workspace.db) if v.partner.city == "Tokyo")
    assert tokyo.duo.status is DuoStatus.CLOSED
    window.activateWindow()
    qtbot.keyClick(window, QtCore.Qt.Key.Key_Z, CTRL)
    tokyo = next(v for v in list_duos(window.workspace.db) if v.partner.city == "Tokyo")
    assert tokyo.duo.status is not DuoStatus.CLOSED


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
    whys = _column(dialog.table, "Why")
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


def test_undo_and_redo_of_creations_keep_references_to_recreated_records(make_window, data_dir: Path,  # noqa: ANN001
                                                                        qtbot) -> None:
    dialogs = FakeDialogs()
    window = make_window(data_dir, dialogs=dialogs)
    page = _add_paris_school(window, qtbot, "École Buffon", 5)
    page.tabs.setCurrentIndex(1)
    page.classes.add_record()
    dialog = page.classes.editor
    dialog.school_combo.select_data(list_schools(window.workspace.db)[0].id)
    dialog.name_edit.setText("CM2 B")
    dialog.level_combo.setEditText("CM2")
    dialog.ok_button.click()
    assert [c.name for c in list_classes(window.workspace.db)] == ["CM2 B"]
    for _ in range(2):
        qtbot.keyClick(window, QtCore.Qt.Key.Key_Z, CTRL)
    assert list_schools(window.workspace.db) == [] and list_classes(window.workspace.db) == []
    for _ in range(2):
        qtbot.keyClick(window, QtCore.Qt.Key.Key_Z, CTRL_SHIFT)
    (school,) = list_schools(window.workspace.db)
    (group,) = list_classes(window.workspace.db)
    assert group.school_id == school.id  # the class follows the school re-created under a new id
    assert _column(page.classes.table, "School") == ["École Buffon"]
    assert not dialogs.errors


def test_a_record_changed_meanwhile_is_reported_in_the_form(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    from dataclasses import replace

    from classesduo.services.facilitators import list_facilitators, save_facilitator

    window = make_window(demo_dir)
    page = _open_schools(window, qtbot, 2)
    _select(page.facilitators, lambda f: f.name == "Giulia Rossi")
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
    page = _open_schools(window, qtbot, 0)
    page.schools.add_record()
    dialog = page.schools.editor
    window.translations.apply("fr")
    window.translations.apply("en")
    assert dialog.windowTitle() == "New school"
    assert dialog.holidays_editor.fill_button.text() == "Fill French zone C holidays"
    assert page.schools.add_action.text() == "Add… (Ctrl+N)"
