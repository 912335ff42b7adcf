"""SQLite refuses text longer than its column allows, as PostgreSQL does (VARCHAR lengths are ignored by SQLite)

Revision ID: 0008_text_length_triggers
Revises: 0007_change_history
Create Date: 2026-12-03

The limits are those of ``classesduo/domain/validation.py`` (NAME_MAX, CITY_MAX, ...) that the columns are
declared with; they are copied here, frozen, so this migration keeps its meaning if the numbers change later
(a test compares this copy with the columns: a new limit needs a new migration). On SQLite only, each column
gets a BEFORE INSERT and a BEFORE UPDATE OF trigger raising ``<table>.<col> longer than N characters``
(SQLITE_CONSTRAINT_TRIGGER, which ``services/errors.py`` turns into a sentence naming the field and the limit).

Triggers only guard new writes: rows already longer than a limit are left as they are (nothing is cut, the
migration does not fail); editing such a row is refused until the value is shortened. No table is recreated.
"""

from __future__ import annotations

from alembic import op

revision = "0008_text_length_triggers"
down_revision = "0007_change_history"
branch_labels = None
depends_on = None

#: (table, column, longest text), frozen on 2026-12-03 from domain/validation.py and storage/models.py.
LIMITS: tuple[tuple[str, str, int], ...] = (
    ("school", "name", 200),
    ("school", "city", 120),
    ("school", "contact_email", 254),
    ("class_group", "name", 120),
    ("class_group", "level", 40),
    ("class_group", "teacher_name", 200),
    ("class_group", "teacher_email", 254),
    ("facilitator", "name", 200),
    ("facilitator", "email", 254),
    ("duo", "visio_link", 500),
)


def trigger_names(table: str, column: str) -> tuple[str, str]:
    return f"trg_{table}_{column}_length_insert", f"trg_{table}_{column}_length_update"


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # PostgreSQL enforces VARCHAR(n) itself
    for table, column, limit in LIMITS:
        on_insert, on_update = trigger_names(table, column)
        body = (f"WHEN length(NEW.{column}) > {limit} BEGIN "
                f"SELECT RAISE(ABORT, '{table}.{column} longer than {limit} characters'); END")
        op.execute(f"CREATE TRIGGER {on_insert} BEFORE INSERT ON {table} FOR EACH ROW {body}")
        op.execute(f"CREATE TRIGGER {on_update} BEFORE UPDATE OF {column} ON {table} FOR EACH ROW {body}")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table, column, _limit in LIMITS:
        for name in trigger_names(table, column):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
