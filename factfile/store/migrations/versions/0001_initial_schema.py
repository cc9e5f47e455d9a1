"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-24 22:24:26.080720
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('actors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('label', sa.String(length=32), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('merged_into_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['merged_into_id'], ['actors.id'], name=op.f('fk_actors_merged_into_id_actors'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_actors'))
    )
    op.create_table('decisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decisions'))
    )
    op.create_table('outlets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=255), nullable=False),
    sa.Column('domain', sa.String(length=255), nullable=True),
    sa.Column('name', sa.String(length=255), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outlets')),
    sa.UniqueConstraint('key', name=op.f('uq_outlets_key'))
    )
    op.create_table('places',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('geonames_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('country_code', sa.String(length=2), nullable=True),
    sa.Column('admin1', sa.String(length=255), nullable=True),
    sa.Column('admin2', sa.String(length=255), nullable=True),
    sa.Column('feature_code', sa.String(length=10), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_places')),
    sa.UniqueConstraint('geonames_id', name=op.f('uq_places_geonames_id'))
    )
    with op.batch_alter_table('places', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_places_name'), ['name'], unique=False)

    op.create_table('stories',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=500), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stories'))
    )
    op.create_table('aliases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('key', sa.String(length=500), nullable=False),
    sa.Column('mentions', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], name=op.f('fk_aliases_actor_id_actors'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_aliases')),
    sa.UniqueConstraint('actor_id', 'key', name=op.f('uq_aliases_actor_id_key'))
    )
    with op.batch_alter_table('aliases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_aliases_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_aliases_key'), ['key'], unique=False)

    op.create_table('documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('origin', sa.Text(), nullable=False),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('author', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('site', sa.String(length=255), nullable=True),
    sa.Column('outlet_id', sa.Integer(), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.Column('declared_source', sa.String(length=255), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('warnings', sa.JSON(), nullable=True),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('copy_of_id', sa.Integer(), nullable=True),
    sa.Column('copy_reason', sa.Text(), nullable=True),
    sa.Column('story_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['copy_of_id'], ['documents.id'], name=op.f('fk_documents_copy_of_id_documents'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['outlet_id'], ['outlets.id'], name=op.f('fk_documents_outlet_id_outlets')),
    sa.ForeignKeyConstraint(['story_id'], ['stories.id'], name=op.f('fk_documents_story_id_stories'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents')),
    sa.UniqueConstraint('content_hash', name=op.f('uq_documents_content_hash'))
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_copy_of_id'), ['copy_of_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_outlet_id'), ['outlet_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_published'), ['published'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_story_id'), ['story_id'], unique=False)

    op.create_table('mentions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(length=500), nullable=False),
    sa.Column('label', sa.String(length=32), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('chain', sa.Integer(), nullable=True),
    sa.Column('sent_start', sa.Integer(), nullable=False),
    sa.Column('sent_end', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('place_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], name=op.f('fk_mentions_actor_id_actors'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_mentions_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['place_id'], ['places.id'], name=op.f('fk_mentions_place_id_places'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentions'))
    )
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mentions_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index('ix_mentions_document_id_start', ['document_id', 'start'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentions_place_id'), ['place_id'], unique=False)

    op.create_table('statements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('source_text', sa.Text(), nullable=True),
    sa.Column('source_start', sa.Integer(), nullable=True),
    sa.Column('source_end', sa.Integer(), nullable=True),
    sa.Column('source_type', sa.String(length=32), nullable=False),
    sa.Column('source_actor_id', sa.Integer(), nullable=True),
    sa.Column('cue_text', sa.String(length=500), nullable=True),
    sa.Column('cue_start', sa.Integer(), nullable=True),
    sa.Column('cue_end', sa.Integer(), nullable=True),
    sa.Column('content_text', sa.Text(), nullable=False),
    sa.Column('content_start', sa.Integer(), nullable=False),
    sa.Column('content_end', sa.Integer(), nullable=False),
    sa.Column('direct', sa.Boolean(), nullable=False),
    sa.Column('certainty', sa.String(length=16), nullable=False),
    sa.Column('hedges', sa.JSON(), nullable=True),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('marked_wrong', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_statements_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['parent_id'], ['statements.id'], name=op.f('fk_statements_parent_id_statements'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['source_actor_id'], ['actors.id'], name=op.f('fk_statements_source_actor_id_actors'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_statements'))
    )
    with op.batch_alter_table('statements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_statements_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_statements_source_actor_id'), ['source_actor_id'], unique=False)

    op.create_table('time_expressions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(length=255), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('date_start', sa.Date(), nullable=True),
    sa.Column('date_end', sa.Date(), nullable=True),
    sa.Column('precision', sa.String(length=8), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_time_expressions_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_time_expressions'))
    )
    with op.batch_alter_table('time_expressions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_time_expressions_document_id'), ['document_id'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('event_type', sa.String(length=64), nullable=False),
    sa.Column('sub_type', sa.String(length=64), nullable=True),
    sa.Column('trigger_text', sa.String(length=255), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('sent_start', sa.Integer(), nullable=False),
    sa.Column('sent_end', sa.Integer(), nullable=False),
    sa.Column('actor1_id', sa.Integer(), nullable=True),
    sa.Column('actor2_id', sa.Integer(), nullable=True),
    sa.Column('place_id', sa.Integer(), nullable=True),
    sa.Column('date_start', sa.Date(), nullable=True),
    sa.Column('date_end', sa.Date(), nullable=True),
    sa.Column('date_precision', sa.String(length=8), nullable=True),
    sa.Column('fatalities', sa.Integer(), nullable=True),
    sa.Column('statement_id', sa.Integer(), nullable=True),
    sa.Column('certainty', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['actor1_id'], ['actors.id'], name=op.f('fk_events_actor1_id_actors'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['actor2_id'], ['actors.id'], name=op.f('fk_events_actor2_id_actors'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_events_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['place_id'], ['places.id'], name=op.f('fk_events_place_id_places'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['statement_id'], ['statements.id'], name=op.f('fk_events_statement_id_statements'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_actor1_id'), ['actor1_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_actor2_id'), ['actor2_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_date_start'), ['date_start'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_event_type'), ['event_type'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_place_id'), ['place_id'], unique=False)

    op.create_table('facts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('predicate', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('value_actor_id', sa.Integer(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('sent_start', sa.Integer(), nullable=False),
    sa.Column('sent_end', sa.Integer(), nullable=False),
    sa.Column('statement_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], name=op.f('fk_facts_actor_id_actors'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_facts_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['statement_id'], ['statements.id'], name=op.f('fk_facts_statement_id_statements'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['value_actor_id'], ['actors.id'], name=op.f('fk_facts_value_actor_id_actors'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_facts'))
    )
    with op.batch_alter_table('facts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_facts_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_facts_document_id'), ['document_id'], unique=False)

    op.create_table('quantities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(length=255), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('sent_start', sa.Integer(), nullable=False),
    sa.Column('sent_end', sa.Integer(), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('value_max', sa.Float(), nullable=True),
    sa.Column('approximate', sa.Boolean(), nullable=False),
    sa.Column('counts', sa.String(length=255), nullable=True),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('statement_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], name=op.f('fk_quantities_actor_id_actors'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_quantities_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_quantities_event_id_events'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['statement_id'], ['statements.id'], name=op.f('fk_quantities_statement_id_statements'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quantities'))
    )
    with op.batch_alter_table('quantities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quantities_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quantities_document_id'), ['document_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('quantities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quantities_document_id'))
        batch_op.drop_index(batch_op.f('ix_quantities_actor_id'))

    op.drop_table('quantities')
    with op.batch_alter_table('facts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_facts_document_id'))
        batch_op.drop_index(batch_op.f('ix_facts_actor_id'))

    op.drop_table('facts')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_place_id'))
        batch_op.drop_index(batch_op.f('ix_events_event_type'))
        batch_op.drop_index(batch_op.f('ix_events_document_id'))
        batch_op.drop_index(batch_op.f('ix_events_date_start'))
        batch_op.drop_index(batch_op.f('ix_events_actor2_id'))
        batch_op.drop_index(batch_op.f('ix_events_actor1_id'))

    op.drop_table('events')
    with op.batch_alter_table('time_expressions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_time_expressions_document_id'))

    op.drop_table('time_expressions')
    with op.batch_alter_table('statements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_statements_source_actor_id'))
        batch_op.drop_index(batch_op.f('ix_statements_document_id'))

    op.drop_table('statements')
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mentions_place_id'))
        batch_op.drop_index('ix_mentions_document_id_start')
        batch_op.drop_index(batch_op.f('ix_mentions_actor_id'))

    op.drop_table('mentions')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_story_id'))
        batch_op.drop_index(batch_op.f('ix_documents_published'))
        batch_op.drop_index(batch_op.f('ix_documents_outlet_id'))
        batch_op.drop_index(batch_op.f('ix_documents_copy_of_id'))

    op.drop_table('documents')
    with op.batch_alter_table('aliases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_aliases_key'))
        batch_op.drop_index(batch_op.f('ix_aliases_actor_id'))

    op.drop_table('aliases')
    op.drop_table('stories')
    with op.batch_alter_table('places', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_places_name'))

    op.drop_table('places')
    op.drop_table('outlets')
    op.drop_table('decisions')
    op.drop_table('actors')
