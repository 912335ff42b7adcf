"""The Exchange log pages its rows from the database: lazy fetching, sorting by the service, debounced filter."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from classesduo.domain.enums import SessionStatus
from classesduo.services.log_queries import to_log
from classesduo.services.sessions import list_sessions
from classesduo.ui.paged_table import PAGE_SIZE, PagedTableModel
from classesduo.ui.qt import QtCore
from classesduo.ui.table_model import RECORD_ROLE, Column

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=ZoneInfo("Europe/Paris"))
LOGGED = (SessionStatus.HELD, SessionStatus.CANCELLED, SessionStatus.POSTPONED)


class ListSource:
    """Numbers 0..n-1 filtered by substring, sorted by value or by last digit; records every page asked."""

    def __init__(self, size: int) -> None:
        self.values = list(range(size))
        self.asked: list[tuple[str, str, bool, int, int]] = []

    def _rows(self, text: str, sort: str, descending: bool) -> list[int]:
        rows = [v for v in self.values if text in str(v)]
        key = (lambda v: (v % 10, v)) if sort == "digit" else (lambda v: v)
        return sorted(rows, key=key, reverse=descending)

    def page(self, text: str, sort: str, descending: bool, offset: int, limit: int) -> Sequence[int]:
        self.asked.append((text, sort, descending, offset, limit))
        return self._rows(text, sort, descending)[offset:offset + limit]

    def count(self, text: str) -> int:
        return len(self._rows(text, "value", False))


def _model(source: ListSource) -> PagedTableModel:
    columns = [Column(title=lambda: "Value", display=str), Column(title=lambda: "Digit", display=lambda v: str(v % 10))]
    model = PagedTableModel(columns, ["value", "digit"])
    model.set_source(source)
    return model


def test_model_fetches_pages_lazily_and_sorts_through_the_source(qtmodeltester, qtbot) -> None:  # noqa: ANN001
    source = ListSource(450)
    model = _model(source)
    assert model.rowCount() == PAGE_SIZE and model.canFetchMore(QtCore.QModelIndex())
    qtbot.waitUntil(lambda: model.total == 450, timeout=5000)  # counted in the background
    qtmodeltester.check(model)
    while model.canFetchMore(QtCore.QModelIndex()):
        model.fetchMore(QtCore.QModelIndex())
    assert model.rowCount() == 450 and model.records() == list(range(450))
    assert [offset for *_, offset, _limit in source.asked if offset] == list(range(PAGE_SIZE, 450, PAGE_SIZE))
    asked = len(source.asked)
    model.sort(1, QtCore.Qt.SortOrder.DescendingOrder)
    assert source.asked[asked] == ("", "digit", True, 0, PAGE_SIZE + 1)
    assert model.rowCount() >= PAGE_SIZE and model.index(0, 0).data(RECORD_ROLE) == 449
    assert model.index(1, 0).data(RECORD_ROLE) == 439
    model.set_filter_text("  44 ")
    expected = len([v for v in range(450) if "44" in str(v)])
    assert expected <= PAGE_SIZE and model.total == expected  # one page holds them all: no count needed
    assert all("44" in str(v) for v in model.records())
    qtmodeltester.check(model)


class SlowCount(ListSource):
    """A count that only finishes when the test says so (as a long scan of 100,000 rows would)."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        import threading

        self.release = threading.Event()

    def count(self, text: str) -> int:
        self.release.wait(10)
        return super().count(text)


def test_the_rows_come_before_the_count_and_an_old_count_is_ignored(qtbot) -> None:  # noqa: ANN001
    source = SlowCount(1000)
    model = _model(source)
    assert model.rowCount() == PAGE_SIZE and model.total is None  # shown at once, count still running
    model.set_filter_text("1")  # typing on: the first count is now for an old filter
    assert model.total is None
    source.release.set()
    expected = len([v for v in range(1000) if "1" in str(v)])
    qtbot.waitUntil(lambda: model.total is not None, timeout=5000)
    assert model.total == expected
    QtCore.QThreadPool.globalInstance().waitForDone(5000)
    assert model.total == expected  # the stale count (1000) did not overwrite it


def test_scrolling_to_the_end_before_the_count_arrives_settles_the_total(qtbot) -> None:  # noqa: ANN001
    source = SlowCount(250)
    model = _model(source)
    while model.canFetchMore(QtCore.QModelIndex()):
        model.fetchMore(QtCore.QModelIndex())
    assert model.rowCount() == 250 and model.total == 250
    source.release.set()
    QtCore.QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(10)
    assert model.total == 250


