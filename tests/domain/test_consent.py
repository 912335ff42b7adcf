from __future__ import annotations

from datetime import date

import pytest

from classesduo.domain.consent import ConsentChannel, blocked_channels, default_consent_until, is_cleared
from classesduo.domain.entities import MediaItem
from classesduo.domain.enums import ConsentStatus, MediaKind, Side


def item(publication: ConsentStatus, until: date | None = date(2027, 7, 31)) -> MediaItem:
    return MediaItem(duo_id="d", kind=MediaKind.PHOTO, file_hash="h", stored_name="s", original_name="o",
                     side=Side.PARIS, consent_exchange=ConsentStatus.GRANTED, consent_publication=publication,
                     consent_reports=ConsentStatus.UNKNOWN, consent_until=until)


@pytest.mark.parametrize(("status", "on", "cleared"), [
    (ConsentStatus.GRANTED, date(2027, 7, 31), True),  # last valid day
    (ConsentStatus.GRANTED, date(2027, 8, 1), False),  # expired counts as refused
    (ConsentStatus.REFUSED, date(2026, 12, 1), False),
    (ConsentStatus.UNKNOWN, date(2026, 12, 1), False),
])
def test_is_cleared_for_publication(status: ConsentStatus, on: date, cleared: bool) -> None:
    assert is_cleared(item(status), ConsentChannel.PUBLICATION, on) is cleared


def test_no_end_date_never_expires_and_channels_are_independent() -> None:
    record = item(ConsentStatus.GRANTED, until=None)
    assert is_cleared(record, ConsentChannel.PUBLICATION, date(2040, 1, 1))
    assert is_cleared(record, ConsentChannel.EXCHANGE, date(2040, 1, 1))
    assert not is_cleared(record, ConsentChannel.REPORTS, date(2026, 1, 1))
    assert blocked_channels(record, date(2026, 1, 1)) == [ConsentChannel.REPORTS]


@pytest.mark.parametrize(("day", "end"), [
    (date(2026, 11, 28), date(2027, 7, 31)),
    (date(2027, 7, 31), date(2027, 7, 31)),
    (date(2027, 8, 1), date(2028, 7, 31)),
])
def test_default_end_is_the_end_of_the_school_year(day: date, end: date) -> None:
    assert default_consent_until(day) == end
