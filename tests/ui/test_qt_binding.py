"""The Qt binding in use must not leak references to None (PySide6 6.12.0 on Python 3.11 did)."""

from __future__ import annotations

import sys

import pytest

from classesduo.ui.qt import QtGui, QtWidgets


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_calls_keep_none_alive(qapp) -> None:  # noqa: ANN001
    label = QtWidgets.QLabel()
    image = QtGui.QImage(8, 8, QtGui.QImage.Format.Format_RGB32)
    colour = QtGui.QColor("red")
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("x")
        image.fill(colour)
    assert sys.getrefcount(None) - before > -50, "this PySide6 build leaks None references; see pyproject.toml"
