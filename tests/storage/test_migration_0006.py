"""0006: two held records of one visio are merged, and the database refuses a new one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from classesduo.storage import migrations
from tests.storage.test_migrations import _insert_programme

DUPLICATE = (
    "INSERT INTO exchange_session (id, duo_id, kind, start_utc, minutes, status, visio_link, sequence,"
    " cancel_reason, present_paris, activities, activity_tags, languages_used, problems, follow_up, notes, created_at,"
    " updated_at, version) VALUES (:id, 'd1', 'visio', '2026-11-03 14:00:00', 45, 'held', '', 0, '', 22,"
    " 'Chanson en double', 'song', 'fr', '', '', 'à garder', '2026-11-05 10:00:00', '2026-11-05 10:00:00', 1)")


def test_duplicate_held_visios_are_merged_into_the_planned_one(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    migrations.upgrade(url, "0005_school_calendars")
    _insert_programme(url)  # x1: held visio of d1 on 2026-11-03 14:00 UTC, no counts
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(DUPLICATE), {"id": "x2"})
        connection.execute(text(
            "INSERT INTO media_item (id, duo_id, session_id, kind, file_hash, stored_name, original_name, size_bytes,"
            " mime_type, side, caption, caption_partner, tags, identifiable_children, consent_exchange,"
            " consent_publication, consent_reports, created_at, updated_at, version) VALUES ('m1', 'd1', 'x2',"
            " 'drawing', 'ab', 'ab/ab.png', 'dessin.png', 10, 'image/png', 'paris', 'Maison', '', '', 0, 'granted',"
            " 'refused', 'unknown', '2026-11-05 10:00:00', '2026-11-05 10:00:00', 1)"))
    engine.dispose()

    migrations.ensure_schema(url)

    engine = create_engine(url)
    with engine.begin() as connection:
        rows = connection.execute(text(
            "SELECT id, activities, present_paris, notes FROM exchange_session WHERE status = 'held'")).all()
        assert rows == [("x1", "Song", 22, "à garder")]  # the planned one kept, its empty fields filled
        assert connection.execute(text("SELECT session_id FROM media_item")).scalar() == "x1"
        previous = json.loads(connection.execute(text(
            "SELECT previous FROM session_revision WHERE session_id = 'x1'")).scalar())
        assert previous["activities"] == "Chanson en double" and previous["merged_from"] == "x2"
        with pytest.raises(IntegrityError):
            connection.execute(text(DUPLICATE), {"id": "x3"})
    with engine.begin() as connection:  # a cancelled record at the same time is still allowed
        connection.execute(text(DUPLICATE.replace("'held'", "'cancelled'")), {"id": "x4"})
    engine.dispose()
