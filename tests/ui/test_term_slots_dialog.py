"""Common times for every duo…: the dialog driven through its real widgets on the demo."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from classesduo.domain.enums import DuoStatus
from classesduo.services.duos import list_duos
from classesduo.ui.calendar import term_slots_dialog
from classesduo.ui.calendar.finder_dialog import FinderDialog
from classesduo.ui.calendar.term_slots_dialog import TermSlotsDialog
from classesduo.ui.qt import QtCore, QtWidgets
from classesduo.ui.table_model import RECORD_ROLE

from .conftest import FakeDialogs

SHIFT_CTRL = QtCore.Qt.KeyboardModifier.ControlModifier | QtCore.Qt.KeyboardModifier.ShiftModifier


def _rows(dialog: TermSlotsDialog) -> list:
    proxy = dialog.table.proxy
    return [proxy.index(row, 0).data(RECORD_ROLE) for row in range(proxy.rowCount())]


def _wait_for_results(qtbot, dialog: TermSlotsDialog) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: dialog.operation is None and dialog.searches is not None, timeout=20_000)


def test_every_duo_over_the_term_then_plan_from_a_row(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    window = make_window(demo_dir, dialogs=FakeDialogs())
    window.nav.setCurrentRow(3)
    page = window.pages["calendar"]
    page.today = date(2026, 11, 28)
    active = {v.duo.id for v in list_duos(window.workspace.db) if v.duo.status is DuoStatus.ACTIVE}
    seen: dict[str, object] = {}

    def plan_first_slot(dialog: FinderDialog) -> int:
        seen["finder_duo"] = dialog.duo_combo.currentData()
        seen["finder_rows"] = dialog.table.rowCount()
        dialog.table.selectRow(0)
        dialog.create_button.click()
        return dialog.result()

    def drive(dialog: TermSlotsDialog) -> int:
        _wait_for_results(qtbot, dialog)
        # The rest of the current term (from today, not its first day), every active duo, a summary.
        assert (dialog.from_edit.date(), dialog.to_edit.date()) == (QtCore.QDate(2026, 11, 28), QtCore.QDate(2026, 12, 31))
        rows = _rows(dialog)
        assert {search.calendars.duo_id for search in rows} == active
        assert f"{len(active)} duos from" in dialog.summary.text()
        model = dialog.table.model
        header = [model.headerData(c, QtCore.Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        assert header == ["Duo", "Facilitator", "Slots", "First slot (Paris)", "Partner's time", "School calendars",
                          "Why none"]
        # Sorted by number of slots: the duos without any come first.
        dialog.table.view.sortByColumn(2, QtCore.Qt.SortOrder.AscendingOrder)
        counts = [len(search.slots) for search in _rows(dialog)]
        assert counts == sorted(counts) and counts[0] == 0
        # A row with slots shows both clocks; one without says why.
        texts = {dialog.table.proxy.index(r, 0).data(): [dialog.table.proxy.index(r, c).data() for c in range(7)]
                 for r in range(dialog.table.proxy.rowCount())}
        montreal = next(v for label, v in texts.items() if "Saint-Louis" in label)
        assert montreal[3].endswith("15:00") and montreal[4].endswith("09:00 Montréal") and montreal[6] == ""
        tokyo = next(v for label, v in texts.items() if "Buffon" in label)
        assert tokyo[2] == "0" and tokyo[3] == "" and "Tokyo is 8 h ahead" in tokyo[6]  # Paris on winter time from 28 November
        assert montreal[5] == ""  # the demo's school calendars are known for the term
        # Filtering as you type, the "without common times" switch, the detail of the selected row.
        dialog.table.filter_edit.setText("Buffon")
        assert [s.calendars.view.label for s in _rows(dialog)] == [s for s in texts if "Buffon" in s]
        dialog.table.view.selectRow(0)
        assert "asynchronous" in dialog.detail.text()
        dialog.table.filter_edit.setText("")
        dialog.without_only.setChecked(True)
        assert _rows(dialog) and all(not search.slots for search in _rows(dialog))
        dialog.without_only.setChecked(False)
        # Double-click a duo with slots: the single-duo finder opens on it; planning there searches again.
        target = next(search for search in _rows(dialog) if search.slots and search.calendars.partner_city == "Montréal")
        before = len(target.slots)
        row = _rows(dialog).index(target)
        page.run_dialog = plan_first_slot
        dialog.table.view.doubleClicked.emit(dialog.table.proxy.index(row, 0))
        assert seen["finder_duo"] == target.calendars.duo_id and seen["finder_rows"] > 0
        _wait_for_results(qtbot, dialog)
        after = next(s for s in dialog.searches if s.calendars.duo_id == target.calendars.duo_id)
        assert len(after.slots) < before  # the planned visio (and its buffer) is no longer free
        seen["term"] = dialog
        return 0

    page.run_dialog = drive
    qtbot.keyClick(window, QtCore.Qt.Key.Key_A, SHIFT_CTRL)  # Common times for every duo…
    assert "term" in seen


def test_bad_range_cancel_and_filter(make_window, demo_dir: Path, qtbot, monkeypatch) -> None:  # noqa: ANN001
    window = make_window(demo_dir, dialogs=FakeDialogs())
    db = window.workspace.db
    dialog = TermSlotsDialog(db, 15, date(2026, 9, 1), date(2026, 12, 31))
    qtbot.addWidget(dialog)
    _wait_for_results(qtbot, dialog)
    dialog.from_edit.setDate(QtCore.QDate(2027, 1, 10))
    dialog.to_edit.setDate(QtCore.QDate(2027, 1, 1))
    dialog.search_button.click()
    assert "after the end date" in dialog.summary.text() and dialog.table.stack.currentWidget() is dialog.table.empty
    # Cancel while the search runs: the search waits for the cancel before it starts, so it sees it for sure.
    real = term_slots_dialog.find_slots_for_duos

    def waits_for_cancel(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        dialog.operation._cancel.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(term_slots_dialog, "find_slots_for_duos", waits_for_cancel)
    dialog.to_edit.setDate(QtCore.QDate(2027, 3, 31))
    dialog.search_button.click()
    assert not dialog.search_button.isEnabled()
    dialog.operation.cancel()
    qtbot.waitUntil(lambda: dialog.operation is None, timeout=20_000)
    assert "cancelled" in dialog.summary.text() and dialog.search_button.isEnabled()
    monkeypatch.setattr(term_slots_dialog, "find_slots_for_duos", real)
    dialog.search_button.click()
    _wait_for_results(qtbot, dialog)
    total = len(_rows(dialog))
    assert total and f"{total} rows" in dialog.table.count_label.text()
    dialog.table.filter_edit.setText("zzz")
    assert not _rows(dialog) and f"0 of {total}" in dialog.table.count_label.text()
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    dialog.table.view.setFocus()
    qtbot.keyClick(dialog.table.view, QtCore.Qt.Key.Key_F, QtCore.Qt.KeyboardModifier.ControlModifier)
    assert dialog.table.filter_edit.hasFocus()
    dialog.close()


def test_no_duo_yet(make_window, data_dir: Path, qtbot) -> None:  # noqa: ANN001
    window = make_window(data_dir, dialogs=FakeDialogs())
    dialog = TermSlotsDialog(window.workspace.db, 15, date(2026, 9, 1), date(2026, 12, 31))
    qtbot.addWidget(dialog)
    _wait_for_results(qtbot, dialog)
    assert dialog.table.stack.currentWidget() is dialog.table.empty
    assert "No active duo" in dialog.table.empty.label.text()
    dialog.active_only.setChecked(False)
    dialog.search_button.click()
    _wait_for_results(qtbot, dialog)
    assert "There is no duo yet" in dialog.table.empty.label.text()
    assert isinstance(dialog, QtWidgets.QDialog)
