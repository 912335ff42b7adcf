"""One icon set, and light and dark appearance with a calendar readable in both."""

from __future__ import annotations

from pathlib import Path

import pytest

from classesduo.ui.appearance import apply_appearance, calendar_colours, contrast, dark_palette, is_dark
from classesduo.ui.calendar.items import _PALETTE
from classesduo.ui.icons import icon, names
from classesduo.ui.main_window import AREAS
from classesduo.ui.qt import QtGui


def test_every_area_has_its_own_crisp_icon(make_window, data_dir: Path) -> None:  # noqa: ANN001
    window = make_window(data_dir)
    assert {area.key for area in AREAS} <= set(names())
    images = []
    for row, area in enumerate(AREAS):
        shown = window.nav.item(row).icon()
        assert not shown.isNull(), area.key
        assert {16, 64} <= {size.width() for size in shown.availableSizes()}  # drawn per size, not scaled
        images.append(shown.pixmap(32).toImage())
    assert len({bytes(image.constBits()) for image in images}) == len(AREAS), "two areas share an icon"


@pytest.mark.parametrize("palette", [QtGui.QPalette(), dark_palette()], ids=["light", "dark"])
def test_calendar_colours_are_readable(qapp, palette: QtGui.QPalette) -> None:  # noqa: ANN001
    colours = calendar_colours(palette)
    assert contrast(colours.text, colours.background) >= 4.5
    assert contrast(colours.text, colours.today) >= 4.5  # the day number on today's tint
    for base in _PALETTE:  # a block: its duo colour lightened, with dark text
        assert contrast(colours.block_text, QtGui.QColor(base).lighter(160)) >= 4.5, base


def test_dark_appearance_applies_and_icons_follow(make_window, data_dir: Path, qapp) -> None:  # noqa: ANN001
    window = make_window(data_dir)
    light_icon = window.nav.item(0).icon().pixmap(32).toImage()
    try:
        assert apply_appearance(qapp, "dark") == "dark"
        assert is_dark()
        dark_icon = window.nav.item(0).icon().pixmap(32).toImage()
        assert light_icon != dark_icon  # drawn again in the dark palette's text colour
        assert window.pages["calendar"].week.canvas.palette().color(QtGui.QPalette.ColorRole.Base).lightness() < 128
    finally:
        apply_appearance(qapp, "light")
    assert not is_dark()
    assert icon("home").pixmap(16).toImage() is not None


def test_icons_are_drawn_at_the_size_asked_not_scaled_from_a_few_sizes(qapp) -> None:  # noqa: ANN001
    """Crisp at any scale: a 40 px icon on a 2× screen is drawn at 80 px (it was the 64 px drawing)."""
    from classesduo.ui.qt import QtCore

    for size in (80, 40, 17):
        pixmap = icon("calendar").pixmap(QtCore.QSize(size, size))
        assert pixmap.size() == QtCore.QSize(size, size)
        image = pixmap.toImage()
        assert any(image.pixelColor(x, y).alpha() for x in range(size) for y in range(size))
