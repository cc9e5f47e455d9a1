"""statement bands: LSH keys of statement contents, so corroboration compares only similar statements

Filled for the statements already stored, a batch at a time. The keys are computed by a frozen copy of
what relate/claims.py computed when this revision was written (its hash functions, seeds and spaCy 3's
English stop words): a later change there must not change what this migration writes.

Revision ID: 0009
Revises: 0008
"""

import hashlib
import re

import numpy as np
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

BATCH = 20_000
ROWS = 2
BANDS = 8
SEED = 20230522
_WORD = re.compile(r"\w+", re.UNICODE)
STOP_WORDS = frozenset(
    """
'd 'll 'm 're 's 've a about above across after afterwards again against all almost alone along already also
although always am among amongst amount an and another any anyhow anyone anything anyway anywhere are around
as at back be became because become becomes becoming been before beforehand behind being below beside besides
between beyond both bottom but by ca call can cannot could did do does doing done down due during each eight
either eleven else elsewhere empty enough even ever every everyone everything everywhere except few fifteen
fifty first five for former formerly forty four from front full further get give go had has have he hence her
here hereafter hereby herein hereupon hers herself him himself his how however hundred i if in indeed into is
it its itself just keep last latter latterly least less made make many may me meanwhile might mine more
moreover most mostly move much must my myself n't name namely neither never nevertheless next nine no nobody
none noone nor not nothing now nowhere n‘t n’t of off often on once one only onto or other others otherwise
our ours ourselves out over own part per perhaps please put quite rather re really regarding same say see seem
seemed seeming seems serious several she should show side since six sixty so some somehow someone something
sometime sometimes somewhere still such take ten than that the their them themselves then thence there
thereafter thereby therefore therein thereupon these they third this those though three through throughout
thru thus to together too top toward towards twelve twenty two under unless until up upon us used using
various very via was we well were what whatever when whence whenever where whereafter whereas whereby wherein
whereupon wherever whether which while whither who whoever whole whom whose why will with within without would
yet you your yours yourself yourselves ‘d ‘ll ‘m ‘re ‘s ‘ve ’d ’ll ’m ’re ’s ’ve
    """.split()
)


def upgrade() -> None:
    op.create_table(
        "statement_bands",
        sa.Column("key", sa.BigInteger(), nullable=False, autoincrement=False),
        sa.Column("statement_id", sa.Integer(), nullable=False, autoincrement=False),
        sa.ForeignKeyConstraint(["statement_id"], ["statements.id"], name=op.f("fk_statement_bands_statement_id_statements"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("key", "statement_id", name=op.f("pk_statement_bands")),
        sqlite_with_rowid=False,
    )
    _index_stored_statements(op.get_bind())


def _index_stored_statements(connection: sa.Connection) -> None:
    statements = sa.table("statements", sa.column("id", sa.Integer), sa.column("content_text", sa.Text))
    bands = sa.table("statement_bands", sa.column("key", sa.BigInteger), sa.column("statement_id", sa.Integer))
    last = 0
    while True:
        batch = connection.execute(
            sa.select(statements.c.id, statements.c.content_text).where(statements.c.id > last).order_by(statements.c.id).limit(BATCH)
        ).all()
        if not batch:
            return
        keys = keys_of([content or "" for _, content in batch])
        rows = [{"key": key, "statement_id": statement_id} for (statement_id, _), own in zip(batch, keys, strict=True) for key in set(own)]
        if rows:
            connection.execute(bands.insert(), rows)
        last = batch[-1][0]


def _mix(values: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore"):
        values = (values ^ (values >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        values = (values ^ (values >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return values ^ (values >> np.uint64(31))


def _words(content: str) -> list[int]:
    tokens = {t.casefold() for t in _WORD.findall(content)}
    content_words = tokens - STOP_WORDS or tokens
    return sorted(int.from_bytes(hashlib.blake2b(t.encode("utf-8"), digest_size=8).digest(), "little") for t in content_words)


def keys_of(contents: list[str]) -> list[list[int]]:
    """The band keys of each content, as relate/claims.py computed them at this revision."""
    seeds = np.random.RandomState(SEED).randint(0, 1 << 63, size=ROWS * BANDS, dtype=np.uint64)
    hashed = [_words(c) for c in contents]
    sizes = np.array([len(h) for h in hashed])
    result: list[list[int]] = [[] for _ in contents]
    present = np.flatnonzero(sizes)
    if len(present) == 0:
        return result
    flat = np.fromiter((h for i in present for h in hashed[i]), dtype=np.uint64, count=int(sizes.sum()))
    values = _mix(flat[:, None] ^ seeds)
    starts = np.concatenate(([0], np.cumsum(sizes[present])[:-1]))
    minima = np.minimum.reduceat(values, starts, axis=0).astype(np.uint64)
    bands = minima.reshape(len(present), BANDS, ROWS)
    combined = _mix(bands[:, :, 0] ^ _mix(bands[:, :, 1] ^ seeds[:BANDS]))
    for row, i in zip(combined.view(np.int64).tolist(), present.tolist(), strict=True):
        result[i] = row
    return result


def downgrade() -> None:
    op.drop_table("statement_bands")
