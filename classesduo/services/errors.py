"""Errors a service raises for the user to read (the GUI shows them, the CLI prints them)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm.exc import StaleDataError

from classesduo.domain.i18n import translate
from classesduo.domain.validation import FieldError, ValidationError

__all__ = [
    "ConcurrentEditError",
    "FieldError",
    "InUseError",
    "NotFoundError",
    "ServiceError",
    "ValidationError",
    "translated_storage_errors",
]


class ServiceError(Exception):
    """A failure with a message meant for the user."""


class NotFoundError(ServiceError):
    pass


class ConcurrentEditError(ServiceError):
    def __init__(self) -> None:
        super().__init__(translate("errors", "This record was changed by someone else — reload it and try again."))


class InUseError(ServiceError):
    """Deleting would orphan history; the message says what depends on the record."""


@contextmanager
def translated_storage_errors() -> Iterator[None]:
    """Turn database exceptions into messages a person can act on."""
    try:
        yield
    except StaleDataError as error:
        raise ConcurrentEditError() from error
    except IntegrityError as error:
        detail = str(error.orig).splitlines()[0] if error.orig else str(error)
        if "UNIQUE" in detail.upper() or "duplicate key" in detail:
            message = translate("errors", "A record with the same name already exists ({detail}).")
        else:
            message = translate("errors", "The change breaks a rule of the database ({detail}).")
        raise ServiceError(message.format(detail=detail)) from error
    except OperationalError as error:
        if "locked" in str(error).lower():
            raise ServiceError(translate(
                "errors", "The database is busy (another Classes Duo window or command is writing); try again.")
            ) from error
        raise
