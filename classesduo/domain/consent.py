"""Parental consent per media item: the ONE rule every export and every badge uses.

An item carries, for each channel, whether the parents' authorisation is
granted, refused or unknown, and one end date for the authorisations. An
authorisation past its end date counts as refused. Anything but "granted and
not expired" keeps the item out of that channel.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any, Protocol

from classesduo.domain.enums import ConsentStatus
from classesduo.domain.terms import school_year_bounds, school_year_of


class ConsentChannel(StrEnum):
    EXCHANGE = "exchange"  # shown inside the exchange, to the partner class
    PUBLICATION = "publication"  # published on the programme's blog / album
    REPORTS = "reports"  # used in the programme's reports


class HasConsent(Protocol):
    consent_exchange: ConsentStatus
    consent_publication: ConsentStatus
    consent_reports: ConsentStatus
    consent_until: date | None


class Logic(Protocol):
    """How the consent rule's conditions are combined: evaluated here in Python, or turned into SQL.

    The rule below is written once against this small algebra; ``services/media_pages.py`` gives an
    SQL implementation so the gallery can filter 200,000 items in the database with the same rule.
    """

    def equals(self, value: Any, constant: ConsentStatus) -> Any: ...
    def is_none(self, value: Any) -> Any: ...
    def on_or_before(self, day: Any, last: Any) -> Any: ...
    def all(self, *conditions: Any) -> Any: ...
    def any(self, *conditions: Any) -> Any: ...
    def negate(self, condition: Any) -> Any: ...
    def true(self) -> Any: ...


class _PythonLogic:
    def equals(self, value: Any, constant: ConsentStatus) -> bool:
        return ConsentStatus(value) is constant

    def is_none(self, value: Any) -> bool:
        return value is None

    def on_or_before(self, day: date, last: date | None) -> bool:
        return last is not None and day <= last

    def all(self, *conditions: bool) -> bool:
        return all(conditions)

    def any(self, *conditions: bool) -> bool:
        return any(conditions)

    def negate(self, condition: bool) -> bool:
        return not condition

    def true(self) -> bool:
        return True


PYTHON: Logic = _PythonLogic()


def valid_on(status: Any, until: Any, on: date, logic: Logic = PYTHON) -> Any:
    """THE rule: an authorisation is valid on ``on`` when granted and ``on`` is not after its end date (if any)."""
    return logic.all(logic.equals(status, ConsentStatus.GRANTED),
                     logic.any(logic.is_none(until), logic.on_or_before(on, until)))


class ConsentState(StrEnum):
    """What one channel's authorisation amounts to on a day (reports count each)."""

    CLEARED = "cleared"  # granted and valid that day
    REFUSED = "refused"
    UNKNOWN = "unknown"
    EXPIRED = "expired"  # granted, but past its end date: counts as refused everywhere


def consent_state(status: ConsentStatus | str, until: date | None, on: date) -> ConsentState:
    if valid_on(status, until, on):
        return ConsentState.CLEARED
    status = ConsentStatus(status)
    if status is ConsentStatus.REFUSED:
        return ConsentState.REFUSED
    if status is ConsentStatus.GRANTED:
        return ConsentState.EXPIRED
    return ConsentState.UNKNOWN


def recorded_status(item: HasConsent, channel: ConsentChannel) -> ConsentStatus:
    """The status as recorded, ignoring the end date."""
    return ConsentStatus(getattr(item, f"consent_{channel.value}"))


def is_expired(item: HasConsent, on: date) -> bool:
    """The authorisations' end date is past on ``on`` (whatever they say)."""
    return item.consent_until is not None and on > item.consent_until


def effective_status(item: HasConsent, channel: ConsentChannel, on: date) -> ConsentStatus:
    """The status that applies on ``on``: a granted authorisation past its end date counts as refused."""
    state = consent_state(recorded_status(item, channel), item.consent_until, on)
    return {ConsentState.CLEARED: ConsentStatus.GRANTED, ConsentState.UNKNOWN: ConsentStatus.UNKNOWN}.get(
        state, ConsentStatus.REFUSED)


def is_cleared(item: HasConsent, channel: ConsentChannel, on: date, logic: Logic = PYTHON) -> Any:
    """True only if the authorisation for ``channel`` is granted and still valid on ``on``."""
    return valid_on(getattr(item, f"consent_{ConsentChannel(channel).value}"), item.consent_until, on, logic)


def blocked_channels(item: HasConsent, on: date) -> list[ConsentChannel]:
    """The channels the item may not be used in on ``on`` (for badges)."""
    return [channel for channel in ConsentChannel if not is_cleared(item, channel, on)]


class ConsentFilter(StrEnum):
    """The gallery's consent filter (the database applies it through :class:`Logic`)."""

    ALL = "all"
    NEEDS_ATTENTION = "attention"  # some channel unknown, refused or expired
    NOT_PUBLISHABLE = "not_publishable"
    PUBLISHABLE = "publishable"


def consent_filter_matches(item: HasConsent, wanted: ConsentFilter, on: date, logic: Logic = PYTHON) -> Any:
    """Whether ``item`` passes the consent filter on ``on`` (an SQL condition with an SQL ``logic``)."""
    wanted = ConsentFilter(wanted)
    if wanted is ConsentFilter.NEEDS_ATTENTION:
        return logic.any(*(logic.negate(is_cleared(item, channel, on, logic)) for channel in ConsentChannel))
    if wanted is ConsentFilter.NOT_PUBLISHABLE:
        return logic.negate(is_cleared(item, ConsentChannel.PUBLICATION, on, logic))
    if wanted is ConsentFilter.PUBLISHABLE:
        return is_cleared(item, ConsentChannel.PUBLICATION, on, logic)
    return logic.true()


def default_consent_until(day: date) -> date:
    """End of the school year ``day`` belongs to: 31 July (the year turns over on 1 August)."""
    return school_year_bounds(school_year_of(day))[1]
