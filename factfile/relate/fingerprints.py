"""Text fingerprints for finding copies: word shingles, a stop-word skeleton, names and numbers.

Three views of one text, each robust to a different way of copying it:
- `words`: overlapping 5-word shingles. A verbatim, truncated, padded or re-ordered copy keeps most of
  them (re-ordering only breaks the shingles that span a paragraph boundary).
- `skeleton`: shingles of the stop-word sequence (Stamatatos' stop-word n-grams). A spun copy swaps
  content words for synonyms ("rare attack" -> "uncommon assault") but keeps "the ... of ... to the".
- `anchors`: names and numbers, in order. They survive spinning and translation alike.
- `stems`: the set of content-word stems (stop words out, words cut to their first letters). A spun or
  machine-translated copy rewords every phrase, so it keeps few word runs and no skeleton, but still
  most of the content words: the view that finds it as a candidate. Its sentences (`sentences`, each a
  set of stems, a rare name as its sound key) are then aligned in order with the other text's
  (`sentence_agreement`): a rewording keeps the sentence order, two reports of one event do not.
- `narration`: the word shingles outside quotation marks. Two reports quoting one statement share its
  word runs; a copy shares the words around the quotes too. `body` is the narration before the text's
  last TRAILER characters, where agencies put their boilerplate ("Reporting by … Editing by …"); `lead` the
  word shingles of its first LEAD words, where carriers of one story keep its opening.
- `openings`: the first OPENING_WORDS words of each sentence outside quotes (past a wire dateline, and from each
  capitalised stop word, where a sentence opens after a date or caption glued before it), one key each. A
  carrier of a wire story re-edits the ends of sentences and cuts or moves paragraphs, but keeps the openings of the
  sentences it carries ("The owner of the Wagner private military contractor …"); two reports of one event word
  theirs apart. Stored as keys themselves, not MinHashed: one shared sentence makes a candidate.
- `names`: the same sequence made script- and language-neutral (`name_keys`): names transliterated to
  Latin and cut to their first consonants ("Зеленського", "Zelenskiy" and "Selenskyj" are one key),
  numbers in any script without thousands groups, month names (CLDR's, in the text's language and
  English) as month numbers. A translation keeps its names,
  numbers and dates in much the same order; two independent reports of one event do not.

Each view but `anchors` is MinHashed (datasketch) and cut into LSH bands; a band key is one 64-bit
integer, so the index is an ordinary indexed table and a new document is matched without rebuilding
anything.
"""

from __future__ import annotations

import hashlib
import importlib
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

import numpy as np
from datasketch import MinHash
from rapidfuzz.distance import LCSseq

from factfile.extract import frequency
from factfile.extract.lang.romanize import latin_letters

WORD_N = 5
SKELETON_N = 8
ANCHOR_N = 3
NUM_PERM = 64
ROWS_PER_BAND = 2  # 32 bands: a pair with Jaccard 0.2 becomes a candidate with p = 0.73, 0.3 with p = 0.95
NAMES_N = 2
STEM_LETTERS = 5  # a crude stem for any alphabetic language: "destroyed", "destroying" -> "destr"
SENTENCE_STEMS = 4  # content words a sentence needs before its alignment says anything
SENTENCE_OVERLAP = 0.4  # share of the shorter sentence's stems two aligned sentences share
KINDS = ("words", "skeleton", "names", "stems")
SCHEME = "affine32"  # datasketch permutation scheme; part of what a stored band key means
LEAD = 40  # words at a text's start that tell what it is about (a lead sentence or two, a title)
OPENING_WORDS = 8  # words of a sentence's opening: shorter ones ("The Kremlin said on Friday") open independent reports too
TRAILER = 300  # characters at a text's end where credit lines and agency boilerplate are (relate/wires.py reads them there)

