"""Public holidays remembered between runs, and what the start-up no longer imports (issue 17)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from classesduo.domain import public_holidays as ph
from classesduo.storage.holiday_file import HolidayFile

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _no_store_after():
    yield
    ph.remember_in(None)


def test_remembered_days_are_the_packages_answer(tmp_path: Path) -> None:
    ph.remember_in(None)
    asked = {(c, s, y): ph.public_holidays(c, s, y) for c, s, y in [("FR", "", 2026), ("CA", "QC", 2027),
                                                                   ("JP", "", 2026), ("XX", "", 2026)]}
    file = tmp_path / "cache" / "public-holidays.json"
    ph.remember_in(HolidayFile(file))
    for key, days in asked.items():
        assert ph.public_holidays(*key) == days  # written
    ph.remember_in(HolidayFile(file))  # a new run reads the file
    for key, days in asked.items():
        assert ph.public_holidays(*key) == days
    assert date(2026, 7, 14) in {period.start for period in asked[("FR", "", 2026)]}
    assert asked[("XX", "", 2026)] == ()
    assert oct(file.stat().st_mode & 0o777) == oct(0o600) or os.name == "nt"


def test_a_remembered_answer_is_used_without_asking_the_package(tmp_path: Path) -> None:
    file = tmp_path / "public-holidays.json"
    key = f"{ph.origin('FR', '')}, 2031, {ph.ASKED}"
    file.write_text(json.dumps({"format": 1, "days": {key: [["2031-05-01", "Fête du Travail (remembered)"]]}}))
    ph.remember_in(HolidayFile(file))
    [period] = ph.public_holidays("FR", "", 2031)
    assert (period.name, period.start, period.end) == ("Fête du Travail (remembered)", date(2031, 5, 1),
                                                       date(2031, 5, 1))


def test_another_holidays_version_is_asked_again_and_its_entries_dropped(tmp_path: Path) -> None:
    file = tmp_path / "public-holidays.json"
    file.write_text(json.dumps({"format": 1, "days": {"holidays 0.1, FR, 2026": [["2026-01-02", "stale"]]}}))
    ph.remember_in(HolidayFile(file))
    assert "stale" not in {period.name for period in ph.public_holidays("FR", "", 2026)}
    assert list(json.loads(file.read_text())["days"]) == [f"{ph.origin('FR', '')}, 2026, {ph.ASKED}"]


def test_an_answer_asked_another_way_is_asked_again(tmp_path: Path) -> None:
    """The key names how the package was asked (``ASKED``): an old way's answer is not read as the new one."""
    file = tmp_path / "public-holidays.json"
    file.write_text(json.dumps({"format": 1, "days": {f"{ph.origin('FR', '')}, 2026": [["2026-01-02", "old"]]}}))
    ph.remember_in(HolidayFile(file))
    assert "old" not in {period.name for period in ph.public_holidays("FR", "", 2026)}


def _bad_day() -> str:
    key = f"{ph.origin('FR', '')}, 2026, {ph.ASKED}"
    return json.dumps({"format": 1, "days": {key: [["2026-13-01", "x"]]}})


@pytest.mark.parametrize("content", ["{not json", '{"format": 1, "days": {"k": 5}}', '[]', '{"format": 99}',
                                     _bad_day()])
def test_a_damaged_file_is_read_as_empty_and_written_again(tmp_path: Path, content: str) -> None:
    file = tmp_path / "public-holidays.json"
    file.write_text(content)
    ph.remember_in(HolidayFile(file))
    assert len(ph.public_holidays("FR", "", 2026)) == 11
    assert json.loads(file.read_text())["format"] == 1


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_folder_that_cannot_be_written_only_means_asking_again(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        ph.remember_in(HolidayFile(folder / "public-holidays.json"))
        assert len(ph.public_holidays("FR", "", 2026)) == 11
    finally:
        folder.chmod(0o700)


def test_a_read_only_cache_file_only_means_asking_again(tmp_path: Path) -> None:
    file = tmp_path / "cache"  # a folder where the file should be: writing fails whoever runs the test
    (file / "public-holidays.json").mkdir(parents=True)
    ph.remember_in(HolidayFile(file / "public-holidays.json"))
    assert len(ph.public_holidays("FR", "", 2026)) == 11


SECOND_START = """
import sys
from datetime import UTC, datetime
from classesduo.services.workspace import open_workspace
from classesduo.services.dashboard import home_summary
workspace = open_workspace(sys.argv[1], None)
home_summary(workspace.db, datetime(2026, 12, 3, 10, tzinfo=UTC), 3)
print("countries imported" if "holidays.countries" in sys.modules else "countries not imported")
print("postgresql dialect imported" if "sqlalchemy.dialects.postgresql" in sys.modules else "no postgresql")
"""


def test_the_home_page_does_not_import_every_country_once_its_holidays_are_known(demo_dir: Path) -> None:
    """Finding (issue 17, start-up): asking ``holidays`` for France imported its ~250 countries at every start."""
    import shutil

    shutil.rmtree(demo_dir / "cache", ignore_errors=True)  # as the template left it: start without one
    env = {key: value for key, value in os.environ.items() if not key.startswith("CLASSESDUO_")}
    env["PYTHONPATH"] = str(ROOT)
    run = [sys.executable, "-c", SECOND_START, str(demo_dir)]
    first = subprocess.run(run, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, check=True)
    second = subprocess.run(run, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, check=True)
    assert first.stdout.split("\n")[0] == "countries imported"
    assert second.stdout.split("\n")[0] == "countries not imported", second.stderr
    # and the PostgreSQL dialect (~60 ms) is not imported on SQLite (it was, for one index's ``where``)
    assert second.stdout.split("\n")[1] == "no postgresql"
    assert (demo_dir / "cache" / "public-holidays.json").is_file()


def test_the_held_visio_index_keeps_its_where_on_postgresql() -> None:
    from sqlalchemy.dialects import postgresql
    from sqlalchemy.schema import CreateIndex

    from classesduo.storage.database import make_engine
    from classesduo.storage.models import ExchangeSessionRow

    pytest.importorskip("psycopg")
    make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")  # no connection is made
    [index] = [index for index in ExchangeSessionRow.__table__.indexes if index.name == "uq_exchange_session_held_visio"]
    ddl = str(CreateIndex(index).compile(dialect=postgresql.dialect()))
    assert ddl.endswith("WHERE status = 'held' AND kind = 'visio'")
