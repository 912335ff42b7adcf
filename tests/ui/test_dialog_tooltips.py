"""Every dialog of the app names its keys and its icon-only controls like the main window does.

The dialogs are found, not listed: every ``QDialog`` subclass in the package must derive from
:class:`classesduo.ui.base_dialog.Dialog` and have a way to open it below, and no code builds a bare
``QDialog``; each one is then opened on the demo data, in English and in French, and checked.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

import classesduo
from classesduo.ui.base_dialog import Dialog
from classesduo.ui.qt import QtCore, QtGui, QtWidgets
from classesduo.ui.tooltips import keys_text
from tests.ui.fit_checks import settle

PACKAGE = Path(classesduo.__file__).parent
#: Bases that are never opened themselves; each must have subclasses that are.
BASES = {"classesduo.ui.base_dialog.Dialog", "classesduo.ui.forms.record_dialog.RecordDialog"}


def _name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def dialog_classes() -> list[type]:
    """Every QDialog subclass defined in the package (every module imported first)."""
    for module in pkgutil.walk_packages([str(PACKAGE / "ui")], "classesduo.ui."):
        importlib.import_module(module.name)
    found, todo = [], list(QtWidgets.QDialog.__subclasses__())
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        if cls.__module__.startswith("classesduo.") and cls not in found:
            found.append(cls)
    return sorted(found, key=_name)


# how each dialog is opened, on a window showing the demo programme ------------------------------------------
def _capture(page) -> list[QtWidgets.QDialog]:  # noqa: ANN001
    """Dialogs a page would run modally are shown instead, and kept for the test."""
    shown: list[QtWidgets.QDialog] = []

    def run(dialog: QtWidgets.QDialog) -> int:
        shown.append(dialog)
        dialog.show()
        return 0

    page.run_dialog = run
    return shown


def _a_session(window):  # noqa: ANN001, ANN202
    from classesduo.services.sessions import list_sessions

    return list_sessions(window.workspace.db, start=datetime(2026, 12, 1, tzinfo=UTC),
                         end=datetime(2026, 12, 31, tzinfo=UTC))[0]


def _from_calendar(window, open_it):  # noqa: ANN001, ANN202
    """The dialog the calendar page shows when ``open_it(page)`` runs."""
    page = window.pages["calendar"]
    shown = _capture(page)
    open_it(page)
    return shown[-1]


def _session_dialog(window):  # noqa: ANN001, ANN202
    # an existing visio: its invitation, log, delete buttons
    return _from_calendar(window, lambda page: page.edit_session(_a_session(window).session.id))


def _new_session_dialog(window):  # noqa: ANN001, ANN202
    return _from_calendar(window, lambda page: page.new_session())


def _finder(window):  # noqa: ANN001, ANN202
    return _from_calendar(window, lambda page: page.find_slot(start=date(2027, 3, 1)))


def _term_slots(window):  # noqa: ANN001, ANN202
    return _from_calendar(window, lambda page: page.find_all_slots())


def _invitation(window):  # noqa: ANN001, ANN202
    from classesduo.services import planning

    session = planning.get_session(window.workspace.db, _a_session(window).session.id)
    return _from_calendar(window, lambda page: page.show_invitation(session))


def _connect(window):  # noqa: ANN001, ANN202
    bar = window.pages["calendar"].sync_bar
    shown: list[QtWidgets.QDialog] = []
    bar.run_dialog = lambda dialog: shown.append(dialog) or dialog.show() or 0
    bar.connect_calendar()
    return shown[-1]


def _timetables(window):  # noqa: ANN001, ANN202
    from classesduo.ui.calendar.timetables_dialog import TimetablesDialog

    return TimetablesDialog(window.workspace.db, _a_session(window).session.duo_id, date(2026, 12, 7), window)


def _school(window):  # noqa: ANN001, ANN202
    from classesduo.services.schools import list_schools

    return window.pages["schools"].schools.make_dialog(list_schools(window.workspace.db)[0])


def _class(window):  # noqa: ANN001, ANN202
    from classesduo.services.classes import list_classes

    return window.pages["schools"].classes.make_dialog(list_classes(window.workspace.db)[0])


def _facilitator(window):  # noqa: ANN001, ANN202
    from classesduo.services.facilitators import list_facilitators

    return window.pages["schools"].facilitators.make_dialog(list_facilitators(window.workspace.db)[0])


def _duo(window):  # noqa: ANN001, ANN202
    from classesduo.services.duos import list_duos

    return window.pages["duos"].make_dialog(list_duos(window.workspace.db)[0].duo)


def _suggestions(window):  # noqa: ANN001, ANN202
    page = window.pages["duos"]
    page.suggest_partners()
    return page.suggestions_dialog


def _log_form(window):  # noqa: ANN001, ANN202
    return window.log_actions.open_form(_a_session(window))


def _preferences(window):  # noqa: ANN001, ANN202
    from classesduo.ui.preferences_dialog import PreferencesDialog

    return PreferencesDialog(window.settings, window)


def _restore(window):  # noqa: ANN001, ANN202
    from classesduo.services.backups import backup_now
    from classesduo.ui.restore_dialog import RestoreDialog

    backup_now(window.workspace)
    return RestoreDialog(window.paths, window)


def _import(window):  # noqa: ANN001, ANN202
    window.import_csv()
    return window.import_dialog


def _import_problems(window):  # noqa: ANN001, ANN202
    from classesduo.services.importing import Problem
    from classesduo.ui.import_result_dialog import ImportResultDialog

    return ImportResultDialog(window, problems=[Problem("schools.csv", "Unknown time zone", 3, "timezone")],
                              file_name="schools.csv")


def _term_dates(window):  # noqa: ANN001, ANN202
    from classesduo.services.term_slots import term_around
    from classesduo.ui.term_dates_dialog import TermDatesDialog

    return TermDatesDialog(term_around(window.workspace.db, date(2026, 12, 2)), lambda term: term, window)


def _choose_many(window):  # noqa: ANN001, ANN202
    """The check-list question of :class:`Dialogs` (a plain :class:`Dialog`, run modally there)."""
    from classesduo.ui import dialogs

    shown: list[QtWidgets.QDialog] = []

    class Shown(Dialog):
        def exec(self) -> int:  # noqa: A003
            shown.append(self)
            self.show()
            return 0

    original = dialogs.Dialog
    dialogs.Dialog = Shown
    try:
        dialogs.Dialogs().choose_many(window, "Duos", "Which duos?", ["A", "B"])
    finally:
        dialogs.Dialog = original
    return shown[-1]


OPENERS: dict[str, list[Callable]] = {
    "classesduo.ui.calendar.session_dialog.SessionDialog": [_session_dialog, _new_session_dialog],
    "classesduo.ui.calendar.finder_dialog.FinderDialog": [_finder],
    "classesduo.ui.calendar.term_slots_dialog.TermSlotsDialog": [_term_slots],
    "classesduo.ui.calendar.invitation_dialog.InvitationDialog": [_invitation],
    "classesduo.ui.calendar.sync_bar.ConnectDialog": [_connect],
    "classesduo.ui.calendar.timetables_dialog.TimetablesDialog": [_timetables],
    "classesduo.ui.forms.school_dialog.SchoolDialog": [_school],
    "classesduo.ui.forms.class_dialog.ClassDialog": [_class],
    "classesduo.ui.forms.facilitator_dialog.FacilitatorDialog": [_facilitator],
    "classesduo.ui.forms.duo_dialog.DuoDialog": [_duo],
    "classesduo.ui.pages.suggestions_dialog.SuggestionsDialog": [_suggestions],
    "classesduo.ui.log_form.LogForm": [_log_form],
    "classesduo.ui.preferences_dialog.PreferencesDialog": [_preferences],
    "classesduo.ui.restore_dialog.RestoreDialog": [_restore],
    "classesduo.ui.import_dialog.ImportDialog": [_import],
    "classesduo.ui.import_result_dialog.ImportResultDialog": [_import_problems],
    "classesduo.ui.term_dates_dialog.TermDatesDialog": [_term_dates],
}


# what is checked ------------------------------------------------------------------------------------------
def _button_keys(button: QtWidgets.QAbstractButton) -> str:
    keys = button.shortcut()
    if keys.isEmpty():
        keys = QtGui.QKeySequence.mnemonic(button.text())
    return keys.toString(QtGui.QKeySequence.SequenceFormat.NativeText)


def naming_problems(dialog: QtWidgets.QWidget) -> list[str]:
    """What lacks its key in a tooltip or its accessible name, among the dialog's visible controls."""
    where = type(dialog).__name__
    problems = []
    for action in dialog.findChildren(QtGui.QAction):
        keys = keys_text(action)
        if action.isVisible() and action.isEnabled() and keys and action.text() and keys not in action.toolTip():
            problems.append(f"{where}: action {action.text()!r}: tooltip {action.toolTip()!r} lacks {keys}")
    for button in dialog.findChildren(QtWidgets.QAbstractButton):
        if not button.isVisibleTo(dialog):
            continue
        action = button.defaultAction() if isinstance(button, QtWidgets.QToolButton) else None
        shown_by_action = action is not None and bool(action.text())
        keys = _button_keys(button)
        if keys and not shown_by_action and keys not in button.toolTip():
            problems.append(f"{where}: button {button.text()!r}: tooltip {button.toolTip()!r} lacks {keys}")
        if not any(c.isalnum() for c in button.text()) and not button.accessibleName():
            problems.append(f"{where}: icon-only button {type(button).__name__} {button.objectName()!r} "
                            f"(tooltip {button.toolTip()!r}) has no accessible name")
    for label in dialog.findChildren(QtWidgets.QLabel):
        if label.isVisibleTo(dialog) and not label.text() and not label.pixmap().isNull() and \
                not label.accessibleName():
            problems.append(f"{where}: picture-only label {label.objectName()!r} has no accessible name")
    return problems