_TOKEN = re.compile(r"\w+", re.UNICODE)
_STEM_TOKEN = re.compile(r"\d+|[^\W\d_]+")  # "30km" is "30" and "km": a rewording writes "30 kilometres"
_FOOTNOTE = re.compile(r"\[\d{1,3}\]")  # "[5]": a reference mark in a wiki mirror, not a figure of the text
_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")
# quoted speech: in quotation marks, or a paragraph opened by a dash (Russian and Ukrainian direct speech)
_QUOTED = re.compile(r"«[^«»]{0,1000}»|“[^“”]{0,1000}[”“]|„[^„“”]{0,1000}[“”]|\"[^\"\n]{0,1000}\"|^[ \t]*[—–][ \t][^\n]*", re.M)


@dataclass(slots=True)
class Fingerprint:
    """The shingle sets of one text, one per view: sorted unique 64-bit hashes."""

    words: np.ndarray
    skeleton: np.ndarray
    anchors: np.ndarray
    token_count: int
    names: np.ndarray  # shingles of `name_sequence`
    name_sequence: list[str]
    tokens: list[str]  # the words as written, to align two texts (relate/templates.py)
    stems: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))
    sentences: list[frozenset[str]] = field(default_factory=list)  # content stems of each long enough sentence
    narration: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))
    body: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))  # narration before the trailer
    lead: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))  # word shingles of the first LEAD words

    def view(self, kind: str) -> np.ndarray:
        return getattr(self, kind)


# Languages spaCy has no stop words for under their own code, read with a close one's: Norwegian's macro code with
# Bokmål's, Bosnian and Serbo-Croatian in Latin letters with Croatian's, Montenegrin with Serbian's, Belarusian with
# Ukrainian's (і, у, з, не, на, як, але). Without them a text's stop-word skeleton is empty and its copies are found by
# its words alone.
CLOSE_LANGUAGE = {"no": "nb", "bs": "hr", "sh": "hr", "cnr": "sr", "be": "uk"}


@cache
def stop_words(language: str | None) -> frozenset[str]:
    """spaCy's stop-word list for the language, or a close language's (English when unknown or not covered)."""
    code = (language or "en").split("-")[0].lower()
    code = CLOSE_LANGUAGE.get(code, code)
    try:
        module = importlib.import_module(f"spacy.lang.{code}.stop_words")
    except ImportError:
        module = importlib.import_module("spacy.lang.en.stop_words")
    return frozenset(w.casefold() for w in module.STOP_WORDS)


def tokens(text: str) -> list[str]:
    return [t.casefold() for t in _TOKEN.findall(text)]


def anchors(raw_tokens: list[str], language: str | None = None) -> list[str]:
    """Names (capitalised words that are not stop words) and numbers, in text order."""
    stops = stop_words(language)
    return [
        t.casefold()
        for t in raw_tokens
        if t[0].isdigit() or (t[0].isupper() and len(t) > 1 and t.casefold() not in stops)
    ]


def fingerprint(text: str, language: str | None = None, with_anchors: bool = True) -> Fingerprint:
    """All views of a text; `with_anchors=False` skips the names-and-numbers shingles (only needed to compare)."""
    raw = _TOKEN.findall(_FOOTNOTE.sub(" ", text))
    words = [t.casefold() for t in raw]
    hashes = np.fromiter(map(_hash64, words), dtype=np.uint64, count=len(words))
    is_stop = np.isin(hashes, _stop_hashes(language))
    names = anchors(raw, language) if with_anchors else []
    keys = name_keys(text, language)
    both = _sentence_stems(text, language)
    sentences = [keyed for _, keyed in both]
    stems = sorted(set().union(*(plain for plain, _ in both)))  # the index keeps plain stems: names are aligned, not looked up
    outside = [t.casefold() for t in _TOKEN.findall(_QUOTED.sub(" ", text))]
    before_trailer = [t.casefold() for t in _TOKEN.findall(_QUOTED.sub(" ", text[: max(0, len(text) - TRAILER)]))]
    return Fingerprint(
        words=_shingles(hashes, WORD_N),
        skeleton=_shingles(hashes[is_stop], SKELETON_N),
        anchors=_shingles(np.fromiter(map(_hash64, names), dtype=np.uint64, count=len(names)), ANCHOR_N),
        token_count=len(words),
        names=_shingles(np.fromiter(map(_hash64, keys), dtype=np.uint64, count=len(keys)), NAMES_N),
        name_sequence=keys,
        tokens=raw,
        stems=np.unique(np.fromiter(map(_hash64, stems), dtype=np.uint64, count=len(stems))),
        sentences=sentences,
        narration=_shingles(np.fromiter(map(_hash64, outside), dtype=np.uint64, count=len(outside)), WORD_N),
        body=_shingles(np.fromiter(map(_hash64, before_trailer), dtype=np.uint64, count=len(before_trailer)), WORD_N),
        lead=_shingles(hashes[:LEAD], WORD_N),
    )


