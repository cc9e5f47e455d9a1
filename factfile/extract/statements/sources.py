"""Who a statement's source is: the actor chain it names or refers to, and what kind of source it is.

A source names an actor ("the private Ukrainian news agency UNIAN"), refers back to one ("he",
"the agency", "the spokesman"), or stays unnamed ("sources", "officials"). References are resolved
to the most recent earlier mention of a compatible actor; a description prefers an actor the
article has described with the same noun ("UNIAN ... news agency" ... "the agency").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from factfile.extract.gender import PRONOUNS, Gender, chain_gender
from factfile.records import Analysis, Mention, SourceType

PERSON_PRONOUNS = frozenset({"he", "him", "she", "her"})
GROUP_PRONOUNS = frozenset({"it", "they", "them"})
PERSON_NOUNS = frozenset(
    {
        "spokesman", "spokeswoman", "spokesperson", "president", "minister", "leader", "candidate", "senator",
        "governor", "man", "woman", "founder", "commander", "expert", "adviser", "advisor", "lawyer", "director",
        "chief", "secretary", "ambassador", "general", "officer", "soldier", "mayor", "chairman", "chairwoman",
        "nominee", "congressman", "congresswoman", "representative", "businessman", "analyst", "professor",
        "author", "journalist", "reporter", "billionaire", "actor", "activist", "mother", "father", "wife", "husband",
    }
)
GROUP_NOUNS = frozenset(
    {
        "agency", "ministry", "group", "organisation", "organization", "company", "firm", "service", "newspaper",
        "paper", "outlet", "publication", "portal", "broadcaster", "channel", "unit", "corps", "legion", "campaign",
        "party", "government", "committee", "department", "office", "network", "station", "magazine", "website",
        "daily", "militia", "movement", "council", "court", "army", "administration", "team", "union", "bank",
    }
)
OFFICIAL_TITLES = frozenset(
    {
        "minister", "president", "governor", "senator", "ambassador", "secretary", "mayor", "official", "officials",
        "prosecutor", "attorney", "general", "commander", "spokesman", "spokeswoman", "spokesperson", "congressman",
        "congresswoman", "lawmaker", "lawmakers", "authorities", "police", "ministry", "government", "administration",
    }
)
GOVERNMENT_WORDS = frozenset(
    {
        "ministry", "government", "police", "army", "military", "forces", "kremlin", "fsb", "sbu", "cia", "fbi", "nsa",
        "kgb", "gru", "department", "parliament", "duma", "congress", "senate", "commission", "court", "prosecutor",
        "administration", "pentagon", "embassy", "authorities", "intelligence", "security service", "white house",
        "general staff", "attorney general", "state department", "defense", "defence", "interior", "navy",
    }
)
OUTLET_WORDS = frozenset(
    {
        "times", "post", "news", "radio", "journal", "guardian", "telegraph", "reuters", "associated press", "ap", "afp",
        "bbc", "cnn", "fox", "nbc", "abc", "cbs", "msnbc", "npr", "bloomberg", "politico", "axios", "vice", "meduza",
        "unian", "interfax", "tass", "ria", "kommersant", "metro", "mirror", "express", "independent", "economist",
        "tribune", "herald", "gazette", "daily", "magazine", "channel", "tv", "television", "broadcasting", "liberty",
        "breitbart", "huffington", "huffpost", "newsweek", "spiegel", "monde", "al jazeera", "watson", "bild", "pravda",
        "newspaper", "news agency", "portal", "portals", "broadcaster", "outlet", "outlets", "wire", "yahoo", "telegram channel",
    }
)
DOCUMENT_NOUNS = frozenset(
    {
        "report", "statement", "document", "documents", "letter", "study", "survey", "poll", "polls", "memo", "filing",
        "record", "records", "data", "analysis", "investigation", "book", "tweet", "post", "release", "manifesto",
        "message", "video", "videos", "footage", "complaint", "lawsuit", "indictment", "ruling", "transcript", "email",
        "emails", "assessment", "figures", "research", "review", "audit", "paper", "article", "reports", "website",
    }
)
ANONYMOUS_NOUNS = frozenset(
    {"source", "sources", "person", "people", "insider", "insiders", "someone", "observer", "observers", "witness", "witnesses", "critic", "critics"}
)


@dataclass(frozen=True, slots=True)
class Resolution:
    chain: int | None
    source_type: SourceType


def resolve(doc: Doc, analysis: Analysis, start: int, end: int) -> Resolution:
    """The actor chain a source span refers to (None when unnamed) and the kind of source."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return Resolution(None, "anonymous")
    root = span.root
    mention = _named(analysis, root, start, end)
    if mention is not None:
        chain = analysis.chains[mention.chain] if mention.chain is not None and mention.chain < len(analysis.chains) else None
        name = chain.name if chain else mention.span.text
        label = chain.label if chain else mention.label
        return Resolution(mention.chain, _type_of_named(span.text, name, label))
    lower = root.lower_
    if root.pos_ == "PRON":
        if lower in PERSON_PRONOUNS:
            return Resolution(_antecedent(analysis, start, {"PERSON"}, None, gender=PRONOUNS[lower]), "person")
        if lower in GROUP_PRONOUNS:
            chain = _antecedent(analysis, start, {"ORG", "NORP", "GPE"}, None, sentences=2)
            if chain is not None:
                found = analysis.chains[chain]
                return Resolution(chain, _type_of_named(span.text, found.name, found.label))
        return Resolution(None, "anonymous")
    return _described(analysis, span.text, root, start)


