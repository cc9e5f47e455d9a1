"""Find the documents a new document copies (or that copy it) and link each copy to its root original.

Candidates come from the stored LSH band keys of three fingerprints (relate/fingerprints.py): word
shingles catch verbatim, re-templated, truncated, padded and re-ordered copies; the stop-word skeleton
catches spun copies whose words were swapped for synonyms; the sequence of names, numbers and dates
catches translations and machine translations, and, for a text crediting a wire agency, other carriers
of the story in its language; the openings of its sentences (keys stored beside the band keys) catch a carrier that
re-edited a wire story too much for any band to meet. Each candidate is then compared on its full text:

- containment: most word shingles of the shorter text are in the longer one (a cut, padded or
  re-edited copy, an excerpt); a smaller share will do between outlets when it holds outside the
  quotations too (two reports quoting one statement share only the quote), or when a third of the text outside
  quotes and a whole sentence of it are shared and both texts open alike (a carrier that updated a quote);
- similarity: the two texts share most of their word shingles (Jaccard);
- paraphrase: the stop-word skeleton and the names and numbers agree although the words do not;
- spun: a good part of the word runs survive (a spinner leaves about 40 % of the 5-word runs) and
  the skeleton agrees, even where names were "synonymised" ("New York Times" -> "New York Instances");
- rewritten: in one language, most sentences of the shorter text find, in the same order, a sentence
  of the other sharing much of its content words (a paraphrasing spinner, a machine translation
  translated back), and the names and numbers come in the same order too; candidates for it come from
  the content-word view;
- translation: in another language (or machine-translated back), the names, numbers and dates come in
  the same order.
A match between two reports of different events written from one template (relate/templates.py) is
dropped, and so is a pair a user said is not a copy (relate/decisions.py).

Which document is the original: a wire agency's own story, or when a text credits an agency ("(Reuters)",
"/ТАСС/") whose page is not stored, a stand-in document for that wire story, so that the outlets
carrying it are copies of the agency rather than of each other; then the one the other declares as its
source ("Source: Watson"); else the one published earlier, else the one stored first. A copy always
points at the root original, so copies of copies collapse to one origin; a new, earlier original
re-roots the copies already found.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

import numpy as np
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from factfile.config import translations_sought
from factfile.records import Article
from factfile.relate import Linking, crosslingual, preparers, relaters
from factfile.relate.decisions import copy_decisions
from factfile.relate.fingerprints import (
    KINDS,
    Fingerprint,
    agreement,
    aligned_closeness,
    band_keys,
    containment,
    content_sentences,
    estimated_containment,
    fingerprint,
    jaccard,
    openings,
    sentence_agreement,
    signature,
    word_shingles,
)
from factfile.relate.outlets import WIRE_COPY, declares_outlet
from factfile.relate.templates import Slots, slots
from factfile.relate.wires import AGENCIES, credited_agency, credited_source, dateline, outlet_agency
from factfile.relate.wires import domains as source_domains
from factfile.store.schema import CopyBand, CopyFingerprint, Document, Outlet, Story, TranslationSignature, TranslationVectors

CANDIDATES = 50  # documents sharing the most word or skeleton band keys whose signatures are compared
NAME_CANDIDATES = 8  # documents in other languages sharing the most name-order band keys, compared in full
# Documents in other languages whose lead signatures differ from a new document's in fewest bits, whose leads are
# compared (relate/crosslingual.py). On eval/realstory's five dev sets, the earlier page of a gold copy pair across
# languages is among the 32 nearest by signature of the pages stored before the later one for 28 of 32 pairs; the
# closeness of their leads brings 22 of them to the top 8 at CANDIDATE_CLOSENESS, one more than among all those pages
# (eval/crosslingual.py): ranking every stored page by exact closeness would find no more.
TRANSLATION_CANDIDATES = 32
# A flash of two or three sentences names a place, a person and a figure or two: its name-order band keys find the text
# it translates when its lead signature does not (a mean of few sentences lands far from a longer lead's).
FLASH_NAMES = 4
STEM_CANDIDATES = 4  # documents in the same language sharing the most content-word band keys, compared in full
# A text also looks, in its own language, at the documents sharing the most name-order band keys, and at those sharing
# the most sentence openings: a cut copy of a longer text shares too small a part of the longer one's word runs for
# their word bands to meet, and another carrier of a wire story, re-edited, too few word runs or content-word bands.
# Each must share a whole sentence's word runs and, unless the two carry one credited wire story, a fifth of the
# shorter text's.
CARRIER_CANDIDATES = 4
STEM_BANDS = 3  # content-word band keys a candidate must share: most unrelated texts share none or one, a rewording 3-8
# A heavy rewording may share only two; such a candidate is read only when its sentences align as a rewrite's do.
FEW_STEM_BANDS = 2
ESTIMATE_FLOOR = 0.2  # estimated containment below which a candidate's text is not read
MIN_SHINGLES = 15  # below this a text is too short to call anything a copy of it
WORD_CONTAINMENT = 0.5
SKELETON_CONTAINMENT = 0.5
ANCHOR_CONTAINMENT = 0.4
SHARED_WORDS = 0.3  # independent reports share a quote or two, under 20 % of their 5-word runs
SPUN_WORDS = 0.2  # a spinner leaves about 40 % of the 5-word runs; with the skeleton, a fifth will do
SPUN_SKELETON = 0.3
SIMILAR_JACCARD = 0.8
ALIGNED_SENTENCES = 5  # sentences aligned in order before a rewording is called a copy
SENTENCE_AGREEMENT = 0.7  # and their share of the text with fewer sentences
# A longer alignment needs a smaller share: independent reports of one event align at most 7 sentences in
# order on eval/realstory, a content farm's rewrite of an explainer with added headings 9 of 15 (tuned together).
LONG_ALIGNMENT = 8
LONG_ALIGNMENT_AGREEMENT = 0.6
# A rewritten copy's aligned sentences share on average at least a third of their content words (Jaccard 0.34-0.67
# on eval/realstory's spun and machine-translated copies), reports of one event that follow one official statement
# in its order 0.20-0.23 where their names also agree in order; chosen on Kerch, checked on Kakhovka and Wagner.
REWORDED_SENTENCE = 0.3
# Carriers of one wire story that re-edit it (cut, re-ordered, a new lead) may share only a few of its
# sentences; when one credits the agency, a whole sentence outside quotes and trailers (15 five-word runs,
# about 20 words; two stories of one agency share its boilerplate, "Reporting by … Editing by …") making
# up a good part of the shorter text's narration is enough, if the two also tell one story: a third of
# the shorter one's names and numbers in the same order. Tuned together on eval/realstory.
WIRE_SENTENCE = 15
# A carrier that updates or rewords a quote shares fewer word runs with the story in all; a third of the narration will
# do with a whole sentence of it, when each text's lead shares a phrase (5 five-word runs, 9 words) with the other.
LEAD_RUNS = 5
WIRE_NARRATION = 0.15
WIRE_NAMES = 0.35
# A carrier that credits nobody (most of the press outside English credits its wire in no line a text keeps) needs
# more: that whole narration sentence, a share of its word runs shared outside quotes (WIRE_NARRATION), and about
# half its sentences aligned in order; reports of one event that share an official's sentence align a third of
# theirs at most on eval/realstory (chosen on Kramatorsk, Wagner and Kerch).
CARRIED_AGREEMENT = 0.45
# A short re-edited copy (a few sentences, each reworded a little, one dropped) aligns fewer sentences than a rewrite
# needs but nearly all of them, and keeps some word runs outside quotes; reports retelling one statement share its
# quotes only (under 0.1 of their word runs outside them on eval/realstory), re-edited copies 0.13-0.24. Tuned together.
RE_EDITED_SENTENCES = 4
RE_EDITED_AGREEMENT = 0.75
RE_EDITED_WORDS = 0.1
MIN_NAMES = 8  # names, numbers and dates a text needs before their order says anything
NAME_AGREEMENT = 0.6  # share of the shorter name sequence found in order in the other text
TRANSLATED_NAMES = 10  # in order, before two texts in two languages are one text (a date, a place and a name recur in any report)
NAME_AGREEMENT_LONGER = 0.4  # and of the longer one: a translation is about as long as its original
REWORDED_SKELETON = 0.2  # in one language, a name-order match also needs some of the sentence skeleton
QUOTED_ONLY = 0.5  # and word runs shared outside quotes too: under half the share of all word runs, the texts share a speech they quote
TEMPLATE_TOKENS = 150  # templated reports (event notes, agency flashes) are shorter than this
VERBATIM = 0.9  # word containment above which two texts are one text whatever their figures
# A text at most 0.6 as long as another, with three quarters of its word runs in it, is an excerpt of it; copies
# padded with their own paragraphs keep under half of theirs in the original on eval/realstory (tuned together).
EXCERPT_LENGTH = 0.6
EXCERPT_CONTAINED = 0.75
STAND_IN = "wire:"  # origin prefix of a stand-in document for a wire story whose page is not stored


@dataclass(slots=True)
class Match:
    """A stored document whose text the new one shares, how much of it, and what kind of copy it is."""

    document_id: int
    words: float  # containment of word shingles
    skeleton: float  # containment of stop-word shingles
    anchors: float  # containment of name/number shingles
    jaccard: float  # word-shingle Jaccard
    names: float = 0.0  # share of the name sequence found in order
    sentences: float = 0.0  # share of sentences aligned in order (a rewritten copy)
    evidence: str = ""
    detail: str = ""  # what was aligned, for the copy reason

    @property
    def score(self) -> float:
        """One number to rank matches: shared words, else shared skeleton, else shared name order."""
        if self.evidence in ("similarity", "containment", "wire", "carried"):
            return self.words
        if self.evidence == "spun":
            return 0.8 * max(self.words, self.skeleton)
        if self.evidence == "paraphrase":
            return min(self.skeleton, self.anchors) * 0.9
        if self.evidence in ("rewritten", "re-edited", "aligned-translation"):
            return 0.7 * self.sentences
        return 0.7 * self.names


def is_copy(
    a: Fingerprint, b: Fingerprint, language: str | None = None, same_language: bool = True, same_outlet: bool = False,
    wire: bool = False, one_dateline: bool = False,
) -> Match | None:
    """Compare two fingerprints in full; a Match (without document id) when one text copies the other.

    Two pages of one outlet share its boilerplate (bylines, teasers, footers), so between them only
    the plain word-run rules count, not the lower bars for spun or partly shared text. `wire`: one of
    the two credits a wire agency and the other no other one (`one_wire`); `one_dateline`: both open with
    that agency's dateline from one place ("KHARKIV, Ukraine (AP) —"), so that telling one story, even
    re-edited or translated back word by word, they carry one wire story."""
    words = containment(a.words, b.words)
    skeleton = containment(a.skeleton, b.skeleton)
    anchor = containment(a.anchors, b.anchors)
    long_enough = min(len(a.words), len(b.words)) >= MIN_SHINGLES
    named = min(len(a.name_sequence), len(b.name_sequence)) >= MIN_NAMES
    names, names_of_longer, common = agreement(a.name_sequence, b.name_sequence) if named else (0.0, 0.0, 0)
    one_story = common >= MIN_NAMES and names >= WIRE_NAMES
    if common < MIN_NAMES or names_of_longer < NAME_AGREEMENT_LONGER:
        names = 0.0  # a few names in common order, or a short text's names inside a long one: one story, not one text
    match = Match(0, words, skeleton, anchor, jaccard(a.words, b.words), names)
    skeletal = min(len(a.skeleton), len(b.skeleton)) >= MIN_SHINGLES
    narration = containment(a.narration, b.narration)
    if not same_language:
        match.evidence = "translation" if names >= NAME_AGREEMENT and common >= TRANSLATED_NAMES else ""
    elif long_enough and words >= WORD_CONTAINMENT and (words >= VERBATIM or narration >= SHARED_WORDS):
        match.evidence = "similarity" if match.jaccard >= SIMILAR_JACCARD else "containment"
    elif skeletal and skeleton >= SKELETON_CONTAINMENT and anchor >= ANCHOR_CONTAINMENT:
        match.evidence = "paraphrase"
    elif not same_outlet and long_enough and skeletal and min(words, narration) >= SPUN_WORDS and skeleton >= SPUN_SKELETON:
        match.evidence = "spun"
    elif (
        not same_outlet
        and long_enough
        and narration >= SHARED_WORDS
        and (words >= SHARED_WORDS or (_wire_sentence(a, b) and _shared_lead(a, b)))
    ):
        match.evidence = "containment"
    elif not same_outlet and wire and one_story and (one_dateline or _wire_sentence(a, b)):
        match.evidence = "wire"
    elif names >= NAME_AGREEMENT and skeleton >= REWORDED_SKELETON and narration >= words * QUOTED_ONLY:
        match.evidence = "reworded"
    elif not same_outlet and one_story and min(words, narration) >= RE_EDITED_WORDS and _re_edited(a, b):
        match.evidence = "re-edited"
        match.sentences = sentence_agreement(a.sentences, b.sentences)[0]
    elif not same_outlet and one_story and not _quoted_only(words, narration) and _rewritten(a, b.sentences):
        match.evidence = "rewritten"
        match.sentences = sentence_agreement(a.sentences, b.sentences)[0]
    elif (
        not same_outlet
        and one_story
        and min(words, narration) >= WIRE_NARRATION
        and _wire_sentence(a, b)
        and (carried := _carried(a, b)) is not None
    ):
        match.evidence = "carried"
        match.sentences = carried
    if not match.evidence:
        return None
    if same_language and _templated(a, b) and _other_event(slots(a.tokens, b.tokens, language), words):
        return None
    return match


def _quoted_only(words: float, narration: float) -> bool:
    """Whether the word runs two texts share are mostly inside quotes: two reports quoting one statement at
    length align its sentences as a rewrite's, but share hardly any of the words around them."""
    return words >= RE_EDITED_WORDS and narration < words * QUOTED_ONLY


