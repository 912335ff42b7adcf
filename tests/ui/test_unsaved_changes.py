"""Finding 3: typed work is never thrown away silently — Save / Discard / Cancel on every editor."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from classesduo.services.schools import list_schools
from classesduo.ui.qt import QtCore

from .conftest import FakeDialogs
from .manage_helpers import CTRL, open_schools

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=ZoneInfo("Europe/Paris"))


def _escape(qtbot, widget) -> None:  # noqa: ANN001
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=5000)
    qtbot.keyClick(widget, QtCore.Qt.Key.Key_Escape)


def _new_school(window, page, qtbot):  # noqa: ANN001, ANN202
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    before = page.schools.editor
    qtbot.keyClick(window, QtCore.Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: page.schools.editor is not before, timeout=5000)
    return page.schools.editor


def test_escape_in_a_half_filled_new_school_form_asks_first(make_window, data_dir: Path, qtbot) -> None:  # noqa: ANN001
    dialogs = FakeDialogs()
    window = make_window(data_dir, dialogs=dialogs)
    page = open_schools(window, qtbot, 0)
    page.schools.dialogs = dialogs
    form = _new_school(window, page, qtbot)
    qtbot.waitUntil(form.isVisible, timeout=5000)
    _escape(qtbot, form)  # nothing typed: closes without a question
    assert not form.isVisible() and dialogs.asked == []

    form = _new_school(window, page, qtbot)
    qtbot.waitUntil(form.isVisible, timeout=5000)
    form.name_edit.setText("École Parmentier")
    form.arrondissement_spin.setValue(11)
    form.today = lambda: NOW.date()
    dialogs.choose_answer = "cancel"
    _escape(qtbot, form)
    assert form.isVisible() and len(dialogs.asked) == 1 and "Save the changes" in dialogs.asked[0]
    assert form.name_edit.text() == "École Parmentier"
    dialogs.choose_answer = "save"
    _escape(qtbot, form)  # Save from the question: stored, form closed
    assert not form.isVisible()
    assert "École Parmentier" in {school.name for school in list_schools(window.workspace.db)}

    form = _new_school(window, page, qtbot)
    qtbot.waitUntil(form.isVisible, timeout=5000)
    form.name_edit.setText("École Vaugirard")
    dialogs.choose_answer = "discard"
    form.close()  # the window's close button
    assert not form.isVisible()
    assert "École Vaugirard" not in {school.name for school in list_schools(window.workspace.db)}


def test_escape_in_a_filled_log_form_asks_first(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    dialogs = FakeDialogs(choose_answer="cancel")
    window = make_window(demo_dir, dialogs=dialogs)
    window.log_actions.clock = lambda: NOW
    window.refresh_all()
    view = window.pages["home"].to_log_table.model.records()[0]
    form = window.log_actions.open_form(session=view)
    qtbot.waitUntil(form.isVisible, timeout=5000)
    form.paris_box.setValue(12)
    form.notes_edit.setPlainText("Une longue note " * 20)
    _escape(qtbot, form)
    assert form.isVisible() and dialogs.asked and form.notes_edit.toPlainText().startswith("Une longue note")
    dialogs.choose_answer = "discard"
    _escape(qtbot, form)
    assert not form.isVisible()


def test_the_log_form_keeps_a_draft_across_a_restart(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    from classesduo.ui.qt import QtWidgets

    dialogs = FakeDialogs(choose_answer="discard")
    window = make_window(demo_dir, dialogs=dialogs)
    window.log_actions.clock = lambda: NOW
    window.refresh_all()
    view = window.pages["home"].to_log_table.model.records()[0]
    form = window.log_actions.open_form(session=view)
    form.partner_box.setValue(11)
    form.activities_edit.setPlainText("Chanson des saisons")
    drafts = demo_dir / "drafts"
    qtbot.waitUntil(lambda: any(drafts.glob("log-*.json")), timeout=5000)
    QtWidgets.QDialog.reject(form)  # the app goes away without asking (crash, shutdown)
    qtbot.waitUntil(lambda: window.log_actions.form is None, timeout=5000)
    window.close()

    window = make_window(demo_dir, dialogs=dialogs)  # restarted
    window.log_actions.clock = lambda: NOW
    window.refresh_all()
    form = window.log_actions.open_form(session=view)
    assert form.draft_restored and form.activities_edit.toPlainText() == "Chanson des saisons"
    assert form.partner_box.value() == 11 and "draft" in form.general_error.text()
    form.reject()  # asked: discard
    assert not form.isVisible() and not any(drafts.glob("log-*.json"))
