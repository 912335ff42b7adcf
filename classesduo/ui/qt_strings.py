"""Qt's own texts that the French catalogue shipped with PySide6 (qtbase_fr.qm) lacks.

Qt renamed a few of its file dialog's labels (mnemonics added) without the French catalogue
following, so they showed in English. ``pyside6-lupdate`` collects them from here into our own
catalogue, which ``ui/translations.py`` installs beside Qt's: Qt asks every installed catalogue.
"""

from __future__ import annotations

from classesduo.ui.qt import QtCore

QT_TEXTS = (
    QtCore.QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QtCore.QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
