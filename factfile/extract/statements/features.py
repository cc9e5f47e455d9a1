"""Token features for the attribution tagger, shared by training and the pipeline stage.

Everything comes from the spaCy parse the pipeline already has: words, lemmas, tags, dependency
arcs, entities, plus the signals that matter most for attribution: whether a token is inside a
quotation, how it hangs from the nearest reporting verb ("said", "according to", "believes"), and
how often its lemma is a cue in the training data (a bucketed rate, so that rare reporting verbs
share what the model learned from common ones).
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy import attrs
from spacy.tokens import Doc, Token

OPENING = set("“«„‘")
CLOSING = set("”»’")
STRAIGHT = {'"', "''", "``"}


def sequences(doc: Doc) -> list[list[Token]]:
    """Paragraphs as token lists (whitespace dropped): quotes and their attributions rarely cross them."""
    return [[doc[i] for i in indexes] for indexes in _paragraphs(_Columns(doc))]


def _paragraphs(c: _Columns) -> list[list[int]]:
    """The token indexes of `sequences(doc)`. A line break is always a whitespace token of its own:
    spaCy keeps at most one plain space after a token."""
    result: list[list[int]] = []
    current: list[int] = []
    for i, (space, text) in enumerate(zip(c.space, c.text, strict=True)):
        if space:
            if "\n" in text and current:
                result.append(current)
                current = []
            continue
        current.append(i)
    if current:
        result.append(current)
    return result


def quote_depths(doc: Doc) -> list[int]:
    """1 for tokens inside a quotation (the quote marks themselves included), else 0."""
    orth, space = doc.to_array([attrs.ORTH, attrs.IS_SPACE]).T.tolist()
    strings = doc.vocab.strings
    return _quote_depths([strings[value] for value in orth], space)


def _quote_depths(texts: list[str], spaces: list[int]) -> list[int]:
    """Curly quotes say which way they go; straight ones toggle. A paragraph break closes a
    quotation unless the next paragraph reopens it, as multi-paragraph quotes do."""
    inside = [0] * len(texts)
    open_ = False
    for i, (space, text) in enumerate(zip(spaces, texts, strict=True)):
        if space and "\n" in text:
            open_ = False
            continue
        if text in OPENING and text != "’" or (text in STRAIGHT and not open_):
            open_ = True
            inside[i] = 1
            continue
        if text in CLOSING and text != "‘" or (text in STRAIGHT and open_):
            inside[i] = 1 if open_ else 0
            open_ = False
            continue
        inside[i] = 1 if open_ else 0
    return inside


_TELLING_ARCS = frozenset(
    {"nsubj", "nsubjpass", "ccomp", "xcomp", "dobj", "agent", "mark", "neg", "advcl", "parataxis", "pobj", "prep"}
)
_ANCHOR_POS = frozenset({"VERB", "NOUN", "ADP", "AUX", "ADJ"})
_ATTRIBUTES = (
    attrs.ORTH, attrs.LOWER, attrs.LEMMA, attrs.TAG, attrs.POS, attrs.DEP, attrs.HEAD, attrs.ENT_IOB, attrs.ENT_TYPE,
    attrs.IS_TITLE, attrs.IS_UPPER, attrs.IS_LOWER, attrs.SENT_START, attrs.IS_SPACE,
)
_IOB = ("", "I", "O", "B")


class _Columns:
    """Per-token attributes as lists, read in one `Doc.to_array` call: going through Token objects
    (spaCy builds a new one on every `doc[i]`, iteration or `.head`) cost about as much as the CRF."""

    def __init__(self, doc: Doc):
        rows = doc.to_array(list(_ATTRIBUTES))
        columns = rows.T.tolist()
        heads = rows[:, _ATTRIBUTES.index(attrs.HEAD)].astype("int64").tolist()
        strings = doc.vocab.strings

        def column(attribute: int) -> list[int]:
            return columns[_ATTRIBUTES.index(attribute)]

        def names(attribute: int) -> list[str]:
            values = column(attribute)
            lookup = {value: strings[value] for value in set(values)}
            return [lookup[value] for value in values]

        self.text = names(attrs.ORTH)
        self.lower = names(attrs.LOWER)
        self.lemma = [lemma.lower() for lemma in names(attrs.LEMMA)]
        self.tag = names(attrs.TAG)
        self.pos = names(attrs.POS)
        self.dep = names(attrs.DEP)
        self.head = [i + offset for i, offset in enumerate(heads)]
        self.ent_type = names(attrs.ENT_TYPE)
        self.ent = [_IOB[b] + t if t else "O" for b, t in zip(column(attrs.ENT_IOB), self.ent_type, strict=True)]
        self.shape = [
            "T" if title else "U" if upper else "l" if lower else "x"
            for title, upper, lower in zip(column(attrs.IS_TITLE), column(attrs.IS_UPPER), column(attrs.IS_LOWER), strict=True)
        ]
        self.space = column(attrs.IS_SPACE)
        starts = ["1" if start == 1 else "0" for start in column(attrs.SENT_START)]
        if starts:
            starts[0] = "1"
        self.bounds = starts, starts[1:] + ["1"] if starts else []
        self.children: list[list[int]] = [[] for _ in self.head]
        for i, h in enumerate(self.head):
            if h != i:
                self.children[h].append(i)
        self.quoted = _quote_depths(self.text, self.space)

    def sentences(self) -> list[range]:
        starts = [i for i, start in enumerate(self.bounds[0]) if start == "1"]
        ends = starts[1:] + [len(self.text)] if starts else []
        return [range(start, end) for start, end in zip(starts, ends, strict=True)]


class _Cues:
    """What the cue lexicon says about each token: its lemma's cue rate, and the nearest reporting
    word above it in the parse."""

    def __init__(self, c: _Columns, cue_lemmas: Mapping[str, float]):
        self.rate = [_rate(lemma, cue_lemmas) for lemma in c.lemma]
        reporting = [lemma in cue_lemmas and pos in _ANCHOR_POS for lemma, pos in zip(c.lemma, c.pos, strict=True)]
        self.anchors = [_anchor(i, c, reporting) for i in range(len(c.text))]


def _anchor(i: int, c: _Columns, reporting: list[bool]) -> tuple[int | None, str]:
    """The nearest ancestor (or the token itself) that is a reporting word, and the arc leaving it."""
    arc = "self"
    for _ in range(8):
        if reporting[i]:
            return i, arc
        if c.head[i] == i:
            break
        arc = c.dep[i]
        i = c.head[i]
    return None, ""


def _rate(lemma: str, cue_lemmas: Mapping[str, float]) -> str:
    """How often the lemma is a cue in training, in coarse buckets."""
    rate = cue_lemmas.get(lemma)
    if rate is None:
        return "none"
    return "high" if rate >= 0.6 else "mid" if rate >= 0.3 else "low" if rate >= 0.1 else "rare"


def token_features(doc: Doc, cue_lemmas: Mapping[str, float]) -> list[list[list[str]]]:
    """For each sequence from `sequences(doc)`, one feature list per token."""
    return [features for _, features in featurised(doc, cue_lemmas)]


def featurised(doc: Doc, cue_lemmas: Mapping[str, float]) -> list[tuple[list[int], list[list[str]]]]:
    """(token indexes, one feature list per token) for each sequence from `sequences(doc)`."""
    c = _Columns(doc)
    cues = _Cues(c, cue_lemmas)
    sentence_cue: list[list[int]] = [[] for _ in c.text]
    sentence_quoted = [False] * len(c.text)
    for sentence in c.sentences():
        found = [i for i in sentence if cues.anchors[i][1] == "self" and c.pos[i] in ("VERB", "ADP", "NOUN")]
        has_quote = any(c.quoted[i] for i in sentence)
        for i in sentence:
            sentence_cue[i] = found
            sentence_quoted[i] = has_quote
    result = []
    for indexes in _paragraphs(c):
        base = [_own(i, c, cues, sentence_cue[i], sentence_quoted[i]) for i in indexes]
        shifted = [_shifted(tuple(context)) for _, context in base]
        n = len(indexes)
        rows = []
        for k in range(n):
            row = base[k][0]
            for n_offset, offset in enumerate(_OFFSETS):
                j = k + offset
                row += shifted[j][n_offset] if 0 <= j < n else _NONE[n_offset]
            rows.append(row)
        result.append((indexes, rows))
    return result


_OFFSETS = (-2, -1, 1, 2)
_NONE = tuple((f"{offset}none",) for offset in _OFFSETS)
_SHIFTED: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}
_SHIFTED_LIMIT = 200_000  # contexts kept; a new vocabulary's worth beyond that starts the table again


def _shifted(context: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """A token's context features as each neighbour offset names them ("-1w=said"): most tokens' contexts
    (word, tag, quote, cue rate) recur, so each is spelled once per process, not once per token. Held as
    tuples of strings, which the garbage collector stops tracking: a table of lists would be walked by
    each of its full collections."""
    found = _SHIFTED.get(context)
    if found is None:
        if len(_SHIFTED) > _SHIFTED_LIMIT:
            _SHIFTED.clear()
        found = _SHIFTED[context] = tuple(tuple(f"{offset}{f}" for f in context) for offset in _OFFSETS)
    return found


def _own(i: int, c: _Columns, cues: _Cues, near: list[int], sentence_quoted: bool) -> tuple[list[str], list[str]]:
    """(features of the token itself, the subset also given to its neighbours)."""
    anchor, arc = cues.anchors[i]
    head = c.head[i]
    quoted = c.quoted
    lemma, dep = c.lemma[i], c.dep[i]
    context = ["w=" + c.lower[i], "p=" + c.tag[i], "q=" + str(quoted[i]), "r=" + cues.rate[i] + "|" + c.pos[i]]
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
    own.append("hr=" + cues.rate[head] + "|" + dep)
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
    if not near:
        own.append("pos=nocue")
    else:
        nearest = min(near, key=lambda k: abs(k - i))
        side = "at" if nearest == i else "before" if i < nearest else "after"
        own += ["pos=" + side, "posq=" + side + str(quoted[i])]
    return own, context
