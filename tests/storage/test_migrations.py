"""Migrations: the head is known without Alembic, and upgrading keeps every row."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import create_engine, text

from classesduo.paths import migrations_dir
from classesduo.storage import migrations
from classesduo.storage.database import make_engine


def test_schema_head_constant_matches_alembic() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    assert ScriptDirectory.from_config(config).get_current_head() == migrations.SCHEMA_HEAD


def _insert_programme(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("PRAGMA foreign_keys=ON"))
        now = "2026-11-01 10:00:00"
        stamp = {"c": now, "u": now}
        connection.execute(text(
            "INSERT INTO school (id, name, side, city, country, arrondissement, timezone, languages, contact_email,"
            " archived, created_at, updated_at, version) VALUES ('s1', 'École Buffon', 'paris', 'Paris', 'FR', 5,"
            " 'Europe/Paris', 'fr', '', 0, :c, :u, 1)"), stamp)
        connection.execute(text(
            "INSERT INTO school (id, name, side, city, country, arrondissement, timezone, languages, contact_email,"
            " archived, created_at, updated_at, version) VALUES ('s2', 'Escuela 12', 'partner', 'Buenos Aires', 'AR',"
            " NULL, 'America/Argentina/Buenos_Aires', 'es', '', 0, :c, :u, 1)"), stamp)
        connection.execute(text(
            "INSERT INTO availability_window (id, school_id, weekday, start_time, end_time, created_at, updated_at,"
            " version) VALUES ('w1', 's1', 1, '15:00:00', '16:30:00', :c, :u, 1)"), stamp)
        for cid, sid in (("c1", "s1"), ("c2", "s2")):
            connection.execute(text(
                "INSERT INTO class_group (id, school_id, name, level, pupil_count, teacher_name, teacher_email,"
                " archived, created_at, updated_at, version) VALUES (:id, :s, 'CM1', 'CM1', 24, '', '', 0, :c, :u, 1)"),
                {"id": cid, "s": sid, **stamp})
        connection.execute(text(
            "INSERT INTO duo (id, paris_class_id, partner_class_id, school_year, facilitator_id, languages, project,"
            " tools, status, visio_link, created_at, updated_at, version) VALUES ('d1', 'c1', 'c2', '2026-2027',"
            " NULL, 'fr,es', '', 'visio', 'active', '', :c, :u, 1)"), stamp)
        connection.execute(text(
            "INSERT INTO exchange_session (id, duo_id, kind, start_utc, minutes, status, visio_link, sequence,"
            " cancel_reason, activities, activity_tags, languages_used, problems, follow_up, notes, created_at,"
            " updated_at, version) VALUES ('x1', 'd1', 'visio', '2026-11-03 14:00:00', 45, 'held', '', 0, '', 'Song',"
            " 'song', 'fr', '', '', '', :c, :u, 1)"), stamp)
    engine.dispose()


def _counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    with engine.connect() as connection:
        counts = {table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar()
                  for table in ("school", "availability_window", "class_group", "duo", "exchange_session")}
    engine.dispose()
    return counts


def test_upgrade_from_the_first_migration_keeps_data(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    migrations.upgrade(url, "0001")
    _insert_programme(url)
    before = _counts(url)
    migrations.ensure_schema(url)
    assert migrations.current_revision(url) == migrations.SCHEMA_HEAD
    assert _counts(url) == before == {
        "school": 2, "availability_window": 1, "class_group": 2, "duo": 1, "exchange_session": 1}


def test_batch_rebuild_of_a_parent_table_does_not_cascade(tmp_path: Path) -> None:
    """The trap: recreating ``school`` with foreign keys on would empty its windows (ON DELETE CASCADE)."""
    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    url = f"sqlite:///{tmp_path / 'batch.sqlite3'}"
    migrations.upgrade(url)
    _insert_programme(url)
    engine = make_engine(url, for_migration=True)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"render_as_batch": True})
        with connection.begin():
            with Operations(context).batch_alter_table("school", recreate="always") as batch:
                batch.alter_column("city", existing_type=None, nullable=False)
    engine.dispose()
    assert _counts(url)["availability_window"] == 1


def test_second_open_needs_no_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    assert migrations.ensure_schema(url) is True
    assert migrations.needs_upgrade(url) is False
    assert migrations.ensure_schema(url) is False


def test_a_database_from_a_newer_app_is_refused(tmp_path: Path) -> None:
    import pytest

    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    migrations.ensure_schema(url)
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(migrations.SchemaTooNewError, match="newer"):
        migrations.ensure_schema(url)


def test_0002_media_adds_the_tally_table_and_keeps_media(tmp_path: Path) -> None:
    """From 0001 with a media item in a duo: the item stays, and tallies can be stored and cascade with the duo."""
    url = f"sqlite:///{tmp_path / 'media.sqlite3'}"
    migrations.upgrade(url, "0001")
    _insert_programme(url)
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO media_item (id, duo_id, session_id, kind, file_hash, stored_name, original_name, size_bytes,"
            " mime_type, side, caption, caption_partner, tags, identifiable_children, consent_exchange,"
            " consent_publication, consent_reports, created_at, updated_at, version) VALUES ('m1', 'd1', 'x1',"
            " 'drawing', 'ab', 'ab/ab.png', 'dessin.png', 10, 'image/png', 'paris', 'Maison', '', '', 0, 'granted',"
            " 'refused', 'unknown', '2026-11-01 10:00:00', '2026-11-01 10:00:00', 1)"))
    engine.dispose()
    migrations.ensure_schema(url)
    engine = create_engine(url)
    with engine.begin() as connection:
        assert connection.execute(text("SELECT caption, session_id FROM media_item")).all() == [("Maison", "x1")]
        connection.execute(text(
            "INSERT INTO media_tally (id, duo_id, kind, side, count, erased_on, created_at, updated_at, version)"
            " VALUES ('t1', 'd1', 'photo', 'paris', 3, '2028-08-01', '2028-08-01 10:00:00', '2028-08-01 10:00:00', 1)"))
        assert connection.execute(text("SELECT count FROM media_tally")).scalar() == 3
    engine.dispose()
    assert _counts(url)["exchange_session"] == 1


def test_every_shipped_revision_is_known() -> None:
    """A database at any revision this app ships (whatever its file is called) must not look "too new"."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    revisions = {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
    assert revisions == migrations._known_revisions()
    assert migrations.SCHEMA_HEAD in revisions


