"""The exchange log's actions, shared by the home, exchange log and duo pages.

One object opens the log form, deletes a session after confirmation (keeping the
snapshot so the deletion can be undone), and shows a session's history. Pages call
it; it tells the window that data changed and what to say in the status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from classesduo.domain.entities import ExchangeSession
from classesduo.domain.enums import SessionStatus
from classesduo.domain.timezones import PARIS_ZONE
from classesduo.services.views import SessionView
from classesduo.services.workspace import Workspace
from classesduo.settings import Settings
from classesduo.ui.changes import Changes
from classesduo.ui.dialogs import Dialogs
from classesduo.ui.formatting import format_local, session_status_label
from classesduo.ui.log_labels import cancel_reason_label
from classesduo.ui.qt import QtCore, QtGui, QtWidgets, Signal, translate

if TYPE_CHECKING:  # imported when first used: the home page builds these actions at start-up
    from classesduo.services.exchange_log import DeletedSession
    from classesduo.ui.log_form import LogForm


class LogActions(QtCore.QObject):
    changed = Signal(object)  # a Changes: the sessions (and logs) of a duo changed
    message = Signal(str)  # something to show in the status bar
    undo_available = Signal(bool)

    def __init__(self, parent: QtWidgets.QWidget, dialogs: Dialogs, workspace: Callable[[], Workspace | None],
                 settings: Callable[[], Settings]) -> None:
        super().__init__(parent)
        self.window = parent
        self.dialogs = dialogs
        self.workspace = workspace
        self.settings = settings
        #: Returns "now"; tests replace it to pin the date.
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)
        self.form: LogForm | None = None
        #: Runs each offered invitation e-mail dialog; tests replace it to dismiss them.
        self.run_dialog: Callable[[QtWidgets.QDialog], int] = lambda dialog: dialog.exec()
        self.last_deleted: DeletedSession | None = None
        #: Ctrl+Z / Ctrl+Shift+Z for postponing a visio (``ui/calendar/undo_commands.py``); a form opened from
        #: the calendar pushes onto the calendar's stack instead (``open_session(..., undo_stack=...)``).
        self.undo_stack = QtGui.QUndoStack(self)
        self._delete_is_newer = False  # Ctrl+Z on the Exchange log: the deletion or the stack, the latest first

    def now(self) -> datetime:
        return self.clock()

    def quiet_weeks(self) -> int:
        return self.settings().quiet_weeks

    # logging -----------------------------------------------------------------------------------------
    def open_form(self, session: SessionView | None = None, duo_id: str | None = None,
                  undo_stack: QtGui.QUndoStack | None = None) -> LogForm | None:
        """Open the form (window-modal, not blocking): on a session, or for an unplanned exchange."""
        workspace = self.workspace()
        if workspace is None:
            return None
        if self.form is not None:  # one form at a time: never lose what is being typed
            self.form.raise_()
            self.form.activateWindow()
            return self.form
        from classesduo.ui.log_form import LogForm

        form = LogForm(workspace, self.now(), session=session, duo_id=duo_id,
                       user_name=self.settings().user_name, dialogs=self.dialogs, parent=self.window)
        form.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        before = session.session if session is not None else None
        replacement_start = None
        if before is not None and before.postponed_to_id:
            from classesduo.services import planning
            from classesduo.services.errors import ServiceError

            try:
                replacement_start = planning.get_session(workspace.db, before.postponed_to_id).start_utc
            except ServiceError:
                replacement_start = None
        form.saved.connect(self._saved)
        form.finished.connect(lambda _result: self._closed(form, before, replacement_start, undo_stack))
        self.form = form
        form.open()
        from classesduo.domain.validation import warm_code_lists

        QtCore.QThreadPool.globalInstance().start(warm_code_lists)  # Save checks the language codes
        return form

    def _closed(self, form: LogForm, before: ExchangeSession | None, replacement_start: datetime | None = None,
                undo_stack: QtGui.QUndoStack | None = None) -> None:
        if self.form is form:
            self.form = None
        saved = form.result_session if form.result() == QtWidgets.QDialog.DialogCode.Accepted else None
        workspace = self.workspace()
        if before is not None and saved is not None and workspace is not None \
                and saved.status is SessionStatus.POSTPONED and saved.postponed_to_id:
            self._push_postponed(workspace, before, saved, replacement_start, undo_stack or self.undo_stack)
        if before is not None and saved is not None and workspace is not None:
            # a planned visio logged as cancelled or postponed: offer the e-mail that tells both schools
            from classesduo.ui.calendar.invitation_offer import offer_update_mail

            offer_update_mail(workspace.db, self.dialogs, self.window, before, saved, self._show_dialog)

    def _push_postponed(self, workspace: Workspace, before: ExchangeSession, saved: ExchangeSession,
                        replacement_start: datetime | None, stack: QtGui.QUndoStack) -> None:
        from classesduo.services import planning
        from classesduo.ui.calendar.undo_commands import PostponeVisio

        moved = None
        if replacement_start is not None and saved.postponed_to_id == before.postponed_to_id:
            moved = (replacement_start, planning.get_session(workspace.db, saved.postponed_to_id or "").start_utc)
        stack.push(PostponeVisio(workspace.db, self._undone, lambda text: self.dialogs.error(self.window, text),
                                 before, saved, moved))
        self._delete_is_newer = False

    def _undone(self, *duo_ids: str) -> None:
        self.changed.emit(Changes.sessions(*duo_ids))

    def undo(self) -> None:
        """Ctrl+Z on the Exchange log: the latest of a deletion and a postponement."""
        if self.last_deleted is not None and (self._delete_is_newer or not self.undo_stack.canUndo()):
            self.undo_delete()
        elif self.undo_stack.canUndo():
            self.undo_stack.undo()
            self.message.emit(translate("LogActions", "Undone: {what}.").format(what=self.undo_stack.redoText()))

    def redo(self) -> None:
        if self.undo_stack.canRedo():
            self.undo_stack.redo()

    def open_session(self, session_id: str, undo_stack: QtGui.QUndoStack | None = None) -> LogForm | None:
        workspace = self.workspace()
        if workspace is None:
            return None
        from classesduo.services.log_queries import session_view

        return self.open_form(session=session_view(workspace.db, session_id), undo_stack=undo_stack)

    def _saved(self, session: object) -> None:
        self.message.emit(translate("LogActions", "Exchange logged."))
        self.changed.emit(Changes.sessions(getattr(session, "duo_id", None)))

    def _show_dialog(self, dialog: QtWidgets.QDialog) -> int:
        try:
            return self.run_dialog(dialog)
        finally:
            if dialog.isVisible():
                dialog.finished.connect(dialog.deleteLater)
            else:
                dialog.deleteLater()

    # delete and undo ---------------------------------------------------------------------------------
    def delete(self, view: SessionView) -> bool:
        workspace = self.workspace()
        if workspace is None or view.session.id is None:
            return False
        question = translate("LogActions", "Delete the {status} session of {when} ({duo}) and its log? "
                                           "You can undo this with Ctrl+Z.").format(
            status=session_status_label(view.session.status).lower(),
            when=format_local(view.session.start_utc, view.paris_timezone), duo=view.duo_label)
        if not self.dialogs.confirm(self.window, translate("LogActions", "Delete a session"), question):
            return False
        from classesduo.services.exchange_log import delete_session

        self.last_deleted = delete_session(workspace.db, view.session.id)
        self._delete_is_newer = True
        self.undo_available.emit(True)
        self.message.emit(translate("LogActions", "Session deleted. Undo: Ctrl+Z (Exchange log or duo page)."))
        self.changed.emit(Changes.sessions(view.session.duo_id))
        return True

    def undo_delete(self) -> bool:
        workspace = self.workspace()
        if workspace is None or self.last_deleted is None:
            return False
        from classesduo.services.errors import ServiceError

        try:
            from classesduo.services.exchange_log import restore_session

            restore_session(workspace.db, self.last_deleted)
        except ServiceError as error:
            self.dialogs.error(self.window, str(error))
            return False
        finally:
            self.last_deleted = None
            self.undo_available.emit(False)
        self.message.emit(translate("LogActions", "Deleted session restored."))
        self.changed.emit(Changes.sessions())
        return True

    # history -----------------------------------------------------------------------------------------
    def history_text(self, session_id: str) -> str:
        workspace = self.workspace()
        if workspace is None:
            return ""
        from classesduo.services.exchange_log import session_history

        revisions = session_history(workspace.db, session_id)
        if not revisions:
            return translate("LogActions", "This log has not been edited since it was first recorded.")
        lines = []
        for revision in revisions:
            previous = revision.previous
            status = str(previous.get("status", ""))
            summary = ", ".join(f"{name}: {value}" for name, value in previous.items()
                                if value not in (None, "", []) and name not in {"status", "postponed_to_id"})
            reason = str(previous.get("cancel_reason") or "")
            if reason:
                summary = summary.replace(reason, cancel_reason_label(reason))
            if status in {s.value for s in SessionStatus}:
                status = session_status_label(SessionStatus(status))
            lines.append(translate("LogActions", "{when} — changed by {who}. Before: {status}; {summary}").format(
                when=format_local(revision.changed_at, PARIS_ZONE), who=revision.changed_by or "?",
                status=status, summary=summary or "—"))
        return "\n\n".join(lines)

    def show_history(self, session_id: str) -> None:
        self.dialogs.info(self.window, translate("LogActions", "History of this log"), self.history_text(session_id))
