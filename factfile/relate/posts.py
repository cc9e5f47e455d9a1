"""Telegram posts among the documents: forwards are copies of the post they forward, and an article's
statement that reports a stored post ("the Legion posted on Telegram that ...") links to it.

A forward's original is the stored post of the channel it comes from with the same text. When that
post is not stored, the forwards of one post share a stand-in document for it (origin "forward:",
no URL, no text), as carriers of a wire story share one (relate/copies.py): the original counts once as
a source, however many channels forward it, and the post itself takes the stand-in's place when it is
ingested later.

A statement reports a post when its source is the post's channel (the source's name, its actor's name
or aliases, against the channel's name, in any script) or its sentence names the channel, the post
was published within `DAYS_BEFORE` days before the article, and the statement's content says what the
post says: the same claim as one of the post's own statements (relate/claims.py), or most of the
content's words in the post's text. Either may come first: a post stored after the articles that report
it is linked to their statements whose source actor goes by (a part of) the channel's name.
"""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta
from itertools import combinations

from rapidfuzz import fuzz
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from factfile.extract.names import content_words, latin_key, signature
from factfile.records import Analysis
from factfile.relate import Linking, claim_vectors, claims, relaters
from factfile.relate.copies import drop_stand_in, force_link, root_original
from factfile.relate.embedding import from_bytes
from factfile.relate.fingerprints import stop_words
from factfile.store import schema as s
from factfile.store.writer import channel_outlet_id

FORWARD = "forward:"  # origin prefix of the stand-in for a forwarded post whose original is not stored
DAYS_BEFORE = 7  # an article reports posts of the week before it
DAYS_AFTER = 1  # time zones and late dates: a post may carry the day after the article's date
WORD_SHARE = 0.6  # share of a content's words (four letters or more, transliterated) found in the post
MIN_SHARED = 2
NAME_LIKENESS = 85  # rapidfuzz ratio of two transliterated names taken as one name


def source_key(post: s.Post) -> str:
    """The channel a forward comes from: its id when the export gives it, else its name."""
    return post.forwarded_from_key or f"telegram:name:{(post.forwarded_from or '').casefold()}"


def _stand_in_hash(channel_key: str, text_hash: str) -> str:
    return hashlib.sha256(f"{FORWARD}{channel_key}:{text_hash}".encode()).hexdigest()


def is_forward_stand_in(document: s.Document) -> bool:
    return document.origin.startswith(FORWARD) and document.url is None and not document.text


def trace_forward(session: Session, document: s.Document, post: s.Post) -> None:
    """Make a forwarded post a copy of its original: the stored post, else the stand-in for it."""
    original = session.scalar(
        select(s.Document)
        .join(s.Post, s.Post.document_id == s.Document.id)
        .where(s.Post.text_hash == post.text_hash, s.Post.message_id.is_not(None), s.Post.forwarded_from.is_(None),
               _channel_is(post), s.Document.id != document.id)
        .order_by(s.Post.posted_at, s.Document.id)
    )
    if original is None:
        original = _stand_in(session, document, post)
        reason = f"forward of a post of {post.forwarded_from or post.forwarded_from_key} (the post itself is not stored)"
    else:
        reason = f"forward of {post.forwarded_from or 'its'} post"
    force_link(session, document, root_original(session, original), reason)


def _channel_is(post: s.Post):
    """SQL: a stored post is of the channel this forward comes from (by id, else by name)."""
    if post.forwarded_from_key:
        return s.Post.channel_key == post.forwarded_from_key
    return func.lower(s.Post.channel) == (post.forwarded_from or "").lower()


