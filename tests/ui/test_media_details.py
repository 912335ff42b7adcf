"""The media details panel: Save on screen at 1280×720 without scrolling, and the preview kept after Save."""

from __future__ import annotations

from pathlib import Path

from classesduo.ui.qt import QtCore, QtGui, QtWidgets
from tests.ui.fit_checks import settle


def _page(make_window, demo_dir: Path, language: str = "en"):  # noqa: ANN001, ANN202
    window = make_window(demo_dir, language=language)
    window.resize(1280, 720)
    window.show_area(5)
    page = window.pages["media"]
    page.filters.duo.setCurrentIndex(1)
    page.grid.setCurrentIndex(page.model.index(0))
    settle()
    return window, page


def test_save_is_visible_without_scrolling_at_1280_by_720(make_window, demo_dir: Path) -> None:  # noqa: ANN001
    for language in ("en", "fr"):
        window, page = _page(make_window, demo_dir, language)
        scroll = page.panel.parentWidget().parentWidget()
        assert isinstance(scroll, QtWidgets.QScrollArea)
        assert scroll.verticalScrollBar().maximum() == 0, "the details panel scrolls"
        button = page.panel.save_button
        corner = button.mapTo(scroll.viewport(), QtCore.QPoint(0, button.height()))
        assert 0 <= corner.y() <= scroll.viewport().height()
        window.translations.apply("en")
        window.close()


def test_the_preview_stays_after_save(make_window, demo_dir: Path) -> None:  # noqa: ANN001
    window, page = _page(make_window, demo_dir)
    image = QtGui.QImage(64, 48, QtGui.QImage.Format.Format_RGB32)
    image.fill(QtGui.QColor("teal"))
    page.panel.set_preview(image)  # as the loader delivers it
    assert not page.panel.preview.pixmap().isNull()
    page.panel.caption.setText("Le préau")
    page.panel.save_button.click()
    settle()
    assert page.panel.view.item.caption == "Le préau"
    assert not page.panel.preview.pixmap().isNull(), "the preview turned into a word after Save"
    assert page.panel.preview.text() == ""
