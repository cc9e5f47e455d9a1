"""Find the documents a new document copies (or that copy it) and link each copy to its original.

Candidates come from the stored LSH band keys of two fingerprints (relate/fingerprints.py): word
shingles catch verbatim, re-templated, truncated, padded and re-ordered copies; the stop-word skeleton
catches spun copies whose content words were swapped for synonyms. Each candidate is then compared on
its full text:

- containment: most word shingles of the shorter text are in the longer one (a cut or padded copy);
- similarity: the two texts share most of their word shingles (Jaccard);
- paraphrase: the stop-word skeleton and the names and numbers agree although the words do not.

Which of two matching documents is the original: the one the other declares as its source
("Source: Watson"), else the one published earlier, else the one stored first. A copy always points
at the root original, so copies of copies collapse to one origin; a new, earlier original re-roots the
copies already found.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from factfile.records import Article
from factfile.relate import Linking, preparers, relaters
from factfile.relate.fingerprints import (
    KINDS,
    Fingerprint,
    band_keys,
    containment,
    estimated_containment,
    fingerprint,
    jaccard,
    signature,
)
from factfile.relate.outlets import declares_outlet
from factfile.store.schema import CopyBand, CopyFingerprint, Document, Outlet

CANDIDATES = 50  # documents sharing the most band keys whose signatures are compared
ESTIMATE_FLOOR = 0.3  # estimated containment below which a candidate's text is not read
MIN_SHINGLES = 15  # below this a text is too short to call anything a copy of it
WORD_CONTAINMENT = 0.5
SKELETON_CONTAINMENT = 0.5
ANCHOR_CONTAINMENT = 0.4
SIMILAR_JACCARD = 0.8


@dataclass(slots=True)
class Match:
    """A stored document whose text the new one shares, and how much of it."""

    document_id: int
    words: float  # containment of word shingles
    skeleton: float  # containment of stop-word shingles
    anchors: float  # containment of name/number shingles
    jaccard: float  # word-shingle Jaccard

    @property
    def evidence(self) -> str:
        if self.words >= WORD_CONTAINMENT:
            return "similarity" if self.jaccard >= SIMILAR_JACCARD else "containment"
        return "paraphrase"

    @property
    def score(self) -> float:
        """One number to rank matches: shared words, or for a paraphrase the shared skeleton."""
        return self.words if self.words >= WORD_CONTAINMENT else min(self.skeleton, self.anchors) * 0.9


def is_copy(a: Fingerprint, b: Fingerprint) -> Match | None:
    """Compare two fingerprints in full; a Match (without document id) when one text copies the other."""
    words = containment(a.words, b.words)
    skeleton = containment(a.skeleton, b.skeleton)
    anchor = containment(a.anchors, b.anchors)
    match = Match(0, words, skeleton, anchor, jaccard(a.words, b.words))
    if min(len(a.words), len(b.words)) >= MIN_SHINGLES and words >= WORD_CONTAINMENT:
        return match
    if (
        min(len(a.skeleton), len(b.skeleton)) >= MIN_SHINGLES
        and skeleton >= SKELETON_CONTAINMENT
        and anchor >= ANCHOR_CONTAINMENT
    ):
        return match
    return None


@dataclass(slots=True)
class Sketch:
    """A text's fingerprint with its MinHash signatures: what is compared and what is stored."""

    print: Fingerprint
    signatures: dict[str, np.ndarray]

    @property
    def keys(self) -> list[int]:
        return [key for kind in KINDS for key in band_keys(self.signatures[kind], kind)]


def sketch(text: str, language: str | None, with_anchors: bool = True) -> Sketch:
    print_ = fingerprint(text, language, with_anchors)
    return Sketch(print_, {kind: signature(print_.view(kind), kind) for kind in KINDS})


def find_copies(session: Session, text: str, language: str | None, exclude: int | None = None) -> list[Match]:
    """Stored documents that `text` copies or that copy it, best match first."""
    return _matches(session, sketch(text, language), exclude)


def _matches(session: Session, new: Sketch, exclude: int | None) -> list[Match]:
    """Three sieves: shared band keys (index), estimated overlap (signatures), full comparison (texts)."""
    keys = new.keys
    if not keys:
        return []
    shared = func.count().label("shared")
    query = select(CopyBand.document_id, shared).where(CopyBand.key.in_(keys))
    if exclude is not None:
        query = query.where(CopyBand.document_id != exclude)
    query = query.group_by(CopyBand.document_id).order_by(shared.desc(), CopyBand.document_id).limit(CANDIDATES)
    candidates = [document_id for document_id, _ in session.execute(query)]
    if not candidates:
        return []
    likely = [
        row.document_id
        for row in session.scalars(select(CopyFingerprint).where(CopyFingerprint.document_id.in_(candidates)))
        if _estimate(new, row) >= ESTIMATE_FLOOR
    ]
    if not likely:
        return []
    matches = []
    for document_id, text, language in session.execute(
        select(Document.id, Document.text, Document.language).where(Document.id.in_(likely))
    ):
        match = is_copy(new.print, fingerprint(text, language))
        if match is not None:
            match.document_id = document_id
            matches.append(match)
    return sorted(matches, key=lambda m: (-m.score, m.document_id))


