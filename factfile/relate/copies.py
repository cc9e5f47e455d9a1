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

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from factfile.relate import Linking, relaters
from factfile.relate.fingerprints import KINDS, Fingerprint, band_keys, containment, fingerprint, jaccard
from factfile.relate.outlets import declares_outlet
from factfile.store.schema import CopyBand, Document, Outlet

CANDIDATES = 40  # documents sharing the most band keys that are compared in full
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


def find_copies(session: Session, text: str, language: str | None, exclude: int | None = None) -> list[Match]:
    """Stored documents that `text` copies or that copy it, best match first."""
    return _matches(session, fingerprint(text, language), exclude)


def _matches(session: Session, print_: Fingerprint, exclude: int | None) -> list[Match]:
    keys = _keys(print_)
    if not keys:
        return []
    shared = func.count().label("shared")
    query = select(CopyBand.document_id, shared).where(CopyBand.key.in_(keys))
    if exclude is not None:
        query = query.where(CopyBand.document_id != exclude)
    query = query.group_by(CopyBand.document_id).order_by(shared.desc()).limit(CANDIDATES)
    candidates = [document_id for document_id, _ in session.execute(query)]
    if not candidates:
        return []
    matches = []
    for document_id, text, language in session.execute(
        select(Document.id, Document.text, Document.language).where(Document.id.in_(candidates))
    ):
        match = is_copy(print_, fingerprint(text, language))
        if match is not None:
            match.document_id = document_id
            matches.append(match)
    return sorted(matches, key=lambda m: (-m.score, m.document_id))


def _keys(print_: Fingerprint) -> list[int]:
    return [key for kind in KINDS for key in band_keys(print_.view(kind), kind)]


def index(session: Session, document_id: int, print_: Fingerprint) -> None:
    """Store the document's band keys so that later documents find it."""
    session.execute(delete(CopyBand).where(CopyBand.document_id == document_id))
    keys = sorted(set(_keys(print_)))
    if keys:
        session.execute(CopyBand.__table__.insert(), [{"document_id": document_id, "key": k} for k in keys])


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


def link(session: Session, document: Document, matches: list[Match]) -> Document | None:
    """Point `document` (or the original it turns out to predate) at the root original; return the root."""
    if not matches:
        return None
    best = matches[0]
    matched = session.get(Document, best.document_id)
    root = session.get(Document, matched.copy_of_id) if matched.copy_of_id is not None else matched
    original, copy, reason = original_of(_side(session, document), _side(session, root))
    evidence = f"{best.evidence} {best.score:.2f}"
    if original.id == root.id:
        document.copy_of_id = root.id
        document.copy_reason = f"{reason}; {evidence}"
        document.copy_similarity = round(best.score, 4)
        return root
    # the new document is the original: it takes over the root's place and all its copies
    session.execute(
        update(Document).where(Document.copy_of_id == root.id).values(copy_of_id=document.id)
    )
    root.copy_of_id = document.id
    root.copy_reason = f"{reason}; {evidence}"
    root.copy_similarity = round(best.score, 4)
    document.copy_of_id = None
    document.copy_reason = None
    return document


@relaters.register("copies")
def make_copy_linker():
    def relate(linking: Linking) -> None:
        document, session = linking.document, linking.session
        print_ = fingerprint(document.text, document.language)
        matches = _matches(session, print_, exclude=document.id)
        link(session, document, matches)
        index(session, document.id, print_)
        session.flush()

    return relate
