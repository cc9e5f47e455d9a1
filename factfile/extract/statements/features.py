"""Token features for the attribution tagger, shared by training and the pipeline stage.

Everything comes from the spaCy parse the pipeline already has: words, lemmas, tags, dependency
arcs, entities, plus the signals that matter most for attribution: whether a token is inside a
quotation, how it hangs from the nearest reporting verb ("said", "according to", "believes"), and
how often its lemma is a cue in the training data (a bucketed rate, so that rare reporting verbs
share what the model learned from common ones).
"""

from __future__ import annotations

from collections.abc import Mapping

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
_ANCHOR_POS = frozenset({"VERB", "NOUN", "ADP", "AUX", "ADJ"})


class _Columns:
    """Per-token attributes read once: spaCy builds a new Token object on every `doc[i]` or `.head`."""

    def __init__(self, doc: Doc, cue_lemmas: Mapping[str, float]):
        tokens = list(doc)
        self.lower = [t.lower_ for t in tokens]
        self.lemma = [t.lemma_.lower() for t in tokens]
        self.tag = [t.tag_ for t in tokens]
        self.pos = [t.pos_ for t in tokens]
        self.dep = [t.dep_ for t in tokens]
        self.head = [t.head.i for t in tokens]
        self.ent = [t.ent_iob_ + t.ent_type_ if t.ent_type_ else "O" for t in tokens]
        self.ent_type = [t.ent_type_ for t in tokens]
        self.shape = ["T" if t.is_title else "U" if t.is_upper else "l" if t.is_lower else "x" for t in tokens]
        self.bounds = [str(int(t.is_sent_start)) for t in tokens], [str(int(t.is_sent_end)) for t in tokens]
        self.children: list[list[int]] = [[] for _ in tokens]
        for i, h in enumerate(self.head):
            if h != i:
                self.children[h].append(i)
        self.rate = [_rate(lemma, cue_lemmas) for lemma in self.lemma]
        self.anchors = [self._anchor(i, cue_lemmas) for i in range(len(tokens))]
        self.quoted = quote_depths(doc)

    def _anchor(self, i: int, cue_lemmas: Mapping[str, float]) -> tuple[int | None, str]:
        """The nearest ancestor (or the token itself) that is a reporting word, and the arc leaving it."""
        arc = "self"
        for _ in range(8):
            if self.lemma[i] in cue_lemmas and self.pos[i] in _ANCHOR_POS:
                return i, arc
            if self.head[i] == i:
                break
            arc = self.dep[i]
            i = self.head[i]
        return None, ""


def _rate(lemma: str, cue_lemmas: Mapping[str, float]) -> str:
    """How often the lemma is a cue in training, in coarse buckets."""
    rate = cue_lemmas.get(lemma)
    if rate is None:
        return "none"
    return "high" if rate >= 0.6 else "mid" if rate >= 0.3 else "low" if rate >= 0.1 else "rare"


def token_features(doc: Doc, cue_lemmas: Mapping[str, float]) -> list[list[list[str]]]:
    """For each sequence from `sequences(doc)`, one feature list per token."""
    c = _Columns(doc, cue_lemmas)
    sentence_cue: dict[int, list[int]] = {}
    sentence_quoted: dict[int, bool] = {}
    for sentence in doc.sents:
        indexes = range(sentence.start, sentence.end)
        cues = [i for i in indexes if c.anchors[i][1] == "self" and c.pos[i] in ("VERB", "ADP", "NOUN")]
        has_quote = any(c.quoted[i] for i in indexes)
        for i in indexes:
            sentence_cue[i] = cues
            sentence_quoted[i] = has_quote
    result = []
    for tokens in sequences(doc):
        base = [_own(t.i, c, sentence_cue[t.i], sentence_quoted[t.i]) for t in tokens]
        n = len(tokens)
        rows = []
        for k in range(n):
            row = base[k][0]
            for offset, prefix in _OFFSETS:
                j = k + offset
                row += [prefix + f for f in base[j][1]] if 0 <= j < n else [prefix + "none"]
            rows.append(row)
        result.append(rows)
    return result


_OFFSETS = tuple((offset, str(offset)) for offset in (-2, -1, 1, 2))


def _own(i: int, c: _Columns, cues: list[int], sentence_quoted: bool) -> tuple[list[str], list[str]]:
    """(features of the token itself, the subset also given to its neighbours)."""
    anchor, arc = c.anchors[i]
    head = c.head[i]
    quoted = c.quoted
    lemma, dep = c.lemma[i], c.dep[i]
    context = ["w=" + c.lower[i], "p=" + c.tag[i], "q=" + str(quoted[i]), "r=" + c.rate[i] + "|" + c.pos[i]]
    own = context + [
        "bias",
        "l=" + lemma,
        "d=" + dep,
        "e=" + c.ent[i],
        "hl=" + c.lemma[head],
        "hd=" + dep + "|" + c.pos[head],
        "sh=" + c.shape[i],
        "ss=" + c.bounds[0][i],
        "se=" + c.bounds[1][i],
        "qpq=" + str(quoted[i - 1] if i else 0) + str(quoted[i]),
    ]
    children = {c.dep[k] for k in c.children[i] if c.dep[k] in _TELLING_ARCS}
    own += ["ch=" + d for d in sorted(children)]
    if "ccomp" in children or "xcomp" in children:
        own.append("lcomp=" + lemma)
    own.append("hdep=" + c.dep[head])
    own.append("hr=" + c.rate[head] + "|" + dep)
    own.append("sq=" + str(int(sentence_quoted)) + str(quoted[i]))
    if not quoted[i] and any(quoted[k] for k in c.children[i]):
        own.append("govq")
    own += ["subj=" + (c.ent_type[k] or c.pos[k]) for k in c.children[i] if c.dep[k] in ("nsubj", "nsubjpass")]
    if anchor is not None:
        own += ["arc=" + arc, "al=" + c.lemma[anchor], "alarc=" + c.lemma[anchor] + "|" + arc]
        if arc == "self":
            context.append("cue")
    else:
        own.append("arc=none")
    if not cues:
        own.append("pos=nocue")
    else:
        nearest = min(cues, key=lambda k: abs(k - i))
        side = "at" if nearest == i else "before" if i < nearest else "after"
        own += ["pos=" + side, "posq=" + side + str(quoted[i])]
    return own, context
