"""The calendar's invitation: "Open in mail app" opens a private .eml with its iMIP part; cancelling and
moving offer the cancellation / the updated invitation."""

from __future__ import annotations

import email
import stat
from datetime import UTC, datetime
from email import policy
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar

from classesduo.services import planning
from classesduo.services.duos import list_duos
from classesduo.ui.calendar.invitation_dialog import InvitationDialog
from classesduo.ui.qt import QtCore, QtGui, QtWidgets

from .conftest import FakeDialogs

PARIS = ZoneInfo("Europe/Paris")


def _calendar_part(path: Path) -> Calendar:
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    part = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
    return Calendar.from_ical(part.get_content())


def test_open_in_mail_app_and_the_offers_after_cancel_and_move(make_window, demo_dir: Path,
                                                                monkeypatch) -> None:  # noqa: ANN001
    dialogs = FakeDialogs(confirm_answer=True)
    window = make_window(demo_dir, dialogs=dialogs)
    window.nav.setCurrentRow(3)
    page = window.pages["calendar"]
    db = window.workspace.db
    duo = next(v for v in list_duos(db) if v.partner.city == "Buenos Aires")
    created = planning.create_session(db, duo.duo.id, datetime(2027, 3, 10, 15, 0, tzinfo=PARIS).astimezone(UTC), 45)
    opened: list[QtCore.QUrl] = []
    monkeypatch.setattr(QtGui.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    shown: list[QtWidgets.QDialog] = []

    def run_dialog(dialog: QtWidgets.QDialog) -> int:
        shown.append(dialog)
        if isinstance(dialog, InvitationDialog):
            dialog.mail_button.click()
            return 0
        if not dialog.cancel_session_button.isHidden():  # the session dialog: cancel the visio
            dialog.cancel_session_button.click()
        return dialog.result()

    page.run_dialog = run_dialog
    page.show_invitation(created)
    path = Path(opened[-1].toLocalFile())
    assert opened[-1].isLocalFile() and path.suffix == ".eml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert str(_calendar_part(path)["METHOD"]) == "REQUEST"

    # Moving it (drag or form) offers the updated REQUEST.
    page.move_item(_item(page, created), *_later(created))
    assert any("updated invitation" in text for text in dialogs.asked)
    assert int(_calendar_part(Path(opened[-1].toLocalFile())).walk("VEVENT")[0]["SEQUENCE"]) == 1

    page.edit_session(created.id)
    assert any("cancellation e-mail" in text for text in dialogs.asked)
    cancel = _calendar_part(Path(opened[-1].toLocalFile()))
    assert str(cancel["METHOD"]) == "CANCEL" and isinstance(shown[-1], InvitationDialog)
    assert shown[-1].windowTitle() == "Cancellation"


def _item(page, session):  # noqa: ANN001, ANN202
    from types import SimpleNamespace

    view = SimpleNamespace(session=planning.get_session(page.workspace.db, session.id))
    return SimpleNamespace(view=view)


def _later(session):  # noqa: ANN001, ANN202
    local = session.start_utc.astimezone(PARIS)
    return local.date(), local.replace(hour=local.hour + 1).time()


def test_without_a_facilitator_address_it_says_why(make_window, demo_dir: Path) -> None:  # noqa: ANN001
    from classesduo.services.invitation import Invitation

    dialog = InvitationDialog(Invitation(["a@example.org"], "s", "b", "en"), mail=None,
                              mail_problem="The duo's facilitator has no e-mail address")
    assert "facilitator has no e-mail" in dialog.note.text()
    dialog.close()
