"""school_calendars: school years, subdivisions, and the zone C / public holidays by rule

Revision ID: 0005_school_calendars
Revises: 0004_media_tally_day
Create Date: 2026-12-03

A school's closed days are now decided when its calendar is read (see
classesduo.domain.school_calendar): the shipped zone C calendar for Paris
schools, the country's public holidays for every school. The rows that the
old "Fill French zone C holidays" / "Fill public holidays" buttons copied into
schools are therefore removed, so a corrected shipped file reaches every
school. A copied row that the user changed since (other dates or name) is kept
as the school's own closure, and so is everything typed by hand.

Adds ``school.subdivision`` (public holidays of e.g. Québec), ``holiday_period.origin``
(where an imported break came from) and the ``school_year`` table.
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0005_school_calendars"
down_revision = "0004_media_tally_day"
branch_labels = None
depends_on = None

#: The zone C rows the old button could copy: the shipped file of releases up to schema 0004, frozen here
#: so that this migration means the same whatever the file becomes.
OLD_ZONE_C = {
    ("Vacances de la Toussaint", date(2025, 10, 18), date(2025, 11, 2)),
    ("Vacances de Noël", date(2025, 12, 20), date(2026, 1, 4)),
    ("Vacances d'hiver", date(2026, 2, 21), date(2026, 3, 8)),
    ("Vacances de printemps", date(2026, 4, 18), date(2026, 5, 3)),
    ("Pont de l'Ascension", date(2026, 5, 15), date(2026, 5, 16)),
    ("Vacances d'été", date(2026, 7, 4), date(2026, 8, 31)),
    ("Vacances de la Toussaint", date(2026, 10, 17), date(2026, 11, 1)),
    ("Vacances de Noël", date(2026, 12, 19), date(2027, 1, 3)),
    ("Vacances d'hiver", date(2027, 2, 6), date(2027, 2, 21)),
    ("Vacances de printemps", date(2027, 4, 3), date(2027, 4, 18)),
    ("Pont de l'Ascension", date(2027, 5, 7), date(2027, 5, 8)),
    ("Vacances d'été", date(2027, 7, 3), date(2027, 8, 31)),
}


_PUBLIC: dict[tuple[str, int], dict[date, set[str]]] = {}


def _public_days(country: str, year: int) -> dict[date, set[str]]:
    """What the old "Fill public holidays" button could copy for a year: ``holidays``' names of each day
    (in any of its languages, since the old button followed the machine's locale)."""
    import holidays

    key = (country.upper(), year)
    if key not in _PUBLIC:
        names: dict[date, set[str]] = {}
        try:
            languages = holidays.country_holidays(key[0]).supported_languages or (None,)
            for language in (None, *languages):
                for day, name in holidays.country_holidays(key[0], years=[year], language=language).items():
                    names.setdefault(day, set()).add(name)
        except (NotImplementedError, KeyError):
            pass
        _PUBLIC[key] = names
    return _PUBLIC[key]


def upgrade() -> None:
    with op.batch_alter_table("school", schema=None) as batch_op:
        batch_op.add_column(sa.Column("subdivision", sa.String(length=10), server_default="", nullable=False))
    with op.batch_alter_table("holiday_period", schema=None) as batch_op:
        batch_op.add_column(sa.Column("origin", sa.String(length=300), server_default="", nullable=False))
    op.create_table(
        "school_year",
        sa.Column("school_id", sa.String(length=36), nullable=False),
        sa.Column("label", sa.String(length=20), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("origin", sa.String(length=300), server_default="", nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("last_day >= first_day", name=op.f("ck_school_year_last_after_first")),
        sa.ForeignKeyConstraint(["school_id"], ["school.id"], name=op.f("fk_school_year_school_id_school"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_school_year")),
        sa.UniqueConstraint("school_id", "label", name="school_label"),
    )
    with op.batch_alter_table("school_year", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_school_year_school_id"), ["school_id"], unique=False)

    connection = op.get_bind()
    school = sa.table("school", sa.column("id", sa.String), sa.column("side", sa.String),
                      sa.column("country", sa.String))
    period = sa.table("holiday_period", sa.column("id", sa.String), sa.column("school_id", sa.String),
                      sa.column("name", sa.String), sa.column("start_date", sa.Date),
                      sa.column("end_date", sa.Date), sa.column("source", sa.String))
    rows = connection.execute(
        sa.select(period.c.id, period.c.name, period.c.start_date, period.c.end_date, period.c.source,
                  school.c.side, school.c.country)
        .join(school, school.c.id == period.c.school_id)
        .where(period.c.source.in_(["zone_c", "public"]))).all()
    by_rule: list[str] = []
    kept: list[str] = []
    for row in rows:
        start, end = _as_date(row.start_date), _as_date(row.end_date)
        if row.source == "zone_c":
            copied = row.side == "paris" and (row.name, start, end) in OLD_ZONE_C
        else:
            country = "FR" if row.side == "paris" else (row.country or "")
            copied = start == end and row.name in _public_days(country, start.year).get(start, set())
        (by_rule if copied else kept).append(row.id)
    for chunk in _chunks(by_rule):
        connection.execute(period.delete().where(period.c.id.in_(chunk)))
    for chunk in _chunks(kept):  # changed by the user since it was copied: now the school's own closure
        connection.execute(period.update().where(period.c.id.in_(chunk)).values(source="manual"))


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _chunks(ids: list[str], size: int = 500) -> list[list[str]]:
    return [ids[start:start + size] for start in range(0, len(ids), size)]


def downgrade() -> None:
    with op.batch_alter_table("school_year", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_school_year_school_id"))
    op.drop_table("school_year")
    with op.batch_alter_table("holiday_period", schema=None) as batch_op:
        batch_op.drop_column("origin")
    with op.batch_alter_table("school", schema=None) as batch_op:
        batch_op.drop_column("subdivision")
