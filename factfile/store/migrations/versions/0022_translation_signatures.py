"""translation_signatures: each document's 128-bit lead signature, the translation search's index

The translation search (relate/copies.py) ranked candidates by the sentence-vector band keys they share in
copy_bands; it now ranks the documents in other languages by the bits in which their lead signatures differ
(relate/crosslingual.signature). Every document with stored sentence vectors is signed from them here, with a
frozen copy of the signature at this revision (hyperplanes from a fixed hash stream, the lead centre shipped as
relate/lead_center.bin as it was then, kept beside this file); the band keys it leaves in copy_bands match no later key and go at the next reindex.

Revision ID: 0022
Revises: 0021
"""

import hashlib
from pathlib import Path

import numpy as np
import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

BATCH = 2_000
DIMENSIONS = 512
BITS = 128
LEAD = 8
CENTER = Path(__file__).with_name("0022_lead_center.bin")


def _hyperplanes() -> np.ndarray:
    stream = hashlib.shake_256(b"factfile crosslingual hyperplanes").digest(DIMENSIONS * BITS // 8)
    bits = np.unpackbits(np.frombuffer(stream, np.uint8))
    return (bits.astype(np.float32) * 2 - 1).reshape(DIMENSIONS, BITS)


def _signature(vectors: bytes, scales: bytes, hyperplanes: np.ndarray, center: np.ndarray) -> bytes:
    scale = np.frombuffer(scales, dtype=np.float32)
    rows = np.frombuffer(vectors, dtype=np.int8).reshape(len(scale), DIMENSIONS).astype(np.float32) * scale[:, None]
    rows /= np.where((norms := np.linalg.norm(rows, axis=1, keepdims=True)) > 0, norms, 1)
    mean = rows[:LEAD].mean(axis=0)
    mean /= float(np.linalg.norm(mean)) or 1.0
    return np.packbits((mean - center) @ hyperplanes > 0).tobytes()


def upgrade() -> None:
    table = op.create_table(
        "translation_signatures",
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
    )
    connection = op.get_bind()
    hyperplanes = _hyperplanes()
    center = np.frombuffer(CENTER.read_bytes(), dtype="<f4").astype(np.float32)
    last = 0
    while True:
        rows = connection.execute(
            sa.text(
                "SELECT v.document_id, v.vectors, v.scales, d.language FROM translation_vectors v "
                "JOIN documents d ON d.id = v.document_id WHERE v.document_id > :last AND v.sentences >= 2 "
                "ORDER BY v.document_id LIMIT :batch"
            ),
            {"last": last, "batch": BATCH},
        ).all()
        if not rows:
            return
        signed = [
            {
                "document_id": row.document_id,
                "language": (row.language or "en").split("-")[0].lower(),
                "signature": _signature(row.vectors, row.scales, hyperplanes, center),
            }
            for row in rows
        ]
        connection.execute(sa.insert(table), signed)
        last = rows[-1].document_id


def downgrade() -> None:
    op.drop_table("translation_signatures")
