"""What the article says an actor is: "X is a Russian paramilitary group", "X, a former officer,",
"Ukrainian presidential adviser X". Each description is a profile fact with its sentence."""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from factfile.extract.nlp import text_of
from factfile.extract.registry import Stage, stages
from factfile.records import Analysis, Fact, Mention, Span

_MAX_WORDS = 16


@stages.register("descriptions")
def make_descriptions() -> Stage:
    def descriptions(doc: Doc, analysis: Analysis) -> None:
        seen: set[tuple[int, str]] = set()
        described: dict[int, list[str]] = defaultdict(list)
        chunks = {chunk.end: chunk for chunk in doc.noun_chunks}  # noun chunks do not overlap: one per end
        for mention in analysis.mentions:
            if mention.chain is None:
                continue
            span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
            if span is None:
                continue
            for start, end in _descriptions_of(span, chunks):
                value = text_of(doc)[start:end]
                if not _describes(doc.char_span(start, end, alignment_mode="expand")):
                    continue
                key = (mention.chain, value.casefold())
                if key in seen or not 1 <= len(value.split()) <= _MAX_WORDS:
                    continue
                seen.add(key)
                described[mention.chain].append(value)
                analysis.facts.append(
                    Fact(
                        subject_chain=mention.chain,
                        predicate="description",
                        value=value,
                        span=Span(start, end, value),
                        sentence=mention.sentence,
                    )
                )

        _mark_products(analysis, described)
        _add_apposed(doc, analysis)

    return descriptions


def _add_apposed(doc: Doc, analysis: Analysis) -> None:
    """"Norway’s nuclear test-ban monitor, the Norwegian Seismic Array", "the chief of the General Staff,
    General Valery Gerasimov,": a definite noun phrase set right before a name in apposition names that
    actor, as a title before a name does; it is kept as a description mention of the name's chain. An
    indefinite one ("a former officer, X") says what kind of actor it is, not which (a fact only)."""
    text = text_of(doc)
    taken = {(m.span.start, m.span.end) for m in analysis.mentions}
    added = []
    for mention in analysis.mentions:
        if mention.chain is None or mention.role != "name":
            continue
        span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        found = _apposed_before(span) if span is not None else None
        if found is None or found in taken:
            continue
        start, end = found
        if any(m.span.start < end and start < m.span.end and not start <= m.span.start < m.span.end <= end for m in analysis.mentions):
            continue  # a name the phrase cuts through
        taken.add(found)
        added.append(Mention(Span(start, end, text[start:end]), mention.label, mention.sentence, chain=mention.chain, role="description"))
    for new in added:
        analysis.add_mention(new)


_LEADING = frozenset({"mark", "punct", "cc", "advmod"})
_MAX_APPOSED = 8  # words: longer phrases are clauses the parser hung on the name ("... that the court said")


def _apposed_before(name: SpacySpan) -> tuple[int, int] | None:
    """The character extent of a definite noun phrase set off by a comma right before `name`, in apposition
    to it ("chief of the General Staff" of "the chief of the General Staff, General Valery Gerasimov"),
    without its article; only an article or a capitalised title stands between the comma and the name."""
    root, head = name.root, name.root.head
    if root.dep_ != "appos" or head.i >= name.start or head.pos_ != "NOUN" or head.ent_type_:
        return None
    tokens = [t for t in head.subtree if t.i < name.start]
    comma = next((t.i for t in reversed(tokens) if t.text == ","), None)
    if comma is None or comma < head.i or any(t.is_alpha and t.lower_ != "the" and not t.is_title for t in name.doc[comma + 1 : name.start]):
        return None
    tokens = [t for t in tokens if t.i < comma]
    while tokens and tokens[0].dep_ in _LEADING:
        tokens.pop(0)
    definite = bool(tokens) and (tokens[0].lower_ == "the" or any(t.tag_ == "POS" or t.dep_ == "poss" for t in tokens))
    if tokens and tokens[0].lower_ == "the":
        tokens.pop(0)
    if not definite or not tokens or len(tokens) > _MAX_APPOSED:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


