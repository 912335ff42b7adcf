"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('facilitator',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('languages', sa.String(length=255), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_facilitator'))
    )
    with op.batch_alter_table('facilitator', schema=None) as batch_op:
        batch_op.create_index('ix_facilitator_name', ['name'], unique=False)

    op.create_table('school',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('side', sa.Enum('paris', 'partner', name='side', native_enum=False, length=20), nullable=False),
    sa.Column('city', sa.String(length=120), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('arrondissement', sa.Integer(), nullable=True),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('languages', sa.String(length=255), nullable=False),
    sa.Column('contact_email', sa.String(length=254), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_school')),
    sa.UniqueConstraint('name', 'city', name='name_city')
    )
    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.create_index('ix_school_side_name', ['side', 'name'], unique=False)

    op.create_table('term',
    sa.Column('school_year', sa.String(length=9), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('end_date >= start_date', name=op.f('ck_term_end_after_start')),
    sa.CheckConstraint('number BETWEEN 1 AND 3', name=op.f('ck_term_number_range')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_term')),
    sa.UniqueConstraint('school_year', 'number', name='year_number')
    )
    op.create_table('availability_window',
    sa.Column('school_id', sa.String(length=36), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=False),
    sa.Column('end_time', sa.Time(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('end_time > start_time', name=op.f('ck_availability_window_end_after_start')),
    sa.CheckConstraint('weekday BETWEEN 0 AND 6', name=op.f('ck_availability_window_weekday_range')),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_availability_window_school_id_school'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_availability_window'))
    )
    with op.batch_alter_table('availability_window', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_availability_window_school_id'), ['school_id'], unique=False)

    op.create_table('class_group',
    sa.Column('school_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('level', sa.String(length=40), nullable=False),
    sa.Column('pupil_count', sa.Integer(), nullable=False),
    sa.Column('teacher_name', sa.String(length=200), nullable=False),
    sa.Column('teacher_email', sa.String(length=254), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('pupil_count >= 0', name=op.f('ck_class_group_pupil_count_positive')),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_class_group_school_id_school'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_class_group')),
    sa.UniqueConstraint('school_id', 'name', name='school_name')
    )
    with op.batch_alter_table('class_group', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_class_group_school_id'), ['school_id'], unique=False)

    op.create_table('holiday_period',
    sa.Column('school_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('source', sa.Enum('zone_c', 'public', 'manual', name='holidaysource', native_enum=False, length=20), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('end_date >= start_date', name=op.f('ck_holiday_period_end_after_start')),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_holiday_period_school_id_school'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_holiday_period'))
    )
    with op.batch_alter_table('holiday_period', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_holiday_period_school_id'), ['school_id'], unique=False)

    op.create_table('duo',
    sa.Column('paris_class_id', sa.String(length=36), nullable=False),
    sa.Column('partner_class_id', sa.String(length=36), nullable=False),
    sa.Column('school_year', sa.String(length=9), nullable=False),
    sa.Column('facilitator_id', sa.String(length=36), nullable=True),
    sa.Column('languages', sa.String(length=255), nullable=False),
    sa.Column('project', sa.Text(), nullable=False),
    sa.Column('tools', sa.String(length=255), nullable=False),
    sa.Column('status', sa.Enum('proposed', 'active', 'paused', 'closed', name='duostatus', native_enum=False, length=20), nullable=False),
    sa.Column('visio_link', sa.String(length=500), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('paris_class_id <> partner_class_id', name=op.f('ck_duo_two_classes')),
    sa.ForeignKeyConstraint(['facilitator_id'], ['facilitator.id'], name=op.f('fk_duo_facilitator_id_facilitator'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['paris_class_id'], ['class_group.id'], name=op.f('fk_duo_paris_class_id_class_group'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['partner_class_id'], ['class_group.id'], name=op.f('fk_duo_partner_class_id_class_group'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_duo')),
    sa.UniqueConstraint('paris_class_id', 'partner_class_id', 'school_year', name='pair_year')
    )
    with op.batch_alter_table('duo', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_duo_facilitator_id'), ['facilitator_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_duo_paris_class_id'), ['paris_class_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_duo_partner_class_id'), ['partner_class_id'], unique=False)
        batch_op.create_index('ix_duo_status_year', ['status', 'school_year'], unique=False)

    op.create_table('session_series',
    sa.Column('duo_id', sa.String(length=36), nullable=False),
    sa.Column('interval_weeks', sa.Integer(), nullable=False),
    sa.Column('paris_wall_time', sa.Time(), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('first_date', sa.Date(), nullable=False),
    sa.Column('until_date', sa.Date(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('interval_weeks >= 1', name=op.f('ck_session_series_interval_positive')),
    sa.ForeignKeyConstraint(['duo_id'], ['duo.id'], name=op.f('fk_session_series_duo_id_duo'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_session_series'))
    )
    with op.batch_alter_table('session_series', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_session_series_duo_id'), ['duo_id'], unique=False)

    op.create_table('exchange_session',
    sa.Column('duo_id', sa.String(length=36), nullable=False),
    sa.Column('series_id', sa.String(length=36), nullable=True),
    sa.Column('kind', sa.Enum('visio', 'email', 'blog_post', 'letter', name='sessionkind', native_enum=False, length=20), nullable=False),
    sa.Column('start_utc', sa.DateTime(timezone=True), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('planned', 'held', 'cancelled', 'postponed', name='sessionstatus', native_enum=False, length=20), nullable=False),
    sa.Column('visio_link', sa.String(length=500), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('postponed_to_id', sa.String(length=36), nullable=True),
    sa.Column('present_paris', sa.Integer(), nullable=True),
    sa.Column('present_partner', sa.Integer(), nullable=True),
    sa.Column('actual_minutes', sa.Integer(), nullable=True),
    sa.Column('cancel_reason', sa.String(length=40), nullable=False),
    sa.Column('activities', sa.Text(), nullable=False),
    sa.Column('activity_tags', sa.String(length=255), nullable=False),
    sa.Column('languages_used', sa.String(length=255), nullable=False),
    sa.Column('problems', sa.Text(), nullable=False),
    sa.Column('follow_up', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('logged_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('minutes > 0', name=op.f('ck_exchange_session_minutes_positive')),
    sa.CheckConstraint('present_paris IS NULL OR present_paris >= 0', name=op.f('ck_exchange_session_present_paris_positive')),
    sa.CheckConstraint('present_partner IS NULL OR present_partner >= 0', name=op.f('ck_exchange_session_present_partner_positive')),
    sa.ForeignKeyConstraint(['duo_id'], ['duo.id'], name=op.f('fk_exchange_session_duo_id_duo'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['postponed_to_id'], ['exchange_session.id'], name=op.f('fk_exchange_session_postponed_to_id_exchange_session'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['series_id'], ['session_series.id'], name=op.f('fk_exchange_session_series_id_session_series'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_session'))
    )
    with op.batch_alter_table('exchange_session', schema=None) as batch_op:
        batch_op.create_index('ix_exchange_session_duo_start', ['duo_id', 'start_utc'], unique=False)
        batch_op.create_index(batch_op.f('ix_exchange_session_series_id'), ['series_id'], unique=False)
        batch_op.create_index('ix_exchange_session_start', ['start_utc'], unique=False)
        batch_op.create_index('ix_exchange_session_status_start', ['status', 'start_utc'], unique=False)

    op.create_table('media_item',
    sa.Column('duo_id', sa.String(length=36), nullable=False),
    sa.Column('session_id', sa.String(length=36), nullable=True),
    sa.Column('kind', sa.Enum('photo', 'video', 'audio', 'drawing', 'text', name='mediakind', native_enum=False, length=20), nullable=False),
    sa.Column('file_hash', sa.String(length=64), nullable=False),
    sa.Column('stored_name', sa.String(length=200), nullable=False),
    sa.Column('original_name', sa.String(length=400), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.Column('mime_type', sa.String(length=100), nullable=False),
    sa.Column('taken_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('side', sa.Enum('paris', 'partner', name='side', native_enum=False, length=20), nullable=False),
    sa.Column('caption', sa.Text(), nullable=False),
    sa.Column('caption_partner', sa.Text(), nullable=False),
    sa.Column('tags', sa.String(length=255), nullable=False),
    sa.Column('identifiable_children', sa.Integer(), nullable=False),
    sa.Column('consent_exchange', sa.Enum('granted', 'refused', 'unknown', name='consentstatus', native_enum=False, length=20), nullable=False),
    sa.Column('consent_publication', sa.Enum('granted', 'refused', 'unknown', name='consentstatus', native_enum=False, length=20), nullable=False),
    sa.Column('consent_reports', sa.Enum('granted', 'refused', 'unknown', name='consentstatus', native_enum=False, length=20), nullable=False),
    sa.Column('consent_until', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['duo_id'], ['duo.id'], name=op.f('fk_media_item_duo_id_duo'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['session_id'], ['exchange_session.id'], name=op.f('fk_media_item_session_id_exchange_session'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_media_item')),
    sa.UniqueConstraint('duo_id', 'file_hash', name='duo_hash')
    )
    with op.batch_alter_table('media_item', schema=None) as batch_op:
        batch_op.create_index('ix_media_item_duo_created', ['duo_id', 'created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_media_item_file_hash'), ['file_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_media_item_session_id'), ['session_id'], unique=False)

    op.create_table('session_revision',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('session_id', sa.String(length=36), nullable=False),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed_by', sa.String(length=120), nullable=False),
    sa.Column('previous', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['exchange_session.id'], name=op.f('fk_session_revision_session_id_exchange_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_session_revision'))
    )
    with op.batch_alter_table('session_revision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_session_revision_session_id'), ['session_id'], unique=False)

    


def downgrade() -> None:
    
    with op.batch_alter_table('session_revision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_session_revision_session_id'))

    op.drop_table('session_revision')
    with op.batch_alter_table('media_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_media_item_session_id'))
        batch_op.drop_index(batch_op.f('ix_media_item_file_hash'))
        batch_op.drop_index('ix_media_item_duo_created')

    op.drop_table('media_item')
    with op.batch_alter_table('exchange_session', schema=None) as batch_op:
        batch_op.drop_index('ix_exchange_session_status_start')
        batch_op.drop_index('ix_exchange_session_start')
        batch_op.drop_index(batch_op.f('ix_exchange_session_series_id'))
        batch_op.drop_index('ix_exchange_session_duo_start')

    op.drop_table('exchange_session')
    with op.batch_alter_table('session_series', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_session_series_duo_id'))

    op.drop_table('session_series')
    with op.batch_alter_table('duo', schema=None) as batch_op:
        batch_op.drop_index('ix_duo_status_year')
        batch_op.drop_index(batch_op.f('ix_duo_partner_class_id'))
        batch_op.drop_index(batch_op.f('ix_duo_paris_class_id'))
        batch_op.drop_index(batch_op.f('ix_duo_facilitator_id'))

    op.drop_table('duo')
    with op.batch_alter_table('holiday_period', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_holiday_period_school_id'))

    op.drop_table('holiday_period')
    with op.batch_alter_table('class_group', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_class_group_school_id'))

    op.drop_table('class_group')
    with op.batch_alter_table('availability_window', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_availability_window_school_id'))

    op.drop_table('availability_window')
    op.drop_table('term')
    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.drop_index('ix_school_side_name')

    op.drop_table('school')
    with op.batch_alter_table('facilitator', schema=None) as batch_op:
        batch_op.drop_index('ix_facilitator_name')

    op.drop_table('facilitator')
    
