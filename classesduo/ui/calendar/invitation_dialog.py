"""The invitation e-mail, ready to copy or to open in the mail app (a ``mailto:`` link)."""

from __future__ import annotations

from classesduo.services.invitation import Invitation
from classesduo.ui.qt import QtCore, QtGui, QtWidgets, translate


class InvitationDialog(QtWidgets.QDialog):
    def __init__(self, invitation: Invitation, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.invitation = invitation
        self.setWindowTitle(translate("InvitationDialog", "Invitation"))
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
        layout.addWidget(buttons)
        self.resize(680, 560)

    def copy(self) -> None:
        QtGui.QGuiApplication.clipboard().setText(f"{self.invitation.subject}\n\n{self.invitation.body}")
        self.note.setText(translate("InvitationDialog", "Copied to the clipboard."))

    def mail_url(self) -> QtCore.QUrl:
        return QtCore.QUrl(self.invitation.mailto_url(), QtCore.QUrl.ParsingMode.StrictMode)

    def open_mail(self) -> None:
        if not QtGui.QDesktopServices.openUrl(self.mail_url()):
            self.note.setText(translate("InvitationDialog", "No mail app answered; use Copy and paste the text "
                                                            "into your mail."))