# "KYIV, Ukraine (AP) —", "MOSCOW, June 6 (Reuters) -", "Kiev, 8 abr (EFE).-": a dateline before a dash, which some
# carriers keep and others drop
_DATELINE_HEAD = re.compile(r"^\s*[^\W\d_][^\n.!?—–]{0,50}?(?:\([^()\n]{1,30}\)\s*\.?\s*)?(?:—|–|\s-|\.-)\s*")


def openings(text: str, language: str | None = None) -> list[int]:
    """Keys of the openings of the text's sentences outside quotes (`openings` above), as signed 64-bit integers: the
    OPENING_WORDS words from each sentence's start, and from each capitalised stop word in it ("The", "Der", "Il"), where a
    sentence opens after whatever a page glued before it (a dateline, a date, a caption) with no full stop between."""
    stops = stop_words(language)
    keys = set()
    for sentence in _SENTENCE.split(_QUOTED.sub(" ", _FOOTNOTE.sub(" ", text))):
        words = _TOKEN.findall(_DATELINE_HEAD.sub("", sentence, count=1))
        starts = [0] + [i for i, w in enumerate(words) if i and w[0].isupper() and w.casefold() in stops]
        for start in starts:
            if len(words) - start >= OPENING_WORDS:
                opening = " ".join(w.casefold() for w in words[start : start + OPENING_WORDS])
                digest = hashlib.blake2b(opening.encode("utf-8"), digest_size=8, person=b"opening").digest()
                keys.add(int.from_bytes(digest, "little", signed=True))
    return sorted(keys)


def word_shingles(text: str) -> np.ndarray:
    """The `words` view alone: a cheap first look at a candidate before its whole fingerprint."""
    words = [t.casefold() for t in _TOKEN.findall(_FOOTNOTE.sub(" ", text))]
    return _shingles(np.fromiter(map(_hash64, words), dtype=np.uint64, count=len(words)), WORD_N)


def content_sentences(text: str, language: str | None = None) -> list[frozenset[str]]:
    """Each sentence's content words (not stop words, numbers kept) as stems, for sentences with enough of them;
    a rare name (capitalised, not a common word) as its sound key, so that two spellings of one name ("Krynky",
    "Krinki"; "Dnipro", "Dnieper") align. Common capitalised words ("Russian", "Defense Minister") stay stems: one
    text capitalises them where another does not."""
    return [keyed for _, keyed in _sentence_stems(text, language)]


def _sentence_stems(text: str, language: str | None) -> list[tuple[frozenset[str], frozenset[str]]]:
    """Each long enough sentence's content stems, plain and with names as their keys (`content_sentences`)."""
    stops = stop_words(language)
    lang = (language or "en").split("-")[0].lower()
    found = []
    for sentence in _SENTENCE.split(text):
        plain = frozenset(t.casefold()[:STEM_LETTERS] for t in _TOKEN.findall(sentence) if _content(t, stops))
        if len(plain) >= SENTENCE_STEMS:
            found.append((plain, frozenset(_name_or_stem(t, lang) for t in _STEM_TOKEN.findall(sentence) if _content(t, stops))))
    return found


def _content(token: str, stops: frozenset[str]) -> bool:
    return token.isdigit() or (len(token) > 2 and token.casefold() not in stops)


def _name_or_stem(token: str, language: str) -> str:
    if token[0].isupper() and not token.isupper() and not common_word(token.casefold(), language):
        return "~" + name_key(token)
    return token.casefold()[:STEM_LETTERS]