def mnemonic_clashes(dialog: QtWidgets.QWidget) -> list[str]:
    """Two visible controls of one dialog with the same Alt+letter: the key reaches only one of them."""
    import re

    owners: dict[str, list[str]] = {}
    widgets = [w for w in dialog.findChildren(QtWidgets.QWidget) if w.isVisibleTo(dialog)]
    for widget in widgets:
        if isinstance(widget, QtWidgets.QAbstractButton | QtWidgets.QLabel | QtWidgets.QGroupBox):
            text = widget.title() if isinstance(widget, QtWidgets.QGroupBox) else widget.text()
            if isinstance(widget, QtWidgets.QLabel) and widget.buddy() is None:
                continue  # a label's & marks a key only when it has a buddy
            match = re.search(r"&([^&\s])", text.replace("&&", ""))
            if match:
                owners.setdefault(match.group(1).lower(), []).append(text)
    where = f"{type(dialog).__name__} ({dialog.windowTitle()!r})"
    return [f"{where}: Alt+{key.upper()} is on {texts}" for key, texts in owners.items() if len(texts) > 1]


# the tests ------------------------------------------------------------------------------------------------
def test_every_dialog_class_goes_through_the_one_base_and_can_be_opened_here() -> None:
    classes = dialog_classes()
    names = {_name(cls) for cls in classes}
    assert "classesduo.ui.calendar.finder_dialog.FinderDialog" in names  # the search finds them
    escaped = [name for cls in classes if not issubclass(cls, Dialog) for name in [_name(cls)]]
    assert not escaped, f"derive these from classesduo.ui.base_dialog.Dialog: {escaped}"
    unopened = sorted(names - BASES - set(OPENERS))
    assert not unopened, f"add a way to open these dialogs to OPENERS in {__file__}: {unopened}"
    assert not set(OPENERS) - names, "OPENERS names a dialog that no longer exists"
    for base in BASES:
        assert any(_name(cls) != base and issubclass(cls, next(c for c in classes + [Dialog] if _name(c) == base))
                   for cls in classes), base


