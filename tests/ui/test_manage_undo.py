"""Deleting, archiving and undoing through the real widgets."""

from __future__ import annotations

import re
from pathlib import Path

from classesduo.domain.enums import DuoStatus
from classesduo.services.classes import class_dependents, list_classes
from classesduo.services.duos import list_duos
from classesduo.services.schools import list_schools
from classesduo.ui.qt import QtCore

from .conftest import FakeDialogs
from .manage_helpers import CTRL, CTRL_SHIFT, add_paris_school, column, open_schools, select

def test_deleting_a_used_class_is_refused_with_its_dependents(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    dialogs = FakeDialogs(confirm_answer=False)
    window = make_window(demo_dir, dialogs=dialogs)
    page = open_schools(window, qtbot, 1)
    select(page.classes, lambda c: c.name == "CM1 A")
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
    assert len(archived) == 1 and "archived" in column(page.classes.table, "Archived")
    qtbot.keyClick(window, QtCore.Qt.Key.Key_Z, CTRL)
    assert not any(c.archived for c in list_classes(window.workspace.db))


def test_deleting_an_unused_school_asks_and_can_be_undone(make_window, data_dir: Path, qtbot) -> None:  # noqa: ANN001
    dialogs = FakeDialogs(confirm_answer=True)
    window = make_window(data_dir, dialogs=dialogs)
    page = add_paris_school(window, qtbot, "École Crimée", 19)
    select(page.schools, lambda s: s.name == "École Crimée")
    page.schools.delete_selected()
    assert "Nothing depends on it" in dialogs.asked[-1]
    assert list_schools(window.workspace.db) == []
    qtbot.keyClick(window, QtCore.Qt.Key.Key_Z, CTRL)
    (back,) = list_schools(window.workspace.db)
    assert back.name == "École Crimée" and back.arrondissement == 19 and back.windows
    qtbot.keyClick(window, QtCore.Qt.Key.Key_Z, CTRL)  # undo the creation too
    assert list_schools(window.workspace.db) == []
    qtbot.keyClick(window, QtCore.Qt.Key.Key_Y, CTRL)
    qtbot.keyClick(window, QtCore.Qt.Key.Key_Y, CTRL)  # redo the creation, then the deletion of the new id
    assert list_schools(window.workspace.db) == []
    assert not dialogs.errors


def test_ctrl_z_undoes_an_edit_and_ctrl_shift_z_redoes_it(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    window = make_window(demo_dir)
    page = open_schools(window, qtbot, 2)
    select(page.facilitators, lambda f: f.name == "Awa Diop")
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


def test_deleting_a_duo_with_history_offers_to_close_it(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    dialogs = FakeDialogs(confirm_answer=True)
    window = make_window(demo_dir, dialogs=dialogs)
    window.nav.setCurrentRow(2)
    duos = window.pages["duos"]
    select(duos, lambda v: v.partner.city == "Tokyo")
    duos.delete_selected()
    assert re.search(r"\d+ sessions and \d+ media items? belong to this duo", dialogs.asked[0])
    assert "Close the duo instead?" in dialogs.asked[0]
    tokyo = next(v for v in list_duos(window.workspace.db) if v.partner.city == "Tokyo")
    assert tokyo.duo.status is DuoStatus.CLOSED
    window.activateWindow()
    qtbot.keyClick(window, QtCore.Qt.Key.Key_Z, CTRL)
    tokyo = next(v for v in list_duos(window.workspace.db) if v.partner.city == "Tokyo")
    assert tokyo.duo.status is not DuoStatus.CLOSED


def test_undo_and_redo_of_creations_keep_references_to_recreated_records(make_window, data_dir: Path,  # noqa: ANN001
                                                                        qtbot) -> None:
    dialogs = FakeDialogs()
    window = make_window(data_dir, dialogs=dialogs)
    page = add_paris_school(window, qtbot, "École Buffon", 5)
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
    assert column(page.classes.table, "School") == ["École Buffon"]
    assert not dialogs.errors


def test_a_duo_without_history_is_deleted_after_confirmation_and_comes_back_on_undo(  # noqa: ANN201
        make_window, demo_dir: Path, qtbot):  # noqa: ANN001
    dialogs = FakeDialogs(confirm_answer=True)
    window = make_window(demo_dir, dialogs=dialogs)
    window.activateWindow()
    window.nav.setCurrentRow(2)
    duos = window.pages["duos"]
    select(duos, lambda v: v.duo.status is DuoStatus.PROPOSED)
    proposed = duos.table.selected_record()
    duos.table.view.setFocus()
    qtbot.keyClick(duos.table.view, QtCore.Qt.Key.Key_Delete)
    assert "Nothing depends on it" in dialogs.asked[-1]
    assert len(list_duos(window.workspace.db)) == 11
    qtbot.keyClick(window, QtCore.Qt.Key.Key_Z, CTRL)
    back = [v for v in list_duos(window.workspace.db) if v.duo.status is DuoStatus.PROPOSED]
    assert len(back) == 1 and back[0].label == proposed.label and back[0].duo.project == proposed.duo.project
    assert duos.table.model.rowCount() == 12 and not dialogs.errors