def _stand_in(session: Session, carrier: s.Document, post: s.Post) -> s.Document:
    key = source_key(post)
    digest = _stand_in_hash(key, post.text_hash)
    found = session.scalar(select(s.Document).where(s.Document.content_hash == digest))
    if found is not None:
        return found
    name = post.forwarded_from or key
    document = s.Document(
        content_hash=digest, origin=f"{FORWARD}{key}", url=None, title=carrier.title, published=carrier.published,
        site=name, outlet_id=channel_outlet_id(session, key, name), language=carrier.language, text="",
        copy_reason=f"stands in for the post of {name} that was forwarded (the post itself is not stored)",
    )
    session.add(document)
    session.flush()
    session.add(s.Post(document_id=document.id, channel_key=key, channel=name[:255], message_id=None,
                       posted_at=post.posted_at, text_hash=post.text_hash))
    session.flush()
    return document


def replace_stand_in(session: Session, document: s.Document, post: s.Post) -> None:
    """When a post arrives that was forwarded before, it takes its stand-in's place as the forwards' original."""
    keys = [post.channel_key, f"telegram:name:{post.channel.casefold()}"]
    for digest in (_stand_in_hash(key, post.text_hash) for key in keys):
        stand_in = session.scalar(select(s.Document).where(s.Document.content_hash == digest))
        if stand_in is None or not is_forward_stand_in(stand_in):
            continue
        session.execute(
            update(s.Document).where(s.Document.copy_of_id == stand_in.id)
            .values(copy_of_id=document.id, copy_reason=f"forward of {post.channel}'s post")
        )
        session.execute(delete(s.Post).where(s.Post.document_id == stand_in.id))
        drop_stand_in(session, stand_in)


def link_quotes(session: Session, analysis: Analysis, document: s.Document, statement_ids: list[int]) -> None:
    """Link each statement of an article that reports a stored post to that post."""
    if document.id is None or not statement_ids:
        return
    channels = _channels(session)
    if not channels:
        return
    vectors = analysis.prepared.get("claims") or []
    text = document.text
    for index, (statement, statement_id) in enumerate(zip(analysis.statements, statement_ids, strict=True)):
        if statement.source is None:
            continue
        sentence = analysis.sentence_of((statement.cue or statement.content).start).text
        names = _source_names(session, analysis, statement, statement_id)
        matched = {key: why for key, channel in channels.items() if (why := _names_channel(names, channel, sentence or text))}
        if not matched:
            continue
        stored = vectors[index] if index < len(vectors) else None  # None: a statement the model does not read (not English)
        vector = from_bytes(stored) if stored is not None else None
        best = _reported_post(session, statement.content.text, sentence, vector, list(matched), document)
        if best is not None:
            post_id, how = best
            channel_key = session.scalar(select(s.Post.channel_key).where(s.Post.document_id == post_id))
            session.add(s.PostQuote(statement_id=statement_id, post_document_id=post_id, reason=f"{matched[channel_key]}; {how}"))
    session.flush()


def _channels(session: Session) -> dict[str, str]:
    """Every Telegram channel among the outlets (a short table): key -> name."""
    rows = session.execute(select(s.Outlet.key, s.Outlet.name).where(s.Outlet.key.startswith("telegram:"), s.Outlet.domain == "t.me"))
    return {key: name or key for key, name in rows}


def _source_names(session: Session, analysis: Analysis, statement, statement_id: int) -> list[str]:
    """What the statement's source is called: its words in the article, its actor's name and aliases."""
    names = [statement.source.text]
    actor_id = session.scalar(select(s.Statement.source_actor_id).where(s.Statement.id == statement_id))
    if actor_id is not None:
        names += list(session.scalars(select(s.Alias.name).where(s.Alias.actor_id == actor_id)))
        names += list(session.scalars(select(s.Actor.name).where(s.Actor.id == actor_id)))
    if statement.source_chain is not None and 0 <= statement.source_chain < len(analysis.chains):
        chain = analysis.chains[statement.source_chain]
        names += [chain.name, *chain.aliases]
    return [n for n in dict.fromkeys(names) if n and n.strip()]


_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "his", "her", "its", "their"})