def sentence_agreement(a: list[frozenset[str]], b: list[frozenset[str]]) -> tuple[float, int]:
    """Sentences of two texts aligned in order (each pair sharing SENTENCE_OVERLAP of the shorter one's
    stems): their share of the text with fewer sentences, and their number. A longest common
    subsequence with "shares enough stems" as equality.

    A copy's candidates are compared with it sentence by sentence, so this runs on every pair of their
    sentences: the shared stems are counted through an index of `b`'s stems (only pairs sharing one are
    looked at), and the subsequence is computed a row at a time on the bits of one integer (Allison and
    Dix's bit-vector recurrence, which holds for any table of equal pairs)."""
    if not a or not b:
        return 0.0, 0
    holders: dict[str, list[int]] = {}
    for j, right in enumerate(b):
        for stem in right:
            holders.setdefault(stem, []).append(j)
    sizes = [len(right) for right in b]
    full = (1 << len(b)) - 1
    empty = sum(1 << j for j, size in enumerate(sizes) if not size)  # 0 >= 0: alike to anything
    row = full  # bit j clear where the subsequence grows at column j
    for left in a:
        shared: dict[int, int] = {}
        for stem in left:
            for j in holders.get(stem, ()):
                shared[j] = shared.get(j, 0) + 1
        alike = full if not left else empty
        for j, count in shared.items():
            if count >= SENTENCE_OVERLAP * min(len(left), sizes[j]):
                alike |= 1 << j
        matched = row & alike
        row = ((row + matched) | (row - matched)) & full
    aligned = len(b) - row.bit_count()
    return aligned / min(len(a), len(b)), aligned


def aligned_closeness(a: list[frozenset[str]], b: list[frozenset[str]]) -> float:
    """The mean Jaccard of the sentence pairs `sentence_agreement` aligns (the alignment with most pairs, and of
    those the closest). A rewording keeps most content words of each sentence; two reports that tell one
    event in the same order share a few words in each (the name of the place, "bridge", "killed").

    Run only on pairs whose sentences already agree, so a plain table of a few hundred cells will do."""
    best = [[(0, 0.0)] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, left in enumerate(a):
        for j, right in enumerate(b):
            shared = len(left & right)
            skip = max(best[i][j + 1], best[i + 1][j])
            if shared and shared >= SENTENCE_OVERLAP * min(len(left), len(right)):
                count, total = best[i][j]
                skip = max(skip, (count + 1, total + shared / len(left | right)))
            best[i + 1][j + 1] = skip
    count, total = best[len(a)][len(b)]
    return total / count if count else 0.0


# How Greek spells sounds it has no letter for, in foreign names: μπ b, ντ d, γκ g; β is v.
_GREEK_SOUNDS = {"μπ": "b", "ντ": "d", "γκ": "g", "γγ": "ng", "β": "v"}
_GREEK_DIGRAPHS = re.compile("|".join(sorted(_GREEK_SOUNDS, key=len, reverse=True)))
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CASE_ENDING = "аеиоуыэюяьйіїєaeiouy"  # a month name's case ending: "июня", "в июне"; "червня", "у червні"; "czerwca", "w czerwcu"
_INFLECTING = frozenset("pl cs sk sl hr sr bs lt lv".split())  # Latin-script languages whose month names decline
_NUMBER_NEXT = re.compile(r"\.?,?\s{1,3}\d")  # "June 6", "Oct. 8", "Juni, 6"
_KEY_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d+", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?:\n\"«»“”]\s*$")
_CONSONANT_CLASS = str.maketrans({"c": "k", "q": "k", "x": "k", "w": "v", "z": "s"})
_GROUP_SEPARATORS = (",", ".", " ", "\u00a0", "\u202f", "'", "\u066c")  # "\u066c": the Arabic thousands separator
COMMON_ZIPF = 4.5  # a sentence-initial capitalised word this frequent is an ordinary word, not a name


