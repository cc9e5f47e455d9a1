"""Turn one raw item into an `Article`: main text, metadata, declared source, language, hash."""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from datetime import date, datetime
from html import escape
from urllib.parse import urlsplit

import trafilatura
from lxml import etree
from trafilatura.settings import Document

from factfile.config import DEFAULT_LIMITS, Limits
from factfile.errors import IngestError
from factfile.ingest.boilerplate import split_plain_text
from factfile.ingest.decode import decode, repair
from factfile.ingest.language import detect_language
from factfile.ingest.provenance import declared_source
from factfile.records import Article, RawItem

# Han, Hiragana, Katakana, Hangul, Thai, Lao, Khmer, Myanmar: written without spaces between words.
_UNSPACED_SCRIPTS = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def to_article(item: RawItem, limits: Limits = DEFAULT_LIMITS) -> Article:
    """Extract the article in `item`; raise IngestError naming the item when there is none."""
    warnings = list(item.warnings)
    payload = item.payload
    if isinstance(payload, bytes):
        payload, decode_warnings = decode(payload, item.origin, item.encoding)
        warnings += decode_warnings
    hints = item.hints
    if hints.post is not None:
        return _post_article(item, payload, warnings, limits)
    if item.kind == "html":
        text, page = _from_html(payload, hints.url)
        title, author, published, site, url = page.title, page.author, page.date, page.sitename, page.url
        credited_in = text
    else:
        plain = split_plain_text(payload)
        text, title, author, published, site, url = plain.body, plain.title, plain.byline, None, None, None
        credited_in = payload  # the credit line usually sits in the trailer that was cut
    text = _normalise_space(repair(text, warnings))
    if len(text) < limits.min_text_chars and item.kind == "html" and _too_deep(payload):
        raise IngestError(item.origin, f"HTML is nested more than {MAX_HTML_DEPTH} elements deep; the parser stops there")
    if len(text) < limits.min_text_chars:
        raise IngestError(item.origin, "no article text found" if not text else f"article text too short ({len(text)} characters)")
    if not _readable(text):
        raise IngestError(item.origin, "no readable text: it does not consist of words (wrong encoding or not text)")
    if len(text) > limits.max_text_chars:
        raise IngestError(item.origin, f"article text has {len(text):,} characters, over the {limits.max_text_chars:,} limit")
    url = web_url(hints.url, warnings) or web_url(url, warnings)
    return Article(
        origin=item.origin,
        text=text,
        content_hash=content_hash(text),
        title=_clean_title(hints.title or title),
        url=url,
        author=hints.author or author,
        published=parse_date(hints.published) or parse_date(published),
        site=hints.site or site,
        domain=domain_of(url),
        language=detect_language(text),
        declared_source=hints.source or declared_source(credited_in),
        warnings=warnings,
    )


def _post_article(item: RawItem, text: str, warnings: list[str], limits: Limits) -> Article:
    """A Telegram post as it is: no page to extract from, no headline or trailer to cut, and no minimum
    length (a short post is still a claim). Its identity is its channel and message with its text, so a
    forward, whose text is its original's, is a document of its own, and re-reading an export is idempotent."""
    post = item.hints.post
    text = _normalise_space(repair(text, warnings))
    if not text:
        raise IngestError(item.origin, "post has no text")
    if len(text) > limits.max_text_chars:
        raise IngestError(item.origin, f"post text has {len(text):,} characters, over the {limits.max_text_chars:,} limit")
    url = web_url(item.hints.url, warnings)
    post = dataclasses.replace(post, text_hash=content_hash(text))
    return Article(
        origin=item.origin,
        text=text,
        content_hash=content_hash(f"{post.channel_key}/{post.message_id}\n{text}"),
        title=_clean_title(item.hints.title),
        url=url,
        author=item.hints.author,
        published=parse_date(item.hints.published),
        site=item.hints.site,
        domain=domain_of(url),
        language=detect_language(text),
        declared_source=None,
        warnings=warnings,
        post=post,
    )


