"""The invitation e-mail, ready to copy or to open in the mail app.

With an :class:`InvitationMail` (the session is saved, the facilitator and a school have an
address), **Open in mail app** writes the ``.eml`` (with its iMIP calendar part: the REQUEST, or the
CANCEL of a cancelled or postponed visio) to a private temporary file and opens it; otherwise it
falls back to a ``mailto:`` link with the text only, and says why.
"""

from __future__ import annotations

from classesduo.services.invitation import Invitation
from classesduo.services.invitation_mail import InvitationMail
from classesduo.ui.base_dialog import Dialog
from classesduo.ui.qt import QtCore, QtGui, QtWidgets, translate


class InvitationDialog(Dialog):
    def __init__(self, invitation: Invitation, parent: QtWidgets.QWidget | None = None, *,
                 mail: InvitationMail | None = None, mail_problem: str = "") -> None:
        super().__init__(parent)
        self.mail = mail
        self.mail_problem = mail_problem
        self.opened_file = None
        invitation = mail.text if mail is not None else invitation
        self.invitation = invitation
        self.setWindowTitle(translate("InvitationDialog", "Cancellation") if mail is not None
                            and mail.method == "CANCEL" else translate("InvitationDialog", "Invitation"))
        self.recipients = QtWidgets.QLineEdit(", ".join(invitation.recipients), readOnly=True)
        self.subject = QtWidgets.QLineEdit(invitation.subject, readOnly=True)
        self.body = QtWidgets.QPlainTextEdit(invitation.body, readOnly=True)
        form = QtWidgets.QFormLayout()
        form.addRow(translate("InvitationDialog", "To:"), self.recipients)
        form.addRow(translate("InvitationDialog", "Subject:"), self.subject)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(translate("InvitationDialog", "&Copy"),
                                             QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        self.mail_button = buttons.addButton(translate("InvitationDialog", "Open in &mail app"),
                                             QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        self.mail_button.clicked.connect(self.open_mail)
        buttons.rejected.connect(self.reject)
        self.note = QtWidgets.QLabel()
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.note)
        if mail is None and mail_problem:
            self.note.setText(translate("InvitationDialog", "Without a calendar invitation: {reason}").format(
                reason=mail_problem))
        layout.addWidget(buttons)
        self.resize(680, 560)

    def copy(self) -> None:
        QtGui.QGuiApplication.clipboard().setText(f"{self.invitation.subject}\n\n{self.invitation.body}")
        self.note.setText(translate("InvitationDialog", "Copied to the clipboard."))

    def mail_url(self) -> QtCore.QUrl:
        return QtCore.QUrl(self.invitation.mailto_url(), QtCore.QUrl.ParsingMode.StrictMode)

    def open_mail(self) -> None:
        if self.mail is not None:
            from classesduo.services.invitation_mail import private_eml

            try:
                self.opened_file = private_eml(self.mail)
            except OSError as error:
                self.note.setText(translate("InvitationDialog", "Could not write the e-mail: {reason}").format(
                    reason=error.strerror or error))
                return
            if QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(self.opened_file))):
                self.note.setText(translate("InvitationDialog", "Opened in your mail app: {path}").format(
                    path=self.opened_file))
                return
        if not QtGui.QDesktopServices.openUrl(self.mail_url()):
            self.note.setText(translate("InvitationDialog", "No mail app answered; use Copy and paste the text "
                                                            "into your mail."))
