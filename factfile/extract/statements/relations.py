"""Group tagged spans into attributions: each cue gets the sources and contents that belong to it.

A span belongs to the cue it hangs from in the dependency tree ("X said that ...": X and the clause
both depend on "said"); failing that, to the nearest cue in its sentence; failing that, to a cue in
a neighbouring sentence (a quote running on after "he said.", or a quote followed by "he added.").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from factfile.extract.statements.tagger import TaggedSpan

_NEIGHBOURS = {"content": (-1, 1, -2), "source": (-1, 1)}


@dataclass(slots=True)
class Attribution:
    """One attribution in token spans: a cue, its sources and its content fragments."""

    cue: TaggedSpan
    sources: list[TaggedSpan] = field(default_factory=list)
    contents: list[TaggedSpan] = field(default_factory=list)
    parent: int | None = None  # index of the attribution whose content holds this one


def group(doc: Doc, spans: list[TaggedSpan]) -> list[Attribution]:
    """One attribution per tagged cue, with the spans that belong to it; some may have no content."""
    cues = [s for s in spans if s.role == "cue"]
    if not cues:
        return []
    sentence_of = _sentence_ids(doc)
    cue_of_token = {i: k for k, cue in enumerate(cues) for i in range(cue.start, cue.end)}
    attributions = [Attribution(cue=cue) for cue in cues]
    for span in spans:
        if span.role == "cue":
            continue
        k = _governing_cue(doc, span, cue_of_token)
        if k is None:
            k = _nearest_cue(span, cues, sentence_of, _NEIGHBOURS[span.role])
        if k is not None:
            target = attributions[k].sources if span.role == "source" else attributions[k].contents
            target.append(span)
    return attributions


def _sentence_ids(doc: Doc) -> list[int]:
    ids = [0] * len(doc)
    for number, sentence in enumerate(doc.sents):
        for i in range(sentence.start, sentence.end):
            ids[i] = number
    return ids


def _governing_cue(doc: Doc, span: TaggedSpan, cue_of_token: dict[int, int]) -> int | None:
    """The cue reached by walking up the dependency tree from the span's root."""
    inside = range(span.start, span.end)
    roots = [doc[i] for i in inside if doc[i].head.i not in inside or doc[i].head.i == i]
    for root in roots:
        token = root
        for _ in range(6):
            if token.i in cue_of_token:
                return cue_of_token[token.i]
            if token.head.i == token.i:
                break
            token = token.head
    return None


def _nearest_cue(span: TaggedSpan, cues: list[TaggedSpan], sentence_of: list[int], neighbours: tuple[int, ...]) -> int | None:
    here = sentence_of[span.start]
    for offset in (0, *neighbours):
        candidates = [k for k, cue in enumerate(cues) if sentence_of[cue.start] == here + offset]
        if candidates:
            return min(candidates, key=lambda k: min(abs(cues[k].start - span.end), abs(span.start - cues[k].end)))
    return None


NESTING_VERBS = frozenset(
    {"say", "claim", "tell", "report", "believe", "deny", "allege", "insist", "warn", "state", "announce", "write",
     "argue", "suggest", "accuse", "add", "think", "confirm", "declare", "admit", "assert"}
)


def nested(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """Attributions inside another's content ("X said that Y claimed Z"), found from the parse.

    The tagger labels each token once, so an inner attribution is read off the dependency tree:
    a reporting verb inside the content with its own subject and clausal complement.
    """
    found: list[Attribution] = []
    for index, outer in enumerate(attributions):
        start, end = min(c.start for c in outer.contents), max(c.end for c in outer.contents)
        inside = range(start, end)  # the whole stretch: the tagger may leave an inner cue untagged
        for token in doc[start:end]:
            if token.pos_ != "VERB" or token.lemma_.lower() not in NESTING_VERBS:
                continue
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in inside]
            clauses = [c for c in token.children if c.dep_ == "ccomp" and c.i in inside]
            if not subjects or not clauses:
                continue
            subject, clause = subjects[0], clauses[0]
            sub_tokens = [t.i for t in subject.subtree]
            clause_tokens = [t.i for t in clause.subtree if not (t.dep_ == "mark" and t.head == clause)]
            if not clause_tokens:
                continue
            found.append(
                Attribution(
                    cue=TaggedSpan("cue", token.i, token.i + 1),
                    sources=[TaggedSpan("source", min(sub_tokens), max(sub_tokens) + 1)],
                    contents=[TaggedSpan("content", min(clause_tokens), max(clause_tokens) + 1)],
                    parent=index,
                )
            )
    return found