def _from_html(html: str, url: str | None) -> tuple[str, Document]:
    """trafilatura's main text and metadata; its precision mode suits news pages best.

    The date comes from the page's markup (meta tags, URL, time elements), never guessed from dates
    mentioned in the text: a guessed date ("in 2011 ...") would make a copy look older than its original.
    """
    dates = {"original_date": True, "extensive_search": False, "max_date": date.today().isoformat()}
    html = as_document(html)
    try:
        page = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, favor_precision=True, include_comments=False, deduplicate=False,
            date_extraction_params=dates,
        )
    except (ValueError, TypeError, RecursionError):
        page = None
    if page is None or not (page.text or "").strip():
        fallback = trafilatura.html2txt(html) or ""
        page = page or Document()
        page.text = fallback
    return page.text or "", page


_DOCUMENT_TAG = re.compile(r"<(?:html|body|head)\b", re.I)
_ANY_TAG = re.compile(r"</?[a-zA-Z][^>]*>|<!--")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def as_document(html: str) -> str:
    """A whole HTML page for trafilatura, which finds no article in a bare fragment ("<p>…</p>", a JSONL
    `html` field) or in plain text (an RSS description without markup): wrap either in a body."""
    if _DOCUMENT_TAG.search(html[:10_000]):
        return html
    if not _ANY_TAG.search(html):
        paragraphs = (p.strip() for p in _PARAGRAPH_BREAK.split(html))
        html = "".join(f"<p>{escape(p, quote=False)}</p>" for p in paragraphs if p)
    return f"<html><body>{html}</body></html>"


MAX_HTML_DEPTH = 255  # libxml2 stops building the tree below this depth (it has no such limit in huge mode)


def _too_deep(html: str) -> bool:
    """Whether libxml2 gave up on the page for nesting too deep, the usual cause of 'no text' on odd pages."""
    parser = etree.HTMLParser()
    try:
        etree.fromstring(html, parser)
    except (etree.ParserError, ValueError):
        return False
    return any("Excessive depth" in entry.message for entry in parser.error_log)


def _readable(text: str) -> bool:
    """Prose is mostly letters, in words of ordinary length (scripts written without spaces aside)."""
    sample = text[:20_000]
    words = sample.split()
    if not words or sum(map(str.isalpha, sample)) / len(sample) < 0.2:
        return False
    unspaced = len(_UNSPACED_SCRIPTS.findall(sample))
    return len(sample) / len(words) <= 40 or unspaced / len(sample) > 0.3


def content_hash(text: str) -> str:
    """Identity of an article's content: same words in the same order, whatever the whitespace."""
    canonical = " ".join(unicodedata.normalize("NFC", text).casefold().split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


_WEB_SCHEMES = ("http", "https")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):(?!\d)")  # "javascript:", "mailto:"; not "host:8080"


def web_url(url: str | None, warnings: list[str]) -> str | None:
    """`url` when it is a web address (http, https, or a bare "host/path"); another scheme (javascript:,
    data:, file:, mailto:) names no page and no outlet: dropped, with a warning."""
    if not url or not url.strip():
        return None
    url = url.strip()
    if not url.isprintable() or any(c.isspace() for c in url):
        warnings.append(f"ignored the URL {url[:80]!r}: it holds spaces or control characters")
        return None
    scheme = _SCHEME.match(url)
    if scheme and scheme.group(1).lower() not in _WEB_SCHEMES:
        warnings.append(f"ignored a {scheme.group(1).lower()}: URL, which is not a web address")
        return None
    if scheme and not urlsplit(url).hostname:
        warnings.append(f"ignored the URL {url[:80]!r}: it names no host")
        return None
    return url


def domain_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


# Languages tried for free-text dates. Without a list, dateparser loads every one of its ~200 locales
# on the first string it cannot place (fuzzing found "+": 50 s on a busy machine, 7 s with this list).
DATE_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "pl", "tr", "ar")


def parse_date(value: str | date | None) -> date | None:
    """A publication date from ISO strings, RFC 822 (feeds) or free text; None when unknown."""
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    import dateparser  # slow to import; only free-text dates need it

    parsed = dateparser.parse(
        value, languages=list(DATE_LANGUAGES), settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    )
    return parsed.date() if parsed else None


def _normalise_space(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def _clean_title(title: str | None) -> str | None:
    return " ".join(title.split()) if title else None
