"""The model's attribute ruler and lemmatizer, memoised: the same annotations for a fifth of their CPU.

Both stock components spend most of their time in Python per token (the ruler's Matcher tries its 179
patterns at every token; the rule lemmatizer reads each token's morphology before its own cache), about
a fifth of the whole parse of an article. What they assign depends on a few attributes of each token,
so each outcome is computed once by the stock code and then looked up:
- the ruler: a one-token pattern reads only its token's TAG, DEP and LOWER/IS_SPACE, and LOWER only
  through the words and regular expressions some pattern names, so tokens alike in those share their
  matches; the few longer patterns keep a Matcher of their own, run on a doc only when one of its tokens can
  open one of them (whether a kind of token can is looked up alike). What the matches set (each attribute
  from the last rule that sets it on a token, as the stock `set_annotations` leaves it) goes in with one
  `Doc.from_array`, the outcome of a key's one-token rules looked up like its matches.
- the lemmatizer: its rules read the token's text, part of speech and morphology, which key the cache.
  Its word index (lemma_index: the known lemmas of each part of speech) is held as sets: the stock
  tables are JSON lists of up to 57,528 words, scanned for each rule's candidate form, about 0.17 ms
  for each word new to the process (2.6 s → 0.4 s over bench/pipeline.py --every 2's 126 English articles).
tests/test_spacy_memo.py checks both against the stock components token by token.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

_LIMIT = 500_000  # entries kept per cache; a new vocabulary's worth beyond that starts it again
_COLUMNS = frozenset({LEMMA, POS, TAG, DEP, MORPH})  # what `Doc.from_array` sets on the token alone, as the stock ruler does


class MemoRuler:
    """`AttributeRuler.__call__` with each one-token pattern's outcome looked up by the token's kind."""

    def __init__(self, ruler: AttributeRuler):
        self.ruler = ruler
        vocab = ruler.vocab
        self.single = Matcher(vocab)
        self.longer = Matcher(vocab)
        self.openers = Matcher(vocab)  # the first token of each longer pattern
        self.words: set[str] = set()
        self.regexes: list[re.Pattern] = []
        self.rule: dict[int, int] = {}  # match id -> rule number
        for n, rule in enumerate(ruler.patterns):
            key = vocab.strings.add(str(n))  # the ruler's own match ids: rule n is added under str(n)
            self.rule[key] = n
            single = [p for p in rule["patterns"] if len(p) == 1]
            longer = [p for p in rule["patterns"] if len(p) > 1]
            if single:
                self.single.add(key, single)
            if longer:
                self.longer.add(key, longer)
                self.openers.add(key, [p[:1] for p in longer])
                if any(set(p[0]) - {"TAG", "DEP", "LOWER", "IS_SPACE"} for p in longer):
                    raise ValueError(f"attribute ruler pattern {longer!r} opens on more than a token's kind: not memoisable")
            for pattern in single:
                self._read(pattern[0])
        # The match ids of a token kind (TAG, DEP, IS_SPACE, LOWER if a pattern names it), and the same by the
        # token's TAG, DEP, LOWER, IS_SPACE; as tuples, which the garbage collector stops tracking: tables of
        # lists would be walked by each of its full collections.
        self.kinds: dict[tuple, tuple[int, ...]] = {}
        self.cache: dict[tuple[int, int, int, int], tuple[int, ...]] = {}
        self.opens: dict[tuple[int, int, int, int], bool] = {}  # whether a token of that key can open a longer pattern
        # The token attributes the rules set, as `Doc.to_array` columns (None: one is not a plain token attribute,
        # such as an extension's, and the stock `set_annotations` sets them), and by key what its one-token rules set.
        names = {attr for attrs in ruler.attrs for attr in attrs}
        self.columns: list[int] | None = sorted(names) if all(attr in _COLUMNS for attr in names) else None
        self.outcomes: dict[tuple[int, int, int, int], tuple[tuple[int, int], ...]] = {}

    def _read(self, token: dict) -> None:
        """Note the LOWER values a one-token pattern tells apart; refuse a form the key does not cover."""
        for attr, value in token.items():
            if attr not in ("TAG", "DEP", "LOWER", "IS_SPACE") or "OP" in token:
                raise ValueError(f"attribute ruler pattern reads {attr}: not memoisable")
            if attr != "LOWER":
                continue
            if isinstance(value, str):
                self.words.add(value)
            elif isinstance(value, dict) and set(value) <= {"IN", "NOT_IN", "REGEX"}:
                self.words.update(value.get("IN", ()), value.get("NOT_IN", ()))
                if "REGEX" in value:
                    self.regexes.append(re.compile(value["REGEX"]))
            else:
                raise ValueError(f"attribute ruler pattern LOWER {value!r}: not memoisable")

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array([TAG, DEP, LOWER, IS_SPACE]).tolist()
        known = self.cache
        for cache in (known, self.opens, self.outcomes):
            if len(cache) > _LIMIT:
                cache.clear()
        opens, opener = self.opens, False
        for i, row in enumerate(rows):
            key = tuple(row)
            if key not in known:
                known[key] = self._single(doc, i, key)
            if not opener:
                opener = opens.get(key)
                if opener is None:
                    opener = opens[key] = bool(self.openers(doc[i : i + 1], allow_missing=True))
        longer = self.longer(doc, allow_missing=True) if opener else []  # else the Matcher's walk would find nothing
        return self._stock(doc, rows, longer) if self.columns is None else self._annotate(doc, rows, longer)

    def _annotate(self, doc: Doc, rows: list[list[int]], longer: list[tuple[int, int, int]]) -> Doc:
        """The stock `set_annotations` in one `Doc.from_array`: it sets each match's attributes on one token in
        rule order, so a token ends with each attribute of the last rule (by number) that sets it; the
        outcome of a token's one-token rules is looked up by its key, like its matches."""
        indices, targets = self.ruler.indices, {}
        for m, s, e in longer:
            n = self.rule[m]
            i = s + indices[n] if indices[n] >= 0 else e + indices[n]
            if not s <= i < e:  # the stock code raises its own error for this
                return self._stock(doc, rows, longer)
            targets.setdefault(i, set()).add(n)
        values = doc.to_array(self.columns).tolist()
        outcomes, known = self.outcomes, self.cache
        for i, row in enumerate(rows):
            key = tuple(row)
            if i in targets:
                outcome = self._outcome(sorted(targets[i].union(self.rule[m] for m in known[key])))
            else:
                outcome = outcomes.get(key)
                if outcome is None:
                    outcome = outcomes[key] = self._outcome(sorted(self.rule[m] for m in known[key]))
            if outcome:
                current = values[i]
                for column, value in outcome:
                    current[column] = value
        doc.from_array(self.columns, numpy.array(values, dtype="uint64").reshape(len(rows), len(self.columns)))
        return doc

    def _outcome(self, rules: list[int]) -> tuple[tuple[int, int], ...]:
        """(column, value) of each attribute the rules set, the last rule's value for each."""
        final: dict[int, int] = {}
        for n in rules:
            for attr, value in self.ruler.attrs[n].items():
                final[self.columns.index(attr)] = value
        return tuple(final.items())

    def _stock(self, doc: Doc, rows: list[list[int]], longer: list[tuple[int, int, int]]) -> Doc:
        """The matches through the stock `set_annotations`, in the order AttributeRuler.match gives them."""
        matches = [(m, i, i + 1) for i, row in enumerate(rows) for m in self.cache[tuple(row)]] + longer
        self.ruler.set_annotations(doc, sorted((self.rule[m], m, s, e) for m, s, e in matches))
        return doc

    def _single(self, doc: Doc, i: int, key: tuple[int, int, int, int]) -> tuple[int, ...]:
        """The one-token patterns token i matches, from the cache of its kind or else from the Matcher."""
        tag, dep, lower, space = key
        word = doc.vocab.strings[lower]
        kind = (tag, dep, space, word if word in self.words or any(r.search(word) for r in self.regexes) else None)
        found = self.kinds.get(kind)
        if found is None:
            found = self.kinds[kind] = tuple(m for m, _, _ in self.single(doc[i : i + 1], allow_missing=True))
        return found


class MemoLemmatizer:
    """The rule lemmatizer's lemma for each token without one, cached by (text, part of speech, morphology)."""

    def __init__(self, lemmatizer: Lemmatizer):
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], int] = {}
        index = lemmatizer.lookups.get_table("lemma_index", {})
        for pos, words in index.items():  # the rules only test membership (`form in index`): the same answers
            index[pos] = frozenset(words)

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        columns = [ORTH, POS, MORPH, LEMMA]
        rows = doc.to_array(columns).tolist()
        known = self.cache
        if len(known) > _LIMIT:
            known.clear()
        overwrite = self.lemmatizer.overwrite
        changed = False
        for i, row in enumerate(rows):
            if overwrite or row[3] == 0:
                key = (row[0], row[1], row[2])
                lemma = known.get(key)
                if lemma is None:
                    lemma = known[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                row[3] = lemma
                changed = True
        if changed:
            doc.from_array([LEMMA], numpy.array([row[3] for row in rows], dtype="uint64").reshape(-1, 1))
        return doc
