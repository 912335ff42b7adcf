"""The exchange log as a user meets it: the log form, the duo page and its timeline, the home lists."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from classesduo.domain.enums import SessionKind, SessionStatus
from classesduo.ui.pages.list_page import RecordTable
from classesduo.ui.qt import QtCore, QtWidgets

from .conftest import FakeDialogs

#: The demo is built as of 28 November 2026; the window's clock is pinned to that day.
NOW = datetime(2026, 11, 28, 12, 0, tzinfo=ZoneInfo("Europe/Paris"))
LEFT = QtCore.Qt.MouseButton.LeftButton


def _window(make_window, demo_dir: Path, dialogs: FakeDialogs | None = None):  # noqa: ANN001, ANN202
    window = make_window(demo_dir, dialogs=dialogs)
    window.log_actions.clock = lambda: NOW
    window.refresh_all()
    return window


def _double_click(qtbot, table: RecordTable, match: Callable[[object], bool]) -> object:  # noqa: ANN001
    for row in range(table.proxy.rowCount()):
        record = table.proxy.index(row, 0).data(QtCore.Qt.ItemDataRole.UserRole + 2)
        if match(record):
            rect = table.view.visualRect(table.proxy.index(row, 0))
            qtbot.mouseClick(table.view.viewport(), LEFT, pos=rect.center())
            qtbot.mouseDClick(table.view.viewport(), LEFT, pos=rect.center())
            return record
    raise AssertionError("no such row")


def _save(qtbot, form) -> None:  # noqa: ANN001
    qtbot.mouseClick(form.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Save), LEFT)


def test_log_from_home_then_see_it_on_the_duo_timeline(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    window = _window(make_window, demo_dir)
    home = window.pages["home"]
    to_log = home.to_log_table.model.records()
    assert to_log and all(v.session.status is SessionStatus.PLANNED and v.session.start_utc < NOW for v in to_log)
    view = _double_click(qtbot, home.to_log_table, lambda v: v.session.kind is SessionKind.VISIO)
    form = window.log_actions.form
    assert form is not None and form.isVisible()
    assert form.status_combo.currentData() == "held"  # a past session defaults to held
    duo = window.duo_page
    window.open_duo(view.session.duo_id)
    pupils = duo.detail.duo.paris.pupils, duo.detail.duo.partner.pupils
    assert form.minutes_box.value() == view.session.minutes
    qtbot.keyClicks(form.activities_edit, "Songs and questions")
    qtbot.mouseClick(form.tag_boxes["song"], LEFT, pos=QtCore.QPoint(5, 5))
    form.paris_box.setValue(pupils[0])
    form.partner_box.setValue(pupils[1] - 2)
    _save(qtbot, form)
    assert not form.isVisible()
    entry = next(e for e in duo.timeline.model.records() if e.session and e.session.id == view.session.id)
    assert entry.status is SessionStatus.HELD
    assert entry.session.log.activity_tags == ["song"] and entry.session.log.present_partner == pupils[1] - 2
    row = duo.timeline.model.records().index(entry)
    text = duo.timeline.model.index(row, 4).data()
    assert "Songs and questions" in text and "Song" in text
    assert view.session.id not in {v.session.id for v in duo.to_log_table.model.records()}
    assert "home" in window.changes.stale  # hidden behind the duo page: refreshed when shown
    window.show_area(0)
    assert view.session.id not in {v.session.id for v in home.to_log_table.model.records()}


def test_bad_counts_are_shown_next_to_the_field_and_nothing_is_saved(make_window, demo_dir: Path,  # noqa: ANN001
                                                                    qtbot) -> None:
    window = _window(make_window, demo_dir)
    view = window.pages["home"].to_log_table.model.records()[0]
    form = window.log_actions.open_form(session=view)
    form.paris_box.setValue(99)
    form.status_combo.setCurrentIndex(form.status_combo.findData("cancelled"))
    assert form.paris_box.isHidden() or not form.paris_box.isVisible()  # counts only for a held session
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow, timeout=5000)
    form.notes_edit.setFocus()
    qtbot.keyClick(form.notes_edit, QtCore.Qt.Key.Key_Return, QtCore.Qt.KeyboardModifier.ControlModifier)  # saves
    error = form._errors["cancel_reason"]
    assert form.isVisible() and not error.isHidden() and "cancelled" in error.text()
    form.status_combo.setCurrentIndex(form.status_combo.findData("held"))
    _save(qtbot, form)
    assert form.isVisible() and "class has only" in form._errors["present_paris"].text()
    assert view.session.id in {v.session.id for v in window.pages["home"].to_log_table.model.records()}
    form.reject()


def test_duo_page_opens_from_the_list_and_goes_back(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    window = _window(make_window, demo_dir)
    window.nav.setCurrentRow(2)
    duos = window.pages["duos"]
    view = _double_click(qtbot, duos.table, lambda d: d.partner.city == "Tokyo")
    page = window.duo_page
    assert window.stack.currentWidget() is page and page.duo_id == view.duo.id
    summary = page.summary_label.text()
    assert f"<b>{page.detail.summary.held}</b> held" in summary and "<b>3</b> media" in summary
    assert "Tokyo" in page.info_label.text() and view.facilitator in page.info_label.text()
    kinds = {entry.kind for entry in page.timeline.model.records()}
    assert {"media", "email", "letter", "blog_post"} <= kinds  # Tokyo: no visio overlap, asynchronous
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("media"))
    assert {e.kind for e in page.timeline.model.records()} == {"media"}
    page.kind_filter.setCurrentIndex(0)
    page.term_filter.setCurrentIndex(page.term_filter.findData("2026-2027/2"))
    assert page.timeline.model.records() and {e.term for e in page.timeline.model.records()} == {"2026-2027/2"}
    window.activateWindow()
    page.timeline.view.setFocus()
    qtbot.keyClick(page.timeline.view, QtCore.Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is duos
    duos.open_record(view)
    qtbot.mouseClick(page.back_button, LEFT)
    assert window.stack.currentWidget() is duos


def test_postpone_delete_and_undo_on_the_duo_page(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    dialogs = FakeDialogs(confirm_answer=True)
    window = _window(make_window, demo_dir, dialogs)
    view = window.pages["home"].to_log_table.model.records()[0]
    window.open_duo(view.session.duo_id)
    page = window.duo_page
    before = len(page.timeline.model.records())
    _double_click(qtbot, page.to_log_table, lambda v: v.session.id == view.session.id)
    form = window.log_actions.form
    form.status_combo.setCurrentIndex(form.status_combo.findData("postponed"))
    form.postponed_edit.setDateTime(QtCore.QDateTime(QtCore.QDate(2026, 12, 3), QtCore.QTime(15, 0)))
    _save(qtbot, form)
    records = page.timeline.model.records()
    assert len(records) == before + 1
    old = next(e for e in records if e.session and e.session.id == view.session.id)
    new = next(e for e in records if e.session and e.session.id == old.session.postponed_to_id)
    assert old.status is SessionStatus.POSTPONED and new.status is SessionStatus.PLANNED
    assert new.when == datetime(2026, 12, 3, 15, 0, tzinfo=ZoneInfo("Europe/Paris"))
    # delete the postponed session: confirmation asked, then undo brings it back
    _double_click(qtbot, page.timeline, lambda e: e is not None and e.session is not None
                  and e.session.id == view.session.id)
    window.log_actions.form.reject()
    qtbot.mouseClick(page.delete_button, LEFT)
    assert dialogs.asked and "Delete" in dialogs.asked[-1]
    assert view.session.id not in {e.session.id for e in page.timeline.model.records() if e.session}
    assert page.undo_button.isEnabled()
    qtbot.mouseClick(page.undo_button, LEFT)
    restored = next(e for e in page.timeline.model.records() if e.session and e.session.id == view.session.id)
    assert restored.session.postponed_to_id == new.session.id and not page.undo_button.isEnabled()
    dialogs.confirm_answer = False
    _double_click(qtbot, page.timeline, lambda e: e is not None and e.session is not None
                  and e.session.id == view.session.id)
    window.log_actions.form.reject()
    qtbot.mouseClick(page.delete_button, LEFT)
    assert view.session.id in {e.session.id for e in page.timeline.model.records() if e.session}


def test_unplanned_exchange_from_the_log_page_and_history(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    dialogs = FakeDialogs()
    window = _window(make_window, demo_dir, dialogs)
    window.nav.setCurrentRow(4)
    log_page = window.pages["log"]
    qtbot.mouseClick(log_page.log_button, LEFT)
    form = window.log_actions.form
    assert form.windowTitle() == "Log an unplanned exchange"
    form.reject()
    assert window.log_actions.form is None
    window.activateWindow()
    qtbot.keyClick(window, QtCore.Qt.Key.Key_L, QtCore.Qt.KeyboardModifier.ControlModifier)
    form = window.log_actions.form
    assert form is not None and form.windowTitle() == "Log an unplanned exchange"
    form.kind_combo.setCurrentIndex(form.kind_combo.findData("letter"))
    form.when_edit.setDateTime(QtCore.QDateTime(QtCore.QDate(2026, 11, 26), QtCore.QTime(10, 0)))
    form.activities_edit.setPlainText("Lettres illustrées envoyées à Dakar")
    form.paris_box.setValue(20)  # a held exchange of any kind says how many pupils took part
    form.partner_box.setValue(18)
    duo_id = form.duo().duo.id
    _save(qtbot, form)
    top = log_page.table.model.records()
    letter = next(v for v in top if v.session.log.activities == "Lettres illustrées envoyées à Dakar")
    assert letter.session.kind is SessionKind.LETTER and letter.session.status is SessionStatus.HELD
    # edit it: the history keeps the previous text
    form = window.log_actions.open_form(session=letter)
    form.activities_edit.setPlainText("Lettres et dessins")
    _save(qtbot, form)
    window.open_duo(duo_id)
    page = window.duo_page
    _double_click(qtbot, page.timeline, lambda e: e is not None and e.session is not None
                  and e.session.id == letter.session.id)
    window.log_actions.form.reject()
    qtbot.mouseClick(page.history_button, LEFT)
    assert "Lettres illustrées envoyées à Dakar" in dialogs.infos[-1]
    # Delete key on the Exchange log page, confirmed; Ctrl+Z brings it back
    dialogs.confirm_answer = True
    window.activateWindow()
    qtbot.keyClick(window, QtCore.Qt.Key.Key_5, QtCore.Qt.KeyboardModifier.ControlModifier)  # leaves the duo page
    assert window.stack.currentWidget() is log_page
    _double_click(qtbot, log_page.table, lambda v: v.session.id == letter.session.id)
    window.log_actions.form.reject()
    log_page.table.view.setFocus()
    qtbot.keyClick(log_page.table.view, QtCore.Qt.Key.Key_Delete)
    assert dialogs.asked and letter.session.id not in {v.session.id for v in log_page.table.model.records()}
    qtbot.keyClick(log_page.table.view, QtCore.Qt.Key.Key_Z, QtCore.Qt.KeyboardModifier.ControlModifier)
    assert letter.session.id in {v.session.id for v in log_page.table.model.records()}


def test_home_lists_quiet_duos_and_open_their_page(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    window = _window(make_window, demo_dir)
    home = window.pages["home"]
    quiet = home.quiet_table.model.records()
    assert quiet and all(item.school_days >= 15 for item in quiet)
    assert "gone quiet: {}".format(len(quiet)) in home.headline.text()
    item = _double_click(qtbot, home.quiet_table, lambda q: True)
    assert window.stack.currentWidget() is window.duo_page and window.duo_page.duo_id == item.duo.duo.id
    window.duo_page.back_requested.emit()
    assert window.stack.currentWidget() is home


def test_pupil_counts_start_empty_and_a_held_visio_needs_them(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    """Finding 2: pressing Save on a pre-filled form must not report every child present."""
    window = _window(make_window, demo_dir)
    view = next(v for v in window.pages["home"].to_log_table.model.records() if v.session.kind is SessionKind.VISIO)
    form = window.log_actions.open_form(session=view)
    duo = form.duo()
    assert form.paris_box.text() == "—" and form.partner_box.text() == "—"
    assert form.paris_size.text() == f"of {duo.paris.pupils} pupils in the class"
    assert form.partner_size.text() == f"of {duo.partner.pupils} pupils in the class"
    _save(qtbot, form)
    assert form.isVisible()
    assert f"the class has {duo.paris.pupils}" in form._errors["present_paris"].text()
    assert not form._errors["present_partner"].isHidden()
    form.paris_box.setValue(18)
    form.partner_box.setValue(0)
    _save(qtbot, form)
    assert not form.isVisible()


def _log_by_hand(window, qtbot, view):  # noqa: ANN001, ANN202
    """Ctrl+L → the duo → Visio at the session's time → Held → counts → Save."""
    window.activateWindow()
    qtbot.keyClick(window, QtCore.Qt.Key.Key_L, QtCore.Qt.KeyboardModifier.ControlModifier)
    form = window.log_actions.form
    assert form is not None and form.session is None
    form.duo_combo.setCurrentIndex(form.duo_combo.findData(view.session.duo_id))
    form.kind_combo.setCurrentIndex(form.kind_combo.findData("visio"))
    local = view.session.start_utc.astimezone(ZoneInfo("Europe/Paris"))
    form.when_edit.setDateTime(QtCore.QDateTime(QtCore.QDate(local.year, local.month, local.day),
                                                QtCore.QTime(local.hour, local.minute)))
    form.status_combo.setCurrentIndex(form.status_combo.findData("held"))
    form.paris_box.setValue(20)
    form.partner_box.setValue(15)
    _save(qtbot, form)
    return form


