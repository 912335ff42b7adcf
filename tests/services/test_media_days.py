"""Media belong to Paris calendar days, like the reports: a term boundary is a Paris midnight."""

from __future__ import annotations

from datetime import UTC, datetime

from classesduo.domain.entities import MediaItem
from classesduo.domain.enums import MediaKind, Side
from classesduo.domain.timezones import paris_today
from classesduo.services.media import MediaView


def _view(when: datetime) -> MediaView:
    item = MediaItem(duo_id="d", kind=MediaKind.PHOTO, file_hash="0" * 64, stored_name="00/x.jpg",
                     original_name="x.jpg", side=Side.PARIS)
    return MediaView(item=item, duo_label="", when=when)


def test_a_photo_just_after_midnight_in_paris_is_on_the_paris_day() -> None:
    # 00:30 in Paris on 1 September 2026 is still 31 August in UTC.
    assert _view(datetime(2026, 8, 31, 22, 30, tzinfo=UTC)).day.isoformat() == "2026-09-01"
    # 23:30 in Paris on 31 December is 22:30 UTC: still 31 December.
    assert _view(datetime(2026, 12, 31, 22, 30, tzinfo=UTC)).day.isoformat() == "2026-12-31"


def test_paris_today_turns_at_paris_midnight() -> None:
    assert paris_today(datetime(2027, 7, 31, 22, 30, tzinfo=UTC)).isoformat() == "2027-08-01"
    assert paris_today(datetime(2027, 7, 31, 21, 30, tzinfo=UTC)).isoformat() == "2027-07-31"
