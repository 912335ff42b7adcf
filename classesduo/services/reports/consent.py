"""Whether a medium may be used for one purpose on a given day, for rows read by SQL aggregates.

The rule itself is :mod:`classesduo.domain.consent`'s (the one every export uses); this adapts it to a
single channel's status and the item's end date, which is what the report queries select.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from classesduo.domain.consent import ConsentChannel, is_cleared
from classesduo.domain.enums import ConsentStatus


@dataclass(frozen=True, slots=True)
class _OneChannel:
    consent_exchange: ConsentStatus
    consent_publication: ConsentStatus
    consent_reports: ConsentStatus
    consent_until: date | None


def consent_cleared(status: ConsentStatus | str, until: date | None, on: date) -> bool:
    """Consent for one use: granted, and not expired on ``on``. Refused, unknown or expired: not cleared."""
    status = ConsentStatus(status)
    item = _OneChannel(status, status, status, until)
    return is_cleared(item, ConsentChannel.REPORTS, on)