def _rewritten(a: Fingerprint, sentences: list[frozenset[str]]) -> bool:
    """Sentences aligned in order, each pair sharing most of its content words."""
    return _sentences_agree(a, sentences) and aligned_closeness(a.sentences, sentences) >= REWORDED_SENTENCE


def _re_edited(a: Fingerprint, b: Fingerprint) -> bool:
    """Nearly all sentences of the shorter text aligned in order, each sharing some of its content words."""
    return _mostly_aligned(a, b.sentences) and aligned_closeness(a.sentences, b.sentences) >= REWORDED_SENTENCE


def _carried(a: Fingerprint, b: Fingerprint) -> float | None:
    """The share of sentences aligned when two texts align, in order, about half the sentences of the one with fewer,
    each pair sharing some of its content words: a carrier that re-edited a story (cut, a paragraph moved, its own
    lead), not a report that shares a statement's sentence with it; else None."""
    share, aligned = sentence_agreement(a.sentences, b.sentences)
    if aligned < ALIGNED_SENTENCES or share < CARRIED_AGREEMENT:
        return None
    return share if aligned_closeness(a.sentences, b.sentences) >= REWORDED_SENTENCE else None


def _mostly_aligned(a: Fingerprint, sentences: list[frozenset[str]]) -> bool:
    share, aligned = sentence_agreement(a.sentences, sentences)
    return aligned >= RE_EDITED_SENTENCES and share >= RE_EDITED_AGREEMENT


