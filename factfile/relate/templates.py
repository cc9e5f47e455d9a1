"""Tell a copy from a template: two reports of different events written from one pattern.

Event notes and agency flashes are written from templates ("On 5 January 2022, around 40 police officers
demonstrated in Rennes ..." / "... in Lille ..."): they share most of their word runs but not their
event. A copy keeps the names and numbers of its original (a spinner swaps ordinary words, a wire
desk cuts and adds paragraphs); a template fills its slots with other ones. So the two token streams
are aligned and each short substituted stretch between agreeing runs is a slot: a slot where both sides
hold a different number, or a different rare name, is a conflict. And overall, the text with fewer
numbers and rare names must find most of them in the other: a template's notes share the template's
fixed names ("CONAIE", "2022") but not their places, dates and counts. A figure replaced by one other
figure wherever the text gives it ("30 Menschen getötet ... neben den 30 Toten" / "50 ... 50"), and nothing else
replaced, is an update of one fact (a toll revised in a copy), not a slot filled twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from factfile.relate.fingerprints import common_word, name_key

SLOT_TOKENS = 8  # a substitution longer than this is rewriting, not a filled-in slot
FLANK_TOKENS = 2  # agreeing tokens needed on both sides of a slot (fewer where the text begins or ends)
MIN_MARKS = 3  # numbers and rare names a text needs before their overlap says anything
MARKS_KEPT = 0.7  # share of the fewer numbers and rare names a copy keeps
RARE_ZIPF = 3.5  # a name rarer than this is a proper name ("Rennes" 2.5); a spinner's swaps ("Legion" 3.9) are not
AGREEING_PER_CONFLICT = 8  # a long copy may update a figure or two: one more conflict allowed per 8 agreeing


@dataclass(slots=True)
class Slots:
    conflicts: int  # substituted slots whose numbers or rare names differ
    agreeing: int  # numbers and rare names in agreeing runs
    example: str  # the first conflict, "Rennes / Lille", to explain a rejection
    kept: float = 1.0  # share of the fewer numbers and rare names found in the other text
    places: int = 0  # conflicts between rare names: another place or person (or a spinner's swap of a rare word)

    @property
    def different_events(self) -> bool:
        return self.kept < MARKS_KEPT or self.conflicts >= 1 + self.agreeing // AGREEING_PER_CONFLICT


def _marks(tokens: list[str], language: str) -> tuple[set[str], set[str]]:
    """The numbers and the rare capitalised names among tokens (as name keys)."""
    numbers = {t for t in tokens if t.isdigit()}
    names = {name_key(t) for t in tokens if t[:1].isupper() and len(t) > 1 and not common_word(t.casefold(), language, RARE_ZIPF)}
    return numbers, names


COMPOUND_HEAD = 4  # letters of the shorter word a compound ends with ("Eisenbahnchef" / "Bahnchef")


def _compounds(left: list[str], right: list[str]) -> bool:
    """Whether a word of one side ends with a word of the other: a compound and its head ("Eisenbahnchef" /
    "Bahnchef"), one noun written two ways by a language that capitalises its nouns, not two names."""
    return any(
        x.endswith(y) or y.endswith(x)
        for x in (t.casefold() for t in left)
        for y in (t.casefold() for t in right)
        if min(len(x), len(y)) >= COMPOUND_HEAD
    )


def _updated_figure(replaced: list[tuple[tuple[str, ...], tuple[str, ...]]], a: list[str], b: list[str]) -> bool:
    """Whether every conflict replaces one figure with one other, at least twice, and neither text gives the old
    figure or the new one anywhere else: an update of one fact carried through the text."""
    if len(replaced) < 2 or len(set(replaced)) != 1:
        return False
    old, new = replaced[0]
    if len(old) != 1 or len(new) != 1 or not (old[0].isdigit() and new[0].isdigit()):
        return False
    return a.count(old[0]) == len(replaced) and b.count(new[0]) == len(replaced)


def _stretches(ops) -> list:
    """The alignment as (equal block, None, None) and (block before, ((a start, a end), (b start, b end)), block after)
    for each stretch of adjacent edits: a slot filled with a longer or shorter value ("Loberia (Buenos Aires)" / "La
    Paz (Entre Rios)") aligns as a replacement beside an insertion, one substituted stretch."""
    found, run = [], []
    ops = list(ops)
    for i, op in enumerate(ops):
        if op.tag == "equal":
            found.append((op, None, None))
            continue
        run.append(op)
        if i + 1 < len(ops) and ops[i + 1].tag != "equal":
            continue
        before = ops[i - len(run)] if i >= len(run) else None
        after = ops[i + 1] if i + 1 < len(ops) else None
        found.append((before, ((run[0].src_start, run[-1].src_end), (run[0].dest_start, run[-1].dest_end)), after))
        run = []
    return found


def slots(a: list[str], b: list[str], language: str | None) -> Slots:
    """Align two token streams (case kept) and count the conflicting and agreeing slots."""
    lang = (language or "en").split("-")[0].lower()
    ops = Levenshtein.opcodes([t.casefold() for t in a], [t.casefold() for t in b])
    # numbers and names are compared where the texts overlap: an excerpt cut elsewhere is no conflict
    anchored = [op for op in ops if op.tag == "equal" and op.src_end - op.src_start >= FLANK_TOKENS]
    if anchored:
        window_a = a[anchored[0].src_start : anchored[-1].src_end]
        window_b = b[anchored[0].dest_start : anchored[-1].dest_end]
    else:
        window_a, window_b = a, b
    marks_a, marks_b = (set().union(*_marks(tokens, lang)) for tokens in (window_a, window_b))
    fewer = min(len(marks_a), len(marks_b))
    kept = len(marks_a & marks_b) / fewer if fewer >= MIN_MARKS else 1.0
    conflicts, agreeing, places, example = 0, 0, 0, ""
    replaced: list[tuple[tuple[str, ...], tuple[str, ...]]] = []  # each conflict's two sides
    for before, stretch, after in _stretches(ops):
        if stretch is None:
            numbers, names = _marks(a[before.src_start : before.src_end], lang)
            agreeing += len(numbers) + len(names)
            continue
        (src_start, src_end), (dest_start, dest_end) = stretch
        if not (0 < src_end - src_start <= SLOT_TOKENS and 0 < dest_end - dest_start <= SLOT_TOKENS):
            continue
        if not all(
            f is not None and (f.src_end - f.src_start >= FLANK_TOKENS or f.src_start == 0 or f.src_end == len(a))
            for f in (before, after)
        ):
            continue
        left, right = a[src_start:src_end], b[dest_start:dest_end]
        (numbers_a, names_a), (numbers_b, names_b) = _marks(left, lang), _marks(right, lang)
        named = bool(names_a and names_b and not names_a & names_b and not _compounds(left, right))
        if (numbers_a and numbers_b and not numbers_a & numbers_b) or named:
            conflicts += 1
            places += named
            example = example or f"{' '.join(left)} / {' '.join(right)}"
            replaced.append((tuple(t.casefold() for t in left), tuple(t.casefold() for t in right)))
    if _updated_figure(replaced, a, b):
        conflicts = 0
    if kept < MARKS_KEPT and not example:
        example = " ".join(sorted(marks_a - marks_b)[:3]) + " / " + " ".join(sorted(marks_b - marks_a)[:3])
    return Slots(conflicts, agreeing, example, kept, places)