@lru_cache(maxsize=64)
def month_forms(language: str) -> dict[str, tuple[int, str]]:
    """The language's month names and English's (CLDR, through babel), casefolded: {name: (number, how it is
    written: "capital", "small" letters, or "dated": only beside a number)}. Wide names in both contexts
    ("июня", "июнь"; "Ιουνίου", "Ιούνιος"); English's abbreviations ("Oct. 8"), which agencies write beside a
    day, count there only ("Jan" alone is a name); so do names in letters without case (Arabic)."""
    from babel.core import UnknownLocaleError
    from babel.dates import get_month_names

    forms: dict[str, tuple[int, str]] = {}
    for locale, widths in dict.fromkeys(((language, ("wide",)), ("en", ("wide", "abbreviated")))):
        for width in widths:
            for context in ("format", "stand-alone"):
                try:
                    months = get_month_names(width, context, locale)
                except (UnknownLocaleError, ValueError):
                    continue
                for number, name in months.items():
                    written = "dated" if width != "wide" else "capital" if name[:1].isupper() else "small" if name.islower() else "dated"
                    forms.setdefault(name.casefold().rstrip("."), (number, written))
    forms.setdefault("sept", (9, "dated"))
    return forms


@lru_cache(maxsize=1 << 16)
def month(word: str, language: str) -> tuple[int, str] | None:
    """(number, how it is written: `month_forms`) when a word is a month's name: a CLDR form whole ("may", never
    "mayor"; "мая", never "майор"), or, in Cyrillic letters or a Latin-script Slavic or Baltic language, one in
    another case ("в июне", "у червні", "w czerwcu")."""
    forms = month_forms(language)
    low = word.casefold()
    if low in forms:
        return forms[low]
    if len(low) >= 4 and low[-1] in _CASE_ENDING and (_CYRILLIC.match(low) or language in _INFLECTING):
        return next((found for name, found in forms.items() if name[:-1] == low[:-1] and name[-1] in _CASE_ENDING), None)
    return None


def _counts_as_month(token: str, found: tuple[int, str], beside_number: bool) -> bool:
    """A month's name beside a number is a date's month; alone it is one when written as its language writes
    it: capitalised ("in June", not "the march on Moscow"), or, in a language writing months in small
    letters, long enough not to be another word ("mars", not "mai" alone)."""
    if beside_number:
        return True
    written = found[1]
    if written == "capital":
        return token[0].isupper()
    return written == "small" and token.islower() and len(token) > 3


@lru_cache(maxsize=1 << 18)
def name_key(word: str) -> str:
    """A name's first three consonants, in Latin letters and coarse sound classes ("Vagner" = "Wagner"); a
    foreign name in Greek letters read as Greek writes foreign sounds ("Βάγκνερ" = "Wagner", "Μπάιντεν" =
    "Biden")."""
    if _GREEK.search(word):
        word = _GREEK_DIGRAPHS.sub(lambda found: _GREEK_SOUNDS[found.group()], word.casefold())
    latin = re.sub(r"[^a-z]", "", latin_letters(word).casefold())
    consonants = re.sub(r"[aeiouyhj]", "", latin.translate(_CONSONANT_CLASS))
    consonants = re.sub(r"(.)\1+", r"\1", consonants)
    return (consonants or latin)[:3]


@lru_cache(maxsize=1 << 18)
def common_word(word: str, language: str, zipf: float = COMMON_ZIPF) -> bool:
    """Whether a word is at least this frequent in the language (wordfreq's Zipf scale); False where
    wordfreq has no list or needs a segmenter."""
    if language in ("zh", "ja", "ko"):
        return False
    try:
        return frequency.zipf(word, language) >= zipf
    except (LookupError, ImportError):
        return False