# What the article calls a thing that is made, sold or fired, not an actor: "a very hot machine",
# "Google's streaming gaming platform", "the drone".
PRODUCT_NOUNS = frozenset({
    "machine", "laptop", "notebook", "computer", "phone", "smartphone", "tablet", "console", "device", "gadget", "chip",
    "processor", "app", "application", "software", "browser", "platform", "game", "car", "vehicle", "model", "camera",
    "headset", "watch", "controller", "drone", "missile", "rifle", "tank", "helicopter", "jet", "aircraft", "product",
})
ACTOR_NOUNS = frozenset({
    "company", "firm", "maker", "giant", "group", "organization", "organisation", "agency", "corporation", "business",
    "startup", "manufacturer", "producer", "developer", "party", "unit", "movement", "government", "ministry", "outlet",
})


def _mark_products(analysis: Analysis, described: dict[int, list[str]]) -> None:
    """A chain the article describes as a product twice or more, and more often than as a company, names no actor."""
    for chain_id, values in described.items():
        chain = analysis.chains[chain_id]
        if chain.not_an_actor is not None or chain.label not in ("ORG", "PERSON", "NORP", "PRODUCT"):
            continue
        heads = [_kind_noun(v) for v in values]
        products = [v for v, h in zip(values, heads, strict=True) if h in PRODUCT_NOUNS]
        if len(products) >= 2 and len(products) > sum(h in ACTOR_NOUNS for h in heads):  # one may be a misparse ("NASA ... rover")
            chain.not_an_actor = ("a product: the article calls it " + ", ".join(f"“{v}”" for v in products))[:200]


def _kind_noun(description: str) -> str | None:
    """The last word of a description that says what kind of thing it is ("device" in "cloud gaming device that never")."""
    for word in reversed(re.findall(r"[^\W\d_]+", description.lower())):
        for form in (word, word.removesuffix("s")):
            if form in PRODUCT_NOUNS or form in ACTOR_NOUNS:
                return form
    return None


def _describes(phrase: SpacySpan | None) -> bool:
    """A description names a kind of thing: it has a common noun that is not part of a name."""
    return phrase is not None and any(t.pos_ == "NOUN" and t.is_alpha and not t.ent_type_ for t in phrase)


def _descriptions_of(name: SpacySpan, chunks: dict[int, SpacySpan]) -> list[tuple[int, int]]:
    root = name.root
    found = []
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ == "be":
        found += [_phrase(child) for child in root.head.children if child.dep_ == "attr"]
    found += [_phrase(child) for child in root.children if child.dep_ == "appos" and child.i >= name.end]
    if root.dep_ == "appos" and root.head.i < name.start and root.head.pos_ == "NOUN":
        found.append(_phrase(root.head, stop=name.start))
    found += _title_before(name, chunks)
    return [(s, e) for s, e in found if e > s]


def _phrase(head: Token, stop: int | None = None) -> tuple[int, int]:
    """Character extent of the phrase headed by `head`, without a leading article or a clause."""
    tokens = [t for t in head.subtree if stop is None or t.i < stop]
    tokens = [t for t in tokens if not (t.dep_ in ("relcl", "punct", "cc", "conj") and t.i > head.i)]
    cut = [t.i for t in head.subtree if t.i > head.i and t.dep_ in ("relcl", "punct", "cc") and (stop is None or t.i < stop)]
    if cut:
        tokens = [t for t in tokens if t.i < min(cut)]
    tokens = [t for t in tokens if not (t.dep_ == "det" and t.i == tokens[0].i)]
    if not tokens:
        return (0, 0)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _title_before(name: SpacySpan, chunks: dict[int, SpacySpan]) -> list[tuple[int, int]]:
    """"Ukrainian presidential adviser" in "Ukrainian presidential adviser Oleksiy Arestovych"."""
    chunk = chunks.get(name.end)
    if chunk is not None and chunk.start < name.start:
        words = [t for t in chunk if t.i < name.start and t.dep_ not in ("det", "poss", "case", "punct")]
        if any(t.ent_type_ in ("", "NORP") and t.pos_ in ("NOUN", "PROPN") and t.ent_type_ == "" for t in words):
            return [(words[0].idx, words[-1].idx + len(words[-1]))]
    return []
