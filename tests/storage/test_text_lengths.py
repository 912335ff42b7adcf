"""Issue 14: text fields have length limits that the schema enforces too (PostgreSQL by VARCHAR(n), SQLite by
the triggers of migration 0008), with a message naming the limit; one set of numbers for the domain check,
the columns and the triggers."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import DBAPIError

from classesduo.domain import validation
from classesduo.domain.enums import Side
from classesduo.paths import migrations_dir
from classesduo.services.errors import ServiceError, translated_storage_errors
from classesduo.storage import migrations
from classesduo.storage.models import Base, FacilitatorRow, SchoolRow

#: Which domain limit each column is declared with.
DOMAIN_LIMITS = {
    ("school", "name"): validation.NAME_MAX,
    ("school", "city"): validation.CITY_MAX,
    ("school", "contact_email"): validation.EMAIL_MAX,
    ("class_group", "name"): validation.CLASS_NAME_MAX,
    ("class_group", "level"): validation.LEVEL_MAX,
    ("class_group", "teacher_name"): validation.NAME_MAX,
    ("class_group", "teacher_email"): validation.EMAIL_MAX,
    ("facilitator", "name"): validation.NAME_MAX,
    ("facilitator", "email"): validation.EMAIL_MAX,
    ("duo", "visio_link"): validation.LINK_MAX,
}


def _migration_0008():  # noqa: ANN202 - the module
    path = migrations_dir() / "versions" / "0008_text_length_triggers.py"
    spec = importlib.util.spec_from_file_location("migration_0008", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_one_set_of_numbers_for_the_domain_the_columns_and_the_sqlite_triggers() -> None:
    columns = {key: Base.metadata.tables[key[0]].c[key[1]].type.length for key in DOMAIN_LIMITS}
    assert columns == DOMAIN_LIMITS
    # The triggers are frozen in their migration: a changed limit needs a new migration, not an edit of 0008.
    assert {(table, column): limit for table, column, limit in _migration_0008().LIMITS} == DOMAIN_LIMITS


def _school(name: str) -> SchoolRow:
    return SchoolRow(name=name, side=Side.PARIS, city="Paris", country="FR", arrondissement=5,
                     timezone="Europe/Paris", languages=["fr"], contact_email="")


def test_an_overlong_name_written_past_the_domain_check_is_refused(workspace) -> None:  # noqa: ANN001
    with pytest.raises(DBAPIError), workspace.db.transaction() as session:
        session.add(_school("É" * (validation.NAME_MAX + 1)))
    with workspace.db.transaction() as session:
        session.add(_school("É" * validation.NAME_MAX))  # the limit itself is fine, in characters not bytes
        session.add(FacilitatorRow(name="Inès", email="", languages=["fr"]))
    with pytest.raises(DBAPIError), workspace.db.transaction() as session:
        session.scalars(select(FacilitatorRow)).one().name = "x" * (validation.NAME_MAX + 1)
    with workspace.db.reading() as session:
        assert session.scalars(select(FacilitatorRow.name)).all() == ["Inès"]
        assert session.scalar(select(SchoolRow.name)) == "É" * validation.NAME_MAX


@pytest.mark.sqlite_only
def test_the_refusal_is_a_sentence_naming_the_field_and_the_limit(workspace) -> None:  # noqa: ANN001
    with pytest.raises(ServiceError) as caught, translated_storage_errors(), workspace.db.transaction() as session:
        session.add(FacilitatorRow(name="x" * 640, email="", languages=["fr"]))
    assert str(caught.value) == "Facilitator's name: at most 200 characters; the change was not saved."


def test_0008_keeps_existing_overlong_values_and_guards_new_writes(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    migrations.upgrade(url, "0007_change_history")
    long_name = "Groupe scolaire " + "très " * 80  # 416 characters, written before the triggers existed
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO school (id, name, side, city, country, arrondissement, timezone, languages, contact_email,"
            " archived, created_at, updated_at, version) VALUES ('s1', :name, 'paris', 'Paris', 'FR', 5,"
            " 'Europe/Paris', 'fr', '', 0, '2026-11-01 10:00:00', '2026-11-01 10:00:00', 1)"), {"name": long_name})
    engine.dispose()

    assert migrations.ensure_schema(url)

    engine = create_engine(url)
    with engine.begin() as connection:
        assert connection.execute(text("SELECT name FROM school WHERE id = 's1'")).scalar() == long_name
        connection.execute(text("UPDATE school SET city = 'Lyon' WHERE id = 's1'"))  # other fields stay editable
    with pytest.raises(DBAPIError, match="school.name longer than 200 characters"), engine.begin() as connection:
        connection.execute(text("UPDATE school SET name = name || '!' WHERE id = 's1'"))
    with engine.connect() as connection:
        assert connection.execute(text("SELECT name, city FROM school")).one() == (long_name, "Lyon")
    engine.dispose()



def test_a_new_database_has_every_length_trigger_and_0008_downgrade_drops_them(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    from classesduo.storage.database import make_engine

    url = f"sqlite:///{tmp_path / 'down.sqlite3'}"
    migrations.ensure_schema(url)  # a brand-new database gets the triggers through the migrations
    engine = make_engine(url, for_migration=True)
    with engine.connect() as connection:
        triggers = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'trg_%_length_%'"
        assert connection.execute(text(triggers)).scalar() == 2 * len(DOMAIN_LIMITS)
        config = Config()
        config.set_main_option("script_location", str(migrations_dir()))
        config.attributes["connection"] = connection
        command.downgrade(config, "0007_change_history")
        connection.commit()
        assert connection.execute(text(triggers)).scalar() == 0
    engine.dispose()
