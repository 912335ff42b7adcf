"""The slot finder and its series say which days they leave out and why, and flag unknown school calendars."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from classesduo.services.duos import list_duos
from classesduo.services.sessions import list_sessions
from classesduo.ui.calendar.finder_dialog import FinderDialog
from classesduo.ui.qt import QtCore


def _finder(window, city: str, start: date, end: date) -> FinderDialog:  # noqa: ANN001
    duos = list_duos(window.workspace.db)
    duo = next(view for view in duos if view.partner.city == city)
    dialog = FinderDialog(window.workspace.db, duos, 15, start, duo.duo.id, parent=window)
    dialog.to_edit.setDate(QtCore.QDate(end.year, end.month, end.day))
    return dialog


def test_the_finder_flags_each_slot_in_an_unknown_school_year(make_window, demo_dir: Path) -> None:  # noqa: ANN001
    window = make_window(demo_dir)
    dialog = _finder(window, "Roma", date(2027, 10, 25), date(2027, 11, 12))
    rows = {dialog.table.item(row, 0).data(QtCore.Qt.ItemDataRole.UserRole + 10).paris_local.date(): row
            for row in range(dialog.table.rowCount())}
    assert date(2027, 11, 2) in rows  # Toussaint 2027: not published, so offered — but flagged
    flag = dialog.table.item(rows[date(2027, 11, 2)], 4).text()
    assert "⚠" in flag and "school holidays for 2027-2028 are unknown — add them" in flag
    assert "⚠" in dialog.explanation.text() and "2027-2028 are unknown" in dialog.explanation.text()
    # Monday 1 November: a public holiday in Rome (a Paris one too, but Paris has no hours on Mondays)
    assert "Left out 01/11/2027: All Saints' Day — Scuola primaria Daniele Manin, Roma: public holiday" in \
        dialog.explanation.text()
    known = _finder(window, "Roma", date(2027, 3, 1), date(2027, 3, 12))
    assert known.table.rowCount() and all(known.table.item(row, 4).text() == "" for row in range(
        known.table.rowCount()))
    dialog.deleteLater()
    known.deleteLater()


def test_the_overlap_picture_says_which_day_is_left_out_and_why(make_window, demo_dir: Path) -> None:  # noqa: ANN001
    window = make_window(demo_dir)
    dialog = _finder(window, "Roma", date(2026, 5, 4), date(2026, 5, 8))
    reasons = dialog.picture.reasons.text()
    assert "Fête de la Victoire" in reasons and "public holiday" in reasons and "FR" in reasons
    assert "École élémentaire" in reasons  # which side
    dialog.deleteLater()


def test_a_series_never_silently_crosses_an_unknown_calendar(make_window, demo_dir: Path) -> None:  # noqa: ANN001
    window = make_window(demo_dir)
    dialog = _finder(window, "Roma", date(2027, 6, 1), date(2027, 6, 11))
    dialog.table.selectRow(0)
    dialog.repeat.setChecked(True)
    dialog.until.setDate(QtCore.QDate(2027, 9, 30))
    note = dialog.series_note.text()
    assert not dialog.series_note.isHidden() and "⚠" in note and "2027-2028 are unknown" in note
    assert "Left out" in note and "Vacances d'été" in note
    asked = []
    dialog.confirm_unknown = lambda text: asked.append(text) or False
    duo_id = dialog.search.calendars.duo_id
    before = len(list_sessions(window.workspace.db, duo_id=duo_id))
    dialog.create_button.click()
    assert asked and "unknown" in asked[0] and not dialog.created
    assert len(list_sessions(window.workspace.db, duo_id=duo_id)) == before  # nothing planned
    dialog.confirm_unknown = lambda text: True
    dialog.create_button.click()
    assert dialog.created and len(list_sessions(window.workspace.db, duo_id=duo_id)) > before
    dialog.deleteLater()


def test_new_visio_says_when_a_school_calendar_is_unknown(make_window, demo_dir: Path) -> None:  # noqa: ANN001
    from datetime import time

    from classesduo.ui.calendar.session_dialog import SessionDialog

    window = make_window(demo_dir)
    duos = list_duos(window.workspace.db)
    roma = next(view for view in duos if view.partner.city == "Roma")
    dialog = SessionDialog(window.workspace.db, duos, 15, parent=window)
    dialog.prefill(roma.duo.id, date(2027, 11, 2), time(15, 0))
    assert "school holidays for 2027-2028 are unknown — add them" in dialog.problems.text()
    dialog.prefill(roma.duo.id, date(2027, 3, 9), time(15, 0))
    assert "unknown" not in dialog.problems.text()
    dialog.deleteLater()


def test_a_long_series_note_keeps_the_finder_within_1280x720(make_window, demo_dir: Path) -> None:  # noqa: ANN001
    window = make_window(demo_dir)
    dialog = _finder(window, "Roma", date(2027, 6, 1), date(2027, 6, 11))
    dialog.resize(1280, 720)
    dialog.show()
    dialog.table.selectRow(0)
    dialog.repeat.setChecked(True)
    dialog.until.setDate(QtCore.QDate(2027, 12, 31))  # the summer and a whole unknown autumn
    note = dialog.series_note.text()
    assert "Vacances d'été" in note and "2027-2028 are unknown" in note
    assert note.count("Vacances d'été") == 1  # one line per reason, with its dates
    assert dialog.minimumSizeHint().height() <= 720 and dialog.height() <= 720
    dialog.deleteLater()


def test_the_series_note_lines_are_worded_by_the_translation(make_window, demo_dir: Path) -> None:  # noqa: ANN001
    from classesduo.domain import i18n

    window = make_window(demo_dir)
    dialog = _finder(window, "Roma", date(2027, 6, 1), date(2027, 6, 11))
    dialog.table.selectRow(0)
    i18n.install(lambda context, text, *rest: "• {reason} : {dates}" if text == "• {reason}: {dates}"
                 else i18n._identity(context, text, *rest))
    try:
        dialog.repeat.setChecked(True)
        dialog.until.setDate(QtCore.QDate(2027, 9, 30))
    finally:
        i18n.install(i18n._identity)
    assert "• Vacances d'été : " in dialog.series_note.text()  # French spacing before the colon
    dialog.deleteLater()