def _sentences_agree(a: Fingerprint, sentences: list[frozenset[str]]) -> bool:
    share, aligned = sentence_agreement(a.sentences, sentences)
    return (aligned >= ALIGNED_SENTENCES and share >= SENTENCE_AGREEMENT) or (
        aligned >= LONG_ALIGNMENT and share >= LONG_ALIGNMENT_AGREEMENT
    )


def _wire_sentence(a: Fingerprint, b: Fingerprint) -> bool:
    """Whether two texts share a whole sentence outside quotes and trailers, a good part of the shorter one's."""
    return _shared(a.body, b.body) >= WIRE_SENTENCE and containment(a.body, b.body) >= WIRE_NARRATION


def _shared_lead(a: Fingerprint, b: Fingerprint) -> bool:
    """Whether each text's lead shares word runs with the other: carriers of one story keep its opening, while two
    texts sharing a block of boilerplate (a company's "About" paragraph, a disclaimer) open differently, even where
    one of them moved that block to its top."""
    return _shared(a.lead, b.words) >= LEAD_RUNS and _shared(b.lead, a.words) >= LEAD_RUNS


def _shared(a: np.ndarray, b: np.ndarray) -> int:
    return len(np.intersect1d(a, b, assume_unique=True))


def one_wire(a: str | None, b: str | None) -> bool:
    """Whether, of two texts crediting these agencies (or None), one credits a wire agency and the other
    no other source."""
    credited = a or b
    return credited in AGENCIES and a in (None, credited) and b in (None, credited)


def _templated(a: Fingerprint, b: Fingerprint) -> bool:
    """Whether two matching texts could be one template's reports of different events: both short (event notes,
    flashes)."""
    return max(a.token_count, b.token_count) < TEMPLATE_TOKENS


def _other_event(found: Slots, words: float) -> bool:
    """Whether the slots of two short matching texts tell different events; near-verbatim texts are one text whatever
    their figures, but not with another place or person in a slot ("protesters gathered in Plovdiv" / "in Varna")."""
    return found.places > 0 if words >= VERBATIM else found.different_events


