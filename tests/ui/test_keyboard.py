"""Every page works from the keyboard: Tab leaves tables, the calendar's arrows and Enter, F2, Delete,
F10, context menus, and tooltips naming the keys."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from classesduo.ui.main_window import AREAS
from classesduo.ui.qt import QtCore, QtGui, QtWidgets
from classesduo.ui.tooltips import keys_text, name_shortcuts
from tests.ui.fit_checks import settle

from .conftest import FakeDialogs
from .manage_helpers import open_schools, select

KEY = QtCore.Qt.Key


def test_tab_leaves_every_table(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    from classesduo.ui.pages.list_page import RecordTable

    window = make_window(demo_dir)
    for row, area in enumerate(AREAS):
        window.show_area(row)
        settle()
        for table in window.stack.currentWidget().findChildren(RecordTable):
            if not table.view.isVisible():
                continue
            table.view.setFocus()
            settle(2)
            assert table.view.hasFocus(), area.key
            qtbot.keyClick(table.view, KEY.Key_Tab)
            settle(2)
            assert not table.view.hasFocus(), f"Tab stays in a table of {area.key}"


def _calendar(make_window, demo_dir: Path, day: date):  # noqa: ANN001, ANN202
    window = make_window(demo_dir)
    window.show_area(3)
    page = window.pages["calendar"]
    page.anchor = day
    page.refresh()
    settle()
    return window, page


def test_week_view_arrows_move_the_selection_and_enter_opens_it(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    window, page = _calendar(make_window, demo_dir, date(2026, 12, 8))
    canvas = page.week.canvas
    ordered = sorted(canvas.items, key=lambda item: item.paris_start)
    assert len(ordered) >= 2
    canvas.setFocus()
    qtbot.keyClick(canvas, KEY.Key_Down)
    assert canvas.selected == ordered[0]
    qtbot.keyClick(canvas, KEY.Key_Down)
    assert canvas.selected == ordered[1]
    qtbot.keyClick(canvas, KEY.Key_Up)
    assert canvas.selected == ordered[0]
    qtbot.keyClick(canvas, KEY.Key_Right)  # the first session of the next day that has one
    assert canvas.selected.paris_start.date() > ordered[0].paris_start.date()
    opened = []
    page.run_dialog = lambda dialog: opened.append(dialog.session.id) or 0  # the session dialog, not its modal loop
    qtbot.keyClick(canvas, KEY.Key_Return)
    assert opened == [canvas.selected.session_id]


def test_month_view_arrows_and_enter(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    window, page = _calendar(make_window, demo_dir, date(2026, 12, 8))
    page.set_mode("month")
    settle()
    month = page.month
    ordered = sorted(month.items, key=lambda item: item.paris_start)
    month.setFocus()
    qtbot.keyClick(month, KEY.Key_Right)
    assert month.selected == ordered[0]
    qtbot.keyClick(month, KEY.Key_Right)
    assert month.selected == ordered[1]
    qtbot.keyClick(month, KEY.Key_Down)  # a week later
    assert (month.selected.paris_start.date() - ordered[1].paris_start.date()).days >= 7
    opened = []
    page.run_dialog = lambda dialog: opened.append(dialog.session.id) or 0  # the session dialog, not its modal loop
    qtbot.keyClick(month, KEY.Key_Enter)
    assert opened == [month.selected.session_id]


def test_calendar_items_have_a_context_menu_with_the_same_actions(make_window, demo_dir: Path) -> None:  # noqa: ANN001
    window, page = _calendar(make_window, demo_dir, date(2026, 12, 8))
    canvas = page.week.canvas
    item = sorted(canvas.items, key=lambda item: item.paris_start)[0]
    menu = canvas.item_menu(item)
    texts = [action.text() for action in menu.actions()]
    assert texts[0].startswith("Open") and any("Log" in text for text in texts)
    logged = []
    page.log_requested.connect(logged.append)
    next(action for action in menu.actions() if "Log" in action.text()).trigger()
    assert logged == [item.session_id]


def test_tables_have_a_context_menu_and_f2_delete_work(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    dialogs = FakeDialogs(confirm_answer=False)
    window = make_window(demo_dir, dialogs=dialogs)
    page = open_schools(window, qtbot, 2)
    view = page.facilitators.table.view
    assert view.contextMenuPolicy() == QtCore.Qt.ContextMenuPolicy.ActionsContextMenu
    actions = view.actions()
    assert page.facilitators.edit_action in actions and page.facilitators.delete_action in actions
    select(page.facilitators, lambda f: f.name == "Awa Diop")
    view.setFocus()
    qtbot.keyClick(view, KEY.Key_F2)
    assert page.facilitators.editor is not None and page.facilitators.editor.isVisible()
    page.facilitators.editor.reject()
    qtbot.keyClick(view, KEY.Key_Delete)
    assert dialogs.asked  # asked before deleting (and undo follows, tests/ui/test_manage_undo.py)
    home = window.pages["home"]
    assert all(table.open_action in table.view.actions() for table in
               (home.week_table, home.to_log_table, home.quiet_table, home.absent_table))


@pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen: no keyboard grab for the menu bar
def test_f10_opens_the_menu(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    window = make_window(demo_dir)
    window.activateWindow()
    window.nav.setFocus()
    qtbot.keyClick(window.nav, KEY.Key_F10)
    assert window.menuBar().activeAction() is window.file_menu.menuAction()


def test_every_action_names_its_shortcut_and_icon_only_controls_have_names(make_window, demo_dir: Path) -> None:  # noqa: ANN001
    window = make_window(demo_dir, language="fr")
    try:
        problems = []
        for row, area in enumerate(AREAS):
            window.show_area(row)
            settle()
            tip = window.nav.item(row).toolTip()
            if f"Ctrl+{row + 1}" not in tip:
                problems.append(f"navigation item {area.key}: {tip!r}")
        for action in window.findChildren(QtGui.QAction):
            keys = keys_text(action)
            if keys and action.text() and keys not in action.toolTip():
                problems.append(f"action {action.text()!r}: tooltip {action.toolTip()!r} lacks {keys}")
        for page_key, page in window.pages.items():
            for button in page.findChildren(QtWidgets.QAbstractButton):
                if not button.text() and button.icon().isNull():
                    continue  # Qt's own internals (scroll arrows…)
                shown_by_action = isinstance(button, QtWidgets.QToolButton) and button.defaultAction() is not None
                if not shown_by_action and not button.toolTip():
                    problems.append(f"{page_key}: button {button.text()!r} {type(button).__name__} {button.objectName()} {type(button.parent()).__name__} has no tooltip")
                if not any(c.isalnum() for c in button.text()) and not button.accessibleName():
                    problems.append(f"{page_key}: icon-only button {button.text()!r} {type(button).__name__} {button.objectName()} {type(button.parent()).__name__} has no accessible name")
        assert not problems, "\n".join(problems[:30])
        name_shortcuts(window)  # running again changes nothing written by hand
        assert window.pages["calendar"].toolbar.next_button.toolTip() == "Suivant (Alt+Droite)" or \
            "Alt+" in window.pages["calendar"].toolbar.next_button.toolTip()
    finally:
        window.translations.apply("en")


def test_read_only_tables_of_dialogs_and_reports_let_tab_leave(make_window, demo_dir: Path) -> None:  # noqa: ANN001
    from classesduo.paths import AppPaths
    from classesduo.ui.restore_dialog import RestoreDialog

    window = make_window(demo_dir)
    window.show_area(6)
    reports = window.pages["reports"]
    reports.start_preview()
    for _ in range(100):
        settle()
        if reports.findChildren(QtWidgets.QTableWidget):
            break
        QtCore.QThread.msleep(50)
    tables = list(reports.findChildren(QtWidgets.QTableWidget))
    assert tables, "the report preview shows its tables"
    restore = RestoreDialog(AppPaths.resolve(demo_dir), window)
    tables += [restore.table]
    assert tables
    for table in tables:
        assert not table.tabKeyNavigation(), table
    restore.deleteLater()


def test_action_tooltips_follow_every_language_switch_and_name_each_key_once(make_window, demo_dir: Path) -> None:  # noqa: ANN001
    """Review finding: after en → fr → en an action kept its French tooltip; Redo named its keys twice."""
    window = make_window(demo_dir)
    try:
        def tips() -> dict[str, str]:
            settle()
            return {action.objectName() or action.text(): action.toolTip()
                    for action in window.findChildren(QtGui.QAction) if keys_text(action) and action.text()}

        english = tips()
        window.translations.apply("fr")
        french = tips()
        window.translations.apply("en")
        assert tips() == english
        window.translations.apply("fr")
        assert tips() == french
        window.translations.apply("en")
        assert tips() == english
        for action in window.findChildren(QtGui.QAction):
            for key in keys_text(action).split(", "):
                if key:
                    assert action.toolTip().count(key) <= 1, action.toolTip()
    finally:
        window.translations.apply("en")


@pytest.mark.parametrize("text", ["Edit… (Enter)", "Suggest partners…", "&Save", "A && B...", "Plain"])
def test_the_default_tooltip_qt_derives_from_a_text_is_recognised(qapp, text: str) -> None:  # noqa: ANN001
    """Otherwise Qt's own default ("Edit (Enter)" for "Edit… (Enter)") is taken for a hand-written tooltip."""
    from classesduo.ui.tooltips import _qt_default_tip

    assert _qt_default_tip(text) == QtGui.QAction(text).toolTip()


@pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen: no keyboard grab for the menu
def test_shift_f10_opens_the_context_menu_of_the_focused_widget(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    """Shift+F10 (the Menu key's twin) did nothing: Qt maps only the Menu key to a context menu."""
    window, page = _calendar(make_window, demo_dir, date(2026, 12, 8))
    canvas = page.week.canvas
    window.activateWindow()
    canvas.setFocus()
    qtbot.waitUntil(canvas.hasFocus)
    canvas.select(sorted(canvas.items, key=lambda item: item.paris_start)[0])
    qtbot.keyClick(canvas, KEY.Key_F10, QtCore.Qt.KeyboardModifier.ShiftModifier)
    menu = getattr(canvas, "last_menu", None)
    assert menu is not None and menu.isVisible()
    assert [action.text() for action in menu.actions()][0].startswith("Open")
    menu.close()
    assert window.menuBar().activeAction() is None  # not F10's menu bar
    qtbot.keyClick(canvas, KEY.Key_Escape)  # a plain key: Qt forgets the Shift the shortcut swallowed
    assert QtWidgets.QApplication.keyboardModifiers() == QtCore.Qt.KeyboardModifier.NoModifier