def test_logging_a_planned_visio_by_hand_logs_that_session(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    """Finding 1: the same session logged twice. Asked, naming it; 'Log that session' logs it, nothing added."""
    from classesduo.services.sessions import list_sessions

    dialogs = FakeDialogs(choose_answer="log")
    window = _window(make_window, demo_dir, dialogs)
    view = next(v for v in window.pages["home"].to_log_table.model.records() if v.session.kind is SessionKind.VISIO)
    db = window.workspace.db
    before = len(list_sessions(db, duo_id=view.session.duo_id))
    form = _log_by_hand(window, qtbot, view)
    assert not form.isVisible()
    assert dialogs.asked and "already has this visio" in dialogs.asked[-1] and "planned, not logged yet" in dialogs.asked[-1]
    sessions = list_sessions(db, duo_id=view.session.duo_id)
    assert len(sessions) == before
    logged = next(v.session for v in sessions if v.session.id == view.session.id)
    assert logged.status is SessionStatus.HELD and logged.log.present_paris == 20
    # once more: the visio is now held; refusing leaves the log as it is, and the form says why
    dialogs.choose_answer = "cancel"
    form = _log_by_hand(window, qtbot, view)
    assert form.isVisible() and "already logged as held" in form._errors["general"].text()
    assert len(list_sessions(db, duo_id=view.session.duo_id)) == before
    form.reject()