def template_conflict(a: Fingerprint, b: Fingerprint, language: str | None = None) -> str:
    """The first slot where two texts differ in a number or name ("Rennes / Lille"), or ""."""
    found = slots(a.tokens, b.tokens, language)
    return found.example if found.different_events else ""


@dataclass(slots=True)
class Sketch:
    """A text's fingerprint with its MinHash signatures: what is compared and what is stored."""

    print: Fingerprint
    signatures: dict[str, np.ndarray]
    dateline: str | None = None  # a wire story's "PLACE (Agency)"
    openings: list[int] = field(default_factory=list)  # keys of its sentences' openings (fingerprints.openings)

    def keys(self, kinds: tuple[str, ...] = KINDS) -> list[int]:
        return [key for kind in kinds for key in band_keys(self.signatures[kind], kind)]


def sketch(text: str, language: str | None, with_anchors: bool = True) -> Sketch:
    print_ = fingerprint(text, language, with_anchors)
    return Sketch(print_, {kind: signature(print_.view(kind), kind) for kind in KINDS}, dateline(text), openings(text, language))


def find_copies(session: Session, text: str, language: str | None, exclude: int | None = None) -> list[Match]:
    """Stored documents that `text` copies or that copy it, best match first."""
    return _matches(session, sketch(text, language), language, exclude, None, credited_agency(text))


def _name_candidates(session: Session, new: Sketch, exclude: int | None) -> list[int]:
    """The documents sharing the most name-order band keys with a text naming enough names to have an order."""
    return _top(session, new.keys(("names",)), exclude, CANDIDATES) if len(new.print.name_sequence) >= MIN_NAMES else []


def _top(session: Session, keys: list[int], exclude: int | None, limit: int, minimum: int = 1) -> list[int]:
    """The documents sharing the most of these band keys, at least `minimum` of them (an index lookup)."""
    return list(_top_shared(session, keys, exclude, limit, minimum))


def _top_shared(session: Session, keys: list[int], exclude: int | None, limit: int, minimum: int = 1) -> dict[int, int]:
    """`_top` with the number of keys each document shares, best first."""
    if not keys:
        return {}
    shared = func.count().label("shared")
    query = select(CopyBand.document_id, shared).where(CopyBand.key.in_(keys))
    if exclude is not None:
        query = query.where(CopyBand.document_id != exclude)
    query = query.group_by(CopyBand.document_id)
    if minimum > 1:
        query = query.having(shared >= minimum)
    query = query.order_by(shared.desc(), CopyBand.document_id).limit(limit)
    return dict(session.execute(query).all())


def _in_other_languages(session: Session, ids: list[int], language: str | None, limit: int, other: bool = True) -> list[int]:
    """Of these documents (best first), those in another language than `language` (or, not `other`, in it)."""
    if not ids:
        return []
    languages = dict(session.execute(select(Document.id, Document.language).where(Document.id.in_(ids))).all())
    return [i for i in ids if (_base(languages.get(i)) != _base(language)) == other][:limit]


def _in_language(session: Session, ids: list[int], language: str | None, limit: int) -> list[int]:
    return _in_other_languages(session, ids, language, limit, other=False)


def _matches(
    session: Session,
    new: Sketch,
    language: str | None,
    exclude: int | None,
    outlet_id: int | None,
    credits: str | None = None,
    by_names: list[int] | None = None,
) -> list[Match]:
    """Three sieves: shared band keys (index), estimated overlap (signatures), full comparison (texts); `by_names`
    are the `_name_candidates`, when the caller has them already."""
    candidates = _top(session, new.keys(("words", "skeleton")), exclude, CANDIDATES)
    likely = [
        row.document_id
        for row in session.scalars(select(CopyFingerprint).where(CopyFingerprint.document_id.in_(candidates)))
        if _estimate(new, row) >= ESTIMATE_FLOOR
    ] if candidates else []
    carried: list[int] = []
    if by_names is None:
        by_names = _name_candidates(session, new, exclude)
    if by_names:
        named = _in_other_languages(session, by_names, language, NAME_CANDIDATES)
        likely += [d for d in named if d not in set(likely)]
        carried = [d for d in _in_language(session, by_names, language, CARRIER_CANDIDATES) if d not in set(likely)]
    opened = _in_language(session, _top(session, new.openings, exclude, CANDIDATES), language, CARRIER_CANDIDATES)
    carried += [d for d in opened if d not in set(likely) and d not in set(carried)]
    if len(new.print.sentences) >= RE_EDITED_SENTENCES:
        rewrite = len(new.print.sentences) >= ALIGNED_SENTENCES  # long enough to align as a rewrite
        stemmed = _top_shared(session, new.keys(("stems",)), exclude, CANDIDATES, FEW_STEM_BANDS if rewrite else STEM_BANDS)
        worded = [
            d for d in _in_language(session, list(stemmed), language, STEM_CANDIDATES)
            if d not in set(likely) and (stemmed[d] >= STEM_BANDS or d not in set(carried))
        ]
    else:
        stemmed, worded = {}, []
    carried = [d for d in carried if d not in set(worded)]
    if not likely and not worded and not carried:
        return []
    matches = []
    for document_id, text, other_language, other_outlet, declared in session.execute(
        select(Document.id, Document.text, Document.language, Document.outlet_id, Document.declared_source)
        .where(Document.id.in_(likely + worded + carried))
    ):
        wire = one_wire(credits, credited_agency(text, declared))
        one_dateline = wire and new.dateline is not None and new.dateline == dateline(text)
        if one_dateline:
            pass  # another carrier of the wire story filed from the same place: read in full
        elif document_id in carried and not (
            _shared(new.print.words, shingles := word_shingles(text)) >= WIRE_SENTENCE
            and (wire or containment(new.print.words, shingles) >= SPUN_WORDS)
        ):
            continue  # found only by its names in its language: it must share a sentence (`CARRIER_CANDIDATES`)
        elif document_id in worded and stemmed[document_id] < STEM_BANDS and not (
            (wire and _shared(new.print.words, word_shingles(text)) >= WIRE_SENTENCE)
            or _rewritten(new.print, content_sentences(text, other_language))
        ):
            continue  # few content-word bands: read only a rewrite, or a carrier of the credited wire story sharing a sentence
        elif document_id in worded and len(new.print.sentences) < ALIGNED_SENTENCES and not _mostly_aligned(
            new.print, content_sentences(text, other_language)
        ):
            continue  # a short text found by its content words: nearly all its sentences must align
        elif document_id in worded and not (
            _sentences_agree(new.print, sentences := content_sentences(text, other_language))
            or _mostly_aligned(new.print, sentences)
            or containment(new.print.words, shingles := word_shingles(text)) >= SPUN_WORDS
            or (wire and _shared(new.print.words, shingles) >= WIRE_SENTENCE)
        ):
            continue  # found only by its content words: its sentences or word runs decide before the whole text is read
        same = _base(language) == _base(other_language)
        same_outlet = outlet_id is not None and outlet_id == other_outlet
        match = is_copy(new.print, fingerprint(text, other_language), language, same_language=same, same_outlet=same_outlet, wire=wire,
                        one_dateline=one_dateline)
        if match is not None:
            match.document_id = document_id
            matches.append(match)
    return sorted(matches, key=lambda m: (-m.score, m.document_id))


