"""Issue 17's bullet owned here: database errors recognised by native codes (SQLite extended result codes,
PostgreSQL SQLSTATE), never by message text; a PostgreSQL serialization failure or deadlock is run again once,
then explained; a server restart mid-transaction is a sentence, without the driver's text block or a URL."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from classesduo.services.errors import ServiceError, translated_storage_errors
from classesduo.storage.database import Database
from classesduo.storage.diagnosis import Kind, native_kind


class PgError(Exception):
    """Stands for a psycopg error: what matters is its SQLSTATE, whatever its text."""

    def __init__(self, sqlstate: str, text: str = "words that mean nothing to the classifier") -> None:
        super().__init__(text)
        self.sqlstate = sqlstate


def _wrapped(kind: type, sqlstate: str, text: str = "words that mean nothing to the classifier") -> Exception:
    return kind("UPDATE duo SET …", {}, PgError(sqlstate, text))


@pytest.mark.parametrize(("sqlstate", "kind"), [
    ("40001", Kind.RETRY), ("40P01", Kind.RETRY), ("23505", Kind.INTEGRITY_UNIQUE), ("23503", Kind.INTEGRITY),
    ("57P01", Kind.CONNECTION), ("08006", Kind.CONNECTION), ("53100", Kind.FULL), ("25006", Kind.READ_ONLY),
])
def test_postgresql_errors_are_told_by_their_sqlstate(sqlstate: str, kind: Kind) -> None:
    assert native_kind(_wrapped(OperationalError, sqlstate)) is kind


def test_a_unique_violation_is_recognised_whatever_its_text() -> None:
    with pytest.raises(ServiceError, match="already exists"), translated_storage_errors():
        raise _wrapped(IntegrityError, "23505", "doppelter Schlüsselwert verletzt Unique-Constraint")


def test_a_server_restart_mid_transaction_is_one_sentence_without_the_url() -> None:
    error = _wrapped(OperationalError, "57P01", "terminating connection due to administrator command\nSSL closed")
    with pytest.raises(ServiceError) as caught, translated_storage_errors():
        raise error
    message = str(caught.value)
    assert "cannot be reached or restarted" in message and "\n" not in message
    assert "sqlalche.me" not in message and "SSL closed" not in message and "UPDATE duo" not in message


def test_a_serialization_failure_is_run_again_once_then_explained(tmp_path) -> None:  # noqa: ANN001
    database = Database(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    attempts: list[int] = []

    def flaky(session) -> str:  # noqa: ANN001
        attempts.append(1)
        if len(attempts) == 1:
            raise _wrapped(OperationalError, "40001")
        return "saved"

    assert database.run(flaky) == "saved" and len(attempts) == 2

    def always(session) -> str:  # noqa: ANN001
        attempts.append(1)
        raise _wrapped(OperationalError, "40P01")

    attempts.clear()
    with pytest.raises(ServiceError, match="at the same moment, twice in a row"), translated_storage_errors():
        database.run(always)
    assert len(attempts) == 2
    database.dispose()


def _school():  # noqa: ANN202
    from classesduo.domain.entities import School
    from classesduo.domain.enums import Side
    from classesduo.domain.availability import default_windows

    return School(name="École Buffon", side=Side.PARIS, city="Paris", country="FR", timezone="Europe/Paris",
                  arrondissement=5, languages=["fr"], windows=default_windows(Side.PARIS))


@pytest.fixture
def flaky_database(pg_url: str):  # noqa: ANN201
    """A PostgreSQL database whose inserts into ``school`` fail as :func:`_failing_school_inserts` says;
    the trigger is dropped afterwards (the test databases may be reused)."""
    database = Database(pg_url)
    _drop_flaky(database)
    _failing_school_inserts(database)
    yield database
    _drop_flaky(database)
    database.dispose()


def _drop_flaky(database: Database) -> None:
    from sqlalchemy import text

    with database.transaction() as session:
        for statement in ("DROP TRIGGER IF EXISTS flaky ON school", "DROP TRIGGER IF EXISTS flaky ON media_item",
                          "DROP FUNCTION IF EXISTS flaky()",
                          "DROP TABLE IF EXISTS fail_first", "DROP SEQUENCE IF EXISTS attempts"):
            session.execute(text(statement))


def _failing_school_inserts(database: Database) -> None:
    """The server raises a real SQLSTATE 40001 (odd attempts) or 40P01 (even ones) on an insert into
    ``school`` while the attempt count is at most ``fail_first.n``; the sequence counting attempts is not
    rolled back with them."""
    from sqlalchemy import text

    with database.transaction() as session:
        session.execute(text("CREATE SEQUENCE attempts"))
        session.execute(text("CREATE TABLE fail_first (n integer)"))
        session.execute(text("INSERT INTO fail_first VALUES (1)"))
        session.execute(text(
            "CREATE FUNCTION flaky() RETURNS trigger AS $$ BEGIN "
            "IF nextval('attempts') <= (SELECT n FROM fail_first) THEN "
            "RAISE EXCEPTION 'could not serialize access' USING ERRCODE = "
            "(CASE WHEN currval('attempts') % 2 = 1 THEN 'serialization_failure' ELSE 'deadlock_detected' END); "
            "END IF; RETURN NEW; END $$ LANGUAGE plpgsql"))
    _fail_inserts_into(database, "school")


def _fail_inserts_into(database: Database, table: str) -> None:
    from sqlalchemy import text

    with database.transaction() as session:
        session.execute(text(f"CREATE TRIGGER flaky BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION flaky()"))


def _fail_up_to(database: Database, attempt: int) -> None:
    from sqlalchemy import text

    with database.transaction() as session:
        session.execute(text("UPDATE fail_first SET n = :n"), {"n": attempt})


def _attempts(database: Database) -> int:
    from sqlalchemy import text

    with database.reading() as session:
        return session.scalar(text("SELECT last_value FROM attempts"))


def test_a_use_case_rolled_back_by_postgresql_runs_again_whole_once_then_is_explained(
        flaky_database: Database) -> None:
    """One failure: the whole save runs again and stores one row; two in a row: one sentence, nothing stored."""
    from classesduo.services.schools import list_schools, save_school

    database = flaky_database
    saved = save_school(database, _school())
    assert [school.id for school in list_schools(database)] == [saved.id] and _attempts(database) == 2
    _fail_up_to(database, 4)  # attempts 3 and 4 fail: twice in a row
    with pytest.raises(ServiceError, match="at the same moment, twice in a row"):
        save_school(database, _school())
    assert [school.id for school in list_schools(database)] == [saved.id] and _attempts(database) == 4


def test_an_import_rolled_back_by_postgresql_runs_again_from_the_file_once(flaky_database: Database,
                                                                           tmp_path) -> None:  # noqa: ANN001
    """The retry re-reads the file (no line reported twice, no row written twice) and backs up only once."""
    from classesduo.services.importing import import_file
    from classesduo.services.schools import list_schools

    database = flaky_database
    path = tmp_path / "schools.csv"
    path.write_text("name,city,country,timezone\nA,Oslo,NO,Europe/Oslo\nB,Lima,PE,America/Lima\n", encoding="utf-8")
    backups: list[int] = []
    summary = import_file(database, "schools", path, before_write=lambda: backups.append(1))
    assert summary.added == 2 and backups == [1] and _attempts(database) == 3  # 1 failed, then 2 inserts
    assert sorted(school.name for school in list_schools(database)) == ["A", "B"]


def test_a_bundle_import_rolled_back_by_postgresql_writes_its_rows_once(flaky_database: Database,
                                                                      tmp_path) -> None:  # noqa: ANN001
    """The files are staged once; only the rows' transaction runs again, and then explains itself."""
    from classesduo.services.bundles import export_bundle, import_bundle
    from classesduo.services.schools import list_schools, save_school
    from classesduo.services.workspace import open_workspace

    laptop = open_workspace(str(tmp_path / "laptop"))
    save_school(laptop.db, _school())
    export_bundle(laptop, tmp_path / "all.zip")
    laptop.close()
    server = open_workspace(str(tmp_path / "server"), db_url=flaky_database.url)
    try:
        assert import_bundle(server, tmp_path / "all.zip").added["school"] == 1 and _attempts(flaky_database) == 2
        assert [school.name for school in list_schools(server.db)] == ["École Buffon"]
    finally:
        server.close()


