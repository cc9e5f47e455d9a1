"""Attribution patterns read off the dependency parse, for what the tagger misses.

The tagger learned from US political news; translated and foreign news word attributions its own
way ("writes the New York Times", "the FSB reported at the time", "X explains: “...”", "X was quoted as saying"). These
patterns are precise, so where one matches it wins over the tagger's guesses on the same words.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from factfile.extract.statements.relations import Attribution
from factfile.extract.statements.tagger import TaggedSpan

SPEECH_VERBS = frozenset(
    {
        "say", "tell", "report", "write", "inform", "state", "explain", "announce", "claim", "add", "describe",
        "declare", "confirm", "deny", "insist", "warn", "stress", "note", "argue", "put", "allege", "assert",
        "admit", "reveal", "recall", "conclude", "estimate", "believe", "suggest", "acknowledge", "publish",
        "post",
    }
)
_SUBJECTS = ("nsubj", "nsubjpass")
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_EDGE_PUNCT = set(",;:—–-")
QUOTE_MARKS = set("“”\"«»„")


def rule_attributions(doc: Doc) -> list[Attribution]:
    """Attributions from the patterns, at most one per token."""
    taken: set[int] = set()
    found: list[Attribution] = []
    for sentence in doc.sents:
        for token in sentence:
            spans = _according_to(token) or _quoted_as_saying(token) or _speech_verb(token) or _speaker_after_quote(token) or _blamed(token)
            if spans and not any(i in taken for s in spans for i in range(s.start, s.end)):
                cue, source, content = spans
                found.append(Attribution(cue=cue, sources=[source], contents=[content]))
                taken.update(i for s in spans for i in range(s.start, s.end))
    return found


def completed(doc: Doc, attribution: Attribution) -> Attribution | None:
    """A tagged cue the tagger gave no content, completed from the parse: the clause the cue
    governs ("X said that Y", "urged Z to W"), or the clause it hangs from ("Y, X said",
    "Y, according to X"); its subject becomes the source if none was tagged. None if neither."""
    cue = attribution.cue
    inside = range(cue.start, cue.end)
    tokens = doc[cue.start : cue.end]
    root = next((t for t in tokens if t.head.i not in inside or t.head is t), tokens[0])
    if root.lower_ == "according":
        spans = _according_to(root)
        if spans and not attribution.sources:
            attribution.sources = [spans[1]]
        return _with_content(attribution, spans[2] if spans else None)
    clauses = [c for t in tokens for c in t.children if c.dep_ in ("ccomp", "xcomp") and c.i not in inside]
    if clauses:
        content = _trimmed(doc, [t.i for t in clauses[0].subtree if t.i not in inside])
    elif root.dep_ in ("conj", "parataxis", "ccomp", "advcl") and root.head.i < root.i:
        exclude = {t.i for t in root.subtree}
        head = root.head
        content = _trimmed(doc, _contiguous([t.i for t in head.subtree if t.i not in exclude], anchor=head.i))
    else:
        return None
    if not attribution.sources:
        subjects = [c for c in root.children if c.dep_ in _SUBJECTS and c.i not in inside]
        source = _trimmed(doc, [t.i for t in subjects[0].subtree]) if subjects else []
        if source:
            attribution.sources = [TaggedSpan("source", source[0], source[-1] + 1)]
    return _with_content(attribution, TaggedSpan("content", content[0], content[-1] + 1) if content else None)


def inherited_source(doc: Doc, attribution: Attribution) -> TaggedSpan | None:
    """The source of an attribution the tagger gave none, read off the parse: the cue verb's subject
    ("what he claims"), the subject of the verb a participle or a second verb hangs from ("Prigozhin
    issued a message saying ...", "Putin called it a betrayal and vowed ..."), or the possessor of a cue
    noun or of the noun a cue participle qualifies ("Mr Prigozhin's claim ...", "Prigozhin's comments
    calling ..."). None when it would take words of the content."""
    cue = attribution.cue
    inside = range(cue.start, cue.end)
    taken = {i for span in attribution.contents for i in range(span.start, span.end)} | set(inside)
    tokens = doc[cue.start : cue.end]
    root = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])
    if root.pos_ == "NOUN":
        owners = [c for c in root.children if c.dep_ == "poss"]
        before = doc[root.i - 1] if root.i > 0 else None
        if not owners and before is not None and before.dep_ == "case" and before.lower_ in POSSESSIVE and before.head.i < before.i:
            owners = [before.head]  # "confirmation of Mr Prigozhin’s claim his forces ...": the parser hangs the owner elsewhere
        candidates = owners[:1]
    else:
        candidates = []
        verb = root
        for _ in range(3):
            subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and c.i not in taken]
            if subjects:
                candidates = subjects[:1]
                break
            if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":  # "Prigozhin's comments calling ..."
                candidates = [c for c in verb.head.children if c.dep_ == "poss"][:1]
                break
            if verb.dep_ not in ("conj", "advcl", "xcomp") or verb.head.i == verb.i or verb.head.pos_ not in ("VERB", "AUX"):
                break
            verb = verb.head
    if not candidates:
        return None
    source = _trimmed(doc, [t.i for t in candidates[0].subtree if not (t.dep_ == "case" and t.head.i == candidates[0].i)])
    if not source or any(i in taken for i in range(source[0], source[-1] + 1)):
        return None
    return TaggedSpan("source", source[0], source[-1] + 1)