def _base(language: str | None) -> str:
    return (language or "en").split("-")[0].lower()


def _estimate(new: Sketch, stored: CopyFingerprint) -> float:
    """The larger of the estimated word and skeleton containments."""
    words = estimated_containment(
        new.signatures["words"], len(new.print.words), np.frombuffer(stored.words, dtype=np.uint32), stored.words_size
    )
    skeleton = estimated_containment(
        new.signatures["skeleton"],
        len(new.print.skeleton),
        np.frombuffer(stored.skeleton, dtype=np.uint32),
        stored.skeleton_size,
    )
    return max(words, skeleton)


def index(session: Session, entries: dict[int, Sketch]) -> None:
    """Store documents' band keys and signatures so that later documents find them."""
    ids = list(entries)
    session.execute(delete(CopyBand).where(CopyBand.document_id.in_(ids)))
    session.execute(delete(CopyFingerprint).where(CopyFingerprint.document_id.in_(ids)))
    bands = [
        {"document_id": i, "key": k} for i, entry in entries.items() for k in sorted(set(entry.keys()) | set(entry.openings))
    ]
    if bands:
        session.execute(insert(CopyBand), bands)
    session.execute(
        insert(CopyFingerprint),
        [
            {
                "document_id": i,
                "words": entry.signatures["words"].tobytes(),
                "words_size": len(entry.print.words),
                "skeleton": entry.signatures["skeleton"].tobytes(),
                "skeleton_size": len(entry.print.skeleton),
            }
            for i, entry in entries.items()
        ],
    )


_EDITION = re.compile(r"/([a-z]{2})(?:[-_][a-zA-Z]{2})?(?:/|$)")
LANGUAGE_CODES = frozenset(
    "ar az be bg bs ca cs da de el en es et fa fi fr he hi hr hu hy id it ja ka kk ko ky lt lv mk ms nl no pl pt ro ru "
    "sk sl sq sr sv tg th tk tr uk ur uz vi zh".split()
)


@dataclass(slots=True)
class Side:
    """What decides which of two matching documents is the original."""

    id: int
    published: date | None
    declared_source: str | None
    outlet: Outlet | None
    credits: str | None = None  # the wire agency the text credits
    agency: str | None = None  # the agency whose own story this is (its page, or a stand-in)
    stand_in: bool = False
    edition: str | None = None  # the language edition its address names ("/ru/…" on a site whose own pages have none)
    length: int = 0  # characters of text


def original_of(new: Side, old: Side, words: float = 0.0, bridge: bool = False) -> tuple[Side, Side, str]:
    """(original, copy, reason) for two documents with the same text; `old` was stored first; `words`: the share
    of the shorter one's word runs in the other; `bridge`: `new` matches copies that do not match each other.

    When the dates do not decide, a page bearing its date is the original of one bearing none (a site's own
    page carries the dateline its mirrors and AMP pages drop); then a site's page in its own edition is the
    original of its page in a language edition ("/ru/…"), a full text the original of an excerpt of it (the lead paragraphs of an AMP page or an
    aggregator's snippet): an excerpt cannot be the source of what it leaves out; and a text the others each
    keep a different part of is theirs."""
    for first, second in ((new, old), (old, new)):
        if first.agency and second.stand_in and not first.stand_in:
            return first, second, f"the {first.agency} story itself"
    for first, second in ((new, old), (old, new)):
        if first.agency and not second.agency and (first.stand_in or second.credits in (None, first.agency)):
            return first, second, _copy_of(first.agency)
    for first, second in ((new, old), (old, new)):
        if second.credits and not second.agency and first.outlet and declares_outlet(second.credits, first.outlet):
            return first, second, f"credited source {second.credits!r}"
    if new.declared_source and old.outlet and declares_outlet(new.declared_source, old.outlet):
        return old, new, f"declared source {new.declared_source!r}"
    if old.declared_source and new.outlet and declares_outlet(old.declared_source, new.outlet):
        return new, old, f"declared source {old.declared_source!r}"
    if new.published and old.published and new.published != old.published:
        if new.published < old.published:
            return new, old, "earliest date"
        return old, new, "earliest date"
    if (new.published is None) != (old.published is None):
        dated, undated = (new, old) if new.published else (old, new)
        return dated, undated, "the dated page (the other bears no date)"
    for first, second in ((new, old), (old, new)):
        if first.edition is None and second.edition is not None and _same_outlet(first, second):
            return first, second, f"the site's own edition (the other is its {second.edition!r} edition)"
    if words >= EXCERPT_CONTAINED:
        for first, second in ((new, old), (old, new)):
            if second.length <= EXCERPT_LENGTH * first.length:
                return first, second, "the fuller text (the other is an excerpt of it)"
    if bridge:
        return new, old, "the others each keep a part of it"
    return old, new, "first stored"


