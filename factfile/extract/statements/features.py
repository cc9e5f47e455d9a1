"""Token features for the attribution tagger, shared by training and the pipeline stage.

Everything comes from the spaCy parse the pipeline already has: words, lemmas, tags, dependency
arcs, entities, plus two signals that matter most for attribution: whether a token is inside a
quotation, and how it hangs from the nearest reporting verb ("said", "according to", "believes").
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Token

OPENING = set("“«„‘")
CLOSING = set("”»’")
STRAIGHT = {'"', "''", "``"}


def sequences(doc: Doc) -> list[list[Token]]:
    """Paragraphs as token lists (whitespace dropped): quotes and their attributions rarely cross them."""
    result: list[list[Token]] = []
    current: list[Token] = []
    for token in doc:
        if token.is_space:
            if "\n" in token.text and current:
                result.append(current)
                current = []
            continue
        current.append(token)
        if "\n" in token.whitespace_ and current:
            result.append(current)
            current = []
    if current:
        result.append(current)
    return result


def quote_depths(doc: Doc) -> list[int]:
    """1 for tokens inside a quotation (the quote marks themselves included), else 0.

    Curly quotes say which way they go; straight ones toggle. A paragraph break closes a
    quotation unless the next paragraph reopens it, as multi-paragraph quotes do.
    """
    inside = [0] * len(doc)
    open_ = False
    for token in doc:
        text = token.text
        if token.is_space and "\n" in text:
            open_ = False
            continue
        if text in OPENING and text != "’" or (text in STRAIGHT and not open_):
            open_ = True
            inside[token.i] = 1
            continue
        if text in CLOSING and text != "‘" or (text in STRAIGHT and open_):
            inside[token.i] = 1 if open_ else 0
            open_ = False
            continue
        inside[token.i] = 1 if open_ else 0
    return inside


_TELLING_ARCS = frozenset(
    {"nsubj", "nsubjpass", "ccomp", "xcomp", "dobj", "agent", "mark", "neg", "advcl", "parataxis", "pobj", "prep"}
)


def _anchor(token: Token, cue_lemmas: Collection[str]) -> tuple[Token | None, str]:
    """The nearest ancestor (or the token itself) that is a reporting word, and the arc leaving it."""
    arc = "self"
    current = token
    for _ in range(8):
        if current.lemma_.lower() in cue_lemmas and current.pos_ in ("VERB", "NOUN", "ADP", "AUX", "ADJ"):
            return current, arc
        if current.head is current:
            return None, ""
        arc = current.dep_
        current = current.head
    return None, ""


def token_features(doc: Doc, cue_lemmas: Collection[str]) -> list[list[list[str]]]:
    """For each sequence from `sequences(doc)`, one feature list per token."""
    quoted = quote_depths(doc)
    anchors = [_anchor(token, cue_lemmas) for token in doc]
    sentence_cue = {}
    for sentence in doc.sents:
        cues = [t.i for t in sentence if anchors[t.i][1] == "self" and t.pos_ in ("VERB", "ADP", "NOUN")]
        for t in sentence:
            sentence_cue[t.i] = cues
    result = []
    for tokens in sequences(doc):
        base = [_own(t, quoted, anchors, sentence_cue) for t in tokens]
        rows = []
        for k in range(len(tokens)):
            row = list(base[k][0])
            for offset in (-2, -1, 1, 2):
                j = k + offset
                if 0 <= j < len(tokens):
                    row.extend(f"{offset}{f}" for f in base[j][1])
                else:
                    row.append(f"{offset}none")
            rows.append(row)
        result.append(rows)
    return result


def _own(t: Token, quoted: list[int], anchors: list[tuple[Token | None, str]], sentence_cue: dict) -> tuple[list[str], list[str]]:
    """(features of the token itself, the subset also given to its neighbours)."""
    lower = t.lower_
    anchor, arc = anchors[t.i]
    head = t.head
    context = [
        "w=" + lower,
        "p=" + t.tag_,
        "q=" + str(quoted[t.i]),
    ]
    own = context + [
        "bias",
        "l=" + t.lemma_.lower(),
        "d=" + t.dep_,
        "e=" + (t.ent_iob_ + t.ent_type_ if t.ent_type_ else "O"),
        "hl=" + head.lemma_.lower(),
        "hd=" + t.dep_ + "|" + head.pos_,
        "sh=" + ("T" if t.is_title else "U" if t.is_upper else "l" if t.is_lower else "x"),
        "ss=" + str(int(t.is_sent_start)),
        "se=" + str(int(t.is_sent_end)),
        "qpq=" + str(quoted[t.i - 1] if t.i else 0) + str(quoted[t.i]),
    ]
    children = {child.dep_ for child in t.children if child.dep_ in _TELLING_ARCS}
    own += ["ch=" + dep for dep in sorted(children)]
    if "ccomp" in children or "xcomp" in children:
        own.append("lcomp=" + t.lemma_.lower())
    own.append("hdep=" + head.dep_)
    if anchor is not None:
        own += ["arc=" + arc, "al=" + anchor.lemma_.lower(), "alarc=" + anchor.lemma_.lower() + "|" + arc]
        if arc == "self":
            context.append("cue")
    else:
        own.append("arc=none")
    cues = sentence_cue.get(t.i, [])
    if not cues:
        own.append("pos=nocue")
    else:
        nearest = min(cues, key=lambda c: abs(c - t.i))
        own.append("pos=" + ("at" if nearest == t.i else "before" if t.i < nearest else "after"))
        own.append("posq=" + ("at" if nearest == t.i else "before" if t.i < nearest else "after") + str(quoted[t.i]))
    return own, context