def _names_channel(names: list[str], channel: str, sentence: str) -> str:
    """Why the source (or the sentence) names the channel, or "": all the words of one name are the
    channel's, or all the channel's words are in the sentence."""
    channel_words = set(content_words(channel))
    if not channel_words:
        return ""
    for name in names:
        words = set(content_words(name)) - _PRONOUNS
        if words and (words <= channel_words or channel_words <= words):
            return f"the source {name!r} is the channel {channel!r}"
    if channel_words <= set(latin_key(sentence).split()):
        return f"the sentence names the channel {channel!r}"
    return ""


def _reported_post(
    session: Session, content: str, sentence: str, vector, channel_keys: list[str], article: s.Document
) -> tuple[int, str] | None:
    """The stored post of these channels the content reports, with how it was matched, or None."""
    query = (
        select(s.Document.id, s.Document.text, s.Post.channel)
        .join(s.Post, s.Post.document_id == s.Document.id)
        .where(s.Post.channel_key.in_(channel_keys), s.Post.message_id.is_not(None), s.Document.id != article.id)
    )
    if article.published is not None:
        query = query.where(
            s.Document.published >= article.published - timedelta(days=DAYS_BEFORE),
            s.Document.published <= article.published + timedelta(days=DAYS_AFTER),
        )
    posts = session.execute(query.order_by(s.Document.published.desc(), s.Document.id.desc()).limit(500)).all()
    best: tuple[float, int, str] | None = None
    for post_id, text, channel in posts:
        found = shared_words(content, text) or shared_names(sentence, text, channel)
        if found is not None and (best is None or found[0] > best[0]):
            best = (found[0], post_id, found[1])
    if best is not None:
        return best[1], best[2]
    if vector is None or not posts:
        return None
    for post_id, post_content, post_vector in _claims_of(session, [post_id for post_id, *_ in posts]):
        if same_claim_as(content, vector, post_content, post_vector):
            return post_id, f"the same claim as the post's {post_content[:80]!r}"
    return None


def shared_words(content: str, post_text: str) -> tuple[float, str] | None:
    """(share, how) when most of the content's words are in the post's text, else None."""
    wanted = _words(content)
    shared = wanted & _words(post_text)
    share = len(shared) / len(wanted) if wanted else 0.0
    if wanted and len(shared) >= min(MIN_SHARED, len(wanted)) and share >= WORD_SHARE:
        return share, f"{len(shared)} of the content's {len(wanted)} words are in the post"
    return None


def shared_names(sentence: str, post_text: str, channel: str) -> tuple[float, str] | None:
    """(share, how) when the sentence says the report is a Telegram post ("posted on its Telegram channel")
    and names, after its first word, at least `MIN_SHARED` of the post's names other than the channel's
    own: places, people, units, spelled alike ("Konzinka" / "Kozinka", the first a misspelling in a real
    report)."""
    if not _TELEGRAM_WORDS & {word[:8] for word in latin_key(sentence).split()}:
        return None
    own = content_words(channel)

    def named(text: str) -> set[str]:
        return {name for name in _names(text) if not any(fuzz.ratio(name, word) >= NAME_LIKENESS for word in own)}

    wanted, theirs = named(sentence), named(post_text)
    shared = {name for name in wanted if any(fuzz.ratio(name, other) >= NAME_LIKENESS for other in theirs)}
    if len(shared) >= MIN_SHARED:
        return len(shared) / len(wanted), f"the sentence reports a Telegram post and names {', '.join(sorted(shared))} as the post does"
    return None


