"""Entity mentions: spaCy's named entities, repaired for the way news writes names.

Three repairs matter on scraped and translated news: names wrapped in quotes or guillemets
(«Meduza», “Russian Volunteer Corps”) that the statistical model misses or cuts; boundaries that
include "the", quotes or a possessive; and a name recognised once but missed elsewhere in the same
article. Offsets always point at the clean name in the article text.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from factfile.extract.gender import PERSON_TITLE, first_name_gender
from factfile.extract.names import (
    PARTICLE_ARTICLES,
    QUOTES,
    SURNAME_PARTICLES,
    government_of,
    is_country_word,
    nationality,
    unqualified_body,
)
from factfile.extract.nlp import text_of
from factfile.extract.registry import Stage, stages
from factfile.records import Analysis, Mention, Span

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
KEPT_LABELS = ACTOR_LABELS | {"EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT"}

_QUOTED = re.compile(r"(?<!\w)[“\"«‘„‹]\s*([^“”\"«»‘’„‹›\n]{2,80}?)\s*[”\"»’“›](?!\w)")
_CONNECTORS = {"of", "the", "for", "and", "de", "du", "la", "von", "van", "der", "al", "&", "on", "in"}
_CALENDAR = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}


_CALENDAR_NAMES = {w.capitalize() for w in _CALENDAR}
_TIME_WORDS = {"in", "on", "by", "since", "until", "till", "from", "through", "to", "of", "last", "next", "early", "late", "mid", "this", "that", "each", "every", "between"} | _CALENDAR


@stages.register("mentions")
def make_mentions() -> Stage:
    def mentions(doc: Doc, analysis: Analysis) -> None:
        text = text_of(doc)
        found: list[tuple[int, int, str]] = []
        for start, end in _quoted_names(text):
            found.append((start, end, _label_inside(doc, start, end)))
        known = _labels_by_name(doc)
        for ent in doc.ents:
            if ent.label_ in KEPT_LABELS:
                for start, end in _bracket_cut(text, *_trim(text, ent.start_char, ent.end_char)):
                    found += _split_compound(text, start, end, _organisation_head(text[start:end], ent.label_), known)
        found = _commands(text, _group_words(text, _armed_forces(text, _qualified_bodies(text, _body_phrases(text, found)))))
        extra = _propagated(text, found, doc)
        surnames = {(s, e) for s, e, label in extra if label == "PERSON" and text[s:e] in _CALENDAR_NAMES}
        found = _without_overlaps(_surnames_relabelled(text, [f for f in found if not (f[2] == "DATE" and f[:2] in surnames)], extra) + extra)
        found = _joined_first_names(text, found)
        found = _first_names_before(text, _particle_surnames(text, found))
        found = _headline_checked(analysis, text, found)
        analysis.mentions = []
        for start, end, label in sorted(found):
            sentence = analysis.sentence_of(start)
            if end <= sentence.end:  # a name cut by a sentence boundary is a parsing accident, not a name
                analysis.mentions.append(Mention(span=Span(start, end, text[start:end]), label=label, sentence=sentence))

    return mentions


_ORGANISATION_HEAD = re.compile(
    r"\s(?:Committee|Ministry|Agency|Service|Services|Council|Commission|Office|Department|Directorate|Bureau|Authority)$"
)


def _organisation_head(name: str, label: str) -> str:
    """"National Anti-Terrorism Committee" taken for a law: a name of several words that ends in a noun
    of an organisation names one, whatever else the model called it."""
    if label in ("LAW", "EVENT", "WORK_OF_ART", "PRODUCT") and _ORGANISATION_HEAD.search(name):
        return "ORG"
    return label


def _headline_checked(analysis: Analysis, text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A headline is read like the body, but in Title Case every word looks like a name: there, only
    names the body also writes are kept ("Trump Meets Abe At Mar-a-Lago": Trump, Abe, Mar-a-Lago)."""
    title = analysis.article.title
    if not title or not text.startswith(title) or not _title_case(title):
        return found
    body = text[len(title):].casefold()
    return [(s, e, label) for s, e, label in found if e > len(title) or text[s:e].casefold() in body]