def name_keys(text: str, language: str | None = None) -> list[str]:
    """Names, numbers and months in text order, as keys that survive translation and transliteration; digits
    of any script as their value ("٢٠٢٣" is "2023")."""
    stops = stop_words(language)
    lang = (language or "en").split("-")[0].lower()
    keys: list[str] = []
    previous_end, after_number = 0, False
    for match in _KEY_TOKEN.finditer(text):
        token, gap = match.group(), text[previous_end : match.start()]
        first = previous_end == 0 or bool(_SENTENCE_END.search(gap))
        follows_number, previous_end = after_number, match.end()
        after_number = token.isdigit()
        if after_number:
            if not (follows_number and len(token) == 3 and gap in _GROUP_SEPARATORS):  # "16,000" is "16"
                keys.append(str(int(token)))
            continue
        found = month(token, lang)
        if found is not None and _counts_as_month(token, found, follows_number or bool(_NUMBER_NEXT.match(text, match.end()))):
            keys.append(f"m{found[0]}")
            continue
        low = token.casefold()
        if not token[0].isupper() or len(token) < 2 or low in stops:
            continue
        if first and common_word(low, lang):
            continue
        keys.append(name_key(token))
    return keys


@cache
def _stop_hashes(language: str | None) -> np.ndarray:
    return np.array(sorted(_hash64(w) for w in stop_words(language)), dtype=np.uint64)


_MULTIPLIER = np.uint64(0x100000001B3)


def _shingles(items: np.ndarray, n: int) -> np.ndarray:
    """Hashes of every run of n items (a polynomial rolling hash over stable per-item hashes)."""
    if len(items) == 0:
        return items
    n = min(n, len(items))
    count = len(items) - n + 1
    combined = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(n):
            combined = combined * _MULTIPLIER + items[offset : offset + count]
    return np.unique(combined)


@lru_cache(maxsize=1 << 19)
def _hash64(item: str) -> int:
    return int.from_bytes(hashlib.blake2b(item.encode("utf-8"), digest_size=8).digest(), "little")


def signature(shingles: np.ndarray, kind: str) -> np.ndarray:
    """The view's MinHash signature (NUM_PERM 32-bit values); empty for an empty view."""
    if len(shingles) == 0:
        return np.zeros(0, dtype=np.uint32)
    minhash = MinHash(num_perm=NUM_PERM, hashfunc=_identity, permutations=_permutations(kind), scheme=SCHEME)
    minhash.update_batch(shingles & np.uint64(0xFFFFFFFF))  # its permutations expect 32-bit hash values
    return minhash.hashvalues.astype(np.uint32)


def band_keys(values: np.ndarray, kind: str) -> list[int]:
    """LSH band keys of a signature: documents sharing any key are candidates for a closer look."""
    keys = []
    for band in range(len(values) // ROWS_PER_BAND):
        rows = values[band * ROWS_PER_BAND : (band + 1) * ROWS_PER_BAND].tobytes()
        digest = hashlib.blake2b(rows, digest_size=8, person=f"{kind}:{band}".encode()).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def estimated_containment(a: np.ndarray, a_size: int, b: np.ndarray, b_size: int) -> float:
    """Containment of the smaller set in the larger, estimated from MinHash signatures and set sizes."""
    if len(a) == 0 or len(a) != len(b):
        return 0.0
    j = float(np.mean(a == b))
    return min(1.0, j * (a_size + b_size) / ((1 + j) * min(a_size, b_size)))


@cache
def _permutations(kind: str):
    """The view's MinHash permutations: fixed seeds, so stored band keys stay valid across runs."""
    return MinHash(num_perm=NUM_PERM, seed=KINDS.index(kind) + 1, scheme=SCHEME).permutations


def _identity(value):
    return value


def agreement(a: list[str], b: list[str]) -> tuple[float, float, int]:
    """How much of two sequences agrees in order (longest common subsequence): its share of the shorter
    one, its share of the longer one, and its length."""
    if not a or not b:
        return 0.0, 0.0, 0
    common = LCSseq.similarity(a, b)
    return common / min(len(a), len(b)), common / max(len(a), len(b)), common


def containment(a: np.ndarray, b: np.ndarray) -> float:
    """Share of the smaller set found in the larger one: 1.0 when one text is a cut of the other."""
    if len(a) == 0 or len(b) == 0:
        return 0.0
    return len(np.intersect1d(a, b, assume_unique=True)) / min(len(a), len(b))


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    if len(a) == 0 or len(b) == 0:
        return 0.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / (len(a) + len(b) - shared)
