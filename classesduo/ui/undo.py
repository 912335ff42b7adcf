"""Undoable edits of records: each command calls the services, never the database.

A page performs an action through the service first (so errors reach the
user before anything is pushed), then pushes the matching command, whose
first ``redo()`` does nothing. Later undo/redo calls go through the services:

- undo of a creation deletes the record; redo creates it again (it gets a new
  id, which :class:`IdMap` remembers so older commands still find it);
- undo of an edit re-reads the current record (for its version counter) and
  saves the previous values over it; redo does the same with the new values;
- undo of a deletion creates the record again; undo of archiving unarchives.

If a service refuses (someone else changed or used the record meanwhile),
the error is reported and the command is dropped from the stack.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from classesduo.domain.validation import ValidationError
from classesduo.services.errors import ServiceError
from classesduo.ui.qt import QtGui

Database = Any  # the workspace's database handle; the GUI never imports storage


@dataclass(frozen=True)
class RecordKind:
    """How to reach one kind of record through the services."""

    get: Callable[[Database, str], Any]
    save: Callable[[Database, Any], Any]
    delete: Callable[[Database, str], None]
    set_archived: Callable[[Database, str, bool], None] | None = None


class IdMap:
    """Old id -> id of the record re-created by an undo/redo."""

    def __init__(self) -> None:
        self._moved: dict[str, str] = {}

    def link(self, old: str, new: str) -> None:
        if old != new:
            self._moved[old] = new

    def resolve(self, record_id: str | None) -> str | None:
        seen = set()
        while record_id in self._moved and record_id not in seen:
            seen.add(record_id)
            record_id = self._moved[record_id]
        return record_id

    def resolve_refs(self, record: Any) -> Any:
        """``record`` with every ``*_id`` field (school_id, paris_class_id…) pointing to the current ids."""
        changes = {f.name: self.resolve(getattr(record, f.name)) for f in dataclasses.fields(record)
                   if f.name.endswith("_id") and isinstance(getattr(record, f.name), str)}
        return dataclasses.replace(record, **changes)


@dataclass
class UndoContext:
    db: Callable[[], Database | None]
    ids: IdMap
    changed: Callable[[], None]
    report: Callable[[BaseException], None]


class _RecordCommand(QtGui.QUndoCommand):
    """``text`` may be a function giving it in the current language (see :meth:`retranslate`)."""

    def __init__(self, context: UndoContext, kind: RecordKind, text: str | Callable[[], str]) -> None:
        self.describe: Callable[[], str] = text if callable(text) else (lambda: text)
        super().__init__(self.describe())
        self.context = context
        self.kind = kind
        self._done_once = True  # the page already performed the action

    def retranslate(self) -> None:
        """Name the command again in the current language (after a language switch)."""
        self.setText(self.describe())

    @property
    def db(self) -> Database:
        db = self.context.db()
        if db is None:
            raise ServiceError("no open database")
        return db

    def _run(self, action: Callable[[], None]) -> None:
        try:
            action()
        except (ServiceError, ValidationError) as error:
            self.setObsolete(True)
            self.context.report(error)
        self.context.changed()

    def _create(self, record: Any) -> None:
        stored = self.kind.save(self.db, self.context.ids.resolve_refs(dataclasses.replace(record, id=None,
                                                                                           version=0)))
        self.context.ids.link(record.id, stored.id)

    def _overwrite(self, record: Any) -> None:
        current = self.kind.get(self.db, self.context.ids.resolve(record.id))
        values = self.context.ids.resolve_refs(record)
        self.kind.save(self.db, dataclasses.replace(values, id=current.id, version=current.version))

    def _delete(self, record: Any) -> None:
        self.kind.delete(self.db, self.context.ids.resolve(record.id))

    def redo(self) -> None:
        if self._done_once:
            self._done_once = False
            return
        self._run(self.do)

    def undo(self) -> None:
        self._run(self.undo_action)

    def do(self) -> None:
        raise NotImplementedError

    def undo_action(self) -> None:
        raise NotImplementedError


class SaveCommand(_RecordCommand):
    """Created (``before`` is None) or edited a record; ``after`` is the stored result."""

    def __init__(self, context: UndoContext, kind: RecordKind, before: Any | None, after: Any, text: str) -> None:
        super().__init__(context, kind, text)
        self.before = before
        self.after = after

    def do(self) -> None:
        self._create(self.after) if self.before is None else self._overwrite(self.after)

    def undo_action(self) -> None:
        self._delete(self.after) if self.before is None else self._overwrite(self.before)


class DeleteCommand(_RecordCommand):
    def __init__(self, context: UndoContext, kind: RecordKind, record: Any, text: str) -> None:
        super().__init__(context, kind, text)
        self.record = record

    def do(self) -> None:
        self._delete(self.record)

    def undo_action(self) -> None:
        self._create(self.record)


class ArchiveCommand(_RecordCommand):
    def __init__(self, context: UndoContext, kind: RecordKind, record_id: str, archived: bool, text: str) -> None:
        super().__init__(context, kind, text)
        self.record_id = record_id
        self.archived = archived

    def _set(self, archived: bool) -> None:
        assert self.kind.set_archived is not None
        self.kind.set_archived(self.db, self.context.ids.resolve(self.record_id), archived)

    def do(self) -> None:
        self._set(self.archived)

    def undo_action(self) -> None:
        self._set(not self.archived)
