"""Every action and button says what it does and which key does it; icon-only controls get a name.

:func:`name_shortcuts` walks a window once its pages exist (and again after a language switch):
an action with a shortcut gets the tooltip "Text (Ctrl+N)", kept up to date when its text changes;
a button without a tooltip gets its text and its Alt+letter; a button showing only a symbol or an
icon gets an accessible name for screen readers. Tooltips written by hand are left alone.
"""

from __future__ import annotations

import re

from classesduo.ui.qt import QtGui, QtWidgets, translate

_AUTO = "classesduoAutoTip"


def plain(text: str) -> str:
    """A label's text without its mnemonic ampersands or a trailing "(Ctrl+N)" it already shows."""
    text = re.sub(r"&(?!&)", "", text).replace("&&", "&")
    return re.sub(r"\s*\([^()]*\)\s*$", "", text).strip() or text.strip()


def keys_text(action: QtGui.QAction) -> str:
    return ", ".join(key.toString(QtGui.QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts())


def _name_action(action: QtGui.QAction) -> None:
    keys = keys_text(action)
    if not keys or not action.text():
        return
    tip = action.toolTip()
    if action.property(_AUTO) or keys not in tip:
        wanted = f"{plain(action.text())} ({keys})"
        if tip != wanted:
            action.setProperty(_AUTO, True)
            action.setToolTip(wanted)


def _has_words(text: str) -> bool:
    return any(character.isalnum() for character in text)


def name_shortcuts(root: QtWidgets.QWidget) -> None:
    for action in root.findChildren(QtGui.QAction):
        _name_action(action)
        if not action.property("classesduoTipHooked"):
            action.setProperty("classesduoTipHooked", True)
            action.changed.connect(lambda action=action: _name_action(action))
    for button in root.findChildren(QtWidgets.QAbstractButton):
        action = button.defaultAction() if isinstance(button, QtWidgets.QToolButton) else None
        if action is not None and action.text():
            continue  # a toolbar's button shows its action's tooltip
        text = button.text()
        if not text and not button.toolTip():  # Qt's own icon buttons: a line edit's clear button, a toolbar's »
            if isinstance(button.parent(), QtWidgets.QLineEdit):
                button.setToolTip(translate("Tooltips", "Clear the text"))
            elif button.objectName() == "qt_toolbar_ext_button":
                button.setToolTip(translate("Tooltips", "More actions"))
            button.setProperty(_AUTO, True)
        elif not text and button.property(_AUTO) and isinstance(button.parent(), QtWidgets.QLineEdit):
            button.setToolTip(translate("Tooltips", "Clear the text"))
        elif not text and button.property(_AUTO) and button.objectName() == "qt_toolbar_ext_button":
            button.setToolTip(translate("Tooltips", "More actions"))
        if text and (not button.toolTip() or button.property(_AUTO)):
            mnemonic = QtGui.QKeySequence.mnemonic(text)
            keys = mnemonic.toString(QtGui.QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{plain(text)} ({keys})" if keys else plain(text))
            button.setProperty(_AUTO, True)
        if not _has_words(text) and button.toolTip() and (not button.accessibleName() or button.property(_AUTO)):
            button.setAccessibleName(plain(button.toolTip()))
