"""change_history on every record: bundles decide conflicts by what each side has seen, not by clocks

Revision ID: 0007_change_history
Revises: 0006_one_held_visio
Create Date: 2026-12-03

Each record gets the ids of its last changes (domain/change_history.py). Existing records are seeded
with an id derived from their id and updated_at, so two laptops that hold the same copy of a record
(e.g. from an earlier bundle) agree on its history. A plain ADD COLUMN: no table is recreated.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from classesduo.domain.change_history import seed
from classesduo.storage.types import UTCDateTime

revision = "0007_change_history"
down_revision = "0006_one_held_visio"
branch_labels = None
depends_on = None

TABLES = ("facilitator", "school", "term", "availability_window", "class_group", "holiday_period", "school_year",
          "duo", "media_tally", "session_series", "exchange_session", "media_item")
_BATCH = 5000


def upgrade() -> None:
    connection = op.get_bind()
    for name in TABLES:
        op.add_column(name, sa.Column("change_history", sa.Text(), nullable=True))
        table = sa.table(name, sa.column("id", sa.String), sa.column("updated_at", UTCDateTime()),
                         sa.column("change_history", sa.Text))
        rows = connection.execute(sa.select(table.c.id, table.c.updated_at)).all()
        update = table.update().where(table.c.id == sa.bindparam("row_id")).values(
            change_history=sa.bindparam("history"))
        for start in range(0, len(rows), _BATCH):
            connection.execute(update, [{"row_id": row.id, "history": seed(row.id, row.updated_at)}
                                        for row in rows[start:start + _BATCH]])


def downgrade() -> None:
    for name in TABLES:
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.drop_column("change_history")
