"""The calendar's CalDAV line: which calendar is connected, what waits, conflicts, **Sync now**.

The sync runs off the GUI thread (:class:`classesduo.ui.operations.Operation`); the password comes
from the system keyring, else it is asked once per run of the app (kept in memory only).
"""

from __future__ import annotations

from classesduo.domain.i18n import Plural
from classesduo.services import caldav_sync
from classesduo.services.workspace import Workspace
from classesduo.ui.dialogs import Dialogs
from classesduo.ui.base_dialog import Dialog
from classesduo.ui.qt import QtCore, QtWidgets, translate


class ConnectDialog(Dialog):
    """URL, user name and password of a CalDAV calendar."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("SyncBar", "Connect a CalDAV calendar"))
        self.url = QtWidgets.QLineEdit(placeholderText="https://cloud.example.org/remote.php/dav/calendars/…/")
        self.user = QtWidgets.QLineEdit()
        self.password = QtWidgets.QLineEdit(echoMode=QtWidgets.QLineEdit.EchoMode.Password)
        self.note = QtWidgets.QLabel(wordWrap=True)
        self.note.setText(translate("SyncBar", "The password is kept in the system keyring.") if
                          caldav_sync.keyring_available() else
                          translate("SyncBar", "No system keyring on this computer: the password is asked again "
                                               "each time the app starts, never written to disk."))
        form = QtWidgets.QFormLayout()
        form.addRow(translate("SyncBar", "Calendar &address:"), self.url)
        form.addRow(translate("SyncBar", "&User name:"), self.user)
        form.addRow(translate("SyncBar", "&Password:"), self.password)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Ok
                                             | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)


class SyncBar(QtWidgets.QWidget):
    synced = QtCore.Signal(object)  # the SyncReport

    def __init__(self, dialogs: Dialogs, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.dialogs = dialogs
        self.workspace: Workspace | None = None
        self.password: str | None = None  # asked once per run when there is no keyring
        self.last_report: caldav_sync.SyncReport | None = None
        self.operation = None
        #: How the connect dialog is shown; tests replace it.
        self.run_dialog = lambda dialog: dialog.exec()
        self.ask_password = self._ask_password
        self.label = QtWidgets.QLabel(wordWrap=True)
        self.label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.connect_button = QtWidgets.QPushButton(translate("SyncBar", "CalDAV calendar…"))
        self.connect_button.setToolTip(translate("SyncBar", "Connect the calendar (Nextcloud, iCloud, Fastmail, "
                                                            "Radicale…) that receives every visio"))
        self.sync_button = QtWidgets.QPushButton(translate("SyncBar", "Sync now"))
        self.connect_button.clicked.connect(self.connect_calendar)
        self.sync_button.clicked.connect(self.sync_now)
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.connect_button)
        layout.addWidget(self.sync_button)
        self.update_state()

    def set_workspace(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        self.password = None
        self.last_report = None
        self.update_state()

    def state_text(self) -> str:
        if self.workspace is None:
            return ""
        try:
            state = caldav_sync.load_state(self.workspace.paths.data_dir)
        except caldav_sync.ServiceError as error:
            return str(error)
        if state.account is None:
            return translate("SyncBar", "No CalDAV calendar connected.")
        parts = [translate("SyncBar", "CalDAV: {user} at {url}").format(user=state.account.username,
                                                                       url=state.account.url)]
        waiting = caldav_sync.pending(self.workspace.db, state)
        parts.append(Plural.tr("%n change(s) waiting", "", waiting) if waiting else
                     translate("SyncBar", "up to date"))
        report = self.last_report
        if report is not None and report.offline:
            parts.append(translate("SyncBar", "the server did not answer"))
        if report is not None and report.conflicts:
            parts.append(Plural.tr("%n conflict(s): changed or refused on the server, not overwritten", "",
                                   len(report.conflicts)))
        if state.last_sync:
            parts.append(translate("SyncBar", "last complete sync {when}").format(when=state.last_sync[:16]
                                                                                   .replace("T", " ") + " UTC"))
        return " — ".join(parts)

    def update_state(self) -> None:
        connected = self.workspace is not None and caldav_sync.is_connected(self.workspace.paths.data_dir)
        self.label.setText(self.state_text())
        report = self.last_report
        self.label.setToolTip("\n".join(f"{uid or '—'}: {what}" for uid, what in report.conflicts)
                              if report is not None and report.conflicts else "")
        self.sync_button.setVisible(connected)
        self.sync_button.setEnabled(self.operation is None)
        self.connect_button.setEnabled(self.workspace is not None)

    def connect_calendar(self) -> None:
        if self.workspace is None:
            return
        dialog = ConnectDialog(self)
        if not self.run_dialog(dialog):
            return
        try:
            state = caldav_sync.connect(self.workspace.paths.data_dir, dialog.url.text(), dialog.user.text())
        except caldav_sync.ServiceError as error:
            self.dialogs.error(self, str(error))
            return
        password = dialog.password.text()
        self.password = None if caldav_sync.store_password(state.account, password) else password
        self.update_state()
        self.sync_now()

    def _ask_password(self) -> str | None:
        text, ok = QtWidgets.QInputDialog.getText(self, translate("SyncBar", "CalDAV password"),
                                                  translate("SyncBar", "Password:"),
                                                  QtWidgets.QLineEdit.EchoMode.Password)
        return text if ok else None

    def after_change(self) -> None:
        """Push a change at once when a calendar is connected and its password is known (no question asked)."""
        self.update_state()
        if self.workspace is not None and caldav_sync.is_connected(self.workspace.paths.data_dir):
            self.sync_now(ask=False)

    def sync_now(self, ask: bool = True) -> None:
        from classesduo.ui.operations import Operation

        if self.workspace is None or self.operation is not None:
            return
        try:
            state = caldav_sync.load_state(self.workspace.paths.data_dir)
        except caldav_sync.ServiceError as error:
            self.dialogs.error(self, str(error))
            return
        if state.account is None:
            return
        password = self.password or caldav_sync.stored_password(state.account)
        if password is None:
            if not ask:
                return
            password = self.ask_password()
            if password is None:
                return
            self.password = password
        db, folder = self.workspace.db, self.workspace.paths.data_dir
        self.operation = Operation(lambda _progress, _cancelled: caldav_sync.sync(db, folder, password), self)
        self.operation.succeeded.connect(self._done)
        self.operation.failed.connect(self._failed)
        self.label.setText(translate("SyncBar", "Syncing with the CalDAV calendar…"))
        self.sync_button.setEnabled(False)
        self.operation.start()

    def _done(self, report: caldav_sync.SyncReport) -> None:
        self.operation = None
        self.last_report = report
        self.update_state()
        self.synced.emit(report)

    def _failed(self, error: BaseException, _details: str) -> None:
        self.operation = None
        if "password" in str(error):
            self.password = None
        self.update_state()
        self.dialogs.error(self, str(error) if isinstance(error, caldav_sync.ServiceError) else translate(
            "SyncBar", "The sync failed: {error}").format(error=error))
