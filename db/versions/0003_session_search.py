"""session_search: a folded copy of each session's activities and notes for the log's filter

Revision ID: 0003_session_search
Revises: 0002_media
Create Date: 2026-11-28

The Exchange log's filter is case- and accent-insensitive. Folding the text in
every filter query cost about a second per keystroke on 100,000 sessions; the
folded text is now stored once per write. Existing rows are filled here with
the same Python function the app uses (so SQLite and PostgreSQL agree).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from classesduo.storage.models import session_search_text

revision = "0003_session_search"
down_revision = "0002_media"
branch_labels = None
depends_on = None

_BATCH = 5000
INDEX = "ix_exchange_session_status_search"


def upgrade() -> None:
    with op.batch_alter_table("exchange_session", schema=None) as batch_op:
        batch_op.add_column(sa.Column("search_text", sa.Text(), server_default="", nullable=False))
    connection = op.get_bind()
    sessions = sa.table("exchange_session", sa.column("id", sa.String), sa.column("activities", sa.Text),
                        sa.column("notes", sa.Text), sa.column("search_text", sa.Text))
    rows = connection.execute(sa.select(sessions.c.id, sessions.c.activities, sessions.c.notes)
                              .where(sa.or_(sessions.c.activities != "", sessions.c.notes != ""))).all()
    update = (sessions.update().where(sessions.c.id == sa.bindparam("row_id"))
              .values(search_text=sa.bindparam("folded")))
    for start in range(0, len(rows), _BATCH):
        connection.execute(update, [{"row_id": row.id, "folded": session_search_text(row.activities, row.notes)}
                                    for row in rows[start:start + _BATCH]])
    # rows with neither text keep the server default '' rather than '\n': both match no word
    if connection.dialect.name == "sqlite":
        # Lets a filter's count read this small index instead of every session row (about 2× faster at 100,000
        # sessions). Not on PostgreSQL: a B-tree entry is limited to ~2.7 kB and a log's text can be longer.
        op.create_index(INDEX, "exchange_session", ["status", "search_text", "duo_id"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.drop_index(INDEX, table_name="exchange_session")
    with op.batch_alter_table("exchange_session", schema=None) as batch_op:
        batch_op.drop_column("search_text")