def _same_outlet(a: Side, b: Side) -> bool:
    return a.outlet is not None and b.outlet is not None and a.outlet.id == b.outlet.id


def edition(url: str | None) -> str | None:
    """The language a page's address files it under ("https://vikna.tv/ru/video/…" -> "ru"), else None."""
    if not url:
        return None
    found = _EDITION.match(urlsplit(url).path)
    return found.group(1) if found and found.group(1) in LANGUAGE_CODES else None


def _copy_of(source: str) -> str:
    """The reason of a copy of a credited source: a wire copy of an agency, else a copy of the site."""
    return f"{WIRE_COPY}{source}" if source in AGENCIES else f"copy of {source}"


def is_stand_in(document: Document) -> bool:
    return document.origin.startswith(STAND_IN) and document.url is None


def _side(session: Session, document: Document) -> Side:
    outlet = session.get(Outlet, document.outlet_id) if document.outlet_id is not None else None
    if is_stand_in(document):
        name = document.origin.removeprefix(STAND_IN)
        return Side(document.id, document.published, None, outlet, name, name, stand_in=True)
    credits = credited_source(document.text, document.declared_source, document.title, document.url)
    own = outlet_agency(outlet) or (credits if credits and outlet is not None and declares_outlet(credits, outlet) else None)
    return Side(document.id, document.published, document.declared_source, outlet, credits,
                own if own and credits in (None, own) else None, edition=edition(document.url), length=len(document.text))


def root_original(session: Session, document: Document) -> Document:
    """The root original of a document's copy group (the document itself when it is no copy)."""
    return session.get(Document, document.copy_of_id) if document.copy_of_id is not None else document


def _merge(session: Session, original: Document, copy: Document, reason: str, match: Match | None) -> None:
    """Make `copy` (a root) and all its copies point at `original`; a replaced stand-in is dropped."""
    session.execute(update(Document).where(Document.copy_of_id == copy.id).values(copy_of_id=original.id))
    if is_stand_in(copy):
        drop_stand_in(session, copy)
        return
    copy.copy_of_id = original.id
    detail = f"{match.detail}; " if match is not None and match.detail else ""
    copy.copy_reason = f"{reason}; {detail}{match.evidence} {match.score:.2f}" if match is not None else reason
    copy.copy_similarity = round(match.score, 4) if match is not None else None


def drop_stand_in(session: Session, stand_in: Document) -> None:
    """Delete a stand-in whose real original arrived, keeping its story's size right."""
    if stand_in.story_id is not None and (story := session.get(Story, stand_in.story_id)) is not None:
        story.size = max(0, (story.size or 1) - 1)
    session.delete(stand_in)
    session.flush()


def _agency_outlet(session: Session, agency: str) -> Outlet:
    """The agency's outlet: the one of its own domain when stored, else one known by its name."""
    domains = source_domains(agency)
    found = session.scalars(select(Outlet).where(Outlet.key.in_([*domains, *(f"www.{d}" for d in domains)]))).first()
    if found is not None:
        return found
    key = f"name:{agency.casefold()}"
    found = session.scalar(select(Outlet).where(Outlet.key == key))
    if found is None:
        found = Outlet(key=key, name=agency)
        session.add(found)
        session.flush()
    return found


def stand_in(session: Session, agency: str, carrier: Document) -> Document:
    """A document standing for a wire story (or another credited source's page) that is not stored: its carriers' root."""
    digest = hashlib.sha256(f"{STAND_IN}{agency}:{carrier.content_hash}".encode()).hexdigest()
    found = session.scalar(select(Document).where(Document.content_hash == digest))
    if found is not None:
        return found
    document = Document(
        content_hash=digest, origin=f"{STAND_IN}{agency}", url=None, title=carrier.title, published=carrier.published,
        site=agency, outlet_id=_agency_outlet(session, agency).id, language=carrier.language, text="",
        story_id=carrier.story_id, copy_reason=f"stands in for the {agency} story (its own page is not stored)",
    )
    session.add(document)
    session.flush()
    if document.story_id is not None and (story := session.get(Story, document.story_id)) is not None:
        story.size = (story.size or 0) + 1
    return document


def link(session: Session, document: Document, matches: list[Match]) -> Document | None:
    """Join the document to the groups of every document it matches, under one root original; return it.

    Matching two groups at once happens when an original arrives after copies that do not match each
    other (a spun copy and a truncated one): both groups then collapse onto one origin.
    """
    apart = _kept_apart(session, document)
    root = root_original(session, document)  # a forwarded post is linked to its original before its text is compared
    linked = root.id != document.id
    groups = {root_original(session, session.get(Document, m.document_id)).id for m in matches}
    bridge = not linked and len(groups - {root.id}) > 1
    for match in matches:
        other_document = session.get(Document, match.document_id)
        if other_document.content_hash in apart:
            continue
        other = root_original(session, other_document)
        if other.id == root.id or other.content_hash in apart:
            continue
        first, second = (root, other) if root.id < other.id else (other, root)
        new, old = _side(session, second), _side(session, first)
        agency = _shared_wire(new, old)
        if agency is not None:
            wire = stand_in(session, agency, first)
            for member in (first, second):
                _merge(session, wire, member, f"{_copy_of(agency)} (credited; its own page is not stored)", match)
            root, linked = wire, True
            continue
        bridging = bridge and root.id == document.id
        sides = (_side(session, root), _side(session, other)) if bridging else (new, old)
        original, _, reason = original_of(*sides, match.words, bridge=bridging)
        winner, loser = (first, second) if original.id == first.id else (second, first)
        _merge(session, winner, loser, reason, match)
        root, linked = winner, True
    return root if linked else None


