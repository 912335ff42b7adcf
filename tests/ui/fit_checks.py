"""What "a label is cut" means, for the tests that lay pages out at laptop sizes."""

from __future__ import annotations

import re

from classesduo.ui.qt import QtCore, QtGui, QtWidgets


def _plain(text: str) -> str:
    return re.sub(r"&(?!&)", "", text).replace("&&", "&")


def _showing(widget: QtWidgets.QWidget, top: QtWidgets.QWidget) -> bool:
    return widget.isVisibleTo(top) and widget.width() > 0


def cut_texts(top: QtWidgets.QWidget) -> list[str]:
    """Every label, button, combo and tab of ``top`` whose text does not fit its width."""
    problems = []
    for label in top.findChildren(QtWidgets.QLabel):
        text = label.text()
        if (not _showing(label, top) or not text or label.wordWrap() or label.property("elided")
                or label.textFormat() == QtCore.Qt.TextFormat.RichText or QtGui.Qt.mightBeRichText(text)):
            continue
        needed = max(label.fontMetrics().horizontalAdvance(line) for line in _plain(text).splitlines() or [""])
        if needed > label.contentsRect().width() - 2 * label.margin() - 2 * max(0, label.indent()):
            problems.append(f"label {text!r}: needs {needed}px, has {label.contentsRect().width()}")
    for button in top.findChildren(QtWidgets.QAbstractButton):
        if not _showing(button, top) or not button.text() or isinstance(button.parent(), QtWidgets.QTabBar):
            continue
        if button.width() < button.sizeHint().width():
            problems.append(f"button {button.text()!r}: needs {button.sizeHint().width()}px, has {button.width()}")
    for combo in top.findChildren(QtWidgets.QComboBox):
        if not _showing(combo, top) or not combo.currentText():
            continue
        option = QtWidgets.QStyleOptionComboBox()
        combo.initStyleOption(option)
        field = combo.style().subControlRect(QtWidgets.QStyle.ComplexControl.CC_ComboBox, option,
                                             QtWidgets.QStyle.SubControl.SC_ComboBoxEditField, combo)
        needed = combo.fontMetrics().horizontalAdvance(combo.currentText())
        if not combo.isEditable() and needed > field.width():
            problems.append(f"combo {combo.currentText()!r}: needs {needed}px, has {field.width()}")
    for bar in top.findChildren(QtWidgets.QTabBar):
        if not _showing(bar, top):
            continue
        for index in range(bar.count()):
            if bar.tabRect(index).width() < bar.tabSizeHint(index).width() and not bar.usesScrollButtons():
                problems.append(f"tab {bar.tabText(index)!r} is narrower than its text")
            if bar.tabRect(index).height() < bar.fontMetrics().height() + 4:
                problems.append(f"tab {bar.tabText(index)!r}: text taller than the tab")
    return problems


def squeezed(page: QtWidgets.QWidget) -> str | None:
    """The page has less room than its layout needs (widgets would overlap or be cut)."""
    need, have = page.minimumSizeHint(), page.size()
    if need.width() > have.width() or need.height() > have.height():
        return f"{type(page).__name__} needs {need.width()}×{need.height()}, has {have.width()}×{have.height()}"
    return None


def settle(rounds: int = 5) -> None:
    for _ in range(rounds):
        QtCore.QCoreApplication.processEvents()
        QtGui.QGuiApplication.sendPostedEvents()
