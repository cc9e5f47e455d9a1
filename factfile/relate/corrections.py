"""A user's corrections to copies and stories, and the replay of every correction after re-ingestion.

They change the links that the `copies` and `stories` relaters made, so they sit above them; the log
of decisions and the corrections of actors and statements (relate/decisions.py) sit below, because
those relaters consult the log for each new document.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from factfile.relate.copies import force_link, unlink
from factfile.relate.decisions import COPY_OF, NOT_COPY, STORY, DecisionError, replay_decision
from factfile.relate.stories import move
from factfile.store import schema as s
from factfile.store.schema import Decision


def mark_not_copy(session: Session, document_id: int, note: str | None = None) -> Decision:
    """Say a document is not a copy of its original: it is detached and never linked to it again."""
    document = _document(session, document_id)
    if document.copy_of_id is None:
        raise DecisionError(f"document #{document.id} is not marked as a copy")
    original = _document(session, document.copy_of_id)
    decision = Decision(kind=NOT_COPY, payload={"copy": document.content_hash, "original": original.content_hash}, note=note)
    session.add(decision)
    session.flush()
    unlink(session, document)
    return decision


def mark_copy_of(session: Session, copy_id: int, original_id: int, note: str | None = None) -> Decision:
    """Say a document copies another: it (and its own copies) join the other's original."""
    copy, original = _document(session, copy_id), _document(session, original_id)
    if copy.id == original.id:
        raise DecisionError("a document cannot be a copy of itself")
    decision = Decision(kind=COPY_OF, payload={"copy": copy.content_hash, "original": original.content_hash}, note=note)
    session.add(decision)
    session.flush()
    force_link(session, copy, original, f"copy by user decision #{decision.id}")
    return decision


def move_to_story(session: Session, document_id: int, story_id: int | None, note: str | None = None) -> Decision:
    """Put a document in another story (`story_id`), or in a story of its own (None)."""
    document = _document(session, document_id)
    anchor = None
    if story_id is not None:
        if session.get(s.Story, story_id) is None:
            raise DecisionError(f"no story #{story_id}")
        anchor = session.scalar(
            select(s.Document.content_hash).where(s.Document.story_id == story_id, s.Document.id != document.id)
            .order_by(s.Document.id).limit(1)
        )
        if anchor is None:
            raise DecisionError(f"story #{story_id} has no other document")
    decision = Decision(kind=STORY, payload={"document": document.content_hash, "with": anchor}, note=note)
    session.add(decision)
    session.flush()
    move(session, document, story_id)
    return decision


def replay(session: Session) -> None:
    """Re-apply every stored decision, oldest first; decisions already in effect change nothing."""
    for decision in session.scalars(select(Decision).order_by(Decision.id)):
        if decision.kind in (NOT_COPY, COPY_OF):
            _replay_copy(session, decision)
        elif decision.kind == STORY:
            _replay_story(session, decision)
        else:
            replay_decision(session, decision)
    session.flush()


def _replay_copy(session: Session, decision: Decision) -> None:
    copy, original = _by_hash(session, decision.payload.get("copy")), _by_hash(session, decision.payload.get("original"))
    if copy is None or original is None:
        return
    root = original.copy_of_id or original.id
    if decision.kind == COPY_OF:
        force_link(session, copy, original, f"copy by user decision #{decision.id}, replayed")
    elif copy.copy_of_id is not None and copy.copy_of_id in (root, original.id):
        unlink(session, copy)


def _replay_story(session: Session, decision: Decision) -> None:
    document = _by_hash(session, decision.payload.get("document"))
    anchor = decision.payload.get("with")
    if document is None:
        return
    if anchor is None:
        alone = session.scalar(select(func.count()).where(s.Document.story_id == document.story_id)) == 1
        if not alone:
            move(session, document, None)
        return
    other = _by_hash(session, anchor)
    if other is not None and other.story_id is not None and other.story_id != document.story_id:
        move(session, document, other.story_id)


def _document(session: Session, document_id: int) -> s.Document:
    document = session.get(s.Document, document_id)
    if document is None:
        raise DecisionError(f"no document #{document_id}")
    return document


def _by_hash(session: Session, content_hash: str | None) -> s.Document | None:
    if not content_hash:
        return None
    return session.scalar(select(s.Document).where(s.Document.content_hash == content_hash))