def _shared_wire(new: Side, old: Side) -> str | None:
    """The agency two carriers of one wire story credit when neither is the agency's own story."""
    if new.agency or old.agency:
        return None
    credited = new.credits or old.credits
    if credited and new.credits in (None, credited) and old.credits in (None, credited):
        return None if any(side.outlet and declares_outlet(credited, side.outlet) for side in (new, old)) else credited
    return None


def _kept_apart(session: Session, document: Document) -> set[str]:
    """Content hashes of the documents a user said this one does not copy (and is not copied by)."""
    return {
        original if copy == document.content_hash else copy
        for kind, copy, original in copy_decisions(session, document.content_hash)
        if kind == "not_copy"
    }


def apply_user_links(session: Session, document: Document) -> None:
    """Make the links users decided for this document ("a copy of that one"), whatever its text says."""
    for kind, copy_hash, original_hash in copy_decisions(session, document.content_hash):
        if kind != "copy_of":
            continue
        copy = session.scalar(select(Document).where(Document.content_hash == copy_hash))
        original = session.scalar(select(Document).where(Document.content_hash == original_hash))
        if copy is None or original is None:
            continue
        force_link(session, copy, original, "copy by user decision")


def force_link(session: Session, copy: Document, original: Document, reason: str) -> None:
    """Make `copy`'s group copies of `original`'s root."""
    copy_root, original_root = root_original(session, copy), root_original(session, original)
    if copy_root.id == original_root.id and copy.copy_of_id == original_root.id:
        return
    if copy_root.id != original_root.id:
        _merge(session, original_root, copy_root, reason, None)
    if copy.id != original_root.id and copy.copy_of_id != original_root.id:
        copy.copy_of_id = original_root.id
        copy.copy_reason = reason


def unlink(session: Session, copy: Document) -> None:
    """Detach a copy from its original: it becomes a root again."""
    copy.copy_of_id = None
    copy.copy_reason = None
    copy.copy_similarity = None
    session.flush()


def _translations(
    session: Session, document: Document, by_names: list[int], matches: list[Match], signatures: Signatures
) -> tuple[list[Match], dict[int, Encoded]]:
    """`matches` and the stored documents in other languages whose sentences pair off with the new one's in order
    (relate/crosslingual.py): a translation whose names are too few, or spelt too differently, for their order alone to
    tell. Candidates are the documents whose lead signatures are nearest (`Signatures`), and those found by name-order
    keys (`by_names`); those whose leads are closest (crosslingual.lead_closeness) are aligned whole. A match by names in
    order across languages is kept when its sentences pair off too (crosslingual.pairs_off), or when either text is too
    short to align. Also the vectors to store: the new document's, and the candidates' encoded or completed now."""
    texts, quoted = crosslingual.split(document.text)
    if len(texts) < crosslingual.ALIGNABLE:
        return matches, {}
    vectors = crosslingual.encode(texts[: crosslingual.LEAD])
    found = {m.document_id for m in matches}
    by_order = [m.document_id for m in matches if m.evidence == "translation"]
    nearest = signatures.nearest(session, crosslingual.signature(vectors), document.language, document.id)
    named = _in_other_languages(session, by_names, document.language, CANDIDATES)
    ids = [d for d in nearest + named if d not in found]
    candidates = _vectors(session, list(dict.fromkeys(ids + by_order)))
    ranked = sorted(
        ((crosslingual.lead_closeness(vectors, e.vectors), d) for d, e in candidates.items() if d not in found),
        key=lambda c: (-c[0], c[1]),
    )
    close = [d for closeness, d in ranked[:NAME_CANDIDATES] if closeness >= crosslingual.CANDIDATE_CLOSENESS]
    aligned = close + [d for d in by_order if d in candidates]
    translated, unaligned = [], set()
    if aligned:
        vectors = crosslingual.completed(texts, vectors)
        stored = {d: text for d, text in session.execute(select(Document.id, Document.text).where(Document.id.in_(aligned)))}
    for document_id in aligned:
        entry = candidates[document_id]
        other, quoted_other = crosslingual.split(stored.get(document_id) or "")
        if len(entry.vectors) < entry.sentences:
            entry.vectors, entry.changed = crosslingual.completed(other, entry.vectors), True
        if document_id in found:
            alignment = crosslingual.mutual_alignment(vectors, entry.vectors, quoted_a=quoted, quoted_b=quoted_other)
            if not crosslingual.pairs_off(alignment):
                unaligned.add(document_id)
            continue
        alignment = crosslingual.aligned_translation(vectors, entry.vectors, quoted, quoted_other)
        if alignment is not None:
            translated.append(
                Match(document_id, 0.0, 0.0, 0.0, 0.0, sentences=alignment.share, evidence="aligned-translation", detail=str(alignment))
            )
    kept = [m for m in matches if m.document_id not in unaligned]
    return kept + translated, {**candidates, document.id: Encoded(vectors, len(texts), stored=False)}


