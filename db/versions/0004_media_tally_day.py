"""media_tally.dated_on: the day erased media were dated, so reports count them in their period

Revision ID: 0004_media_tally_day
Revises: 0003_session_search
Create Date: 2026-12-03

Retention now keeps one count per duo, kind, side and day (the day of the item's
exchange, else when it was taken, else when it was added: the day the reports
count media on). Counts erased before this revision have no day; they are put
on the first day of their duo's school year (1 September), so a report of
that school year's first term or of the whole year still counts them.
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0004_media_tally_day"
down_revision = "0003_session_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("media_tally", schema=None) as batch_op:
        batch_op.add_column(sa.Column("dated_on", sa.Date(), nullable=True))
    connection = op.get_bind()
    tally = sa.table("media_tally", sa.column("id", sa.String), sa.column("duo_id", sa.String),
                     sa.column("dated_on", sa.Date))
    duo = sa.table("duo", sa.column("id", sa.String), sa.column("school_year", sa.String))
    rows = connection.execute(sa.select(tally.c.id, duo.c.school_year)
                              .join(duo, duo.c.id == tally.c.duo_id)).all()
    for row_id, school_year in rows:
        connection.execute(tally.update().where(tally.c.id == row_id)
                           .values(dated_on=date(int(school_year[:4]), 9, 1)))


def downgrade() -> None:
    with op.batch_alter_table("media_tally", schema=None) as batch_op:
        batch_op.drop_column("dated_on")
