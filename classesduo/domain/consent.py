"""Parental consent per media item: the ONE rule every export and every badge uses.

An item carries, for each channel, whether the parents' authorisation is
granted, refused or unknown, and one end date for the authorisations. An
authorisation past its end date counts as refused. Anything but "granted and
not expired" keeps the item out of that channel.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Protocol

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


def recorded_status(item: HasConsent, channel: ConsentChannel) -> ConsentStatus:
    """The status as recorded, ignoring the end date."""
    return ConsentStatus(getattr(item, f"consent_{channel.value}"))


def is_expired(item: HasConsent, on: date) -> bool:
    return item.consent_until is not None and on > item.consent_until


def effective_status(item: HasConsent, channel: ConsentChannel, on: date) -> ConsentStatus:
    """The status that applies on ``on``: a granted authorisation past its end date counts as refused."""
    status = recorded_status(item, channel)
    if status is ConsentStatus.GRANTED and is_expired(item, on):
        return ConsentStatus.REFUSED
    return status


def is_cleared(item: HasConsent, channel: ConsentChannel, on: date) -> bool:
    """True only if the authorisation for ``channel`` is granted and still valid on ``on``."""
    return effective_status(item, channel, on) is ConsentStatus.GRANTED


def blocked_channels(item: HasConsent, on: date) -> list[ConsentChannel]:
    """The channels the item may not be used in on ``on`` (for badges)."""
    return [channel for channel in ConsentChannel if not is_cleared(item, channel, on)]


class ConsentFilter(StrEnum):
    """The gallery's consent filter (the SQL twin is ``services/media_pages.py::consent_condition``)."""

    ALL = "all"
    NEEDS_ATTENTION = "attention"  # some channel unknown, refused or expired
    NOT_PUBLISHABLE = "not_publishable"
    PUBLISHABLE = "publishable"


def consent_filter_matches(item: HasConsent, wanted: ConsentFilter, on: date) -> bool:
    """Whether ``item`` passes the consent filter on ``on``."""
    wanted = ConsentFilter(wanted)
    if wanted is ConsentFilter.NEEDS_ATTENTION:
        return bool(blocked_channels(item, on))
    if wanted is ConsentFilter.NOT_PUBLISHABLE:
        return not is_cleared(item, ConsentChannel.PUBLICATION, on)
    if wanted is ConsentFilter.PUBLISHABLE:
        return is_cleared(item, ConsentChannel.PUBLICATION, on)
    return True


def default_consent_until(day: date) -> date:
    """End of the school year ``day`` belongs to: 31 July (the year turns over on 1 August)."""
    return school_year_bounds(school_year_of(day))[1]