class Signatures:
    """The stored documents' lead signatures (`TranslationSignature`), kept in memory by the relater: each new document
    reads only the rows signed since (an index range), then ranks every document in another language by the bits its
    signature differs in (16 bytes a document; a store of 100,000 such documents ranks in milliseconds)."""

    def __init__(self) -> None:
        self.ids = np.zeros(0, dtype=np.int64)
        self.languages = np.zeros(0, dtype="<U8")
        self.bits = np.zeros((0, crosslingual.SIGNATURE_BITS // 8), dtype=np.uint8)
        self.last = 0

    def nearest(self, session: Session, signature: bytes | None, language: str | None, exclude: int | None) -> list[int]:
        """The TRANSLATION_CANDIDATES documents in other languages than `language` nearest to `signature`."""
        if signature is None:
            return []
        self.read(session)
        other = (self.languages != _base(language)) & (self.ids != (exclude if exclude is not None else -1))
        ids, distances = self.ids[other], crosslingual.hamming(self.bits[other], signature)
        order = np.lexsort((ids, distances))[:TRANSLATION_CANDIDATES]
        return [int(i) for i in ids[order]]

    def read(self, session: Session) -> None:
        rows = session.execute(
            select(TranslationSignature.document_id, TranslationSignature.language, TranslationSignature.signature)
            .where(TranslationSignature.document_id > self.last)
            .order_by(TranslationSignature.document_id)
        ).all()
        if rows:
            self.ids = np.concatenate([self.ids, np.array([r.document_id for r in rows], dtype=np.int64)])
            self.languages = np.concatenate([self.languages, np.array([r.language for r in rows], dtype="<U8")])
            signed = np.frombuffer(b"".join(r.signature for r in rows), dtype=np.uint8).reshape(len(rows), -1)
            self.bits = np.vstack([self.bits, signed])
            self.last = rows[-1].document_id


def _few_names(session: Session, new: Sketch, exclude: int | None) -> list[int]:
    """The documents sharing the most name-order band keys with a text naming FLASH_NAMES to MIN_NAMES names, numbers
    and dates: too few for their order to tell a copy, enough to find the text a flash translates (its sentences decide)."""
    return _top(session, new.keys(("names",)), exclude, CANDIDATES) if len(new.print.name_sequence) >= FLASH_NAMES else []


@dataclass(slots=True)
class Encoded:
    vectors: np.ndarray  # of a text's first sentences (crosslingual.LEAD), or of all `sentences`
    sentences: int
    stored: bool  # a row in TranslationVectors, with its signature in TranslationSignature
    changed: bool = False  # completed since


def _vectors(session: Session, ids: list[int]) -> dict[int, Encoded]:
    """The stored sentence vectors of these documents, and the first sentences' of those with none stored; none for a
    text too short to align as a translation."""
    if not ids:
        return {}
    found = {
        row.document_id: Encoded(crosslingual.unpack(row.vectors, row.scales), row.sentences, stored=True)
        for row in session.scalars(select(TranslationVectors).where(TranslationVectors.document_id.in_(ids)))
    }
    missing = [d for d in ids if d not in found]
    for document_id, text in session.execute(select(Document.id, Document.text).where(Document.id.in_(missing))) if missing else ():
        texts = crosslingual.sentences(text or "")
        if len(texts) >= crosslingual.ALIGNABLE:
            found[document_id] = Encoded(crosslingual.encode(texts[: crosslingual.LEAD]), len(texts), stored=False)
    return found


def index_translations(session: Session, texts: dict[int, str], encoded: dict[int, Encoded] | None = None) -> None:
    """Store the sentence vectors of documents and of `encoded` ones (at hand; for `texts` not among them, those stored
    already, else encoded now), and the lead signatures (relate/crosslingual.py) of `texts` and of the others newly
    stored."""
    encoded = {**_vectors(session, [i for i in texts if i not in (encoded or {})]), **(encoded or {})}
    written = {i: e for i, e in encoded.items() if not e.stored or e.changed}
    if written:
        session.execute(delete(TranslationVectors).where(TranslationVectors.document_id.in_(list(written))))
        rows = []
        for i, entry in written.items():
            packed, scales = crosslingual.pack(entry.vectors)
            rows.append({"document_id": i, "vectors": packed, "scales": scales, "sentences": entry.sentences})
        session.execute(insert(TranslationVectors), rows)
    signed = list(dict.fromkeys([i for i in texts if i in encoded] + [i for i, e in encoded.items() if not e.stored]))
    if signed:
        languages = dict(session.execute(select(Document.id, Document.language).where(Document.id.in_(signed))).all())
        session.execute(delete(TranslationSignature).where(TranslationSignature.document_id.in_(signed)))
        rows = [
            {"document_id": i, "language": _base(languages.get(i)), "signature": signature}
            for i in signed
            if i in languages and (signature := crosslingual.signature(encoded[i].vectors)) is not None
        ]
        if rows:
            session.execute(insert(TranslationSignature), rows)


@preparers.register("copies")
def article_sketch(article: Article) -> Sketch:
    return sketch(article.text, article.language)


def other_language_stored(session: Session, language: str | None) -> bool:
    """Whether the store holds a document in another language than `language` (two index look-ups): a store
    in one language pays nothing for the sentence vectors that find translations."""
    base = _base(language)
    return any(
        session.scalar(select(Document.id).where(other).limit(1)) is not None
        for other in (Document.language < base, Document.language > f"{base}-\uffff")
    )


@relaters.register("copies")
def make_copy_linker():
    seen_other_language = False
    signatures = Signatures()

    def relate(linking: Linking) -> None:
        nonlocal seen_other_language
        document, session = linking.document, linking.session
        new = linking.analysis.prepared.get("copies") or sketch(document.text, document.language)
        credits = credited_agency(document.text, document.declared_source)
        by_names = _name_candidates(session, new, document.id)
        matches = _matches(session, new, document.language, document.id, document.outlet_id, credits, by_names)
        multilingual = translations_sought() and (seen_other_language or other_language_stored(session, document.language))
        encoded: dict[int, Encoded] = {}
        if multilingual:
            matches, encoded = _translations(
                session, document, by_names or _few_names(session, new, document.id), matches, signatures
            )
        link(session, document, matches)
        apply_user_links(session, document)
        index(session, {document.id: new})
        if encoded:  # none for a text too short to align as a translation: nothing to store or key
            index_translations(session, {document.id: document.text}, encoded)
        seen_other_language = multilingual
        session.flush()

    return relate
