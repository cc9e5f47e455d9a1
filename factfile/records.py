"""The records that flow between pipeline stages.

ingest/ produces `RawItem`s (or `Rejection`s) and turns each into an `Article`; extract/ reads an
`Article` and fills an `Analysis`; relate/ and store/ consume the `Analysis`. Every extracted record
carries character offsets into `Article.text`, the exact text that is stored, so that any fact can be
shown with its evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any, Literal

InputKind = Literal["html", "text"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the stored article text: `text == article.text[start:end]`."""

    start: int
    end: int
    text: str

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(slots=True)
class Post:
    """A message of a Telegram channel or chat, as a Telegram Desktop export gives it.

    `channel_key` names the channel whatever its name becomes ("telegram:1234567890", by its id);
    a forward keeps where it comes from, which is how it is traced to its original post."""

    channel: str
    channel_key: str
    message_id: int
    posted_at: datetime | None = None  # UTC, from the export's unix time
    username: str | None = None
    reply_to: int | None = None  # message id in the same channel
    forwarded_from: str | None = None  # the original channel's (or person's) name
    forwarded_from_key: str | None = None  # its `channel_key`, when the export gives its id
    links: list[str] = field(default_factory=list)  # addresses of the text's links (text_link hrefs, bare URLs)
    media: str | None = None  # "photo", "video_file" ...: the text is that media's caption
    text_hash: str = ""  # the content hash of the text alone, which a forward shares with its original


@dataclass(slots=True)
class Hints:
    """Metadata a container format declares about an item (JSONL fields, WARC headers, feed entries).

    Declared values win over what extraction guesses from the page itself.
    """

    url: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    source: str | None = None
    site: str | None = None
    post: Post | None = None


@dataclass(slots=True)
class RawItem:
    """One article as found in an input file, before extraction."""

    origin: str  # file path, plus "#record N" or ":line" inside containers
    kind: InputKind
    payload: bytes | str
    hints: Hints = field(default_factory=Hints)
    encoding: str | None = None  # charset declared by the container (HTTP header, XML prolog)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One entry of a feed `factfile follow` fetched. `key` is its guid, else its link, else a hash of
    its title and body; `fingerprint` changes whenever the publisher changes the entry."""

    key: str
    link: str | None
    title: str | None
    author: str | None
    published: str | None
    body: str | None  # content, else summary (HTML)
    fingerprint: str


@dataclass(slots=True)
class Rejection:
    """An input (or part of one) that could not be ingested, and why."""

    origin: str
    problem: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.problem}"


@dataclass(slots=True)
class Article:
    """Main text and metadata of one news article, boilerplate removed."""

    origin: str
    text: str
    content_hash: str
    title: str | None = None
    url: str | None = None
    author: str | None = None
    published: date | None = None
    site: str | None = None
    domain: str | None = None
    language: str | None = None
    declared_source: str | None = None  # "Watson" in "Source: Watson", "Reuters" in "(Reuters) -"
    warnings: list[str] = field(default_factory=list)
    post: Post | None = None  # set when the article is a Telegram post


@dataclass(slots=True)
class Mention:
    """A named entity mention (or a pronoun / description resolved to one)."""

    span: Span
    label: str  # spaCy label: PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, DATE, CARDINAL ...
    sentence: Span
    chain: int | None = None  # within-document chain: mentions of one actor in this article
    role: Literal["name", "acronym", "pronoun", "description", "nickname"] = "name"


@dataclass(slots=True)
class Chain:
    """All mentions of one actor inside one article, with the names it goes by there."""

    id: int
    name: str  # the most complete name used in the article
    label: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[int] = field(default_factory=list)  # indexes into Analysis.mentions
    alias_evidence: dict[str, Span] = field(default_factory=dict)  # alias -> sentence that states it
    alias_reasons: dict[str, str] = field(default_factory=dict)  # alias -> why it names this actor
    offices: dict[str, str] = field(default_factory=dict)  # office the article gives a person ("Wagner chief") -> its title with the name
    not_an_actor: str | None = None  # why these mentions name no actor ("a nationality adjective"): kept, not linked
    known_only: bool = False  # a name guessed in a script without capitals: joins a stored actor that sounds alike, else none


@dataclass(slots=True)
class Fact:
    """Something the article says an actor is or has: a profile line with its evidence.

    `predicate` names the kind of fact ("description", "founded", "size", "based_in", "leader",
    "designation", "ally", "opponent" ...); `value` is the text of the value.
    """

    subject_chain: int
    predicate: str
    value: str
    span: Span
    sentence: Span
    value_chain: int | None = None
    statement: int | None = None  # index into Analysis.statements when the fact is attributed
    source_chain: int | None = None  # who the sentence says it ("According to UNIAN ...")


Certainty = Literal["asserted", "reported", "hedged", "denied"]
SourceType = Literal["person", "organisation", "official", "outlet", "anonymous", "document", "article"]


@dataclass(slots=True)
class Statement:
    """An attribution: a source says (believes, reports ...) some content, signalled by a cue.

    `source` is None when the article asserts the content itself, without attribution. `certainty` is how sure
    the source sounds; `framing`, the words with which the reporter distances the content ("claimed", "allegedly").
    """

    cue: Span | None
    content: Span
    source: Span | None
    source_type: SourceType
    direct: bool
    certainty: Certainty
    source_chain: int | None = None
    hedges: list[str] = field(default_factory=list)
    parent: int | None = None  # index of the statement this one is nested in ("X said that Y claimed")
    framing: list[str] = field(default_factory=list)  # the reporter's distancing words, apart from the source's certainty (extract/statements/framing.py)


Precision = Literal["day", "month", "year", "range"]


@dataclass(slots=True)
class TimeExpression:
    """A date expression normalised against the article's publication date."""

    span: Span
    start: date | None
    end: date | None
    precision: Precision | None


