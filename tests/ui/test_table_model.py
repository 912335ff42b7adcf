"""Every record table sorts in its model (one key per row) and filters in its proxy."""

from __future__ import annotations

from classesduo.ui.qt import QtCore, QtWidgets
from classesduo.ui.table_model import RECORD_ROLE, Column, FilterProxy, RecordTableModel

ROWS = [("École Zola", 3), ("ecole Arago", None), ("Collège Bert", 12), ("école arago", 7), ("Anatole", 3)]


def _table() -> tuple[RecordTableModel, FilterProxy]:
    columns = [Column(title=lambda: "Name", display=lambda r: r[0]),
               Column(title=lambda: "N", display=lambda r: "" if r[1] is None else str(r[1]), sort_key=lambda r: r[1])]
    model = RecordTableModel(columns)
    proxy = FilterProxy()
    proxy.setSourceModel(model)
    model.set_records(ROWS)
    return model, proxy


def _shown(proxy: FilterProxy) -> list[tuple[str, int | None]]:
    return [proxy.index(row, 0).data(RECORD_ROLE) for row in range(proxy.rowCount())]


def test_sorts_by_folded_text_and_by_key_with_empty_values_first_and_ties_kept(qtmodeltester) -> None:  # noqa: ANN001
    model, proxy = _table()
    qtmodeltester.check(proxy)
    proxy.sort(0, QtCore.Qt.SortOrder.AscendingOrder)
    assert [r[0] for r in _shown(proxy)] == ["Anatole", "Collège Bert", "ecole Arago", "école arago", "École Zola"]
    proxy.sort(1, QtCore.Qt.SortOrder.AscendingOrder)
    assert [r[1] for r in _shown(proxy)] == [None, 3, 3, 7, 12]
    assert [r[0] for r in _shown(proxy)][1:3] == ["Anatole", "École Zola"]  # ties keep the previous (name) order
    proxy.sort(1, QtCore.Qt.SortOrder.DescendingOrder)
    assert [r[1] for r in _shown(proxy)] == [12, 7, 3, 3, None]
    assert [r[0] for r in _shown(proxy)][2:4] == ["Anatole", "École Zola"]
    qtmodeltester.check(proxy)


def test_new_records_come_in_the_current_order_and_filtering_keeps_it() -> None:
    model, proxy = _table()
    proxy.sort(1, QtCore.Qt.SortOrder.DescendingOrder)
    model.set_records([*ROWS, ("Nouvelle", 99)])
    assert _shown(proxy)[0] == ("Nouvelle", 99)
    proxy.set_filter_text("ecole")
    assert [r[1] for r in _shown(proxy)] == [7, 3, None]


def test_the_selection_follows_its_row_when_sorting(qtbot) -> None:  # noqa: ANN001
    model, proxy = _table()
    view = QtWidgets.QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(0, QtCore.Qt.SortOrder.AscendingOrder)
    view.selectRow(2)
    assert view.selectionModel().selectedRows()[0].data(RECORD_ROLE) == ("ecole Arago", None)
    view.sortByColumn(1, QtCore.Qt.SortOrder.DescendingOrder)
    assert view.selectionModel().selectedRows()[0].data(RECORD_ROLE) == ("ecole Arago", None)
    assert view.selectionModel().selectedRows()[0].row() == 4


def test_the_same_record_twice_sorts_without_error_and_keeps_the_selection(qtbot) -> None:  # noqa: ANN001
    model, proxy = _table()
    same = ("Double", 5)
    model.set_records([same, ("Autre", 1), same])
    view = QtWidgets.QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.selectRow(1)
    proxy.sort(1, QtCore.Qt.SortOrder.AscendingOrder)
    assert [r[1] for r in _shown(proxy)] == [1, 5, 5]
    assert view.selectionModel().selectedRows()[0].data(RECORD_ROLE) == ("Autre", 1)


def test_a_language_switch_sorts_translated_labels_again() -> None:
    labels = {"en": {"a": "Yes", "b": "No"}, "fr": {"a": "Oui", "b": "Non"}}
    language = ["en"]
    model = RecordTableModel([Column(title=lambda: "Archived", display=lambda r: labels[language[0]][r])])
    model.set_records(["a", "b"])
    model.sort(0, QtCore.Qt.SortOrder.AscendingOrder)
    assert model.records() == ["b", "a"]  # No < Yes
    language[0] = "fr"
    model.retranslate()
    assert model.records() == ["b", "a"]  # Non < Oui: same order
    labels["fr"] = {"a": "Archivé", "b": "Non"}
    model.retranslate()
    assert model.records() == ["a", "b"]  # Archivé < Non



def test_text_sorts_numbers_by_value_and_accents_with_their_letter_before_a_language_is_chosen() -> None:
    model = RecordTableModel([Column(title=lambda: "Name", display=lambda r: r)])
    model.set_records(["École 10", "Zola", "École 2", "école 1", "CM1 10", "CM1 9"])
    model.sort(0, QtCore.Qt.SortOrder.AscendingOrder)
    assert model.records() == ["CM1 9", "CM1 10", "école 1", "École 2", "École 10", "Zola"]
