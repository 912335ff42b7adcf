"""media: anonymous counts of media erased by the retention action

Revision ID: 0002_media
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_media"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "media_tally",
        sa.Column("duo_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.Enum("photo", "video", "audio", "drawing", "text", name="mediakind",
                                  native_enum=False, length=20), nullable=False),
        sa.Column("side", sa.Enum("paris", "partner", name="side", native_enum=False, length=20), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("erased_on", sa.Date(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("count >= 0", name=op.f("ck_media_tally_count_positive")),
        sa.ForeignKeyConstraint(["duo_id"], ["duo.id"], name=op.f("fk_media_tally_duo_id_duo"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_media_tally")),
    )
    with op.batch_alter_table("media_tally", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_media_tally_duo_id"), ["duo_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("media_tally", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_media_tally_duo_id"))
    op.drop_table("media_tally")