def test_log_page_pages_sorts_and_filters_the_logged_sessions(make_window, demo_dir: Path, qtbot,  # noqa: ANN001
                                                              qtmodeltester) -> None:
    window = make_window(demo_dir)
    window.log_actions.clock = lambda: NOW
    window.refresh_all()
    page = window.pages["log"]
    table = page.table
    logged = list_sessions(window.workspace.db, statuses=LOGGED)
    newest = sorted(logged, key=lambda v: (v.session.start_utc, v.session.id), reverse=True)
    assert [v.session.id for v in table.model.records()] == [v.session.id for v in newest[:PAGE_SIZE]]
    qtbot.waitUntil(lambda: table.count_label.text() == f"{len(logged)} rows", timeout=5000)
    assert table.view.horizontalHeader().sortIndicatorOrder() == QtCore.Qt.SortOrder.DescendingOrder
    qtmodeltester.check(table.model)
    # a click on "Minutes" sorts in the database
    table.view.sortByColumn(4, QtCore.Qt.SortOrder.AscendingOrder)
    minutes = [v.session.minutes for v in table.model.records()]
    assert minutes == sorted(minutes) and minutes[0] == min(v.session.minutes for v in logged)
    # typing filters once typing pauses
    city = logged[0].partner_city
    table.filter_edit.setText(city.lower())
    assert table.filter_timer.isActive()
    qtbot.waitUntil(lambda: not table.filter_timer.isActive(), timeout=2000)
    expected = [v for v in logged if city.casefold() in (v.partner_city + v.duo_label + v.facilitator
                                                         + v.session.log.activities
                                                         + v.session.log.notes).casefold()]
    assert {v.session.id for v in table.model.records()} == {v.session.id for v in expected}
    qtbot.waitUntil(lambda: table.count_label.text() == f"{len(expected)} of {len(logged)}", timeout=5000)
    table.filter_edit.setText("no such school anywhere")
    table.apply_filter()
    assert table.model.rowCount() == 0 and table.stack.currentWidget() is table.view
    table.filter_edit.clear()
    table.apply_filter()
    # the other mode: past sessions still to log, oldest first
    page.which.setCurrentIndex(page.TO_LOG)
    due = sorted(to_log(window.workspace.db, NOW), key=lambda v: (v.session.start_utc, v.session.id))
    assert due and [v.session.id for v in table.model.records()] == [v.session.id for v in due]
    assert table.view.horizontalHeader().sortIndicatorOrder() == QtCore.Qt.SortOrder.AscendingOrder
    table.view.selectRow(0)
    assert table.selected_record().session.id == due[0].session.id


def test_log_page_without_data_shows_its_empty_state(make_window, tmp_path: Path) -> None:  # noqa: ANN001
    window = make_window(tmp_path / "empty")
    table = window.pages["log"].table
    assert table.stack.currentWidget() is table.empty and not table.filter_edit.isEnabled()
    assert "No exchange logged yet" in table.empty.label.text()
    assert table.count_label.text() == "0 rows"


class FailingCount(ListSource):
    def count(self, text: str) -> int:
        raise OSError("database is locked")


def _table(source: ListSource):  # noqa: ANN202 - a PagedTable
    from classesduo.ui.paged_table import PagedTable

    columns = [Column(title=lambda: "Value", display=str)]
    table = PagedTable(columns, ["value"])
    table.set_source(source)
    return table


def test_a_failed_count_still_lets_every_row_be_scrolled_to(qtbot, caplog) -> None:  # noqa: ANN001
    table = _table(FailingCount(450))
    qtbot.addWidget(table)
    model = table.model
    qtbot.waitUntil(lambda: model.count_failed, timeout=5000)
    assert "counting the rows" in caplog.text
    assert table.count_label.text() == f"at least {PAGE_SIZE} rows"
    while model.canFetchMore(QtCore.QModelIndex()):
        model.fetchMore(QtCore.QModelIndex())
    assert model.rowCount() == 450 and model.total == 450
    assert table.count_label.text() == "450 rows"


def test_typing_before_the_first_count_arrives_still_shows_both_totals(qtbot) -> None:  # noqa: ANN001
    source = SlowCount(1000)
    table = _table(source)
    qtbot.addWidget(table)
    assert table.count_label.text() == "counting…"
    table.filter_edit.setText("44")
    table.apply_filter()  # the model's unfiltered count is now stale; the table's own is not
    source.release.set()
    expected = len([v for v in range(1000) if "44" in str(v)])
    qtbot.waitUntil(lambda: table.count_label.text() == f"{expected} of 1000", timeout=5000)


def test_the_log_source_reads_the_names_again_after_a_failure(demo_workspace, monkeypatch, qtbot) -> None:  # noqa: ANN001
    from classesduo.services.session_pages import SessionQuery, duo_names
    from classesduo.ui.pages import log_page

    calls: list[int] = []

    def flaky(db):  # noqa: ANN001, ANN202
        calls.append(1)
        if len(calls) == 1:
            raise OSError("database is locked")
        return duo_names(db)

    monkeypatch.setattr(log_page, "duo_names", flaky)
    source = log_page._SessionSource(demo_workspace, SessionQuery(statuses=LOGGED))
    qtbot.waitUntil(lambda: source._names.done(), timeout=5000)  # the background read failed
    assert source._duo_names("") is None
    names = source._duo_names("ecole")
    assert names is not None and names.folded and len(calls) == 2
    assert source._duo_names("ecole") is names and len(calls) == 2  # kept, not read at each keystroke


def test_refreshing_a_filtered_list_counts_nothing_on_the_gui_thread(qtbot) -> None:  # noqa: ANN001
    import threading

    class ThreadRecording(ListSource):
        def __init__(self, size: int) -> None:
            super().__init__(size)
            self.on_gui_thread: list[str] = []

        def count(self, text: str) -> int:
            if threading.current_thread() is threading.main_thread():
                self.on_gui_thread.append(text)
            return super().count(text)

    source = ThreadRecording(1000)
    table = _table(source)
    qtbot.addWidget(table)
    table.filter_edit.setText("44")
    table.apply_filter()
    table.set_source(source)  # a refresh (after a save) while the list is filtered
    assert source.on_gui_thread == []
    assert table.stack.currentWidget() is table.view  # the filtered rows, not the empty state, while counting
    expected = len([v for v in range(1000) if "44" in str(v)])
    qtbot.waitUntil(lambda: table.count_label.text() == f"{expected} of 1000", timeout=5000)
    assert source.on_gui_thread == []
