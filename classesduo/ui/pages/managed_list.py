"""A list page whose records can be added, edited, deleted or archived, with undo.

Subclasses say how to open the detail form, which services to call
(:class:`~classesduo.ui.undo.RecordKind`), and what depends on a record. This
class wires the buttons and shortcuts: Ctrl+N adds, Enter or a double-click
edits, Delete deletes (asking first, saying what depends on the row, and
offering to archive instead when deleting would orphan history).
"""

from __future__ import annotations

from typing import Any

import shiboken6

from classesduo.services.errors import ServiceError
from classesduo.ui.dialogs import Dialogs
from classesduo.ui.forms.record_dialog import RecordDialog
from classesduo.ui.pages.list_page import ListPage
from classesduo.ui.qt import QtCore, QtGui, QtWidgets, Signal, translate
from classesduo.ui.table_model import RECORD_ROLE
from classesduo.ui.undo import ArchiveCommand, DeleteCommand, IdMap, RecordKind, SaveCommand, UndoContext


class UndoActions(QtCore.QObject):
    """Undo (Ctrl+Z) and redo (Ctrl+Shift+Z, Ctrl+Y) of a stack, on ``widget``, active while it is shown.

    Texts name the command ("Undo edit “Awa Diop”") and follow a language switch, the commands' own
    names included; a toolbar button shows only "Undo", so a long record name never widens it (the
    full text is its tooltip).
    """

    def __init__(self, widget: QtWidgets.QWidget, stack: QtGui.QUndoStack) -> None:
        super().__init__(widget)
        self._stack = stack
        self.undo = QtGui.QAction(widget)
        self.undo.setShortcuts([QtGui.QKeySequence(QtGui.QKeySequence.StandardKey.Undo)])
        self.undo.triggered.connect(stack.undo)
        self.redo = QtGui.QAction(widget)
        self.redo.setShortcuts([QtGui.QKeySequence("Ctrl+Shift+Z"), QtGui.QKeySequence("Ctrl+Y")])
        self.redo.triggered.connect(stack.redo)
        self._texts = {"undo": "", "redo": ""}
        # Only the signals' values are used: the stack may already be gone when its last signals arrive.
        stack.canUndoChanged.connect(self.undo.setEnabled)
        stack.canRedoChanged.connect(self.redo.setEnabled)
        stack.undoTextChanged.connect(self._undo_text_changed)
        stack.redoTextChanged.connect(self._redo_text_changed)
        self.undo.setEnabled(False)
        self.redo.setEnabled(False)
        widget.addAction(self.undo)
        widget.addAction(self.redo)
        self.retranslate_ui()

    @QtCore.Slot(str)
    def _undo_text_changed(self, text: str) -> None:
        self._texts["undo"] = text
        self.retranslate_ui()

    @QtCore.Slot(str)
    def _redo_text_changed(self, text: str) -> None:
        self._texts["redo"] = text
        self.retranslate_ui()

    def _retranslate_commands(self) -> None:
        if not shiboken6.isValid(self._stack):
            return
        for index in range(self._stack.count()):
            command = self._stack.command(index)
            if hasattr(command, "retranslate"):
                command.retranslate()
        self._texts = {"undo": self._stack.undoText(), "redo": self._stack.redoText()}

    def retranslate_ui(self) -> None:
        self._retranslate_commands()
        undo_text, redo_text = self._texts["undo"], self._texts["redo"]
        for action, text, short, keys in (
                (self.undo, undo_text, translate("ManagedList", "Undo"), "Ctrl+Z"),
                (self.redo, redo_text, translate("ManagedList", "Redo"), "Ctrl+Shift+Z")):
            template = (translate("ManagedList", "Undo {action}") if action is self.undo
                        else translate("ManagedList", "Redo {action}"))
            full = template.format(action=text) if text else short
            action.setText(full)
            action.setIconText(short)
            action.setToolTip(f"{full} ({keys})")


def add_undo_actions(widget: QtWidgets.QWidget, stack: QtGui.QUndoStack) -> tuple[QtGui.QAction, QtGui.QAction]:
    actions = UndoActions(widget, stack)
    widget.undo_actions = actions  # kept for retranslation
    return actions.undo, actions.redo