def test_a_media_import_rolled_back_by_postgresql_keeps_its_files_and_writes_its_rows_once(
        flaky_database: Database, tmp_path) -> None:  # noqa: ANN001
    """The files stay placed; only the rows' transaction runs again."""
    from dataclasses import replace

    from sqlalchemy import func, select

    from classesduo.domain.entities import ClassGroup, Duo
    from classesduo.domain.enums import Side
    from classesduo.services.classes import save_class
    from classesduo.services.duos import save_duo
    from classesduo.services.media_import import import_files
    from classesduo.services.schools import save_school
    from classesduo.services.workspace import open_workspace
    from classesduo.storage.models import MediaItemRow
    from tests.media_files import qimage_file

    _fail_up_to(flaky_database, 0)
    paris = save_school(flaky_database, _school())
    partner = save_school(flaky_database, replace(_school(), name="Escuela 12", side=Side.PARTNER, city="Lima",
                                                   country="PE", timezone="America/Lima", arrondissement=None,
                                                   languages=["es"]))
    paris_class = save_class(flaky_database, ClassGroup(school_id=paris.id, name="CM1 A", level="CM1"))
    partner_class = save_class(flaky_database, ClassGroup(school_id=partner.id, name="4to B", level="4to"))
    duo = save_duo(flaky_database, Duo(paris_class_id=paris_class.id, partner_class_id=partner_class.id,
                                       school_year="2026-2027"))
    _fail_inserts_into(flaky_database, "media_item")
    # The batch's insert fails twice: run again, then (one file at a time) once more; the old code gave up
    # on the file at the second failure (its one-by-one attempt) and rejected it.
    _fail_up_to(flaky_database, _attempts(flaky_database) + 2)
    server = open_workspace(str(tmp_path / "server"), db_url=flaky_database.url)
    try:
        report = import_files(server, duo.id, [qimage_file(tmp_path / "photo.png")], Side.PARIS)
        assert len(report.imported) == 1 and not report.rejected
        with server.db.reading() as session:
            assert session.scalar(select(func.count()).select_from(MediaItemRow)) == 1
        assert server.media.path_of(report.imported[0].stored_name).is_file()
    finally:
        server.close()


class SqliteError(Exception):
    """Stands for a ``sqlite3`` error: what matters is its extended result code."""

    def __init__(self, code: int, text: str) -> None:
        super().__init__(text)
        self.sqlite_errorcode = code


def test_a_length_trigger_refusal_names_the_field_and_the_limit() -> None:
    error = IntegrityError("INSERT INTO school …", {}, SqliteError(1811, "school.city longer than 120 characters"))
    assert native_kind(error) is Kind.TRIGGER
    with pytest.raises(ServiceError) as caught, translated_storage_errors():
        raise error
    assert str(caught.value) == "City: at most 120 characters; the change was not saved."


def test_another_trigger_refusal_stays_a_broken_rule() -> None:
    error = IntegrityError("INSERT INTO school …", {}, SqliteError(1811, "some other rule"))
    with pytest.raises(ServiceError, match="breaks a rule of the database"), translated_storage_errors():
        raise error