def _estimate(new: Sketch, stored: CopyFingerprint) -> float:
    """The larger of the estimated word and skeleton containments."""
    words = estimated_containment(
        new.signatures["words"], len(new.print.words), np.frombuffer(stored.words, dtype=np.uint32), stored.words_size
    )
    skeleton = estimated_containment(
        new.signatures["skeleton"],
        len(new.print.skeleton),
        np.frombuffer(stored.skeleton, dtype=np.uint32),
        stored.skeleton_size,
    )
    return max(words, skeleton)


def index(session: Session, entries: dict[int, Sketch]) -> None:
    """Store documents' band keys and signatures so that later documents find them."""
    ids = list(entries)
    session.execute(delete(CopyBand).where(CopyBand.document_id.in_(ids)))
    session.execute(delete(CopyFingerprint).where(CopyFingerprint.document_id.in_(ids)))
    bands = [{"document_id": i, "key": k} for i, entry in entries.items() for k in sorted(set(entry.keys))]
    if bands:
        session.execute(insert(CopyBand), bands)
    session.execute(
        insert(CopyFingerprint),
        [
            {
                "document_id": i,
                "words": entry.signatures["words"].tobytes(),
                "words_size": len(entry.print.words),
                "skeleton": entry.signatures["skeleton"].tobytes(),
                "skeleton_size": len(entry.print.skeleton),
            }
            for i, entry in entries.items()
        ],
    )


@dataclass(slots=True)
class Side:
    """What decides which of two matching documents is the original."""

    id: int
    published: date | None
    declared_source: str | None
    outlet: Outlet | None


def original_of(new: Side, old: Side) -> tuple[Side, Side, str]:
    """(original, copy, reason) for two documents with the same text; `old` was stored first."""
    if new.declared_source and old.outlet and declares_outlet(new.declared_source, old.outlet):
        return old, new, f"declared source {new.declared_source!r}"
    if old.declared_source and new.outlet and declares_outlet(old.declared_source, new.outlet):
        return new, old, f"declared source {old.declared_source!r}"
    if new.published and old.published and new.published != old.published:
        if new.published < old.published:
            return new, old, "earliest date"
        return old, new, "earliest date"
    return old, new, "first stored"


def _side(session: Session, document: Document) -> Side:
    outlet = session.get(Outlet, document.outlet_id) if document.outlet_id is not None else None
    return Side(document.id, document.published, document.declared_source, outlet)


def _root(session: Session, document: Document) -> Document:
    return session.get(Document, document.copy_of_id) if document.copy_of_id is not None else document


def _merge(session: Session, original: Document, copy: Document, reason: str, match: Match) -> None:
    """Make `copy` (a root) and all its copies point at `original`."""
    session.execute(update(Document).where(Document.copy_of_id == copy.id).values(copy_of_id=original.id))
    copy.copy_of_id = original.id
    copy.copy_reason = f"{reason}; {match.evidence} {match.score:.2f}"
    copy.copy_similarity = round(match.score, 4)


def link(session: Session, document: Document, matches: list[Match]) -> Document | None:
    """Join the document to the groups of every document it matches, under one root original; return it.

    Matching two groups at once happens when an original arrives after copies that do not match each
    other (a spun copy and a truncated one): both groups then collapse onto one origin.
    """
    root = document
    for match in matches:
        other = _root(session, session.get(Document, match.document_id))
        if other.id == root.id:
            continue
        first, second = (root, other) if root.id < other.id else (other, root)
        original, _, reason = original_of(_side(session, second), _side(session, first))
        winner, loser = (first, second) if original.id == first.id else (second, first)
        _merge(session, winner, loser, reason, match)
        root = winner
    return root if matches else None


@preparers.register("copies")
def article_sketch(article: Article) -> Sketch:
    return sketch(article.text, article.language)


@relaters.register("copies")
def make_copy_linker():
    def relate(linking: Linking) -> None:
        document, session = linking.document, linking.session
        new = linking.analysis.prepared.get("copies") or sketch(document.text, document.language)
        link(session, document, _matches(session, new, exclude=document.id))
        index(session, {document.id: new})
        session.flush()

    return relate
