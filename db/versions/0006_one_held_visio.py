"""one_held_visio: the database refuses two held records of one visio

Revision ID: 0006_one_held_visio
Revises: 0005_school_calendars
Create Date: 2026-12-03

The same visio could be logged twice (once as the planned session, once as an
"unplanned" exchange at the same time), which reports counted as two sessions
held. A unique partial index now allows one *held* visio per duo and start.

Duplicates already stored are merged first: the row created first (the
planned session) is kept; each other one's log is kept as a revision of it
(so nothing typed is lost), its media are moved to it, and its empty log
fields of the kept row are filled from it; then the duplicate is removed.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0006_one_held_visio"
down_revision = "0005_school_calendars"
branch_labels = None
depends_on = None

INDEX = "uq_exchange_session_held_visio"
WHERE = "status = 'held' AND kind = 'visio'"
LOG_FIELDS = ("present_paris", "present_partner", "actual_minutes", "activities", "activity_tags",
              "languages_used", "problems", "follow_up", "notes")


def _merge_duplicates(connection: sa.Connection) -> None:
    s = sa.table("exchange_session", *(sa.column(name) for name in (
        "id", "duo_id", "kind", "start_utc", "status", "created_at", "logged_at", *LOG_FIELDS)))
    groups = connection.execute(
        sa.select(s.c.duo_id, s.c.start_utc).where(s.c.status == "held", s.c.kind == "visio")
        .group_by(s.c.duo_id, s.c.start_utc).having(sa.func.count() > 1)).all()
    media = sa.table("media_item", sa.column("session_id"))
    revision_table = sa.table("session_revision", sa.column("id"), sa.column("session_id"), sa.column("changed_at"),
                              sa.column("changed_by"), sa.column("previous"))
    now = datetime.now(UTC).replace(tzinfo=None)
    for duo_id, start in groups:
        rows = connection.execute(
            sa.select(s).where(s.c.duo_id == duo_id, s.c.start_utc == start, s.c.status == "held",
                      s.c.kind == "visio").order_by(s.c.created_at, s.c.id)).mappings().all()
        kept, *others = rows
        fill: dict[str, object] = {}
        for other in others:
            connection.execute(media.update().where(media.c.session_id == other["id"]).values(session_id=kept["id"]))
            previous = {name: other[name] for name in LOG_FIELDS}
            previous["merged_from"] = other["id"]
            connection.execute(revision_table.insert().values(
                id=str(uuid.uuid4()), session_id=kept["id"], changed_at=now,
                changed_by="classesduo (duplicate log merged)", previous=json.dumps(previous, ensure_ascii=False,
                                                                                     default=str)))
            for name in LOG_FIELDS:
                if kept[name] in (None, "", "[]") and other[name] not in (None, "", "[]") and name not in fill:
                    fill[name] = other[name]
            connection.execute(s.delete().where(s.c.id == other["id"]))
        if fill:
            connection.execute(s.update().where(s.c.id == kept["id"]).values(**fill))


def upgrade() -> None:
    _merge_duplicates(op.get_bind())
    op.create_index(INDEX, "exchange_session", ["duo_id", "start_utc"], unique=True,
                    sqlite_where=sa.text(WHERE), postgresql_where=sa.text(WHERE))


def downgrade() -> None:
    op.drop_index(INDEX, table_name="exchange_session")
