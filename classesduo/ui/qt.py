"""The one place the GUI imports Qt from, so every module reads the same way."""

from PySide6 import QtCore, QtGui, QtWidgets

from classesduo.domain.i18n import translate

Qt = QtCore.Qt
Signal = QtCore.Signal
Slot = QtCore.Slot

__all__ = ["Qt", "QtCore", "QtGui", "QtWidgets", "Signal", "Slot", "translate"]
