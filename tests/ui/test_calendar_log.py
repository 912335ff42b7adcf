"""From the calendar, a session's dialog opens the exchange log form on that session."""

from __future__ import annotations

from pathlib import Path

from classesduo.domain.enums import SessionStatus
from classesduo.services.sessions import list_sessions
from classesduo.ui.qt import QtWidgets


def test_log_this_exchange_from_the_calendar(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    window = make_window(demo_dir)
    calendar = window.pages["calendar"]
    to_log = next(v.session for v in list_sessions(window.workspace.db, statuses=(SessionStatus.PLANNED,))
                  if v.session.start_utc.date().isoformat() < "2026-11-28")
    seen: list[QtWidgets.QDialog] = []

    def run_dialog(dialog: QtWidgets.QDialog) -> int:
        seen.append(dialog)
        assert dialog.log_button.isVisible() or not dialog.isVisible()
        dialog.log_button.click()
        return dialog.result()

    calendar.run_dialog = run_dialog
    calendar.edit_session(to_log.id)
    assert seen
    form = window.log_actions.form
    assert form is not None
    qtbot.waitUntil(lambda: form.isVisible(), timeout=5000)
    assert form.session is not None and form.session.session.id == to_log.id
    form.reject()


def test_duo_page_shows_both_timetables(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    window = make_window(demo_dir)
    duos = window.pages["duos"]
    view = next(d for d in duos.table.model.records() if d.partner.city == "Montréal")
    window.open_duo(view.duo.id)
    window.duo_page.timetables_button.click()
    dialog = window.duo_page.timetables_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    from datetime import date

    dialog.panel.set_week(date(2026, 11, 23))  # a school week for both (the dialog opens on today's week)
    blocks = dialog.panel.picture.blocks
    assert blocks["paris"] and blocks["partner"] and blocks["overlap"]
    monday = dialog.panel.picture.monday
    dialog.panel.next_button.click()
    assert (dialog.panel.picture.monday - monday).days == 7
    dialog.reject()


def test_exporting_no_visio_says_so_instead_of_asking_for_a_file(make_window, data_dir: Path) -> None:  # noqa: ANN001
    from .conftest import FakeDialogs

    class Recording(FakeDialogs):
        asked_file = False

        def save_file(self, *args: object) -> None:
            Recording.asked_file = True

    dialogs = Recording()
    window = make_window(data_dir, dialogs=dialogs)
    window.pages["calendar"].export_ics()
    assert not Recording.asked_file
    assert dialogs.infos and "no visio" in dialogs.infos[0]
