"""The main window as a user meets it: areas, empty states, demo loading, filtering."""

from __future__ import annotations

from pathlib import Path

from classesduo.settings import Settings
from classesduo.ui.main_window import AREAS
from classesduo.ui.pages.list_page import ListPage
from classesduo.ui.qt import QtCore, QtGui

from .conftest import FakeDialogs


def _tables(window) -> list:  # noqa: ANN001
    tables = []
    for page in window.pages.values():
        if isinstance(page, ListPage):
            tables.append(page.table)
        elif hasattr(page, "lists"):
            tables += [p.table for p in page.lists()]
    return tables


def test_every_area_opens_and_lists_the_demo(make_window, demo_dir: Path, qtmodeltester) -> None:  # noqa: ANN001
    window = make_window(demo_dir)
    for row, area in enumerate(AREAS):
        window.nav.setCurrentRow(row)
        assert window.stack.currentWidget() is window.pages[area.key]
        assert window.nav.item(row).text() == area.title()
    for table in _tables(window):
        if table is window.pages["calendar"].table:
            continue  # upcoming only: depends on today's date
        assert table.model.rowCount() > 0, table
        assert table.stack.currentWidget() is table.view
        qtmodeltester.check(table.model)
    assert "24 schools, 12 duos" in window.pages["home"].headline.text()


def test_area_shortcuts(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    window = make_window(demo_dir)
    window.activateWindow()
    for number in (3, 1, 7):
        qtbot.keyClick(window, QtCore.Qt.Key(QtCore.Qt.Key.Key_0 + number), QtCore.Qt.KeyboardModifier.ControlModifier)
        assert window.nav.currentRow() == number - 1


def test_empty_database_says_what_to_do(make_window, data_dir: Path) -> None:  # noqa: ANN001
    window = make_window(data_dir)
    duos = window.pages["duos"]
    assert duos.table.stack.currentWidget() is duos.table.empty
    assert "No duos yet" in duos.table.empty.label.text()
    assert not duos.table.empty.button.isHidden()
    home = window.pages["home"]
    assert home.stack.currentWidget() is home.empty and "demo" in home.empty.label.text()


def test_first_run_offers_the_demo_and_loads_it_off_the_gui_thread(make_window, data_dir: Path,  # noqa: ANN001
                                                                  qtbot) -> None:
    dialogs = FakeDialogs(confirm_answer=True)
    window = make_window(data_dir, dialogs=dialogs, settings=Settings(demo_offered=False))
    assert dialogs.asked and "demo" in dialogs.asked[0]
    duos = window.pages["duos"]
    qtbot.waitUntil(lambda: "duos" in window.changes.stale, timeout=30_000)  # hidden: refreshed when shown
    window.show_area(2)
    assert duos.table.model.rowCount() == 12
    assert window.settings.demo_offered is True
    assert Settings.load(window.paths.settings_file).demo_offered is True
    assert not dialogs.errors


def test_demo_button_of_an_empty_page_loads_the_demo(make_window, data_dir: Path, qtbot) -> None:  # noqa: ANN001
    window = make_window(data_dir)
    window.nav.setCurrentRow(2)
    duos = window.pages["duos"]
    duos.table.empty.button.click()
    qtbot.waitUntil(lambda: duos.table.model.rowCount() == 12, timeout=30_000)
    assert duos.table.stack.currentWidget() is duos.table.view


def test_filter_as_you_type_ignores_case_and_accents(make_window, demo_dir: Path) -> None:  # noqa: ANN001
    window = make_window(demo_dir)
    table = window.pages["duos"].table
    table.filter_edit.setText("tokyo")
    assert table.proxy.rowCount() == 1
    table.filter_edit.setText("beranger")
    assert table.proxy.rowCount() == 1
    assert "1 of 12" in table.count_label.text()
    table.filter_edit.clear()
    assert table.proxy.rowCount() == 12


def test_sorting_by_a_column(make_window, demo_dir: Path) -> None:  # noqa: ANN001
    window = make_window(demo_dir)
    table = window.pages["duos"].table
    table.view.sortByColumn(1, QtCore.Qt.SortOrder.DescendingOrder)  # arrondissement, numerically
    values = [int(table.proxy.index(row, 1).data()) for row in range(table.proxy.rowCount())]
    assert values == sorted(values, reverse=True)


def test_a_database_that_cannot_be_opened_shows_an_error(make_window, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    dialogs = FakeDialogs()
    window = make_window(tmp_path / "data", dialogs=dialogs, db_url="sqlite:////nonexistent/dir/x.sqlite3",
                         wait=False)
    window.open_data()
    qtbot.waitUntil(lambda: bool(dialogs.errors), timeout=20_000)
    assert "could not be opened" in dialogs.errors[0]
    assert str(window.paths.log_file) in dialogs.errors[0]


def test_window_screenshot_is_not_blank(make_window, demo_dir: Path) -> None:  # noqa: ANN001
    window = make_window(demo_dir)
    image: QtGui.QImage = window.grab().toImage()
    assert image.width() > 600 and image.height() > 400
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 23)}
    assert len(colours) > 5


def test_the_start_up_worker_reads_the_home_page_data_which_is_shown_once(make_window, demo_dir: Path) -> None:  # noqa: ANN001
    from dataclasses import replace

    from classesduo.ui.main_window import _open_and_back_up

    workspace, summary = _open_and_back_up(str(demo_dir), None, 3)
    try:
        assert summary is not None and summary.schools > 0 and summary.duos > 0
    finally:
        workspace.close()
    window = make_window(demo_dir)
    home = window.pages["home"]
    home.preset_summary(replace(home.summary, schools=999))
    home.refresh()
    assert "999 schools" in home.headline.text()
    home.refresh()  # used once: the next refresh reads the database again
    assert "999 schools" not in home.headline.text()


def test_about_names_the_shipped_tz_database(make_window, data_dir: Path) -> None:  # noqa: ANN001
    import tzdata

    dialogs = FakeDialogs()
    window = make_window(data_dir, dialogs=dialogs)
    window.about_action.trigger()
    assert f"Time zone database: {tzdata.IANA_VERSION}" in dialogs.infos[-1]