def _title_case(line: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= 0.75


_POSSESSIVE = re.compile(r"['’]s\s+")
_PAIR = re.compile(r"([^\W\d_][\w.]+)\s*[-–]\s*([^\W\d_][\w.]+)")
_TITLED_NAME = re.compile(
    r"^(.*\b(?:Council|Ministry|Service|Committee|Office|Party|Agency|Command|Staff|Directorate|Department))\s+"
    r"([A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)$"
)
_PREFIXED = re.compile(r"(?:anti|pro|ex|non|post|pre)\s*-\s*", re.I)


def _labels_by_name(doc: Doc) -> dict[str, str]:
    labels: dict[str, str] = {}
    for ent in doc.ents:
        if ent.label_ in ACTOR_LABELS and (ent.text not in labels or ent.label_ == "PERSON"):
            labels[ent.text] = ent.label_
    return labels


def _split_compound(text: str, start: int, end: int, label: str, known: dict[str, str]) -> list[tuple[int, int, str]]:
    """Names the model ran together: "Trump's National Economic Council" is Trump and the council,
    "Trump-Abe" (talks) names two people, "anti-Trump" names Trump. A part becomes a mention when the
    article names it on its own elsewhere; the rest of the compound names nobody."""
    name = text[start:end]
    prefix = _PREFIXED.match(name)
    if prefix:
        rest = name[prefix.end():]
        return [(start + prefix.end(), end, known[rest])] if rest in known else []
    pair = _PAIR.fullmatch(name)
    if pair:
        parts = [(start + pair.start(g), start + pair.end(g)) for g in (1, 2)]
        if all(text[s:e] in known for s, e in parts):
            return [(s, e, known[text[s:e]]) for s, e in parts]
        return [(start, end, label)]
    titled = _TITLED_NAME.search(name)
    if titled and label == "ORG" and first_name_gender(titled.group(2)):  # "... Defense Council Oleksiy Danilov"
        return [(start, start + titled.end(1), "ORG"), (start + titled.start(2), end, "PERSON")]
    possessive = _POSSESSIVE.search(name)
    if possessive and label in ("ORG", "FAC", "GPE", "PERSON") and possessive.start() > 0:
        owner, owned = name[: possessive.start()], (start + possessive.end(), end)
        if owner not in known and _HEAD.fullmatch(name[possessive.end() :]):  # "Prosecutor General's Office"
            return [(start, end, "ORG")]
        kept = [(start, start + len(owner), known[owner])] if owner in known else []
        return kept + [(*owned, label)] if name[possessive.end():][:1].isupper() else kept
    return [(start, end, label)]


def _joined_first_names(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"Denis" (a person) + "Kapustin" (taken for an organisation) is one person's name, "Denis Kapustin";
    so is "Marat" + "Khusnullin" where the model took the first name for a nationality (`_stray_first_name`)."""
    spans = sorted(found)
    result, skip = [], -1
    for i, (start, end, label) in enumerate(spans):
        if i == skip:
            continue
        following = spans[i + 1] if i + 1 < len(spans) else None
        if following and following[0] == end + 1 and text[end] == " " and " " not in text[start:end] + text[following[0]:following[1]] \
                and text[following[0]].isupper() and (
                    label == "PERSON" and following[2] in ("PERSON", "ORG", "NORP")
                    or label == "NORP" and following[2] in ("PERSON", "ORG") and _stray_first_name(text[start:end], text[following[0]:following[1]])):
            result.append((start, following[1], "PERSON"))
            skip = i + 1
        else:
            result.append((start, end, label))
    return result


# A nobiliary particle opening a surname: "von der Leyen", "van Rompuy", "de Gaulle", "di Maio", "Von der Leyen".
_PARTICLE_SURNAME = re.compile(
    rf"(?:(?:{SURNAME_PARTICLES})|(?:Von|Van|De|Di|Da|Du)(?=\s+(?:{PARTICLE_ARTICLES})\s))"
    rf"(?:\s+(?:{PARTICLE_ARTICLES}))?\s+[A-Z][\w'’-]+"
)
_FIRST_NAME_BEFORE = re.compile(r"([A-Z][a-z]+)\s+$")


def _first_name_before(text: str, start: int, surname: str, taken: list[tuple[int, int]]) -> re.Match | None:
    """The capitalised word right before `start` when it is a first name with `surname` (`gender.first_name_gender`)
    and in no mention of `taken`: the part of a person's name the model left out."""
    first = _FIRST_NAME_BEFORE.search(text, max(0, start - 20), start)
    if first and first_name_gender(f"{first.group(1)} {surname}") and not any(s < first.end(1) and first.start(1) < e for s, e in taken):
        return first
    return None


def _particle_surnames(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"von der Leyen", which the model took for an organisation, is a person's surname: no organisation's name
    opens with a nobiliary particle. With the first name the model left out before it ("President Ursula von der
    Leyen"), when that word is a first name and in no other mention, it is the person's full name."""
    taken = [(s, e) for s, e, _ in found]
    result = []
    for start, end, label in found:
        if label in ("ORG", "PERSON", "NORP", "GPE") and _PARTICLE_SURNAME.fullmatch(text, start, end):
            first = _first_name_before(text, start, text[start:end].split()[-1], taken)
            if first:
                start = first.start(1)
            label = "PERSON"
        result.append((start, end, label))
    return result


_COMMON = 4.0  # Zipf frequency in English from which a first name is also an ordinary word ("Will", "Mark", "Hope")


def _first_names_before(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"Kramatorsk Mayor Oleksandr Honcharenko", "Volodymyr Zelenskiy": a surname the model found without the
    first name before it, which is in no other mention, is a first name (`gender.first_name_gender`) and no
    ordinary English word, is the person's full name."""
    from factfile.extract import frequency

    taken = [(s, e) for s, e, _ in found]
    result = []
    for start, end, label in found:
        first = _first_name_before(text, start, text[start:end], taken) if label in ("PERSON", "ORG") and " " not in text[start:end] else None
        if first and text[start].isupper() and frequency.zipf(first.group(1).lower(), "en") < _COMMON:
            start, label = first.start(1), "PERSON"
        result.append((start, end, label))
    return result


_DEMONYM_ENDING = re.compile(r"(?:an|ese|ish|i|ic|e|ist|en|ar|er|s)$")
_RARE = 3.0  # Zipf frequency in English below which a word is no ordinary word ("Marat" 2.5, "Christian" 4.9)


def _stray_first_name(first: str, second: str) -> bool:
    """"Marat Khusnullin": a word the model called a nationality or group before a surname is a first name
    when it is one (Faker's lists), or when neither word is an ordinary English word and the first has no
    ending of a people's or a creed's name ("Tatar", "Alawite", "Sunni" stay groups)."""
    from factfile.extract import frequency

    if first_name_gender(f"{first} {second}") is not None:
        return True
    return not (nationality(first) or is_country_word(first) or _DEMONYM_ENDING.search(first.lower())) \
        and frequency.zipf(first.lower(), "en") < _RARE and frequency.zipf(second.lower(), "en") < _RARE


# Nouns that head an organisation's name ("General Staff", "Prosecutor General's Office", "Institute for the Study
# of War"): a closed class of words for institutions, not the words of one page.
_HEADS = (
    "Office|Ministry|Committee|Council|Service|Services|Agency|Commission|Department|Directorate|Bureau|Authority|"
    "Staff|Command|Institute|Court|Administration|Inspectorate|Secretariat|Chamber|Assembly|Parliament"
)
_HEAD = re.compile(rf"\b(?:{_HEADS})\b", re.I)
_TITLE_WORD = r"\b(?!(?:The|A|An|In|On|At|By|For|From|With|According)\b)[A-Z][\w'’-]*"
_CONNECTOR_WORDS = r"(?:of|for|the|on)"
# Capitalised words ending in a head noun right before "of (the) <a name>": "General Staff of Ukraine".
_BODY_BEFORE_OF = re.compile(rf"((?:{_TITLE_WORD}\s+){{0,3}}(?:{_HEADS}))\s+of\s+(?:the\s+)?$")
# After a country and its possessive: "Ukraine’s General Staff".
_BODY_AFTER_OWNER = re.compile(rf"['’]s\s+((?:{_TITLE_WORD}\s+){{0,3}}(?:{_HEADS}))\b")
# A head noun in small letters after an organisation's possessive: "the Ukrainian Prosecutor General’s office".
_OFFICE_AFTER_OWNER = re.compile(rf"['’]s\s+(?:{_HEADS.lower()})\b")
_TITLE_RUN_WORD = re.compile(rf"\s*\b({_TITLE_WORD}|{_CONNECTOR_WORDS})\b")
# A body named by "the" and its words alone: "The General Staff said".
_BARE_BODY = re.compile(rf"\b[Tt]he\s+((?:{_TITLE_WORD}\s+){{1,3}}(?:{_HEADS}))\b")


def _body_phrases(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Names of bodies the model cut short or missed, around the names it found: the head noun and its
    capitalised words before "of <a country or a body>" ("General Staff of the Armed Forces of Ukraine" where
    the model saw "Armed Forces of Ukraine"); a body's words after a country's possessive ("Ukraine’s General
    Staff"); a name left dangling on "of" ("Prosecutor General of" + "Ukraine"); "'s office" after an
    organisation; the capitalised words around a one-word organisation, no head noun itself, that make one title
    with a head noun and hold no other name ("Study" in "Institute for the Study of War"); "the General Staff", whose words are
    all a body's. An edge that would cut another mention leaves the name as the model found it."""
    result = sorted(found)

    def free(start: int, end: int, *inside: tuple[int, int, str]) -> bool:
        return all(f in inside or f[1] <= start or end <= f[0] or start <= f[0] and f[1] <= end for f in result)

    def join(start: int, end: int, *parts: tuple[int, int, str]) -> None:
        nonlocal result
        if free(start, end, *parts):
            result = [f for f in result if f not in parts and not (start <= f[0] and f[1] <= end)] + [(start, end, "ORG")]

    for anchor in list(result):
        start, end, label = anchor
        if anchor not in result or label not in ("ORG", "GPE", "NORP"):
            continue
        if label == "ORG" and text[start:end].endswith(" of"):
            following = next(
                (f for f in result if f[2] in ("GPE", "ORG") and re.fullmatch(r"\s+(?:the\s+)?", text[end : f[0]] or "x")), None
            )
            if following:
                join(start, following[1], anchor, following)
                continue
        before = _BODY_BEFORE_OF.search(text, max(0, start - 80), start)
        if before and label in ("ORG", "GPE"):
            join(before.start(1), end, anchor)
            continue
        after = _BODY_AFTER_OWNER.match(text, end)
        if (
            after
            and label in ("GPE", "NORP")
            and is_country_word(text[start:end].split()[-1])
            and unqualified_body(after.group(1))
        ):
            join(start, after.end(1), anchor)
            continue
        office = _OFFICE_AFTER_OWNER.match(text, end)
        if office and label == "ORG":
            join(start, office.end(), anchor)
            continue
        if label == "ORG" and " " not in text[start:end]:
            run = _title_run(text, start, end)
            if (
                run != (start, end)
                and not _HEAD.fullmatch(text[start:end])
                and _HEAD.search(text[run[0] : run[1]])
                and not any(f != anchor and f[0] < run[1] and run[0] < f[1] for f in result)
            ):
                join(*run, anchor)
    for bare in _BARE_BODY.finditer(text):
        if unqualified_body(bare.group(1)):
            join(*bare.span(1))
    return result


def _title_run(text: str, start: int, end: int) -> tuple[int, int]:
    """The capitalised words, joined by "of", "for", "the", "on", around a name, as one title: "Institute for
    the Study of War" around "Study". A run opens and closes on a capitalised word; a line break ends it."""
    words = [(m.start(1), m.end(1)) for m in _TITLE_RUN_WORD.finditer(text, max(0, start - 60), min(len(text), end + 60))]
    words = [(s, e) for s, e in words if "\n" not in text[s:e]]
    inside = [i for i, (s, e) in enumerate(words) if start <= s and e <= end]
    if not inside:
        return start, end
    first, last = inside[0], inside[-1]
    while first > 0 and words[first - 1][1] < words[first][0] and _joined(text, words[first - 1][1], words[first][0]):
        first -= 1
    while last + 1 < len(words) and _joined(text, words[last][1], words[last + 1][0]):
        last += 1
    while first < last and not text[words[first][0]].isupper():
        first += 1
    while last > first and not text[words[last][0]].isupper():
        last -= 1
    return words[first][0], words[last][1]


def _joined(text: str, end: int, start: int) -> bool:
    return text[end:start] == " "


_QUALIFIES = re.compile(r"(?:['’]s)?\s+")


def _qualified_bodies(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"Russian" + "Defence Ministry" is one name, "Russian Defence Ministry": a state body keeps the
    country the article gives it right before it, so that the UK's and Russia's stay two actors."""
    ends = {end: (start, end, label) for start, end, label in found if label in ("NORP", "GPE")}
    result = list(found)
    for start, end, label in found:
        if label != "ORG" or not unqualified_body(text[start:end]):
            continue
        for qualifier_end in range(max(0, start - 4), start):
            qualifier = ends.get(qualifier_end)
            if qualifier and _QUALIFIES.fullmatch(text[qualifier_end:start]):
                result = [f for f in result if f not in (qualifier, (start, end, label))] + [(qualifier[0], end, "ORG")]
                break
    return result


_FORCES = re.compile(
    r"(?:['’]s)?\s+(?:(?:armed|occupying|occupation|regular)\s+)?(?:forces|troops|army|military|soldiers|occupiers|invaders)\b",
    re.I,
)


# A ministry in small letters after its country ("Russia's defence ministry", "the Russian defense agency").
_MINISTRY = re.compile(r"(?:['’]s)?\s+(?:defen[cs]e|foreign|interior|justice|emergenc(?:y|ies))\s+(?:ministry|agency)\b")


_GOVERNMENT = re.compile(r"(?:['’]s)?\s+(?:government|authorities|presidency)\b")


def _armed_forces(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"Russian" + "forces" is an actor, a country's armed forces ("Russian troops", "Ukraine's military"),
    "Russian" + "defence ministry" its ministry, and "Ukrainian" + "government" (or "authorities") the state itself when the country is known
    (`government_of`), where "Russian" alone is a nationality adjective: one name, an organisation."""
    result = list(found)
    for start, end, label in found:
        if label not in ("NORP", "GPE") or not is_country_word(text[start:end].split()[-1]):
            continue
        forces = _FORCES.match(text, end) or _MINISTRY.match(text, end)
        if forces is None and (government := _GOVERNMENT.match(text, end)) and government_of(text[start : government.end()]):
            forces = government
        if forces and not any(s < forces.end() and e > end for s, e, _ in found):
            result = [f for f in result if f != (start, end, label)] + [(start, forces.end(), "ORG")]
    return result


_GROUP_AFTER = re.compile(r"[ -](?:(?:mercenary|paramilitary|private military)\s+)?(?:group|militia|mercenaries|PMC)\b", re.I)


def _group_words(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"Wagner mercenary group", "Wagner militia", "Wagner mercenaries": the words after an
    organisation's name that say it is a group are part of the name as written (`names.GROUP_WORDS`
    leaves them out of its keys)."""
    result = []
    for start, end, label in found:
        after = _GROUP_AFTER.match(text, end) if label == "ORG" else None
        if after and not any(s < after.end() and e > end for s, e, _ in found):
            end = after.end()
        result.append((start, end, label))
    return result


# A military command named by its direction ("the South command of Ukraine's Armed Forces", "Southern
# Operational Command", "Operational Command South", "Central Military District"): the model cuts it into a
# place and the armed forces, or leaves "of" dangling.
_COMMAND = re.compile(
    r"\b(?:(?:North|South|East|West)(?:ern)?|Central)\s+(?:Operational\s+|Military\s+)?(?:[Cc]ommand|District)\b"
    r"(?:\s+of\s+(?:the\s+)?(?:[A-Z]\w+['’]s\s+)?(?:[Aa]rmed\s+(?:[Ff]orces|troops)|[Aa]rmy)(?:\s+of\s+[A-Z]\w+)?)?"
    r"|\bOperational\s+Command\s+(?:North|South|East|West|Centre|Center)\b"
)


def _commands(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A military command by its direction is one organisation's name, joined with the pieces the model
    found in it ("US" in "US Southern Command" stays)."""
    result = list(found)
    for match in _COMMAND.finditer(text):
        start, end = match.span()
        pieces = [f for f in result if f[0] < end and f[1] > start]
        start, end = min([start] + [f[0] for f in pieces]), max([end] + [f[1] for f in pieces])
        result = [f for f in result if f not in pieces] + [(start, end, "ORG")]
    return result


def _bracket_cut(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"Donetsk People's Republic (DPR", as the model ran a name into the acronym in brackets after it: the
    name, and the acronym when the bracket closes right after it; a span with no bracket as it is."""
    if end <= start:
        return []
    opened = text.find("(", start, end)
    if opened < 0 or ")" in text[opened:end]:
        return [(start, end)]
    name = _trim(text, start, opened)
    inner = _trim(text, opened + 1, end)
    acronym = [inner] if inner[1] > inner[0] and text[inner[1]:inner[1] + 1] == ")" else []
    return [span for span in (name, *acronym) if span[1] > span[0]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Move span edges inward past quotes, brackets, "the" and a possessive "'s"."""
    while True:
        before = (start, end)
        if text[start:end].startswith(("'s ", "’s ")):
            start += 3
        while start < end and (text[start] in QUOTES or text[start] in "([{" or text[start].isspace()):
            start += 1
        while end > start and (text[end - 1] in QUOTES or text[end - 1] in ")]},.;:" or text[end - 1].isspace()):
            end -= 1
        lowered = text[start:end].lower()
        for article in ("the ", "a ", "an "):
            if lowered.startswith(article) and end - start > len(article) + 1:
                start += len(article)
                break
        if text[start:end].endswith(("'s", "’s")):
            end -= 2
        if (start, end) == before:
            return start, end


def _is_name(candidate: str) -> bool:
    words = candidate.split()
    if not 1 <= len(words) <= 7 or not candidate[0].isupper():
        return False
    if candidate[-1] in ".!?,;:" or any(ch.isdigit() for ch in candidate):
        return False
    content = [w for w in words if w.lower() not in _CONNECTORS]
    return bool(content) and all(w[0].isupper() for w in content)


def _quoted_names(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _QUOTED.finditer(text):
        candidate = match.group(1)
        start = match.start(1)
        if candidate.lower().startswith("the "):
            candidate, start = candidate[4:], start + 4
        if _is_name(candidate) and candidate.lower() not in _CALENDAR:
            spans.append((start, start + len(candidate)))
    return spans


def _label_inside(doc: Doc, start: int, end: int) -> str:
    """The actor label spaCy gave to text within the span, ORG when it saw none."""
    labels = [e.label_ for e in doc.ents if e.start_char < end and start < e.end_char and e.label_ in ACTOR_LABELS]
    if "PERSON" in labels and (end - start) < 40 and len(text_of(doc)[start:end].split()) <= 3:
        return "PERSON"
    return "ORG" if not labels or labels[0] == "NORP" else labels[0]


def _without_overlaps(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Where spans overlap keep the longest, then the first listed (quoted names, then the model's)."""
    kept: list[tuple[int, int, str]] = []
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0] - spans[i][1], i))
    for start, end, label in (spans[i] for i in order):
        if all(end <= s or e <= start for s, e, _ in kept):
            kept.append((start, end, label))
    return kept


def _propagated(text: str, found: list[tuple[int, int, str]], doc: Doc) -> list[tuple[int, int, str]]:
    """Other occurrences of names already recognised in this article."""
    names: dict[str, str] = {}
    for start, end, label in found:
        name = text[start:end]
        if label not in ACTOR_LABELS or not name[:1].isupper():
            continue
        words = name.split()
        if len(words) == 1 and (name.lower() in _CALENDAR or doc.vocab[name.lower()].is_stop or len(name) < 3):
            continue
        names.setdefault(name, label)
    surnames = _surnames(text, found, doc) - _CALENDAR_NAMES
    extra = []
    for name, label in names.items():
        if name in surnames:
            continue
        flags = re.I if len(name.split()) > 1 or any(ch.isupper() for ch in name[1:]) and not name.isupper() else 0  # "Wikileaks" is "WikiLeaks"
        for match in re.finditer(_whole_word(name), text, flags):
            extra.append((match.start(), match.end(), label))
    for surname in surnames:  # "Oleksiy Danilov" ... "Danilov reminded"
        for match in re.finditer(_whole_word(surname), text):
            extra.append((match.start(), match.end(), "PERSON"))
    for surname in {n.split()[-1] for n, label in names.items() if label == "PERSON" and len(n.split()) > 1} & _CALENDAR_NAMES:
        for match in re.finditer(_whole_word(surname), text):  # "Theresa May" ... "May said", not "in May" or "May 5"
            before = text[max(0, match.start() - 20) : match.start()].split()[-2:]
            if not re.match(r"\s*(?:\d|of\b|[-–]\s*\d)", text[match.end() :]) and not {w.lower() for w in before} & _TIME_WORDS:
                extra.append((match.start(), match.end(), "PERSON"))
    return extra


def _surnames(text: str, found: list[tuple[int, int, str]], doc: Doc) -> set[str]:
    """The surnames of the people the article names in full: of names the model called a person, or
    that open with a known first name or follow a person's office whatever label it gave them ("NSDC
    Secretary Oleksiy Danilov" taken for an organisation); not a word of the language or a country's name."""
    result = set()
    for start, end, label in found:
        name = text[start:end]
        words = name.split()
        if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
            continue
        if label == "PERSON" or label == "ORG" and (first_name_gender(name) is not None or PERSON_TITLE.search(text[max(0, start - 30) : start])):
            surname = words[-1]
            if len(surname) >= 4 and not doc.vocab[surname.lower()].is_stop and not is_country_word(surname):
                result.add(surname)
    return result


def _surnames_relabelled(text: str, found: list[tuple[int, int, str]], extra: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A lone surname of a person named in full is that person's, whatever the model called it
    ("Nebenzia" taken for a place, "Ford" in an article about John M. Ford and Mike Ford for the carmaker),
    unless the gazetteer knows the word as a place, or the article names an organisation by it ("Ford Motor")."""
    from factfile.extract.gazetteer import load_gazetteer

    people = {(s, e) for s, e, label in extra if label == "PERSON"}
    organisations = {w for s, e, label in found if label == "ORG" and " " in text[s:e] for w in text[s:e].split()}
    result = []
    for start, end, label in found:
        if (start, end) in people and (label == "ORG" and text[start:end] not in organisations and not text[start:end].isupper()
                                       or label in ("GPE", "LOC", "NORP") and not load_gazetteer().lookup(text[start:end])):
            label = "PERSON"
        result.append((start, end, label))
    return result


def _whole_word(name: str) -> str:
    """A pattern for `name` not inside a longer word. The check that no word character comes before
    is made after the first letter (`N(?<!\w.)ame`, not `(?<!\w)Name`): a pattern that starts with
    a letter lets the regex engine skip ahead to it, instead of trying the check at every position."""
    return re.escape(name[0]) + r"(?<!\w.)" + re.escape(name[1:]) + r"(?!\w)"
