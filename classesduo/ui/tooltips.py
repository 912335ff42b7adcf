"""Every action and button says what it does and which key does it; icon-only controls get a name.

:func:`name_shortcuts` walks a window once its pages exist, and every dialog when it is shown
(:class:`classesduo.ui.base_dialog.Dialog`), and again after a language switch: an action with a
shortcut gets the tooltip "Text (Ctrl+N)", kept up to date when its text changes; a button gets its
text and its Alt+letter (or its shortcut); a button showing only a symbol or an icon gets an
accessible name for screen readers. A tooltip written by hand is kept, with the key added when it does
not name it already.
"""

from __future__ import annotations

import re

from classesduo.ui.qt import QtCore, QtGui, QtWidgets, translate

_MADE = "classesduoMadeTip"  # the tooltip written here last: while it is still shown, it is ours to redo
_HAND = "classesduoHandTip"  # the tooltip written by hand under it, before its key was added
_NAMED = "classesduoMadeName"  # the accessible name written here last


def plain(text: str) -> str:
    """A label's text without its mnemonic ampersands or a trailing "(Ctrl+N)" it already shows."""
    text = re.sub(r"&(?!&)", "", text).replace("&&", "&")
    return re.sub(r"\s*\([^()]*\)\s*$", "", text).strip() or text.strip()


def keys_text(action: QtGui.QAction) -> str:
    return ", ".join(key.toString(QtGui.QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts())


def _qt_default_tip(text: str) -> str:
    """What ``QAction.toolTip()`` answers when no tooltip was set: the text without "..." and ampersands."""
    return re.sub(r"&(&?)", r"\1", text.replace("...", "").replace("\u2026", "")).strip()


def _hand_tip(widget: QtCore.QObject, tip: str, default: str = "") -> str:
    """The tooltip written by hand under what this module added (empty if none)."""
    if tip and tip == widget.property(_MADE):
        return widget.property(_HAND) or ""
    hand = "" if tip == default else tip
    widget.setProperty(_HAND, hand)
    return hand


def _with_keys(tip: str, keys: str) -> str:
    """``tip`` naming ``keys`` ("Ctrl+Shift+Z, Ctrl+Y"), unless it already names one of them."""
    if not keys or any(key.strip() in tip for key in keys.split(", ")):
        return tip
    return f"{tip} ({keys})"


def _set_tip(widget: QtCore.QObject, wanted: str) -> None:
    # marked first: setToolTip emits the action's ``changed`` at once, and its hook must see this tip as ours
    widget.setProperty(_MADE, wanted)
    if widget.toolTip() != wanted:
        widget.setToolTip(wanted)


def _name_action(action: QtGui.QAction) -> None:
    keys = keys_text(action)
    if not keys or not action.text():
        return
    hand = _hand_tip(action, action.toolTip(), _qt_default_tip(action.text()))
    _set_tip(action, _with_keys(hand or plain(action.text()), keys))


def _has_words(text: str) -> bool:
    return any(character.isalnum() for character in text)


def _button_keys(button: QtWidgets.QAbstractButton) -> str:
    keys = button.shortcut()
    if keys.isEmpty():
        keys = QtGui.QKeySequence.mnemonic(button.text())
    return keys.toString(QtGui.QKeySequence.SequenceFormat.NativeText)


def _qt_internal_tip(button: QtWidgets.QAbstractButton) -> str:
    """Qt's own icon buttons: a line edit's clear button, a toolbar's »."""
    if isinstance(button.parent(), QtWidgets.QLineEdit):
        return translate("Tooltips", "Clear the text")
    if button.objectName() == "qt_toolbar_ext_button":
        return translate("Tooltips", "More actions")
    return ""


def _name_button(button: QtWidgets.QAbstractButton) -> None:
    action = button.defaultAction() if isinstance(button, QtWidgets.QToolButton) else None
    if action is not None and action.text():
        return  # a toolbar's button shows its action's tooltip
    text = button.text()
    hand = _hand_tip(button, button.toolTip())
    wanted = _with_keys(hand or (plain(text) if text else _qt_internal_tip(button)), _button_keys(button))
    if not wanted:
        return
    _set_tip(button, wanted)
    if not _has_words(text) and button.accessibleName() in ("", button.property(_NAMED)):
        name = plain(hand or wanted)
        button.setAccessibleName(name)
        button.setProperty(_NAMED, name)


def name_shortcuts(root: QtWidgets.QWidget) -> None:
    for action in root.findChildren(QtGui.QAction):
        _name_action(action)
        if not action.property("classesduoTipHooked"):
            action.setProperty("classesduoTipHooked", True)
            action.changed.connect(lambda action=action: _name_action(action))
    for button in root.findChildren(QtWidgets.QAbstractButton):
        _name_button(button)
