"""The invitation e-mail of a visio, and the offer to tell both schools after it changed.

One home for the calendar page (drag, edit, cancel) and the exchange log (a visio logged as
cancelled or postponed): a moved visio offers its updated REQUEST, a cancelled one its CANCEL, a
postponed one the CANCEL of the old date then the invitation for the new date. ``show_dialog`` runs
each :class:`InvitationDialog` (tests pass one that dismisses them).
"""

from __future__ import annotations

from collections.abc import Callable

from classesduo.domain.entities import ExchangeSession
from classesduo.domain.enums import SessionKind, SessionStatus
from classesduo.services import planning, scheduling
from classesduo.services.errors import ServiceError
from classesduo.services.workspace import Database
from classesduo.ui.dialogs import Dialogs
from classesduo.ui.qt import QtWidgets, translate

ShowDialog = Callable[[QtWidgets.QDialog], int]


def show_invitation(db: Database, session: ExchangeSession, parent: QtWidgets.QWidget,
                    show_dialog: ShowDialog) -> None:
    """The session's invitation text, with its .eml (REQUEST, or CANCEL when cancelled or postponed) when saved."""
    from classesduo.services.invitation import invitation
    from classesduo.services.invitation_mail import session_invitation
    from classesduo.ui.calendar.invitation_dialog import InvitationDialog

    calendars = scheduling.duo_calendars(db, session.duo_id)
    text = invitation(calendars, session.start_utc, session.minutes, session.visio_link)
    mail, problem = None, ""
    if session.id:
        try:
            mail = session_invitation(db, session.id)
        except ServiceError as error:
            problem = str(error)
    show_dialog(InvitationDialog(text, parent, mail=mail, mail_problem=problem))


def offer_update_mail(db: Database, dialogs: Dialogs, parent: QtWidgets.QWidget, before: ExchangeSession,
                      after: ExchangeSession, show_dialog: ShowDialog) -> None:
    """After a visio was moved, cancelled or postponed, offer the schools the matching e-mail(s)."""
    if (after.kind is not SessionKind.VISIO or after.sequence <= before.sequence
            or after.status is SessionStatus.HELD):  # a held visio: nothing to tell the schools' calendars
        return
    title = translate("CalendarPage", "Tell both schools?")
    replacement = None
    if after.status is SessionStatus.CANCELLED:
        text = translate("CalendarPage", "The visio is cancelled. Open the cancellation e-mail (it removes the "
                                         "visio from the schools' calendars)?")
    elif after.status is SessionStatus.POSTPONED and after.postponed_to_id:
        try:
            replacement = planning.get_session(db, after.postponed_to_id)
        except ServiceError:
            replacement = None
        text = translate("CalendarPage", "The visio is postponed. Open the cancellation e-mail of the old date "
                                         "(it removes it from the schools' calendars), then the invitation for "
                                         "the new date?")
    else:
        text = translate("CalendarPage", "The visio changed. Open the updated invitation e-mail (it updates the "
                                         "schools' calendars)?")
    if not dialogs.confirm(parent, title, text):
        return
    show_invitation(db, after, parent, show_dialog)
    if replacement is not None:
        show_invitation(db, replacement, parent, show_dialog)