def test_an_older_shipped_revision_is_upgraded_not_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    migrations.upgrade(url, "0001")
    assert migrations.ensure_schema(url) is True
    assert migrations.current_revision(url) == migrations.SCHEMA_HEAD


def test_0003_folds_the_text_of_existing_sessions_for_the_log_filter(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'search.sqlite3'}"
    migrations.upgrade(url, "0002_media")
    _insert_programme(url)
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE exchange_session SET activities = 'Chanson d''ÉTÉ', notes = 'Très bien'"))
    engine.dispose()
    migrations.ensure_schema(url)
    engine = create_engine(url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT search_text FROM exchange_session")).scalar() == \
            "chanson d'ete\ntres bien"
    engine.dispose()


def test_0004_dates_old_tallies_on_their_school_years_first_day(tmp_path: Path) -> None:
    """Tallies erased before 0004 have no day: they get 1 September of their duo's school year."""
    url = f"sqlite:///{tmp_path / 'tally.sqlite3'}"
    migrations.upgrade(url, "0003_session_search")
    _insert_programme(url)
    engine = create_engine(url)
    with engine.begin() as connection:
        year = connection.execute(text("SELECT school_year FROM duo WHERE id = 'd1'")).scalar()
        connection.execute(text(
            "INSERT INTO media_tally (id, duo_id, kind, side, count, erased_on, created_at, updated_at, version)"
            " VALUES ('t1', 'd1', 'photo', 'paris', 3, '2028-08-01', '2028-08-01 10:00:00', '2028-08-01 10:00:00', 1)"))
    engine.dispose()
    migrations.ensure_schema(url)
    engine = create_engine(url)
    with engine.begin() as connection:
        assert connection.execute(text("SELECT count, dated_on FROM media_tally")).all() == [
            (3, f"{year[:4]}-09-01")]
    engine.dispose()
    assert _counts(url)["exchange_session"] == 1


def test_0005_turns_copied_zone_c_and_public_rows_into_the_rule_and_keeps_what_users_entered(tmp_path: Path) -> None:
    """Rows the old fill buttons copied go (the rule gives them now); edited copies and own breaks stay, as own."""
    url = f"sqlite:///{tmp_path / 'calendars.sqlite3'}"
    migrations.upgrade(url, "0004_media_tally_day")
    _insert_programme(url)
    engine = create_engine(url)
    rows = [  # (id, school, name, start, end, source)
        ("h1", "s1", "Vacances de la Toussaint", "2026-10-17", "2026-11-01", "zone_c"),  # copied: goes
        ("h2", "s1", "Vacances de Noël", "2026-12-19", "2027-01-05", "zone_c"),  # edited by the user: kept
        ("h3", "s1", "Classe verte", "2027-03-15", "2027-03-19", "manual"),  # typed: kept
        ("h4", "s2", "Día del Trabajador", "2027-05-01", "2027-05-01", "public"),  # copied from holidays (AR): goes
        ("h5", "s2", "Feriado puente", "2027-05-02", "2027-05-02", "public"),  # not what holidays says: kept
        ("h6", "s2", "Receso de invierno", "2027-07-19", "2027-07-30", "manual"),
    ]
    import holidays

    rows[3] = rows[3][:2] + (holidays.country_holidays("AR", years=[2027])[date(2027, 5, 1)],) + rows[3][3:]
    with engine.begin() as connection:
        connection.execute(text("PRAGMA foreign_keys=ON"))
        for hid, school, name, start, end, source in rows:
            connection.execute(text(
                "INSERT INTO holiday_period (id, school_id, name, start_date, end_date, source, created_at,"
                " updated_at, version) VALUES (:id, :s, :n, :a, :b, :src, '2026-11-01 10:00:00',"
                " '2026-11-01 10:00:00', 1)"), {"id": hid, "s": school, "n": name, "a": start, "b": end, "src": source})
    engine.dispose()
    migrations.ensure_schema(url)
    engine = create_engine(url)
    with engine.connect() as connection:
        left = connection.execute(text("SELECT id, source, origin FROM holiday_period ORDER BY id")).all()
        subdivision = connection.execute(text("SELECT subdivision FROM school WHERE id = 's2'")).scalar()
        years = connection.execute(text("SELECT count(*) FROM school_year")).scalar()
    engine.dispose()
    assert left == [("h2", "manual", ""), ("h3", "manual", ""), ("h5", "manual", ""), ("h6", "manual", "")]
    assert subdivision == "" and years == 0
    assert _counts(url)["exchange_session"] == 1


def test_0007_seeds_every_record_s_change_history_from_its_id_and_stamp(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from classesduo.domain.change_history import seed

    url = f"sqlite:///{tmp_path / 'history.sqlite3'}"
    migrations.upgrade(url, "0006_one_held_visio")
    _insert_programme(url)
    engine = create_engine(url)
    with engine.connect() as connection:
        sessions = connection.execute(text("SELECT count(*) FROM exchange_session")).scalar()
    engine.dispose()
    migrations.ensure_schema(url)
    engine = create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT id, updated_at, change_history FROM exchange_session")).all()
        assert len(rows) == sessions > 0
        assert all(row.change_history == seed(row.id, datetime.fromisoformat(row.updated_at).replace(tzinfo=UTC))
                   for row in rows)
        assert connection.execute(text("SELECT count(*) FROM school WHERE change_history IS NULL")).scalar() == 0
    engine.dispose()
