"""Whether a medium may be used for one purpose on a given day.

Stand-in for ``classesduo.domain.consent.is_cleared`` (being written in another branch): when it
lands, point :func:`consent_cleared` at it; the reports call nothing else.
"""

from __future__ import annotations

from datetime import date

from classesduo.domain.enums import ConsentStatus


def consent_cleared(status: ConsentStatus | str, until: date | None, on: date) -> bool:
    """Consent for one use: granted, and not expired on ``on``. Refused, unknown or expired: not cleared."""
    return status == ConsentStatus.GRANTED and (until is None or until >= on)
