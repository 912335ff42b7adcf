"""Undo (Ctrl+Z) and redo on the calendar: planning a visio (or a series), moving one (drag, arrows), postponing one,
deleting one (Delete key or its context menu).

Each command is pushed once the change is stored; undo stores the reverse through the same
services (a planned visio is deleted with its snapshot kept, so redo puts it back with the
same id; a moved visio goes back to its time), then refreshes the page.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from classesduo.domain.entities import ExchangeSession
from classesduo.services import planning
from classesduo.services.errors import ServiceError
from classesduo.services.exchange_log import DeletedSession, delete_session, put_back_log, restore_session
from classesduo.services.workspace import Database
from classesduo.ui.qt import QtGui, translate

Refresh = Callable[..., None]


class _CalendarCommand(QtGui.QUndoCommand):
    def __init__(self, db: Database, refresh: Refresh, report: Callable[[str], None]) -> None:
        super().__init__()
        self.db, self.refresh, self.report = db, refresh, report
        self._first = True
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.label())

    def label(self) -> str:
        raise NotImplementedError

    def redo(self) -> None:
        if self._first:  # already done when pushed
            self._first = False
            return
        self._run(self.apply)

    def undo(self) -> None:
        self._run(self.revert)

    def _run(self, step: Callable[[], None]) -> None:
        try:
            step()
        except ServiceError as error:
            self.report(str(error))
            self.setObsolete(True)

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class PlanVisios(_CalendarCommand):
    """One visio planned, or every session of a series."""

    def __init__(self, db: Database, refresh: Refresh, report: Callable[[str], None],
                 sessions: list[ExchangeSession]) -> None:
        self.ids = [session.id or "" for session in sessions]
        self.duo_ids = sorted({session.duo_id for session in sessions})
        self.deleted: list[DeletedSession] = []
        super().__init__(db, refresh, report)

    def label(self) -> str:
        return (translate("CalendarUndo", "plan a visio") if len(self.ids) == 1
                else translate("CalendarUndo", "plan {count} visios").format(count=len(self.ids)))

    def revert(self) -> None:
        self.deleted = [delete_session(self.db, session_id) for session_id in self.ids]
        self.refresh(*self.duo_ids)

    def apply(self) -> None:
        for deleted in self.deleted:
            restore_session(self.db, deleted)
        self.deleted = []
        self.refresh(*self.duo_ids)


class MoveVisio(_CalendarCommand):
    def __init__(self, db: Database, refresh: Refresh, report: Callable[[str], None], session_id: str,
                 duo_id: str, before: datetime, after: datetime) -> None:
        self.session_id, self.duo_id, self.before, self.after = session_id, duo_id, before, after
        super().__init__(db, refresh, report)

    def label(self) -> str:
        return translate("CalendarUndo", "move a visio")

    def revert(self) -> None:
        planning.move_session(self.db, self.session_id, self.before)
        self.refresh(self.duo_id)

    def apply(self) -> None:
        planning.move_session(self.db, self.session_id, self.after)
        self.refresh(self.duo_id)


class PostponeVisio(_CalendarCommand):
    """A visio logged as postponed (log form, from the calendar or the Exchange log): undo puts its status and
    log back and deletes the replacement it created (or moves the replacement back); redo does it again."""

    def __init__(self, db: Database, refresh: Refresh, report: Callable[[str], None], before: ExchangeSession,
                 after: ExchangeSession, replacement_moved: tuple[datetime, datetime] | None = None) -> None:
        self.before, self.after = before, after
        #: (start before, start after) when the postponement moved the replacement an earlier one had planned
        self.moved = replacement_moved if after.postponed_to_id == before.postponed_to_id else None
        self.deleted: DeletedSession | None = None
        super().__init__(db, refresh, report)

    def label(self) -> str:
        return translate("CalendarUndo", "postpone a visio")

    def revert(self) -> None:
        target = self.after.postponed_to_id
        if target and self.moved is not None:
            planning.move_session(self.db, target, self.moved[0])
        elif target and target != self.before.postponed_to_id:
            self.deleted = delete_session(self.db, target)
        put_back_log(self.db, self.before)
        self.refresh(self.after.duo_id)

    def apply(self) -> None:
        target = self.after.postponed_to_id
        if target and self.moved is not None:
            planning.move_session(self.db, target, self.moved[1])
        elif self.deleted is not None:
            restore_session(self.db, self.deleted)
            self.deleted = None
        put_back_log(self.db, self.after)
        self.refresh(self.after.duo_id)


class DeleteVisio(_CalendarCommand):
    """A visio deleted from the calendar (pushed after the deletion): undo puts it back with the same id, log and
    history (:func:`restore_session`); redo deletes it again."""

    def __init__(self, db: Database, refresh: Refresh, report: Callable[[str], None], deleted: DeletedSession,
                 duo_id: str) -> None:
        self.deleted: DeletedSession | None = deleted
        self.session_id, self.duo_id = deleted.session.id or "", duo_id
        super().__init__(db, refresh, report)

    def label(self) -> str:
        return translate("CalendarUndo", "delete a visio")

    def revert(self) -> None:
        if self.deleted is not None:
            restore_session(self.db, self.deleted)
            self.deleted = None
        self.refresh(self.duo_id)

    def apply(self) -> None:
        self.deleted = delete_session(self.db, self.session_id)
        self.refresh(self.duo_id)
