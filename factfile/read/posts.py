"""Telegram posts: a post with its thread (the message it answers and the answers to it) and its forward,
and the stored posts that articles' statements report."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from factfile.read import records as m
from factfile.store import schema as s
from factfile.store.schema import as_utc

SNIPPET = 200


def _ref(document: s.Document, post: s.Post) -> dict:
    return dict(
        document_id=document.id, channel=post.channel, message_id=post.message_id, url=document.url,
        posted_at=as_utc(post.posted_at), text=document.text[:SNIPPET],
    )


def post_of(session: Session, document_id: int) -> m.PostOut | None:
    """The post a document is, with its thread and its original; None when the document is no post."""
    row = session.execute(
        select(s.Document, s.Post).join(s.Post, s.Post.document_id == s.Document.id).where(s.Document.id == document_id)
    ).first()
    if row is None:
        return None
    document, post = row
    answered = None
    if post.reply_to_message_id is not None:
        answered = session.scalar(
            select(s.Post.document_id).where(s.Post.channel_key == post.channel_key, s.Post.message_id == post.reply_to_message_id)
        )
    replies = session.execute(
        select(s.Document, s.Post).join(s.Post, s.Post.document_id == s.Document.id)
        .where(s.Post.channel_key == post.channel_key, s.Post.reply_to_message_id == post.message_id)
        .order_by(s.Post.message_id)
    ).all() if post.message_id is not None else []
    quoted_by = list(session.scalars(select(s.PostQuote.statement_id).where(s.PostQuote.post_document_id == document_id).order_by(s.PostQuote.statement_id)))
    forwarded = post.forwarded_from is not None or post.forwarded_from_key is not None
    return m.PostOut(
        **_ref(document, post), channel_key=post.channel_key, media=post.media, links=post.links or [],
        reply_to_message_id=post.reply_to_message_id, reply_to_document_id=answered,
        replies=[m.PostRef(**_ref(d, p)) for d, p in replies], forwarded_from=post.forwarded_from,
        original_document_id=document.copy_of_id if forwarded else None, quoted_by=quoted_by,
    )


def quoted_posts(session: Session, statement_ids: Iterable[int]) -> dict[int, list[m.QuotedPost]]:
    """statement id -> the stored posts it reports (statements that report none are left out)."""
    ids = set(statement_ids)
    if not ids:
        return {}
    found: dict[int, list[m.QuotedPost]] = defaultdict(list)
    rows = session.execute(
        select(s.PostQuote, s.Document, s.Post)
        .join(s.Document, s.Document.id == s.PostQuote.post_document_id)
        .join(s.Post, s.Post.document_id == s.Document.id)
        .where(s.PostQuote.statement_id.in_(ids))
        .order_by(s.PostQuote.statement_id, s.PostQuote.id)
    )
    for quote, document, post in rows:
        found[quote.statement_id].append(m.QuotedPost(**_ref(document, post), reason=quote.reason))
    return dict(found)