@dataclass(slots=True, kw_only=True)
class Location:
    """Where a place is (GeoNames), declared once for the extracted place, the stored one and the read
    layer's answers; all None for a name the gazetteer does not resolve."""

    geonames_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    feature_code: str | None = None


LOCATION_FIELDS = tuple(f.name for f in fields(Location))


def location_of(place) -> dict:
    """The `Location` fields of any place-like object (None for each without a place)."""
    return {name: getattr(place, name) if place is not None else None for name in LOCATION_FIELDS}


@dataclass(slots=True, kw_only=True)
class PlaceRef(Location):
    """A place name, resolved against the gazetteer when possible."""

    span: Span
    name: str
    mention: int | None = None  # index into Analysis.mentions


@dataclass(slots=True)
class Quantity:
    """A number and what it counts ("over 100 Russian soldiers")."""

    span: Span
    value: float
    counts: str | None
    sentence: Span
    value_max: float | None = None
    approximate: bool = False
    chain: int | None = None  # actor the number is about
    event: int | None = None
    statement: int | None = None


@dataclass(slots=True)
class Event:
    """Something that happened (ACLED-style type), with who, where, when and who reports it."""

    event_type: str
    sub_type: str | None
    trigger: Span
    sentence: Span
    actor1_chain: int | None = None
    actor2_chain: int | None = None
    place: int | None = None  # index into Analysis.places
    time: int | None = None  # index into Analysis.times
    fatalities: int | None = None
    statement: int | None = None
    certainty: Certainty = "asserted"
    reasons: list[str] = field(default_factory=list)  # the features that decided the type, strongest first
    actor1_name: str | None = None  # as ACLED names the party: "Military Forces of Russia", "Protesters (India)"
    actor2_name: str | None = None


@dataclass(slots=True)
class Analysis:
    """Everything extract/ found in one article."""

    article: Article
    sentences: list[Span] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    chains: list[Chain] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    places: list[PlaceRef] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # What relaters need from this document alone (its story terms, its copy fingerprint), computed by
    # the analysing worker so that the single writer does only the part that needs the store
    # (relate/__init__.py: `prepare`). Not part of the analysis proper: the batch codec leaves it out and
    # a relater computes what is missing.
    prepared: dict[str, Any] = field(default_factory=dict, metadata={"transient": True})

    def add_mention(self, mention: Mention) -> None:
        """Append a mention and list it on its chain (`mention.chain`, which must be set)."""
        self.chains[mention.chain].mentions.append(len(self.mentions))
        self.mentions.append(mention)

    def chain_named(self, name: str, label: str) -> Chain:
        """The chain of this very name and label, added (last) when the article has none: a name a later reader
        finds that the model left untagged ("Rusia" opening a sentence, "Mayor Oleksandr Goncharenko")."""
        chain = next((c for c in self.chains if c.name == name and c.label == label), None)
        if chain is None:
            chain = Chain(id=len(self.chains), name=name, label=label)
            self.chains.append(chain)
        return chain

    def relabel(self, chain: Chain, label: str) -> None:
        """Give a chain and every mention on it another kind (a place read as a body, a person as a place)."""
        chain.label = label
        for i in chain.mentions:
            self.mentions[i].label = label

    def sentence_of(self, start: int) -> Span:
        """The sentence containing character `start` (the whole text when unsplit)."""
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.sentences[mid].end <= start:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self.sentences):
            return self.sentences[lo]
        text = self.article.text
        return Span(0, len(text), text)
