"""Token features for the attribution tagger, shared by training and the pipeline stage.

Everything comes from the spaCy parse the pipeline already has: words, lemmas, tags, dependency
arcs, entities, plus the signals that matter most for attribution: whether a token is inside a
quotation, how it hangs from the nearest reporting verb ("said", "according to", "believes"), and
how often its lemma is a cue in the training data (a bucketed rate, so that rare reporting verbs
share what the model learned from common ones).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping

import numpy
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
    attrs.ORTH,
    attrs.LOWER,
    attrs.LEMMA,
    attrs.TAG,
    attrs.POS,
    attrs.DEP,
    attrs.HEAD,
    attrs.ENT_IOB,
    attrs.ENT_TYPE,
    attrs.IS_TITLE,
    attrs.IS_UPPER,
    attrs.IS_LOWER,
    attrs.SENT_START,
    attrs.IS_SPACE,
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


def _sentence_cues(c: _Columns, cues: _Cues) -> tuple[list[list[int]], list[bool]]:
    """For each token, the cue words of its sentence and whether its sentence quotes."""
    sentence_cue: list[list[int]] = [[]] * len(c.text)  # every token's is set below; the list is only read
    sentence_quoted = [False] * len(c.text)
    for sentence in c.sentences():
        found = [i for i in sentence if cues.anchors[i][1] == "self" and c.pos[i] in ("VERB", "ADP", "NOUN")]
        has_quote = any(c.quoted[i] for i in sentence)
        for i in sentence:
            sentence_cue[i] = found
            sentence_quoted[i] = has_quote
    return sentence_cue, sentence_quoted


def featurised(doc: Doc, cue_lemmas: Mapping[str, float]) -> list[tuple[list[int], list[list[str]]]]:
    """(token indexes, one feature list per token) for each sequence from `sequences(doc)`."""
    c = _Columns(doc)
    cues = _Cues(c, cue_lemmas)
    sentence_cue, sentence_quoted = _sentence_cues(c, cues)
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


class FeatureIds:
    """The features of `featurised` as a model's attribute ids, without spelling them: one column a feature
    template (a slot), each token's known attributes in the order of its feature list, an absent optional
    feature or an unknown attribute as `unknown`. Each template's values are looked up once per process, not
    once per token: spelling each token's features and looking the strings up cost more than the CRF's own work."""

    def __init__(self, attributes: Mapping[str, int], unknown: int):
        self.attributes = attributes
        self.unknown = unknown
        self._tables: dict[str, dict[str | None, int]] = {}

    def _ids(self, prefix: str, values: list) -> numpy.ndarray:
        """The id of `prefix + value` for each value (None: no feature)."""
        codes, distinct = _factorised(values)
        return self._distinct_ids(prefix, distinct)[codes]

    def _distinct_ids(self, prefix: str, distinct: list) -> numpy.ndarray:
        table = self._tables.get(prefix)
        if table is None or len(table) > _SHIFTED_LIMIT:
            table = self._tables[prefix] = {None: self.unknown}
        for value in distinct:
            if value not in table:
                table[value] = self.attributes.get(prefix + value, self.unknown)
        return numpy.fromiter(map(table.__getitem__, distinct), dtype=numpy.int64, count=len(distinct))

    def _flag(self, name: str, present: numpy.ndarray) -> numpy.ndarray:
        return numpy.where(present, self.attributes.get(name, self.unknown), self.unknown)

    def __call__(self, doc: Doc, cue_lemmas: Mapping[str, float]) -> tuple[list[list[int]], numpy.ndarray]:
        """The token indexes of each sequence from `sequences(doc)`, and their slots' ids, one row a token in
        the sequences' order."""
        c = _Columns(doc)
        cues = _Cues(c, cue_lemmas)
        sentence_cue, sentence_quoted = _sentence_cues(c, cues)
        ids, flag, unknown = self._ids, self._flag, self.unknown
        n, head, quoted = len(c.text), c.head, c.quoted
        q = [str(value) for value in quoted]
        rate_pos = [rate + "|" + pos for rate, pos in zip(cues.rate, c.pos, strict=True)]
        telling: dict[int, set[str]] = {}
        subjects: dict[int, list[str]] = {}
        for k, (h, dep) in enumerate(zip(head, c.dep, strict=True)):
            if h != k and dep in _TELLING_ARCS:
                telling.setdefault(h, set()).add(dep)
                if dep in ("nsubj", "nsubjpass"):
                    subjects.setdefault(h, []).append(c.ent_type[k] or c.pos[k])
        governs_quote = numpy.zeros(n, dtype=bool)
        for k, h in enumerate(head):
            if h != k and quoted[k] and not quoted[h]:
                governs_quote[h] = True
        anchors = cues.anchors
        sides = [_side(i, near) for i, near in enumerate(sentence_cue)]
        slots = [
            ids("w=", c.lower),
            ids("p=", c.tag),
            ids("q=", q),
            ids("r=", rate_pos),
            numpy.full(n, self.attributes.get("bias", unknown)),
            ids("l=", c.lemma),
            ids("d=", c.dep),
            ids("e=", c.ent),
            ids("hl=", [c.lemma[h] for h in head]),
            ids("hd=", [dep + "|" + c.pos[h] for dep, h in zip(c.dep, head, strict=True)]),
            ids("sh=", c.shape),
            ids("ss=", c.bounds[0]),
            ids("se=", c.bounds[1]),
            ids("qpq=", [str(quoted[i - 1] if i else 0) + q[i] for i in range(n)]),
        ]
        arcs = sorted(_TELLING_ARCS)
        children = numpy.full((n, len(arcs)), unknown)
        for h, found in telling.items():
            for arc in found:
                children[h, arcs.index(arc)] = self.attributes.get("ch=" + arc, unknown)
        slots += list(children.T)
        lcomp = [None] * n
        for h, found in telling.items():
            if "ccomp" in found or "xcomp" in found:
                lcomp[h] = c.lemma[h]
        slots += [
            ids("lcomp=", lcomp),
            ids("hdep=", [c.dep[h] for h in head]),
            ids("hr=", [cues.rate[h] + "|" + dep for dep, h in zip(c.dep, head, strict=True)]),
            ids("sq=", [str(int(sentence_quoted[i])) + q[i] for i in range(n)]),
            flag("govq", governs_quote),
        ]
        for j in range(max(map(len, subjects.values()), default=0)):
            subject: list[str | None] = [None] * n
            for h, found in subjects.items():
                if j < len(found):
                    subject[h] = found[j]
            slots.append(ids("subj=", subject))
        slots += [
            ids("arc=", [arc if anchor is not None else "none" for anchor, arc in anchors]),
            ids("al=", [c.lemma[anchor] if anchor is not None else None for anchor, _ in anchors]),
            ids("alarc=", [c.lemma[anchor] + "|" + arc if anchor is not None else None for anchor, arc in anchors]),
            ids("pos=", [side or "nocue" for side in sides]),
            ids("posq=", [side + q[i] if side else None for i, side in enumerate(sides)]),
        ]
        paragraphs = _paragraphs(c)
        order = numpy.fromiter((i for indexes in paragraphs for i in indexes), dtype=numpy.int64)
        lengths = numpy.array([len(indexes) for indexes in paragraphs], dtype=numpy.int64)
        place = numpy.arange(len(order)) - numpy.repeat(numpy.cumsum(lengths) - lengths, lengths)  # within its sequence
        length = numpy.repeat(lengths, lengths)
        parts = [numpy.stack(slots, axis=1)[order] if n else numpy.zeros((0, len(slots)), dtype=numpy.int64)]
        columns = [_factorised(c.lower), _factorised(c.tag), _factorised(q), _factorised(rate_pos)]
        cue = numpy.array([arc == "self" for _, arc in anchors], dtype=bool)
        for offset in _OFFSETS:
            context = (
                numpy.stack(
                    [
                        self._distinct_ids(f"{offset}{name}=", distinct)[codes]
                        for name, (codes, distinct) in zip("wpqr", columns, strict=True)
                    ]
                    + [flag(f"{offset}cue", cue)],
                    axis=1,
                )
                if n
                else numpy.zeros((0, 5), dtype=numpy.int64)
            )
            inside = (place + offset >= 0) & (place + offset < length)
            part = numpy.full((len(order), 5), unknown)
            part[inside] = context[order[numpy.flatnonzero(inside) + offset]]
            part[~inside, 0] = self.attributes.get(f"{offset}none", unknown)
            parts.append(part)
        return paragraphs, numpy.concatenate(parts, axis=1)


def _factorised(values: list) -> tuple[numpy.ndarray, list]:
    """(each value's number, the distinct values)."""
    distinct = list(set(values))
    number = {value: i for i, value in enumerate(distinct)}
    return numpy.fromiter(map(number.__getitem__, values), dtype=numpy.int64, count=len(values)), distinct


def _side(i: int, near: list[int]) -> str | None:
    """Where token i stands from its sentence's nearest cue (the earlier one of two as near): as `_own` says it."""
    if not near:
        return None
    at = bisect_left(near, i)
    if at < len(near) and near[at] == i:
        return "at"
    if at == 0:
        return "before"
    if at == len(near):
        return "after"
    return "after" if i - near[at - 1] <= near[at] - i else "before"
