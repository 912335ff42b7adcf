"""Errors a service raises for the user to read (the GUI shows them, the CLI prints them)."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from classesduo.domain.i18n import translate
from classesduo.domain.validation import FieldError, ValidationError
from classesduo.storage.diagnosis import Kind, StorageUnavailable, native_kind

__all__ = [
    "ConcurrentEditError",
    "FieldError",
    "InUseError",
    "NotFoundError",
    "ServiceError",
    "StorageUnavailableError",
    "ValidationError",
    "is_retryable",
    "translated_storage_errors",
]


class ServiceError(Exception):
    """A failure with a message meant for the user."""


class NotFoundError(ServiceError):
    pass


class ConcurrentEditError(ServiceError):
    def __init__(self) -> None:
        super().__init__(translate("errors", "This record was changed by someone else — reload it and try again."))


class SameExchangeError(ServiceError):
    """The exchange being logged is a session already stored (planned or logged): log that one instead."""

    def __init__(self, session_id: str, message: str) -> None:
        super().__init__(message)
        self.session_id = session_id


class InUseError(ServiceError):
    """Deleting would orphan history; the message says what depends on the record."""


class StorageUnavailableError(ServiceError):
    """The data cannot be used for a reason that is not damage: what to do, and never "restore a backup"."""

    def __init__(self, problem: StorageUnavailable) -> None:
        self.kind = problem.kind
        self.path = problem.path
        super().__init__(unavailable_message(problem.kind, problem.path, problem.detail))


def unavailable_message(kind: Kind, path: object, detail: str = "") -> str:
    """The sentence for a storage problem that is not damage; says what to do."""
    not_damage = translate("errors", "Your data is not damaged: do not restore a backup.")
    if kind is Kind.FULL:
        text = translate("errors", "The disk holding {path} is full ({detail}). Free some space on it, then try "
                                   "again.")
    elif kind is Kind.READ_ONLY:
        text = translate("errors", "{path} is read-only ({detail}). Make it writable for your user (or move the "
                                   "data folder to a writable disk), then try again.")
    elif kind is Kind.NO_ACCESS:
        text = translate("errors", "Classes Duo cannot open or write {path} ({detail}). Check that the folder "
                                   "exists and that your user may write in it, or choose another data folder "
                                   "(--data-dir), then try again.")
    elif kind is Kind.IO:
        text = translate("errors", "The disk could not read or write {path} ({detail}). The disk may be full, "
                                   "disconnected or failing: free some space or check the disk, then try again.")
    elif kind is Kind.BUSY:
        return translate("errors", "The database is busy (another Classes Duo window or command is writing); "
                                   "try again.")
    elif kind is Kind.CONNECTION:
        return translate("errors", "The database server cannot be reached or restarted during the change "
                                   "({detail}); the change was not saved. Check the network or the server, then "
                                   "try again.").format(detail=detail)
    elif kind is Kind.RETRY:
        return translate("errors", "Someone else changed the same records at the same moment, twice in a row; "
                                   "your change was not saved. Try again.")
    else:
        text = translate("errors", "The database could not be used ({detail}).")
    return f"{text.format(path=path, detail=detail)} {not_damage}"


def is_retryable(error: BaseException) -> bool:
    """A PostgreSQL serialization failure or deadlock: running the same transaction again may pass."""
    return isinstance(error, DBAPIError) and native_kind(error) is Kind.RETRY


P = ParamSpec("P")
R = TypeVar("R")
log = logging.getLogger(__name__)


def one_transaction(use_case: Callable[P, R]) -> Callable[P, R]:
    """For a use case that is one transaction of database work and nothing else (no files, no backups, no
    change to its arguments): a PostgreSQL serialization failure or deadlock (the server rolled the whole
    transaction back) runs the whole use case once more; a second one is explained (``Kind.RETRY``).
    Nothing half-done is replayed: the retry starts from the arguments, in a new transaction."""

    @wraps(use_case)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return use_case(*args, **kwargs)
        except (ServiceError, DBAPIError) as error:
            cause = error if isinstance(error, DBAPIError) else error.__cause__
            if not is_retryable(cause):
                raise
            log.warning("%s: transaction rolled back by the server (%s); running it again", use_case.__name__,
                        getattr(cause, "orig", cause))
        with translated_storage_errors():  # a second failure is explained, whether or not the use case translates
            return use_case(*args, **kwargs)

    return run


def _first_line(error: DBAPIError) -> str:
    text = str(error.orig) if error.orig is not None else str(error)
    return (text.strip().splitlines() or [""])[0]


#: What the length triggers of db/versions/0008 say (our own text, recognised only with SQLITE_CONSTRAINT_TRIGGER).
_TOO_LONG_RE = re.compile(r"(?P<table>\w+)\.(?P<column>\w+) longer than (?P<limit>\d+) characters")


def _field_label(table: str, column: str) -> str:
    labels = {
        ("school", "name"): translate("errors", "School name"),
        ("school", "city"): translate("errors", "City"),
        ("school", "contact_email"): translate("errors", "School contact e-mail"),
        ("class_group", "name"): translate("errors", "Class name"),
        ("class_group", "level"): translate("errors", "Level"),
        ("class_group", "teacher_name"): translate("errors", "Teacher's name"),
        ("class_group", "teacher_email"): translate("errors", "Teacher's e-mail"),
        ("facilitator", "name"): translate("errors", "Facilitator's name"),
        ("facilitator", "email"): translate("errors", "Facilitator's e-mail"),
        ("duo", "visio_link"): translate("errors", "Visio link"),
    }
    return labels.get((table, column), f"{table}.{column}")


def too_long_message(table: str, column: str, limit: int) -> str:
    """The sentence for a text the database refused as longer than its column allows."""
    return translate("errors", "{field}: at most {limit} characters; the change was not saved.").format(
        field=_field_label(table, column), limit=limit)


@contextmanager
def translated_storage_errors() -> Iterator[None]:
    """Turn database exceptions into messages a person can act on, by the driver's native error code
    (SQLite's extended result code, PostgreSQL's SQLSTATE), never by the message text."""
    try:
        yield
    except StaleDataError as error:
        raise ConcurrentEditError() from error
    except StorageUnavailable as error:
        raise StorageUnavailableError(error) from error
    except DBAPIError as error:
        kind = native_kind(error)
        detail = _first_line(error)
        too_long = _TOO_LONG_RE.fullmatch(detail) if kind is Kind.TRIGGER else None
        if too_long:
            raise ServiceError(too_long_message(too_long["table"], too_long["column"], int(too_long["limit"]))) \
                from error
        if kind is Kind.INTEGRITY_UNIQUE:
            message = translate("errors", "A record with the same name already exists ({detail}).")
        elif kind in (Kind.INTEGRITY, Kind.TRIGGER):
            message = translate("errors", "The change breaks a rule of the database ({detail}).")
        elif kind in (Kind.BUSY, Kind.FULL, Kind.READ_ONLY, Kind.NO_ACCESS, Kind.IO, Kind.CONNECTION, Kind.RETRY):
            raise ServiceError(unavailable_message(kind, translate("errors", "the database"), detail)) from error
        elif isinstance(error, IntegrityError):  # a driver without native codes
            message = translate("errors", "The change breaks a rule of the database ({detail}).")
        else:
            raise
        raise ServiceError(message.format(detail=detail)) from error