def subject_sources(doc: Doc, attributions: list[Attribution]) -> None:
    """Attributions without a source get `inherited_source`'s, in place, before the evaluation
    sees them: on PolNeAR dev the encoder left 181 gold sources of found cues empty, 48 of them
    the cue's own subject, and PolNeAR gives "He said X, adding Y" one source for both cues."""
    for attribution in attributions:
        if not attribution.sources and (source := inherited_source(doc, attribution)) is not None:
            attribution.sources = [source]


def _with_content(attribution: Attribution, content: TaggedSpan | None) -> Attribution | None:
    if content is None:
        return None
    attribution.contents = [content]
    return attribution


def _according_to(token: Token) -> list[TaggedSpan]:
    """"According to X, Y": cue "according to", source X, content the clause it modifies."""
    if token.lower_ != "according":
        return []
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None or to.i != token.i + 1:
        return []
    objects = [c for c in to.children if c.dep_ == "pobj"]
    if not objects:
        return []
    source = _trimmed(token.doc, [t.i for t in objects[0].subtree])
    clause = token.head if token.head is not token else None
    if clause is None or _relayed(clause, objects[0]):
        return []
    exclude = {t.i for t in token.subtree}
    content = _trimmed(token.doc, _contiguous([t.i for t in clause.subtree if t.i not in exclude], anchor=clause.i))
    if not source or not content:
        return []
    return [
        TaggedSpan("cue", token.i, to.i + 1),
        TaggedSpan("source", source[0], source[-1] + 1),
        TaggedSpan("content", content[0], content[-1] + 1),
    ]


def _relayed(clause: Token, found: Token) -> bool:
    """"All on board were killed, according to preliminary information, the ministry said": what the phrase cites
    names no one and its clause is what a named speaker says, so the speaker is the source and the phrase part
    of the content (it hedges it)."""
    if any(t.pos_ == "PROPN" for t in found.subtree):
        return False
    speaker = clause.head
    return (
        clause.dep_ == "ccomp" and speaker.i != clause.i and speaker.lemma_.lower() in SPEECH_VERBS
        and any(c.dep_ in _SUBJECTS for c in speaker.children)
    )


