"""Every page fits a laptop screen in both languages, and nothing makes the window grow by itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from classesduo.ui.main_window import AREAS
from classesduo.ui.qt import QtCore
from tests.ui.fit_checks import cut_texts, settle, squeezed

SCREENS = [(1280, 720), (1366, 768)]


def _visit_every_page(window) -> list[str]:  # noqa: ANN001
    problems = []
    for row, area in enumerate(AREAS):
        window.show_area(row)
        settle()
        page = window.stack.currentWidget()
        problems += [f"{area.key}: {p}" for p in filter(None, [squeezed(page)])]
        problems += [f"{area.key}: {p}" for p in cut_texts(page)]
    duo_id = window.pages["duos"].table.model.records()[0].duo.id
    window.open_duo(duo_id)
    settle()
    problems += [f"duo page: {p}" for p in filter(None, [squeezed(window.duo_page)])]
    problems += [f"duo page: {p}" for p in cut_texts(window.duo_page)]
    window.close_duo_page()
    return problems


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_page_fits_the_screen_without_growing_the_window(make_window, demo_dir: Path, language: str,
                                                              screen: tuple[int, int]) -> None:  # noqa: ANN001
    window = make_window(demo_dir, language=language)
    window.resize(*screen)
    settle()
    size = window.size()
    assert window.minimumSizeHint().width() <= screen[0] and window.minimumSizeHint().height() <= screen[1]
    problems = _visit_every_page(window)
    assert window.size() == size, f"the window grew from {size.toTuple()} to {window.size().toTuple()}"
    other = "fr" if language == "en" else "en"
    window.translations.apply(other)  # a language switch at run time, then every page again
    settle()
    problems += [f"[{other}] {p}" for p in _visit_every_page(window)]
    window.refresh_all()
    settle()
    assert window.size() == size, f"the window grew from {size.toTuple()} to {window.size().toTuple()}"
    window.translations.apply("en")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_home_tables_show_every_column_without_a_horizontal_scroll_bar(make_window, demo_dir: Path,
                                                                      language: str) -> None:  # noqa: ANN001
    from classesduo.ui.pages.list_page import RecordTable

    window = make_window(demo_dir, language=language)
    window.resize(1280, 720)
    window.show_area(0)
    settle(10)
    tables = [t for t in window.pages["home"].findChildren(RecordTable) if t.view.isVisible() and t.model.rowCount()]
    assert tables
    for table in tables:
        assert table.view.horizontalScrollBar().maximum() == 0, [
            table.view.horizontalHeader().sectionSize(c) for c in range(table.model.columnCount())]
        long = max((table.model.index(0, c).data() or "" for c in range(table.model.columnCount())), key=len)
        if len(long) > 24:
            column = next(c for c in range(table.model.columnCount()) if table.model.index(0, c).data() == long)
            assert table.model.index(0, column).data(QtCore.Qt.ItemDataRole.ToolTipRole) == long
    window.translations.apply("en")
