"""The base of every dialog of the app, so its buttons and actions are named like the main window's.

Every dialog class derives from :class:`Dialog` instead of ``QDialog`` (tests/ui/test_dialog_tooltips.py
finds every ``QDialog`` subclass in the package, and every bare ``QDialog(...)``, and fails on one that
escapes it). When the dialog is shown, and again after a language switch once its texts are new,
:func:`classesduo.ui.tooltips.name_shortcuts` gives each action and button a tooltip naming its key and
each icon-only control an accessible name. Tooltips written by hand are left alone.
"""

from __future__ import annotations

from classesduo.ui.qt import QtCore, QtGui, QtWidgets
from classesduo.ui.tooltips import name_shortcuts


class Dialog(QtWidgets.QDialog):
    def showEvent(self, event: QtGui.QShowEvent) -> None:  # noqa: N802
        name_shortcuts(self)
        super().showEvent(event)

    def changeEvent(self, event: QtCore.QEvent) -> None:  # noqa: N802
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            # the dialog's own changeEvent retranslates first; name what it wrote, once it is written
            QtCore.QTimer.singleShot(0, self, self.name_shortcuts)
        super().changeEvent(event)

    def name_shortcuts(self) -> None:
        """Tooltips naming each action's and button's key; accessible names for icon-only controls.

        A dialog that adds buttons after it is shown calls this again."""
        name_shortcuts(self)
