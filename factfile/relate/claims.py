"""Claims: which statements assert the same thing, and which stored statements may (LSH keys of their words).

Two contents make the same claim (`same_claim`) when their sentence embeddings (relate/embedding.py)
and their content words together are close: cosine + word-set Jaccard >= `SAME_CLAIM` (chosen on
the first five events of eval/claims/, scored on all ten by eval/claims.py), so "more than 70 Ukrainian
nationalists were killed" and "over 70 militants eliminated" can meet where their words alone do not.
Numbers and negation still separate claims: "70 killed" and "2 killed" are two claims about the same
thing (a dispute, relate/contradictions.py), and so are "X met Y" and "X did not meet Y". Without
stored vectors (statements stored before them, and those not in English) the words decide:
token_set_ratio >= `SAME_WORDS`. Russian and Ukrainian inflect by endings ("дело Пригожина
прекратят" / "дело Пригожин будет прекращено"), so a Cyrillic word counts by its first `CYRILLIC_STEM`
letters and their stop words are left out, for the band keys and the comparison alike. A content of fewer than `MIN_CLAIM_WORDS` content words (a name the parser left
as the content) shares a claim only with its own words or a number.

The rest of this module finds candidates without reading the store:

Corroboration compares a statement's content with those of other statements from the same source
(relate/corroboration.py). A prolific source (a ministry, a president) has tens of thousands of
statements in a large store; reading and comparing them all for every listed statement made a dossier
page cost seconds. Instead each statement gets `BANDS` keys when it is stored: the content's words
(stop words left out, casefolded) are MinHashed and cut into bands of `ROWS` values. Two contents
share a key with probability 1 − (1 − J²)⁸ for the Jaccard similarity J of their word sets: 0.90 at
J = 0.5, 0.97 at 0.6, 0.995 at 0.7, 0.02 at 0.1. Only statements sharing a key are compared in full.

The MinHash is computed for many statements at once with numpy (one pass over all their words), so
indexing an existing store (migration 0009) takes seconds per million statements, not minutes.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

import numpy as np
from sqlalchemy import insert
from sqlalchemy.orm import Session

from factfile.relate.fingerprints import _hash64, name_key, stop_words
from factfile.store.schema import StatementBand, StatementVector

SAME_CLAIM = 1.0  # cosine + Jaccard of content words
SAME_WORDS = 85  # rapidfuzz token_set_ratio: the word-overlap rule, used without vectors
# Letters a Cyrillic word keeps: 5 joined the case and tense forms of eval/realstory's Wagner quotes
# ("Пригожина"/"Пригожин", "прекратят"/"прекращено", "списку"/"списке"), 4 joined unrelated words.
CYRILLIC_STEM = 5
# Content words a content needs to make a claim another content can share, unless the two share a number
# ("о 35 погибших"): a content cut down to a name ("Евгения Пригожина", "Вагнер") is contained in every
# content naming it, and token_set_ratio scores containment 100. Three kept every pair of one labelled
# claim that eval/realstory's Kakhovka statements group and split the Wagner ones that joined five
# claims through such a content.
MIN_CLAIM_WORDS = 3
# Word-set Jaccard at which one source's two contents in one story are one claim (`same_sayer_claim`): on
# eval/realstory's dev sets' carried claims, 0.2 kept 129 same-claim pairs against 2 of two claims, 0.3 112
# against 1 (the rule's denials and numbers included), where its words alone (token_set_ratio 85) kept 86.
SAYER_WORDS = 0.2
# Letters a word keeps, in Latin letters, when one source's contents in two languages are compared (`latin_stems`);
# tuned with SAYER_WORDS on the same pairs: 4 added 15 same-claim pairs and no pair of two claims, 5 and 6 fewer.
LATIN_STEM = 4
# One source's statements of one story are grouped across languages (`sayer_groups`) while their mean closeness,
# cosine of their vectors across languages + this weight times their word overlap, is at least `SAYER_LINKAGE`: on
# eval/realstory's five dev sets (chosen there), 0.6 and 0.5 raised the grouping's recall from 0.160 to 0.184 and its
# precision from 0.817 to 0.819, on each set; lower thresholds grouped more pairs of two claims than of one.
SAYER_LINKAGE = 0.6
SAYER_LINKAGE_WORDS = 0.5
# An attributed statement with no source actor counts as one actor's in its story (corroboration._adopted) where it says
# what one of that actor's statements there says this closely (`sayer_closeness`: a translation, a quote retold) and no
# other actor's comes within ADOPT_MARGIN. On a copy of eval/realstory's five-set store with vectors for every attributed
# statement, grouping P/R went 0.819/0.188 -> 0.817/0.192 at 0.9 (kakhovka, kerch, kramatorsk and wagner gained recall,
# olenivka lost 0.001), 0.816/0.192 at 0.8.
ADOPT_CLOSENESS = 0.9
ADOPT_MARGIN = 0.1
SAME_DOCUMENT_CLOSENESS = -0.2  # one report's statements: one report gives a claim once
APART_CLOSENESS = -1.0  # two counts apart, a denial and an assertion: never one claim
ROWS = 2  # the combination below is written for two rows per band
BANDS = 8
_WORD = re.compile(r"\w+", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Reads compare each listed statement with its peers, each content many times over (a page of twenty asks
# for about 300 word sets); the few thousand most recent contents' words, numbers and negation are kept.
_TEXTS = 4096


@cache
def _seeds() -> np.ndarray:
    """One fixed 64-bit seed per hash function: stored keys stay valid across runs."""
    return np.random.RandomState(20230522).randint(0, 1 << 63, size=ROWS * BANDS, dtype=np.uint64)


def _mix(values: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: seeded with different values, it gives independent-looking hash functions
    (affine hashes a·x + b were correlated across seeds, so a pair's bands agreed or disagreed together)."""
    with np.errstate(over="ignore"):
        values = (values ^ (values >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        values = (values ^ (values >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return values ^ (values >> np.uint64(31))


def words(content: str) -> list[int]:
    """Hashes of the content's distinct words, stop words left out (all words if it has nothing else)."""
    return sorted(_hash64(t) for t in content_words(content))


@cache
def _stop_words() -> frozenset[str]:
    """English, Russian and Ukrainian stop words: one list, as the scripts do not overlap."""
    return stop_words("en") | stop_words("ru") | stop_words("uk")


def _form(word: str) -> str:
    """How a casefolded word is compared: a Cyrillic one by its stem (`CYRILLIC_STEM`), others whole."""
    return word[:CYRILLIC_STEM] if _CYRILLIC.match(word) else word


def _compared(content: str) -> str:
    """The text the word-overlap rule compares: as written, but a Cyrillic content as its stems."""
    if not _CYRILLIC.search(content):
        return content
    return " ".join(sorted(content_words(content)))


def keys_of(contents: Sequence[str]) -> list[list[int]]:
    """The band keys of each content (none for a content without words)."""
    hashed = [words(c) for c in contents]
    sizes = np.array([len(h) for h in hashed])
    result: list[list[int]] = [[] for _ in contents]
    present = np.flatnonzero(sizes)
    if len(present) == 0:
        return result
    flat = np.fromiter((h for i in present for h in hashed[i]), dtype=np.uint64, count=int(sizes.sum()))
    values = _mix(flat[:, None] ^ _seeds())
    starts = np.concatenate(([0], np.cumsum(sizes[present])[:-1]))
    minima = np.minimum.reduceat(values, starts, axis=0).astype(np.uint64)
    bands = minima.reshape(len(present), BANDS, ROWS)
    combined = _mix(bands[:, :, 0] ^ _mix(bands[:, :, 1] ^ _seeds()[:BANDS]))  # one 64-bit key per band
    for row, i in zip(combined.view(np.int64).tolist(), present.tolist(), strict=True):
        result[i] = row
    return result


def band_rows(statements: Iterable[tuple[int, str]]) -> list[dict]:
    """The `statement_bands` rows of (statement id, content) pairs: one per distinct key of each."""
    statements = list(statements)
    return [
        {"key": key, "statement_id": statement_id}
        for (statement_id, _), keys in zip(statements, keys_of([c for _, c in statements]), strict=True)
        for key in set(keys)
    ]


def embedded(analysis) -> list[bool]:
    """Which of the analysis's statements may get a vector (relate/claim_vectors.py gives one to those a
    comparison can use): those a source is said to make, in English.

    A claim is what a source says (eval/realstory's claims all have one); a sentence the article states
    in its own voice is compared by its words (`same_claim` without vectors), which halves the model's
    work. The model is English-only: its vectors of other languages would compare noise.
    """
    english = analysis.article.language == "en"
    return [english and st.source_type != "article" for st in analysis.statements]


def index(session: Session, statements: Iterable[tuple[int, str]], vectors: list[bytes | None] | None = None) -> None:
    """Store the band keys and the vectors of (statement id, content) pairs; the writer calls it for every
    new statement, with the vectors relate/claim_vectors.py made (None for a statement without one).
    Without `vectors` every content is embedded here."""
    from factfile.relate import embedding

    statements = list(statements)
    if rows := band_rows(statements):
        session.execute(StatementBand.__table__.insert(), rows)  # Core: the ORM's bulk path costs more than the rows
    if statements:
        if vectors is None or len(vectors) != len(statements):
            vectors = [embedding.to_bytes(v) for v in embedding.encode([content for _, content in statements])]
        if rows := [{"statement_id": i, "vector": v} for (i, _), v in zip(statements, vectors, strict=True) if v is not None]:
            session.execute(insert(StatementVector), rows)


_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "dozen": 12,
    "dozens": 12, "hundred": 100, "hundreds": 100, "thousand": 1000, "thousands": 1000,
    # Russian and Ukrainian, in the case forms news counts people with ("погибли три человека", "трое
    # погибших", "двух человек"); "один"/"одна" are left out, as "one of" ("один из") counts nothing.
    "два": 2, "две": 2, "двух": 2, "двое": 2, "дві": 2, "двоє": 2, "три": 3, "трех": 3, "трёх": 3, "трое": 3, "троих": 3,
    "троє": 3, "трьох": 3, "четыре": 4, "четырех": 4, "четырёх": 4, "четверо": 4, "чотири": 4, "чотирьох": 4,
    "пять": 5, "пяти": 5, "пятеро": 5, "шесть": 6, "шести": 6, "шість": 6, "семь": 7, "семи": 7,
    "сім": 7, "восемь": 8, "восьми": 8, "вісім": 8, "девять": 9, "девяти": 9, "десять": 10, "десяти": 10,
    # German, French, Italian, Spanish, Portuguese and Polish ("tres personas", "três pessoas", "drei Menschen"), but for
    # words that are also others' ("due" to, "sei" = are, "neuf" = new, "sept" = September, "otto" a name)
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "huit": 8, "dix": 10,
    "tre": 3, "quattro": 4, "cinque": 5, "sette": 7, "dieci": 10,
    "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
    "dois": 2, "duas": 2, "três": 3, "oito": 8, "dez": 10,
    "dwa": 2, "dwie": 2, "dwóch": 2, "trzy": 3, "trzech": 3, "cztery": 4, "czterech": 4, "pięć": 5, "sześć": 6, "siedem": 7,
    "osiem": 8, "dziesięć": 10,
}
_NUMERAL = re.compile(r"\d+(?:[.,]\d+)*")
_NEGATION = frozenset({"not", "no", "never", "n't", "nobody", "nothing", "none", "neither", "nor", "deny", "denied", "denies"})
_TOKEN = re.compile(r"n't|\w+", re.UNICODE)


@lru_cache(maxsize=_TEXTS)
def numbers(content: str) -> frozenset[float]:
    """The numbers a content states, numerals and number words ("70", "two", "four dozen" -> 4 and 12)."""
    found = set()
    for match in _NUMERAL.findall(content):
        try:
            found.add(float(match.replace(",", "")))
        except ValueError:
            continue
    tokens = [t.casefold() for t in _TOKEN.findall(content)]
    # "one of the goals" counts nothing, as "один из" (left out of the number words) does not
    found.update(_NUMBER_WORDS[t] for i, t in enumerate(tokens) if t in _NUMBER_WORDS and not (t == "one" and tokens[i + 1 : i + 2] == ["of"]))
    return frozenset(found)


@lru_cache(maxsize=_TEXTS)
def negated(content: str) -> bool:
    return any(t.casefold() in _NEGATION for t in _TOKEN.findall(content))


@lru_cache(maxsize=_TEXTS)
def content_words(content: str) -> frozenset[str]:
    tokens = {t.casefold() for t in _WORD.findall(content)}
    return frozenset(_form(t) for t in (tokens - _stop_words() or tokens))


_NAME = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?:\n])[\W\d_]*$")


@lru_cache(maxsize=1 << 16)
def names(content: str) -> frozenset[str]:
    """The names a content states, script- and spelling-neutral (fingerprints.name_key: "Ukraine" and
    "Украина" are one key, "Russia" another): capitalised words that are no stop word; a word opening a
    sentence only if it is a country's ("Ukraine blew up ...", not "Apparently, ..." nor "Уголовное
    дело ..."). A name opening a sentence is missed, which only lets two contents meet more often;
    telling it from an ordinary word by its frequency would load a word list per language at read time."""
    from factfile.extract.names import is_country_word

    found = set()
    for match in _NAME.finditer(content):
        word = match.group()
        if not word[0].isupper() or len(word) < 2 or word.casefold() in _stop_words():
            continue
        if _OPENS_SENTENCE.search(content, 0, match.start()) and not is_country_word(word):
            continue
        found.add(name_key(word))
    return frozenset(found)


def names_differ(a: str, b: str) -> bool:
    """Whether each content names someone or something the other does not: "Ukraine blew up the dam" and
    "Russia blew up the dam" are the two sides of a dispute, not one claim, whatever their other words."""
    a_names, b_names = names(a), names(b)
    return bool(a_names - b_names) and bool(b_names - a_names)


def same_claim(
    a: str, b: str, a_vector: np.ndarray | None = None, b_vector: np.ndarray | None = None, polarity: bool = True
) -> bool:
    """Whether two contents assert the same thing (see the module's docstring); vectors from embedding.encode.
    `polarity=False` lets a claim meet its negation (to find a claim and its denial)."""
    from rapidfuzz import fuzz

    a_numbers, b_numbers = numbers(a), numbers(b)
    if a_numbers and b_numbers and not a_numbers & b_numbers:
        return False
    if polarity and negated(a) != negated(b):
        return False
    a_words, b_words = content_words(a), content_words(b)
    if min(len(a_words), len(b_words)) < MIN_CLAIM_WORDS and a_words != b_words and not a_numbers & b_numbers:
        return False
    if a_vector is None or b_vector is None:
        return fuzz.token_set_ratio(_compared(a), _compared(b)) >= SAME_WORDS
    return float(np.dot(a_vector, b_vector)) + _jaccard(a_words, b_words) >= SAME_CLAIM


def same_sayer_claim(a: str, b: str, denials: bool = False, shared_slot: bool = False) -> bool:
    """Whether two contents that one source actor gave within one story assert the same thing, in whatever
    language each outlet reported them: with the source and the happening fixed, little is needed. Numbers
    and negation still separate claims; then two denials (the source rejecting the same report on page
    after page), a shared number, or `SAYER_WORDS` of their content words (stems in Cyrillic) make one
    claim. Measured on eval/realstory's dev sets (kakhovka, kerch, wagner), on the statements carrying
    labelled claims: a speaker's many claims of one story (Prigozhin's ten in Wagner's) mostly share fewer words.
    `shared_slot`: the two fill one slot of the story's happening with one value (relate/slots.py: "the truck
    exploded on the bridge" / "un camion è esploso sul ponte"), which says what they claim in any language and
    carries its own denial, so the words' negation is not compared.
    Two counts each giving a number the other does not (`counts_apart`) are two claims, a shared number or not."""
    a_numbers, b_numbers = numbers(a), numbers(b)
    if counts_apart(a_numbers, b_numbers):
        return False
    if shared_slot:
        return True
    if negated(a) != negated(b):
        return False
    if denials or a_numbers & b_numbers:
        return True
    a_words, b_words = content_words(a), content_words(b)
    if min(len(a_words), len(b_words)) < MIN_CLAIM_WORDS and a_words != b_words:
        return False
    return _jaccard(a_words, b_words) >= SAYER_WORDS or _jaccard(latin_stems(a), latin_stems(b)) >= SAYER_WORDS


def sayer_groups(statements: Sequence, vectors: dict[int, np.ndarray]) -> dict[int, int]:
    """One source's statements of one story (objects with id, document_id, content_text and certainty) grouped into
    the claims they make, in whatever language each outlet reported them: each statement with a vector across
    languages (relate/crosslingual.py) gets the id of its group's first statement. Groups are joined by average
    linkage, the closest first, while their statements' mean closeness is at least `SAYER_LINKAGE`; two statements'
    closeness is their vectors' cosine plus `SAYER_LINKAGE_WORDS` times the larger Jaccard of their content words and
    of their `latin_stems`. Two statements of one document, two counts apart (`counts_apart`) and a denial beside a
    non-denial are kept apart (a negative closeness). A single pair's cosine does not tell one claim from another of
    the same source (on eval/realstory's dev sets same-claim pairs of one source and story had a median cosine of
    0.45, others 0.27); a group's mean over all its pairs does better."""
    kept = [st for st in statements if st.id in vectors]
    if len(kept) < 2:
        return {st.id: st.id for st in kept}
    matrix = np.stack([vectors[st.id] for st in kept])
    words = np.maximum(_jaccards([content_words(st.content_text) for st in kept]), _jaccards([latin_stems(st.content_text) for st in kept]))
    close = np.minimum(1.0, (matrix @ matrix.T).astype(np.float64) + SAYER_LINKAGE_WORDS * words).astype(matrix.dtype)
    documents = np.array([st.document_id for st in kept])
    denials = np.array([st.certainty == "denied" for st in kept])
    distinct: dict[frozenset[float], int] = {}  # each statement's numbers by their index among the distinct ones
    which = np.array([distinct.setdefault(numbers(st.content_text), len(distinct)) for st in kept])
    apart = np.array([[counts_apart(a, b) for b in distinct] for a in distinct], dtype=bool)
    close[apart[np.ix_(which, which)] | np.not_equal.outer(denials, denials)] = APART_CLOSENESS
    close[np.equal.outer(documents, documents)] = SAME_DOCUMENT_CLOSENESS
    group = {}
    for found in _average_linkage(close, SAYER_LINKAGE):
        head = min(kept[i].id for i in found)
        group.update((kept[i].id, head) for i in found)
    return group


def _jaccards(sets: Sequence[frozenset[str]]) -> np.ndarray:
    """The Jaccard similarity (`_jaccard`) of each two of these sets, from the pairs holding each element: the cost
    follows the sum of the squared holder counts, not the number of pairs."""
    count = len(sets)
    shared = np.zeros((count, count))
    holders: dict[str, list[int]] = {}
    for i, found in enumerate(sets):
        for element in found:
            holders.setdefault(element, []).append(i)
    for held in holders.values():
        if len(held) > 1:
            shared[np.ix_(held, held)] += 1
    sizes = np.array([len(found) for found in sets], dtype=np.float64)
    union = np.add.outer(sizes, sizes) - shared
    return shared / np.maximum(1.0, union)


def _average_linkage(close: np.ndarray, floor: float) -> list[list[int]]:
    """The groups of rows that average linkage of a closeness matrix makes: the closest two groups (the highest mean
    closeness of their rows' pairs; of equals, the pair of lowest rows) are joined while that mean is at least `floor`.
    The pairs wait in a heap, an entry pushed before either group last changed passed over: O(n² log n) for n rows,
    where rescanning every mean after each join cost O(n³) (one prolific source's statements in a long story)."""
    count = len(close)
    sizes = [1.0] * count
    changed = [0] * count
    alive = [True] * count
    waiting = [(-float(close[a, b]), a, b, 0, 0) for a in range(count) for b in range(a + 1, count) if close[a, b] >= floor]
    heapq.heapify(waiting)
    members = {i: [i] for i in range(count)}
    while waiting:
        mean, a, b, a_changed, b_changed = heapq.heappop(waiting)
        if not (alive[a] and alive[b]) or changed[a] != a_changed or changed[b] != b_changed:
            continue
        members[a] += members.pop(b)
        close[a, :] += close[b, :]
        close[:, a] = close[a, :]
        alive[b] = False
        sizes[a] += sizes[b]
        changed[a] += 1
        for other in members:
            if other != a and (mean := float(close[a, other]) / (sizes[a] * sizes[other])) >= floor:
                low, high = min(a, other), max(a, other)
                heapq.heappush(waiting, (-mean, low, high, changed[low], changed[high]))
    return list(members.values())


def sayer_closeness(a, b, a_vector: np.ndarray, b_vector: np.ndarray) -> float:
    """One pair's closeness as `sayer_groups` weighs it (two statements with content_text and certainty): their vectors'
    cosine plus `SAYER_LINKAGE_WORDS` times the larger Jaccard of their content words and `latin_stems`; two counts
    apart or a denial beside a non-denial, `APART_CLOSENESS`."""
    if counts_apart(numbers(a.content_text), numbers(b.content_text)) or (a.certainty == "denied") != (b.certainty == "denied"):
        return APART_CLOSENESS
    words = max(_jaccard(content_words(a.content_text), content_words(b.content_text)),
                _jaccard(latin_stems(a.content_text), latin_stems(b.content_text)))
    return min(1.0, float(np.dot(a_vector, b_vector)) + SAYER_LINKAGE_WORDS * words)


def counts_apart(a: frozenset[float], b: frozenset[float]) -> bool:
    """Whether two contents' numbers make them two claims: each states a number the other does not. One source's tolls
    split into parts and told again ("38 died at the scene and 12 more in hospital" / "12 were killed instantly and 40
    died later") share a part and differ in the others; a claim told with a detail more ("two missiles hit the
    station, 30 were killed" / "30 were killed") states every number of the other. On eval/realstory's five dev sets it
    took the grouped pairs of two labelled claims from 136 to 117, and those of one from 553 to 555."""
    return bool(a and b and a - b and b - a)


def sayer_similarity(a: str, b: str, shared_slot: bool = False) -> float:
    """How close two contents of one source are, in whatever languages: the larger of the Jaccard of their content
    words and of their `latin_stems`, plus 1 for a shared number and 1 for a shared slot (the signals
    `same_sayer_claim` reads)."""
    closeness = max(_jaccard(content_words(a), content_words(b)), _jaccard(latin_stems(a), latin_stems(b)))
    return closeness + (1.0 if numbers(a) & numbers(b) else 0.0) + (1.0 if shared_slot else 0.0)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / max(1, len(a | b))


@lru_cache(maxsize=_TEXTS)
def latin_stems(content: str) -> frozenset[str]:
    """The content's words of `LATIN_STEM` letters or more, in Latin letters and cut to that many: what one
    thing's words in two languages may share, names above all ("Пригожин", "Prigozhin", "Prigojine" -> "prig")."""
    from factfile.extract.lang.romanize import latin_letters

    found = set()
    for word in _WORD.findall(content):
        folded = word.casefold()
        if folded in _stop_words():
            continue
        latin = re.sub(r"[^a-z]", "", latin_letters(folded))
        if len(latin) >= LATIN_STEM:
            found.add(latin[:LATIN_STEM])
    return frozenset(found)


def same_words(a: str, b: str) -> bool:
    """The word-overlap rule alone (what corroboration used before vectors): a shared band key and
    token_set_ratio >= `SAME_WORDS`; eval/claims.py prints it beside `same_claim`."""
    from rapidfuzz import fuzz

    a_keys, b_keys = keys_of([a, b])
    return bool(set(a_keys) & set(b_keys)) and fuzz.token_set_ratio(a, b) >= SAME_WORDS


def vectors_of(session: Session, statement_ids: Iterable[int]) -> dict[int, np.ndarray]:
    """The stored vectors of these statements (those that have one)."""
    from sqlalchemy import select

    from factfile.relate.embedding import from_bytes

    ids = set(statement_ids)
    if not ids:
        return {}
    rows = session.execute(select(StatementVector.statement_id, StatementVector.vector).where(StatementVector.statement_id.in_(ids)))
    return {i: from_bytes(v) for i, v in rows}