class ManagedList(ListPage):
    data_changed = Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        self.dialogs = Dialogs()
        self.editor: RecordDialog | None = None
        self.ids = IdMap()
        super().__init__(parent)
        self.undo_stack = QtGui.QUndoStack(self)
        self.context = UndoContext(db=lambda: self.workspace.db if self.workspace else None, ids=self.ids,
                                   changed=self._changed, report=self.report_error)
        self.table.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.table.proxy.modelReset.connect(self._update_actions)
        self._update_actions()

    # to override ---------------------------------------------------------------------------------
    def kind(self) -> RecordKind:
        raise NotImplementedError

    def make_dialog(self, record: Any | None) -> RecordDialog:
        raise NotImplementedError

    def record_name(self, record: Any) -> str:
        return getattr(record, "name", "")

    def blocking_dependents(self, record: Any) -> str:
        """Why deleting would orphan history ("3 duos and 41 sessions use this class"), or ""."""
        return ""

    def can_archive(self, record: Any) -> bool:
        return self.kind().set_archived is not None

    def offer_instead(self, record: Any) -> None:
        """When deletion is refused: by default, offer to archive."""
        if not self.can_archive(record) or getattr(record, "archived", False):
            self.dialogs.info(self, translate("ManagedList", "Cannot delete"), self.blocking_dependents(record))
            return
        text = translate("ManagedList", "{reason}: deleting “{name}” would orphan that history.\n\nArchive it "
                                        "instead? It stays in past duos and reports but is no longer offered "
                                        "for new ones.").format(reason=self.blocking_dependents(record),
                                                                name=self.record_name(record))
        if self.dialogs.confirm(self, translate("ManagedList", "Cannot delete — archive instead?"), text):
            self.set_archived(record, True)

    def share_undo(self, stack: QtGui.QUndoStack, ids: IdMap) -> None:
        """Use an area-wide undo stack (the Schools area shares one across its tabs)."""
        self.undo_stack = stack
        self.ids = ids
        self.context.ids = ids

    # header --------------------------------------------------------------------------------------
    def add_header_widgets(self, layout: QtWidgets.QVBoxLayout) -> None:
        self.toolbar = QtWidgets.QToolBar()
        self.toolbar.setToolButtonStyle(QtCore.Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.add_action = QtGui.QAction(self, triggered=self.add_record)
        self.add_action.setShortcut(QtGui.QKeySequence("Ctrl+N"))
        self.edit_action = QtGui.QAction(self, triggered=self.edit_selected)
        self.edit_action.setShortcut(QtGui.QKeySequence("F2"))
        self.delete_action = QtGui.QAction(self, triggered=self.delete_selected)
        self.delete_action.setShortcut(QtGui.QKeySequence(QtGui.QKeySequence.StandardKey.Delete))
        self.archive_action = QtGui.QAction(self, triggered=self.toggle_archived)
        for action in (self.add_action, self.edit_action, self.delete_action, self.archive_action):
            self.addAction(action)
            self.toolbar.addAction(action)
        # the row's context menu offers the same: Edit replaces the table's plain Open
        self.table.set_row_actions([self.edit_action, self.delete_action, self.archive_action, self.add_action])
        layout.addWidget(self.toolbar)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        if not hasattr(self, "add_action"):
            return
        self.add_action.setText(translate("ManagedList", "Add… (Ctrl+N)"))
        self.edit_action.setText(translate("ManagedList", "Edit… (Enter)"))
        self.delete_action.setText(translate("ManagedList", "Delete… (Del)"))
        self._update_actions()

    def _update_actions(self, *_: object) -> None:
        if not hasattr(self, "archive_action"):
            return
        record = self.table.selected_record()
        has = record is not None and self.workspace is not None
        self.add_action.setEnabled(self.workspace is not None)
        self.edit_action.setEnabled(has)
        self.delete_action.setEnabled(has)
        archived = bool(getattr(record, "archived", False))
        self.archive_action.setVisible(self.kind_supports_archive())
        self.archive_action.setEnabled(has and self.can_archive(record))
        self.archive_action.setText(translate("ManagedList", "Unarchive") if archived
                                    else translate("ManagedList", "Archive"))

    def kind_supports_archive(self) -> bool:
        return self.kind().set_archived is not None

    # actions -------------------------------------------------------------------------------------
    def set_workspace(self, workspace: Any) -> None:
        super().set_workspace(workspace)
        self.undo_stack.clear()
        self._update_actions()

    def open_record(self, record: Any) -> None:
        self.edit_record(record)

    def add_record(self) -> None:
        if self.workspace is not None:
            self._open(self.make_dialog(None))

    def edit_selected(self) -> None:
        record = self.table.selected_record()
        if record is not None:
            self.edit_record(record)

    def edit_record(self, record: Any) -> None:
        if self.workspace is None:
            return
        try:
            fresh = self.kind().get(self.workspace.db, self.record_id(record))
        except ServiceError as error:
            self.report_error(error)
            self.refresh()
            return
        self._open(self.make_dialog(fresh))

    def record_id(self, record: Any) -> str:
        return record.id

    def _open(self, dialog: RecordDialog) -> None:
        self.editor = dialog
        dialog.dialogs = self.dialogs
        dialog.saved.connect(self._saved)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _saved(self, before: Any | None, after: Any) -> None:
        name = self.record_name(after)
        text = ((lambda: translate("ManagedList", "add “{name}”").format(name=name)) if before is None
                else (lambda: translate("ManagedList", "edit “{name}”").format(name=name)))
        self.undo_stack.push(SaveCommand(self.context, self.kind(), before, after, text))
        self._changed()
        self.select_id(after.id)

    def delete_selected(self) -> None:
        record = self.table.selected_record()
        if record is None or self.workspace is None:
            return
        try:
            stored = self.kind().get(self.workspace.db, self.record_id(record))
            reason = self.blocking_dependents(stored)
        except ServiceError as error:
            self.report_error(error)
            return
        if reason:
            self.offer_instead(stored)
            return
        question = translate("ManagedList", "Delete “{name}”? Nothing depends on it. You can undo with Ctrl+Z.")
        if not self.dialogs.confirm(self, translate("ManagedList", "Delete"),
                                    question.format(name=self.record_name(stored))):
            return
        try:
            self.kind().delete(self.workspace.db, stored.id)
        except ServiceError as error:
            self.report_error(error)
            return
        name = self.record_name(stored)
        text = lambda: translate("ManagedList", "delete “{name}”").format(name=name)  # noqa: E731 - follows the language
        self.undo_stack.push(DeleteCommand(self.context, self.kind(), stored, text))
        self._changed()

    def toggle_archived(self) -> None:
        record = self.table.selected_record()
        if record is not None:
            self.set_archived(record, not getattr(record, "archived", False))

    def set_archived(self, record: Any, archived: bool) -> None:
        kind = self.kind()
        if kind.set_archived is None or self.workspace is None:
            return
        try:
            kind.set_archived(self.workspace.db, self.record_id(record), archived)
        except ServiceError as error:
            self.report_error(error)
            return
        name = self.record_name(record)
        text = ((lambda: translate("ManagedList", "archive “{name}”").format(name=name)) if archived
                else (lambda: translate("ManagedList", "unarchive “{name}”").format(name=name)))
        self.undo_stack.push(ArchiveCommand(self.context, kind, self.record_id(record), archived, text))
        self._changed()

    def report_error(self, error: BaseException) -> None:
        self.dialogs.error(self, str(error))

    def _changed(self) -> None:
        self.refresh()
        self.data_changed.emit()

    def select_id(self, record_id: str) -> None:
        for row in range(self.table.proxy.rowCount()):
            record = self.table.proxy.index(row, 0).data(RECORD_ROLE)
            if record is not None and self.record_id(record) == record_id:
                self.table.view.selectRow(row)
                self.table.view.scrollTo(self.table.proxy.index(row, 0))
                return