def _speech_verb(verb: Token) -> list[TaggedSpan]:
    """"X said (that) Y", "Y, the FSB reported", "Y, writes the New York Times", "X explains: “Y”",
    "X described Y to Z as W", "“Y,” as he put it in the Financial Times"."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in SPEECH_VERBS:
        return []
    if any(c.dep_ == "neg" for c in verb.children) and verb.lemma_.lower() != "deny":
        return []
    doc = verb.doc
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and c.pos_ in ("PROPN", "NOUN", "PRON")]
    inverted = verb.dep_ in ("conj", "parataxis", "ccomp", "advcl") and verb.head.i < verb.i and doc[verb.i - 1].text == ","
    if not subjects and inverted:  # "..., writes the New York Times": the parser takes the source for an object
        subjects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and c.pos_ == "PROPN"]
    if not subjects:
        return _appositive_before(verb)
    source = _trimmed(doc, [t.i for c in subjects for t in c.subtree])
    cue = [verb.i] + [c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "prt", "neg") and abs(c.i - verb.i) <= 2]
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    manner = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"), None)
    described = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    if manner is not None:  # "as he put it in the Financial Times": the words are the quotation before
        content = _quote_before(doc, manner.i)
        cue = [manner.i, *cue] + [t.i for c in verb.children if c.dep_ in ("dobj", "prep") and c.i > verb.i for t in c.subtree]
    elif clauses:
        content = _trimmed(doc, [t.i for t in clauses[0].subtree])
    elif inverted or verb.dep_ == "ROOT" and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        head = verb.head if inverted else next(c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i)
        exclude = {t.i for t in verb.subtree} if inverted else set()
        content = _trimmed(doc, _contiguous([t.i for t in head.subtree if t.i not in exclude], anchor=head.i))
    elif described is not None:  # "X described Y to Z as W"
        content = _trimmed(doc, list(range(verb.i + 1, described.right_edge.i + 1)))
    else:
        content = _quote_after_colon(verb)
    if not source or not content:
        return []
    cue = sorted(set(cue))
    return [
        TaggedSpan("cue", cue[0], cue[-1] + 1),
        TaggedSpan("source", source[0], source[-1] + 1),
        TaggedSpan("content", content[0], content[-1] + 1),
    ]


def _blamed(verb: Token) -> list[TaggedSpan]:
    """"Moscow blamed the attack on Kyiv", "Moscow has blamed Ukraine for striking the bridge": an accusation whose
    subject is the source and whose object with its "on"/"for" phrase the content."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "blame" or any(c.dep_ == "neg" for c in verb.children):
        return []
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN", "PRON")]
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not subjects or not objects:
        return []
    doc = verb.doc
    parts = [t.i for c in verb.children if c.i > verb.i and (c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in ("on", "for")) for t in c.subtree]
    content = _trimmed(doc, _contiguous(sorted(set(parts)), anchor=objects[0].i))
    source = _trimmed(doc, [t.i for t in subjects[0].subtree])
    if not source or len(content) < 2:  # "blamed him" says nothing of what
        return []
    cue = sorted({verb.i, *(c.i for c in verb.children if c.dep_ == "aux" and abs(c.i - verb.i) <= 2)})
    return [
        TaggedSpan("cue", cue[0], cue[-1] + 1),
        TaggedSpan("source", source[0], source[-1] + 1),
        TaggedSpan("content", content[0], content[-1] + 1),
    ]


def _speaker_after_quote(verb: Token) -> list[TaggedSpan]:
    """"“Y,” Vladimir Putin’s press secretary assured.": the parser makes the speaker the sentence's root, the quoted
    clause its complement and the verb a modifier of the speaker; the speaker is the source, the clause the content."""
    speaker = verb.head
    if verb.pos_ != "VERB" or verb.dep_ != "acl" or verb.lemma_.lower() not in SPEECH_VERBS | {"assure"}:
        return []
    if speaker.dep_ != "ROOT" or speaker.pos_ not in ("NOUN", "PROPN") or not speaker.i < verb.i:
        return []
    clauses = [c for c in speaker.children if c.dep_ == "ccomp" and c.i < speaker.i]
    if not clauses or any(t.i > verb.i and not t.is_punct for t in verb.subtree):
        return []
    doc = verb.doc
    content = _trimmed(doc, [t.i for t in clauses[0].subtree])
    taken = {t.i for t in clauses[0].subtree} | {t.i for t in verb.subtree}
    source = _trimmed(doc, _contiguous([t.i for t in speaker.subtree if t.i not in taken], anchor=speaker.i))
    if not source or not content or source[0] < content[-1]:
        return []
    return [
        TaggedSpan("cue", verb.i, verb.i + 1),
        TaggedSpan("source", source[0], source[-1] + 1),
        TaggedSpan("content", content[0], content[-1] + 1),
    ]


def _quoted_as_saying(verb: Token) -> list[TaggedSpan]:
    """"“Y,” the committee was quoted as saying.", "X was quoted as saying that Y": the one quoted is the source
    (the passive subject of "quoted"), "was quoted as saying" the cue, the clause before it or after "saying" the
    content."""
    if verb.lemma_.lower() != "quote":
        return []
    doc = verb.doc
    as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    saying = next((c for c in as_.children if c.dep_ in ("pcomp", "pobj") and c.lemma_.lower() in ("say", "tell")), None) if as_ else None
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and c.pos_ in ("PROPN", "NOUN", "PRON")]
    if saying is None or not subjects:
        return []
    source = _trimmed(doc, [t.i for c in subjects for t in c.subtree])
    after = [c for c in saying.children if c.dep_ == "ccomp"]
    before = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    if after:
        content = _trimmed(doc, [t.i for t in after[0].subtree])
    elif before:
        content = _trimmed(doc, _contiguous([t.i for t in before[0].subtree], anchor=before[0].i))
    else:
        content = _quote_before(doc, source[0]) if source else []
    if not source or not content:
        return []
    cue = sorted({verb.i, as_.i, saying.i, *(c.i for c in verb.children if c.dep_ in ("aux", "auxpass"))})
    return [
        TaggedSpan("cue", cue[0], cue[-1] + 1),
        TaggedSpan("source", source[0], source[-1] + 1),
        TaggedSpan("content", content[0], content[-1] + 1),
    ]