_TELEGRAM_WORDS = frozenset({"telegram", "telegra", "channel", "kanal", "kanale", "kanali", "telegramm"})
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZА-ЯЁІЇЄҐ][\w'’-]{3,}", re.M)


def _names(text: str) -> set[str]:
    """Capitalised words of four letters or more but the first of a sentence and stop words, transliterated."""
    stop = stop_words("en")
    found = {latin_key(word) for word in _CAPITALISED.findall(text)}
    return {word for word in found if word and word not in stop and word not in _TELEGRAM_WORDS}


def _claims_of(session: Session, document_ids: list[int]) -> list[tuple[int, str, object]]:
    """(document id, content, vector) of the statements of these documents that have a vector."""
    rows = session.execute(select(s.Statement.id, s.Statement.document_id, s.Statement.content_text).where(s.Statement.document_id.in_(document_ids))).all()
    stored = claims.vectors_of(session, [row[0] for row in rows])
    return [(document_id, content, stored[i]) for i, document_id, content in rows if i in stored]


def same_claim_as(content: str, vector, other: str, other_vector) -> bool:
    return vector is not None and other_vector is not None and claims.same_claim(content, other, vector, other_vector)


def link_reports(session: Session, document: s.Document, post: s.Post) -> None:
    """When a post arrives after the articles that report it: link their statements whose source is an
    actor named as the channel (by one of its aliases), or whose source's words name the channel where
    no actor was found for it, and whose content says what the post says."""
    words = content_words(post.channel)[:6]
    keys = {signature(" ".join(c)) for size in range(1, len(words) + 1) for c in combinations(words, size)}
    actors = select(s.Alias.actor_id).where(s.Alias.signature.in_(keys))
    query = (
        select(s.Statement.id, s.Statement.content_text, s.Document.text, func.coalesce(s.Statement.cue_start, s.Statement.content_start))
        .join(s.Document, s.Document.id == s.Statement.document_id)
        .where(s.Statement.source_actor_id.in_(actors)
               | (s.Statement.source_actor_id.is_(None) & func.lower(s.Statement.source_text).contains(post.channel.lower(), autoescape=True)),
               s.Document.id != document.id,
               ~select(s.Post.document_id).where(s.Post.document_id == s.Document.id).exists())
    )
    if document.published is not None:  # an article without a date may report it, as in the other direction
        query = query.where(s.Document.published.is_(None) | s.Document.published.between(
            document.published - timedelta(days=DAYS_AFTER), document.published + timedelta(days=DAYS_BEFORE)
        ))
    candidates = session.execute(query.limit(2000)).all()
    if not candidates:
        return
    vectors = claim_vectors.vectors_for(session, [i for i, *_ in candidates])
    own = [(content, vector) for _, content, vector in _claims_of(session, [document.id])]
    for statement_id, content, text, at in candidates:
        found = shared_words(content, document.text) or shared_names(_sentence_at(text, at), document.text, post.channel)
        how = found[1] if found else next(
            (f"the same claim as the post's {other[:80]!r}" for other, v in own if same_claim_as(content, vectors.get(statement_id), other, v)), None
        )
        if how is not None:
            session.add(s.PostQuote(statement_id=statement_id, post_document_id=document.id,
                                    reason=f"the source's actor is named as the channel {post.channel!r}; {how}"))
    session.flush()


def _sentence_at(text: str, at: int) -> str:
    """The sentence of a stored text around offset `at` (a statement's cue)."""
    start = max(text.rfind(mark, 0, at) for mark in (". ", "! ", "? ", "\n")) + 1
    ends = [i for i in (text.find(mark, at) for mark in (". ", "! ", "? ", "\n")) if i >= 0]
    return text[start : min(ends, default=len(text)) + 1].strip()


def _words(text: str) -> set[str]:
    """Words of four letters or more but stop words, transliterated and cut to five letters (inflections
    of one word meet)."""
    stop = stop_words("en")
    return {word[:5] for word in latin_key(text).split() if len(word) >= 4 and not word.isdigit() and word not in stop}


@relaters.register("posts")
def make_post_linker():
    def relate(linking: Linking) -> None:
        session, document = linking.session, linking.document
        post = session.get(s.Post, document.id)
        if post is not None:
            if post.forwarded_from or post.forwarded_from_key:
                trace_forward(session, document, post)
            else:
                replace_stand_in(session, document, post)
                linking.after_records.append(lambda _: link_reports(session, document, post))
            return
        linking.after_records.append(lambda statement_ids: link_quotes(session, linking.analysis, document, statement_ids))

    return relate
