"""Every conversion uses the ``tzdata`` package shipped with the app, whatever the host has."""

from __future__ import annotations

import os
import subprocess
import sys
import zoneinfo
from datetime import UTC, date, datetime, time
from importlib import resources
from pathlib import Path

import classesduo
from classesduo.domain.timezones import local_to_utc, utc_to_local

ROOT = Path(classesduo.__file__).resolve().parent.parent


def _shipped(zone: str) -> zoneinfo.ZoneInfo:
    """The zone read straight from the tzdata package's own file, not through TZPATH."""
    with resources.files("tzdata.zoneinfo").joinpath(*zone.split("/")).open("rb") as data:
        return zoneinfo.ZoneInfo.from_file(data, key=zone)


def test_zoneinfo_searches_no_system_path() -> None:
    assert zoneinfo.TZPATH == ()


def test_a_casablanca_slot_after_2026_09_20_uses_the_shipped_tzdata() -> None:
    # Morocco's rules for late 2026 changed between tzdata 2025b and 2026f; hosts differ.
    shipped = _shipped("Africa/Casablanca")
    for day in (date(2026, 9, 21), date(2026, 10, 5), date(2026, 12, 14), date(2027, 3, 1)):
        expected = datetime.combine(day, time(10, 0), shipped).astimezone(UTC)
        assert local_to_utc(day, time(10, 0), "Africa/Casablanca") == expected
        assert utc_to_local(expected, "Africa/Casablanca").replace(tzinfo=None) == \
            expected.astimezone(shipped).replace(tzinfo=None)


def test_a_fresh_process_uses_the_shipped_tzdata_even_when_the_host_has_another(tmp_path: Path) -> None:
    # A fake "system" database whose Casablanca is UTC+5 all year: the app must never read it.
    fake = tmp_path / "zoneinfo" / "Africa"
    fake.mkdir(parents=True)
    (fake / "Casablanca").write_bytes((resources.files("tzdata.zoneinfo") / "Asia" / "Karachi").read_bytes())
    script = ("import classesduo\nfrom datetime import date, time\n"
              "from classesduo.domain.timezones import local_to_utc\n"
              "print(local_to_utc(date(2026, 10, 5), time(10, 0), 'Africa/Casablanca').isoformat())")
    env = {**os.environ, "PYTHONTZPATH": str(tmp_path / "zoneinfo"), "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True).stdout
    expected = datetime.combine(date(2026, 10, 5), time(10, 0), _shipped("Africa/Casablanca")).astimezone(UTC)
    assert out.strip() == expected.isoformat()


def test_the_version_names_the_tz_database() -> None:
    import tzdata

    assert classesduo.tz_database_version() == tzdata.IANA_VERSION