def _appositive_before(verb: Token) -> list[TaggedSpan]:
    """"Y, the head of the Group, Yevgeny Prigozhin, said.": the parser hangs the speaker, an appositive
    before the verb, from the last noun of the reported clause and leaves the verb without a subject. The
    speaker is the name just before the verb with the appositives it belongs to; the content, the verb's
    clause before them."""
    doc = verb.doc
    end = verb.i - 1
    while end >= 0 and doc[end].text == ",":
        end -= 1
    if end < 1 or doc[end].pos_ != "PROPN" or doc[end].dep_ != "appos":
        return []
    speaker = doc[end]
    while speaker.head.dep_ == "appos" and speaker.head.i < speaker.i:
        speaker = speaker.head  # "the head of the Group, Yevgeny Prigozhin": the title the name is in apposition to
    first = speaker.left_edge.i
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i < first]
    if verb.dep_ != "ROOT" or not clauses or first < 1 or doc[first - 1].text != ",":
        return []
    content = _trimmed(doc, [t.i for t in clauses[0].subtree if t.i < first - 1])
    if not content:
        return []
    return [
        TaggedSpan("cue", verb.i, verb.i + 1),
        TaggedSpan("source", first, end + 1),
        TaggedSpan("content", content[0], content[-1] + 1),
    ]


def _quote_before(doc: Doc, before: int) -> list[int]:
    """The quotation that closes just before token `before` (a comma may sit between)."""
    end = before - 1
    while end >= 0 and doc[end].text in ",":
        end -= 1
    if end < 0 or doc[end].text not in "”\"»":
        return []
    for i in range(end - 1, max(-1, end - 200), -1):
        if doc[i].text in "“\"«":
            return _trimmed(doc, list(range(i + 1, end)))
    return []


def _quote_after_colon(verb: Token) -> list[int]:
    """"X explains: “...”": the quotation right after the colon, up to its closing mark."""
    doc = verb.doc
    colon = verb.i + 1
    if colon + 1 >= len(doc) or doc[colon].text != ":" or doc[colon + 1].text not in "“\"«":
        return []
    for i in range(colon + 2, min(len(doc), colon + 200)):
        if doc[i].text in "”\"»":
            return list(range(colon + 1, i + 1))
        if "\n" in doc[i].text:
            break
    return []


def _contiguous(indexes: list[int], anchor: int) -> list[int]:
    """The run of consecutive indexes around `anchor`."""
    indexes = sorted(indexes)
    if anchor not in indexes:
        return []
    position = indexes.index(anchor)
    low = high = position
    while low > 0 and indexes[low - 1] == indexes[low] - 1:
        low -= 1
    while high + 1 < len(indexes) and indexes[high + 1] == indexes[high] + 1:
        high += 1
    return indexes[low : high + 1]


def _trimmed(doc: Doc, indexes: list[int]) -> list[int]:
    """Sorted, without punctuation or a final full stop at the edges."""
    indexes = sorted(indexes)
    while indexes and (doc[indexes[0]].text in _EDGE_PUNCT or doc[indexes[0]].is_space or _lone_quote(doc, indexes, 0)):
        indexes.pop(0)
    while indexes and (doc[indexes[-1]].text in _EDGE_PUNCT | {"."} or doc[indexes[-1]].is_space or _lone_quote(doc, indexes, -1)):
        indexes.pop()
    return indexes


def _lone_quote(doc: Doc, indexes: list[int], edge: int) -> bool:
    """A quote mark at the edge of a span that does not hold its partner ("«Meduza»" cut to "Meduza»")."""
    text = doc[indexes[edge]].text
    if text not in QUOTE_MARKS:
        return False
    return sum(doc[i].text in QUOTE_MARKS for i in indexes) % 2 == 1