def test_no_code_builds_a_bare_qdialog() -> None:
    """``QDialog(parent)`` would escape the base: use ``Dialog(parent)``."""
    bare = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "QDialog":
                bare.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert not bare, bare


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_dialog_names_its_keys_and_icon_only_controls_and_no_two_share_a_key(make_window, demo_dir: Path, language: str) -> None:  # noqa: ANN001
    window = make_window(demo_dir, language=language)
    window.show_area(3)
    settle()
    problems, opened = [], set()
    openers = [opener for opener in OPENERS.values() for opener in opener] + [_choose_many]
    try:
        for opener in openers:
            dialog = opener(window)
            assert isinstance(dialog, Dialog), opener.__name__
            dialog.show()
            settle(3)
            opened.add(_name(type(dialog)))
            problems += naming_problems(dialog) + mnemonic_clashes(dialog)
            dialog.setProperty("testing", True)
            if hasattr(dialog, "guard"):
                dialog.guard = None  # closed unchanged: no Save/Discard question
            dialog.done(0)
            dialog.deleteLater()
            settle()
        assert opened >= set(OPENERS), set(OPENERS) - opened
        assert not problems, "\n".join(problems[:40])
    finally:
        window.translations.apply("en")


def test_a_dialog_open_during_a_language_switch_names_its_keys_in_the_new_language(
        make_window, demo_dir: Path) -> None:  # noqa: ANN001
    window = make_window(demo_dir)
    dialog = _connect(window)
    settle()
    cancel = dialog.findChild(QtWidgets.QDialogButtonBox).button(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
    assert cancel.toolTip().startswith("Cancel"), cancel.toolTip()
    try:
        window.translations.apply("fr")
        settle(3)
        assert cancel.toolTip().startswith("Annuler"), cancel.toolTip()
        assert not naming_problems(dialog)
    finally:
        window.translations.apply("en")
        dialog.done(0)
        dialog.deleteLater()