def _named(analysis: Analysis, root: Token, start: int, end: int) -> Mention | None:
    """The actor mention the source is about: the one holding the phrase's head word, else the only one."""
    inside = [m for m in analysis.mentions if start <= m.span.start and m.span.end <= end and m.label in _ACTOR]
    if not inside:
        return None
    holding = [m for m in inside if m.span.start <= root.idx < m.span.end]
    if holding:
        return holding[0]
    if root.pos_ == "PROPN" or root.dep_ == "appos" or any(c.dep_ == "appos" for c in root.children):
        return inside[-1]
    appositive = [  # "the agency UNIAN", "extremism expert Robert Claus"; not "the South command of Ukraine's Armed Forces"
        m for m in inside if m.span.start > root.idx and not _in_modifier(root, m)
    ]
    if appositive and root.lower_ not in DOCUMENT_NOUNS and not any(t.dep_ == "poss" for t in root.children):
        return appositive[0]
    return None


_ACTOR = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})


def _in_modifier(root: Token, mention: Mention) -> bool:
    """Whether the mention hangs from the phrase's head through a preposition or a possessive: it
    qualifies the head ("the command of X", "X's spokesman"), it is not the head's name."""
    span = root.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    while token.i != root.i and token.head.i != token.i:
        if token.dep_ in ("pobj", "prep", "poss", "nmod"):
            return True
        token = token.head
    return False


def _described(analysis: Analysis, text: str, root: Token, start: int) -> Resolution:
    lemma = root.lemma_.lower()
    definite = any(t.lower_ in ("the", "this", "that") for t in root.children if t.dep_ == "det")
    words = text.lower()
    if lemma in ANONYMOUS_NOUNS:
        return Resolution(None, "anonymous")
    if lemma in DOCUMENT_NOUNS:
        return Resolution(None, "document")
    if _has_any(words, OUTLET_WORDS) and lemma in GROUP_NOUNS | {"newspaper", "portal", "outlet"}:
        kind: SourceType = "outlet"
    elif _has_any(words, OFFICIAL_TITLES) or _has_any(words, GOVERNMENT_WORDS):
        kind = "official"
    elif lemma in PERSON_NOUNS:
        kind = "person"
    elif lemma in GROUP_NOUNS:
        kind = "organisation"
    else:
        return Resolution(None, "anonymous")
    if definite and (lemma in PERSON_NOUNS or lemma in GROUP_NOUNS):
        labels = {"PERSON"} if lemma in PERSON_NOUNS else {"ORG", "NORP", "GPE"}
        chain = _antecedent(analysis, start, labels, lemma)
        if chain is not None:
            found = analysis.chains[chain]
            named_kind = _type_of_named(text, found.name, found.label)
            return Resolution(chain, kind if kind == "official" and named_kind == "person" else named_kind)
    return Resolution(None, kind)


def _antecedent(
    analysis: Analysis, before: int, labels: set[str], noun: str | None, sentences: int = 3, gender: Gender | None = None
) -> int | None:
    """The chain of the most recent earlier mention with a fitting label, within a few sentences.

    For a description, a chain the article described with the same noun wins over a nearer one; a
    pronoun skips people the article shows to be of the other gender ("she" is not "Mr. Zelensky").
    """
    window_start = _sentence_start(analysis, before, sentences)
    candidates = [
        m for m in analysis.mentions
        if m.chain is not None and m.span.end <= before and m.chain < len(analysis.chains)
        and analysis.chains[m.chain].label in labels
    ]
    if gender is not None:
        other = {c for c in {m.chain for m in candidates} if chain_gender(analysis, c) not in (None, gender)}
        candidates = [m for m in candidates if m.chain not in other]
    if noun is not None:
        described = {f.subject_chain for f in analysis.facts if f.predicate == "description" and noun in f.value.lower()}
        for m in reversed(candidates):
            if m.chain in described:
                return m.chain
    for m in reversed(candidates):
        if m.span.start >= window_start:
            return m.chain
    return None


def _sentence_start(analysis: Analysis, offset: int, back: int) -> int:
    starts = [s.start for s in analysis.sentences if s.start <= offset]
    return starts[-back - 1] if len(starts) > back else 0


def _has_any(text: str, words: frozenset[str]) -> bool:
    tokens = set(text.replace("/", " ").replace("«", " ").replace("»", " ").replace("“", " ").replace("”", " ").split())
    return any((w in tokens) if " " not in w else (w in text) for w in words)


def _type_of_named(text: str, name: str, label: str) -> SourceType:
    lowered = f"{text} {name}".lower()
    if _has_any(lowered, OUTLET_WORDS) and label != "PERSON":
        return "outlet"
    if label in ("GPE", "NORP") or _has_any(lowered, GOVERNMENT_WORDS):
        return "official"
    if label == "PERSON":
        return "official" if _has_any(text.lower(), OFFICIAL_TITLES) else "person"
    return "organisation"
