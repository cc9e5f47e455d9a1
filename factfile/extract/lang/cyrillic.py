"""Russian and Ukrainian articles: sentences, name mentions, their lemmas, and within-article chains.

Names come from slovnet's NER model, checked against capitalisation and the morphological
dictionary (which tags first names, surnames, patronymics and place names), so that Ukrainian text,
which the Russian model reads less well, still yields its names. Each name is brought to its
nominative ("Капустину" → Капустин, "Русского добровольческого корпуса" → Русский добровольческий
корпус) and gets the Latin forms English text uses for it (`romanize`), which are what joins it to
the actors and places of articles in other scripts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import islice, takewhile

from factfile.extract.lang import morph
from factfile.extract.lang.bodies import HEADS
from factfile.extract.lang.romanize import FIRST_NAMES, LEXICON, compound, has_cyrillic, romanizations, translated
from factfile.extract.names import (
    COUNTRY_ADJECTIVES,
    body_of,
    clean_name,
    country_in_english,
    country_of_word,
    latin_key,
    name_key,
    signature,
    state_named,
    unqualified_body,
)
from factfile.records import Analysis, Chain, Mention, Span

LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}
_TOKEN = re.compile(r"[\w]+(?:['’ʼ-][\w]+)*|[^\w\s]")
# A sentence ends at its stop and the space after it, or at a stop glued to the next sentence's first word
# ("человек.Об этом"; scraped pages lose the space), after a word of four letters or more, which leaves
# initials and short abbreviations ("А.Б. Иванов", "ул.Ленина") alone.
_SENTENCE_END = re.compile(
    r"(?<=[.!?…])[»“\"]?\s+(?=[«„\"—–-]?\s*[A-ZА-ЯЁІЇЄҐ0-9«„])|\n+"
    r"|(?<=[а-яёіїєґ]{4}[.!?])(?=[А-ЯЁІЇЄҐ][а-яёіїєґ])"
)
_QUOTED = re.compile(r"[«„“\"]([^«»„“”\"\n]{2,60})[»“”\"]")
# Words before a quoted name that make it an organisation's name: ЧВК «Вагнер», полк «Азов».
ORG_TYPES = frozenset({
    "чвк", "пвк", "группа", "група", "компания", "компанія", "полк", "батальон", "батальйон", "бригада", "легион",
    "легіон", "корпус", "партия", "партія", "агентство", "издание", "видання", "телеканал", "движение", "рух",
    "фонд", "организация", "організація", "объединение", "об'єднання", "формирование", "формування",
})
_PERSON_TAGS = ("Name", "Surn", "Patr")
_REGION_WORDS = frozenset({"область", "район", "край", "регион", "регіон", "округ", "республика", "республіка", "губерния"})


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    parses: list = field(default_factory=list)

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    def has(self, *grammemes: str) -> bool:
        tags = [set(re.split(r"[ ,]", str(p.tag))) for p in self.parses[:3]]
        return any(g in t for t in tags for g in grammemes)

    @property
    def lemma(self) -> str:
        return self.parses[0].normal_form if self.parses else self.text.lower()


@dataclass(slots=True)
class Reading:
    """What the Cyrillic reader found beyond the records: tokens and each mention's nominative name."""

    language: str
    tokens: list[Token]
    lemmas: dict[int, str] = field(default_factory=dict)  # mention index -> nominative name
    quoted: dict[int, str] = field(default_factory=dict)  # mention index -> the quoted proper name inside it
    own: dict[int, str] = field(default_factory=dict)  # mention index -> a body's own name, without the body it belongs to
    home: str | None = None  # the one state whose state language the article is written in (Ukrainian: Ukraine)


_PREPOSITION = re.compile(r"[ВвУуСсКкОо]\s+(?=[«„\"“]?[А-ЯЁЇІЄҐ])")


def read(analysis: Analysis, language: str) -> Reading:
    """Fill sentences, mentions and chains of a Russian or Ukrainian article; a Belarusian one is read with the
    Ukrainian dictionary, each word parsed as Ukrainian spells it (`ukrainian_spelling`)."""
    text = analysis.article.text
    analysis.sentences = sentences(text)
    analyzer = morph.analyzer(language)
    spelled = ukrainian_spelling if (analysis.article.language or "").startswith("be") else str
    tokens = [Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    for token in tokens:
        if token.text[:1].isalpha():
            token.parses = analyzer.parse(spelled(token.text))
    reading = Reading(language, tokens, home=HOME_STATES.get((analysis.article.language or "").split("-")[0]))
    spans = _name_spans(text, tokens, analysis)
    for start, end, label in spans:
        if (preposition := _PREPOSITION.match(text, start, end)) and preposition.end() < end:
            start = preposition.end()  # "У Москві", "В «Укргидроэнерго»" opening a sentence: the name after the preposition
            if text[start] in "«„\"“" and text[end - 1] in "»“\"”" and not re.search(r"[«»„“\"”]", text[start + 1:end - 1]):
                start, end = start + 1, end - 1  # the name inside its quotes, as other mentions are written
        index = len(analysis.mentions)
        analysis.mentions.append(Mention(Span(start, end, text[start:end]), label, analysis.sentence_of(start)))
        inside = [t for t in tokens if start <= t.start and t.end <= end]
        reading.lemmas[index] = nominative(inside, label, text[start:end])
        quote = _QUOTED.search(text, start, end)
        if quote and label == "ORG":
            reading.quoted[index] = nominative([t for t in tokens if quote.start(1) <= t.start and t.end <= quote.end(1)], "ORG", quote.group(1))
        elif label == "ORG" and len(inside) == 2 and inside[0].text in GROUP_TYPES:
            reading.quoted[index] = nominative(inside[1:], "PERSON", inside[1].text)  # "ЧВК Вагнера": Вагнер
        office = _press_office(inside) if label == "ORG" else None
        if office is not None:  # "ЦОС ФСБ", "Центра общественных связей ФСБ": the body it speaks for
            reading.lemmas[index] = nominative(inside[office:], "ORG", text[inside[office].start:end])
        parent = _parent_at(inside, text) if label == "ORG" else None
        if parent:
            bare, country = _country_after(text[start:end])
            own = nominative(inside[:parent], "ORG", text[start:inside[parent].start])
            reading.own[index] = f"{own}{text[len(bare) + start:end]}" if country else own
    analysis.chains = chains(analysis, reading)
    return reading


# Belarusian spelling against Ukrainian (and Russian): a soft "т", "д" written "ц", "дз" (цеканне, дзеканне:
# Пуцін, Уладзімір), "ы", "э", "ў" for "и", "е", "в", and a word-initial "Ул" before a vowel for "Вл" (Уладзімір,
# улада). Akanye (unstressed "о" written "а") is left: which "а" was an "о" needs the stress.
_BELARUSIAN_LETTERS = str.maketrans("ыЫэЭўЎ", "иИеЕвВ")
_BELARUSIAN_SOFT = re.compile(r"(?:дз|Дз|ДЗ|ц|Ц)(?=[іеёюяьІЕЁЮЯЬ])")
_BELARUSIAN_VL = re.compile(r"^(?:Ул|ул|УЛ)(?=[аоуэыіяеёюАОУЭЫІЯЕЁЮ])")


def ukrainian_spelling(word: str) -> str:
    """A Belarusian word as Ukrainian spells it, for the Ukrainian dictionary: "Пуціна" → Путіна, "Уладзіміра" →
    Владіміра, "Прыгожына" → Пригожина."""
    word = _BELARUSIAN_SOFT.sub(lambda m: "т" if m.group(0) == "ц" else "Т" if m.group(0) == "Ц" else m.group(0)[0], word)
    word = _BELARUSIAN_VL.sub(lambda m: "В" + m.group(0)[1] if m.group(0)[0] == "У" else "вл", word)
    return word.translate(_BELARUSIAN_LETTERS)


def sentences(text: str) -> list[Span]:
    result, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if text[start:match.start()].strip():
            result.append(_stripped(text, start, match.start()))
        start = match.end()
    if text[start:].strip():
        result.append(_stripped(text, start, len(text)))
    return result


def _stripped(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end])


def _lines(tokens: list[Token], text: str) -> list[list[Token]]:
    """A model's entity cut at line breaks: a name never runs on into the next line or paragraph
    ("Олександр Прокудін\n\nСтаном")."""
    parts: list[list[Token]] = [[]]
    for token in tokens:
        if parts[-1] and "\n" in text[parts[-1][-1].end:token.start]:
            parts.append([])
        parts[-1].append(token)
    return [p for p in parts if p]


def _next_person(run: list[Token], token: Token) -> bool:
    """A first name after a first name and surname starts another person: "Алексей Данилов Михаил
    Подоляк" (a page's list of tags) is two. So does a surname after a surname it cannot agree with in gender and
    case, as the words of one name do: "Мяцеж Прыгожына Пуцін назваў" (Prigozhin's mutiny, Putin called)."""
    if len(run) >= 2 and token.has("Name") and run[-1].has("Surn") and run[-2].has("Name"):
        return True
    return bool(run) and _surname(run[-1]) and _surname(token) and not _agreements(run[-1]) & _agreements(token)


def _agreements(token: Token) -> set[tuple[str, str]]:
    """The (gender, case) readings the dictionary gives a word as a surname."""
    return {(p.tag.gender, p.tag.case) for p in token.parses if _tagged(p, "Surn")}


def _name_spans(text: str, tokens: list[Token], analysis: Analysis) -> list[tuple[int, int, str]]:
    """Names: the model's entities cut to capitalised words, names the dictionary knows that the
    model missed, and quoted names after an organisation word; overlaps keep the longest."""
    found: list[tuple[int, int, str]] = []
    by_start = {t.start: i for i, t in enumerate(tokens)}
    for start, end, kind in morph.entities(text):
        for inside in _lines([t for t in tokens if start <= t.start and t.end <= end], text):
            if kind != "PER":
                found += _piece(inside, kind)
                continue
            run: list[Token] = []
            for token in inside:
                if run and _next_person(run, token):
                    found += _piece(run, kind)
                    run = []
                if token.capitalised or token.text in "«»„“\"-" or token.text.isdigit() or run and token.text.lower() in ("на", "де", "ла", "фон"):
                    run.append(token)
                else:
                    found += _piece(run, kind)
                    run = []
            found += _piece(run, kind)
    sentence_starts = {s.start for s in analysis.sentences}
    for i, token in enumerate(tokens):  # names the model missed: first names, surnames, place names in the dictionary
        if not token.capitalised or len(token.text) < 2 or token.start in sentence_starts or any(s <= token.start < e for s, e, _ in found):
            continue
        if token.has(*_PERSON_TAGS) and not token.has("Geox"):
            end = i
            while end + 1 < len(tokens) and tokens[end + 1].capitalised and tokens[end + 1].has(*_PERSON_TAGS) \
                    and "\n" not in text[tokens[end].end:tokens[end + 1].start] and not _next_person(tokens[i:end + 1], tokens[end + 1]):
                end += 1
            found.append((token.start, tokens[end].end, "PERSON"))
        elif token.has("Geox") and token.text.isalpha():
            found.append((token.start, token.end, "GPE"))
    for match in _QUOTED.finditer(text):  # ЧВК «Вагнер», Легиона «Свобода России»
        before = by_start.get(_word_before(text, match.start()))
        inner = match.group(1).strip()
        if before is None or not inner[:1].isupper() or len(inner.split()) > 5:
            continue
        head = tokens[before]
        if head.text.lower() in ORG_TYPES or head.lemma in ORG_TYPES or head.text.isupper() and len(head.text) <= 5:
            found.append((head.start, match.end(), "ORG"))
    found += _forces(tokens)
    found += _lexicon_bodies(text, tokens, {s.start for s in analysis.sentences})
    found = _typed_names(text, tokens, found)
    found += _bracketed_acronyms(text, found)
    found = _with_parent(text, tokens, _with_country(text, tokens, _longest(found)))
    found = _joined_persons(text, tokens, found)
    found = _longest(found + _lowercase_persons(text, tokens, found) + _lowercase_states(tokens, found))
    return _longest(found + _surnames_again(tokens, found))


def _lowercase_persons(text: str, tokens: list[Token], found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Names written in small letters, as some Ukrainian outlets write Russian leaders' ("володимира путіна",
    "пригожина"): a first name the dictionary knows followed by a word it knows first as a surname is a
    person, and that surname alone is the same person wherever the article writes it."""
    taken = [(s, e) for s, e, _ in found]
    persons = []
    for first, second in zip(tokens, tokens[1:], strict=False):
        if first.text.islower() and second.text.islower() and _first_name(first) and _surname(second) \
                and not text[first.end:second.start].strip() and not any(s < second.end and first.start < e for s, e in taken):
            persons.append((first.start, second.end, "PERSON"))
    surnames = {_person_lemma(t) for t in tokens if any(t.end == e and s < t.start for s, e, _ in persons)}
    lone = [(t.start, t.end, "PERSON") for t in tokens if t.text.islower() and _surname(t) and _person_lemma(t) in surnames
            and not any(s <= t.start < e for s, e, _ in persons) and not any(s < t.end and t.start < e for s, e in taken)]
    return persons + lone


def _lowercase_states(tokens: list[Token], found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """States written in small letters, as many Ukrainian outlets write Russia's ("росія", "рф"): a word that
    names a state in some case form (`names.state_named` of the word's dictionary form, so that "груза" of "груз",
    cargo, is not Georgia's "Грузия") and that the dictionary reads only as that one noun, so that a word also read
    otherwise ("того", "мали", "чад", "перу") stays a word."""
    taken = [(s, e) for s, e, _ in found]
    return [
        (t.start, t.end, "GPE") for t in tokens
        if t.text.islower() and t.parses and state_named(t.lemma) and all(p.tag.POS == "NOUN" for p in t.parses)
        and len({p.normal_form for p in t.parses}) == 1 and not any(s < t.end and t.start < e for s, e in taken)
    ]


def _first_name(token: Token) -> bool:
    return any(p.is_known and _tagged(p, "Name") for p in token.parses[:3])


def _surname(token: Token) -> bool:
    """A word the dictionary knows (not a guess from its ending) first as a surname."""
    return bool(token.parses) and token.parses[0].is_known and _tagged(token.parses[0], "Surn")


# Acronyms of a kind of armed group written before its name without quotes: "ЧВК Вагнер", "ПВК Вагнер".
GROUP_TYPES = frozenset({"ЧВК", "ПВК"})


def _typed_names(text: str, tokens: list[Token], found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"ЧВК Вагнер Евгения Пригожина": the group's name is the word after its kind, and the person
    the model ran into it starts after it."""
    for i, token in enumerate(tokens[:-1]):
        name = tokens[i + 1]
        if token.text not in GROUP_TYPES or not name.capitalised or not name.text.isalpha() or text[token.end:name.start].strip() \
                or i + 2 < len(tokens) and tokens[i + 2].capitalised and tokens[i + 2].has("Surn"):
            continue  # "ватажка ПВК Євгенія Пригожина": a first name and surname, the group's leader
        cut = []
        for start, end, label in found:
            if label == "PERSON" and start == name.start:
                rest = next((t for t in tokens if t.start > name.start and t.start < end), None)
                if rest is not None:
                    cut.append((rest.start, end, label))
            elif not (start < name.end and token.start < end):
                cut.append((start, end, label))
        found = cut + [(token.start, name.end, "ORG")]
    return found


_NATIONAL_ADJECTIVES = frozenset(w for w, english in LEXICON.items() if english in ("Russian", "Ukrainian", "Belarusian"))
# Nouns for a country's armed forces: the words `LEXICON` translates as English names them (`names._MILITARY`
# and "forces": "российские силы", "російські військові", "российские оккупанты").
_FORCES_NOUNS = frozenset(w for w, english in LEXICON.items() if english in ("Troops", "Army", "Military", "Forces", "Soldiers", "Occupiers", "Invaders"))
_FORCES_QUALIFIERS = frozenset({w for w, english in LEXICON.items() if english in ("Occupation", "Armed")} | {"регулярный", "регулярний"})


def _forces(tokens: list[Token]) -> list[tuple[int, int, str]]:
    """"российские войска", "російські окупаційні війська", "армія РФ": a country's armed forces, an actor
    though written in small letters (the adjective alone is a nationality word)."""
    found = []
    for i, token in enumerate(tokens):
        if token.lemma not in _NATIONAL_ADJECTIVES:
            continue
        end = i + 1
        if end < len(tokens) and tokens[end].lemma in _FORCES_QUALIFIERS:
            end += 1
        if end < len(tokens) and tokens[end].lemma in _FORCES_NOUNS:
            found.append((token.start, tokens[end].end, "ORG"))
    for i, token in enumerate(tokens[:-1]):  # "армія РФ", "армии России": the noun, then the country
        if token.lemma in _FORCES_NOUNS and (tokens[i + 1].text == "РФ" or tokens[i + 1].capitalised and tokens[i + 1].has("gent")
                                              and country_in_english(tokens[i + 1].lemma)):
            found.append((token.start, tokens[i + 1].end, "ORG"))
    return found


_COUNTRY_WORDS = frozenset({"Russia", "Ukraine", "Belarus", "Russian", "Ukrainian", "Belarusian", "Federation"})
_NOT_BODIES = frozenset({"President", "Company", "Group", "News", "Centre", "Front", "Republic"})  # "российский президент", "российская компания"


def _lexicon_word(token: Token) -> str | None:
    """The lemma under which `romanize.LEXICON` knows the word ("главный" for "Главного"), if any."""
    return next((f for f in (p.normal_form.casefold() for p in token.parses[:3]) if f in LEXICON), None)


def _lexicon_bodies(text: str, tokens: list[Token], sentence_starts: set[int]) -> list[tuple[int, int, str]]:
    """"Національного антитерористичного комітету", "Вооружённые силы", "Российское Минобороны", "службы
    безопасности Украины": words that are all words bodies' names are made of (`romanize.LEXICON`), a noun
    among them, are a body's name where the model saw none; in small letters (or capitalised only as a
    sentence's first word) only with its country ("Служба безопасности аэропорта" is the airport's). A
    capitalised word after small letters starts another name ("управлением Следственного комитета России")."""
    found = []
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and tokens[j].text[:1].isalpha() and _lexicon_word(tokens[j]) \
                and (j == i or _adjacent(text, tokens[j - 1].end, tokens[j].start) and not (tokens[j].capitalised and not tokens[j - 1].capitalised)):
            j += 1
        run = tokens[i:j]
        head = [t for t in run if _noun(t) is not None and LEXICON[_lexicon_word(t)] not in _COUNTRY_WORDS | _NOT_BODIES]
        whole = len(run) >= 2 or run and len(run[0].text) >= 5 and " " in LEXICON[_lexicon_word(run[0])]
        country = run and (_COUNTRY_GENITIVE.match(text, run[-1].end) or _country_after(text[run[0].start:run[-1].end])[1]
                           or run[0].capitalised and any(t.lemma in _NATIONAL_ADJECTIVES for t in run))
        if head and whole and (run[0].capitalised and run[0].start not in sentence_starts or country):
            found.append((run[0].start, run[-1].end, "ORG"))
        i = max(j, i + 1)
    return found


_COUNTRY_GENITIVE = re.compile(r"\s+(России|РФ|Российской Федерации|Украины|України|Белоруссии|Беларуси|Білорусі|США)\b")


def _with_country(text: str, tokens: list[Token], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"Министерство обороны" + "России", "ФСБ" + "России": an institution's name ends with its country."""
    result: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        match = _COUNTRY_GENITIVE.match(text, end) if label == "ORG" else None
        if match:
            end = match.end()
        if result and result[-1][2] != "ORG" and result[-1][0] >= start and result[-1][1] <= end:
            result.pop()
        result.append((start, end, label))
    return [s for s in result if not any(o is not s and o[2] == "ORG" and o[0] <= s[0] and s[1] <= o[1] for o in result)]


# Bodies other bodies belong to, written after them in the genitive: "Главное управление разведки
# Минобороны Украины" (Ukraine's defence ministry's intelligence directorate).
_PARENT_BODIES = frozenset({
    "минобороны", "міноборони", "министерство", "міністерство", "мвд", "мвс", "мид", "мзс", "фсб", "сбу", "генштаб", "мо",
})


_PRESS_OFFICES = (("цос",), ("центр", "общественный", "связь"), ("центр", "громадський", "зв'язок"))


def _press_office(inside: list[Token]) -> int | None:
    """Where the body begins whose press office ("ЦОС", "Центр общественных связей") a name names, or None."""
    lemmas = [t.lemma.casefold() for t in inside]
    for office in _PRESS_OFFICES:
        if tuple(lemmas[:len(office)]) == office and len(inside) > len(office):
            return len(office)
    return None


def _parent_at(inside: list[Token], text: str) -> int | None:
    """Where, in an organisation's name, the country's body it belongs to begins ("минобороны Украины"
    of "Главное управление разведки минобороны Украины"), or None."""
    for k, token in enumerate(inside[1:], 1):
        if token.lemma.casefold() in _PARENT_BODIES and token.has("gent") and _country_after(text[inside[0].start:inside[-1].end])[1]:
            return k
    return None


def _with_parent(text: str, tokens: list[Token], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"Главное управление разведки" + "Минобороны Украины": a body's name runs on over the country's
    body it belongs to, named right after it in the genitive; one name, the subordinate body's."""
    following = {t.end: next_token for t, next_token in zip(tokens, tokens[1:], strict=False)}
    result: list[tuple[int, int, str]] = []
    starting = {t.start: i for i, t in enumerate(tokens)}
    for start, end, label in spans:
        if result and result[-1][1] > start:
            continue  # inside the body just run on
        if result and label == result[-1][2] == "ORG" and _adjacent(text, result[-1][1], start) and result[-1][0] in starting:
            before = list(takewhile(lambda t: t.end <= result[-1][1], islice(tokens, starting[result[-1][0]], None)))
            if _press_office(before + ([tokens[starting[start]]] if start in starting else [])) == len(before):
                result[-1] = (result[-1][0], end, label)  # "ЦОС" + "ФСБ": the press office of the body
                continue
        token = following.get(end) if label == "ORG" else None
        country = _COUNTRY_GENITIVE.match(text, token.end) if token is not None else None
        if token is not None and country and _adjacent(text, end, token.start) and token.lemma.casefold() in _PARENT_BODIES \
                and token.has("gent"):
            end = country.end()  # "минобороны Украины", small letters or not
        result.append((start, end, label))
    return result


def _surnames_again(tokens: list[Token], found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A surname of a person named in the article, wherever it stands ("Капустину звонили." at the
    start of a sentence, where the model and the capitalisation rule both miss it)."""
    persons = [(s, e) for s, e, label in found if label == "PERSON"]
    surnames = {_person_lemma(t) for t in tokens if t.capitalised and any(s <= t.start and t.end == e for s, e in persons)}
    return [(t.start, t.end, "PERSON") for t in tokens
            if t.capitalised and len(t.text) > 1 and t.parses and not any(s <= t.start < e for s, e, _ in found) and _person_lemma(t) in surnames]


_INITIALS_BEFORE = re.compile(r"(?<![\w.])[А-ЯЁІЇЄ]\.(?:\s?[А-ЯЁІЇЄ]\.)?\s?")
_INITIALS_AFTER = re.compile(r"(?<=\s[А-ЯЁІЇЄ])\.(?:\s?[А-ЯЁІЇЄ]\.)?|\s[А-ЯЁІЇЄ]\.(?:\s?[А-ЯЁІЇЄ]\.)?")


def _joined_persons(text: str, tokens: list[Token], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A person's name the model cut in two ("В'ячеслав" + "Гладков") is one name; a first name or
    surname next to it ("Євген" at the start of a sentence) belongs to it."""
    at = {t.start: i for i, t in enumerate(tokens)}
    ends = {t.end: i for i, t in enumerate(tokens)}
    grown = []
    for start, end, label in spans:
        if label == "PERSON":
            i = at.get(start)
            while i is not None and i > 0 and tokens[i - 1].capitalised and tokens[i - 1].has("Name") \
                    and _adjacent(text, tokens[i - 1].end, tokens[i].start) and not _named(tokens[i - 1], spans) \
                    and not any(s <= tokens[i - 1].start and tokens[i - 1].end <= e for s, e, _ in spans):
                i -= 1
                start = tokens[i].start
            j = ends.get(end)
            while j is not None and j + 1 < len(tokens) and tokens[j + 1].capitalised and tokens[j + 1].has("Patr", "Surn") \
                    and tokens[j].has("Name") \
                    and _adjacent(text, tokens[j].end, tokens[j + 1].start):
                j += 1
                end = tokens[j].end
            initial = _INITIALS_BEFORE.search(text, max(0, start - 8), start)
            if initial and initial.end() == start:
                start = initial.start()  # "Е. Пригожина", "Е.Пригожина"
            after = _INITIALS_AFTER.match(text, end)
            if after:
                end = after.end()  # "Пригожина Е.В."
            first = tokens[at[start]] if start in at else None
            if first is not None and start in at and ends.get(end) == at[start] and first.parses and first.parses[0].tag.POS == "ADJF":
                continue  # "Російського": an adjective, not a name
        previous = tokens[ends[grown[-1][1]]] if grown and grown[-1][1] in ends else None
        if previous is not None and label == grown[-1][2] == "PERSON" and _adjacent(text, grown[-1][1], start) and previous.has("Name") \
                and not (start in at and _next_person([t for t in tokens if grown[-1][0] <= t.start and t.end <= grown[-1][1]], tokens[at[start]])):
            grown[-1] = (grown[-1][0], end, label)
        elif not grown or start >= grown[-1][1]:
            grown.append((start, end, label))
    return grown


def _adjacent(text: str, end: int, start: int) -> bool:
    """Only spaces between two words of one name: a name never runs on into the next line."""
    return not text[end:start].strip() and "\n" not in text[end:start]


def _named(token: Token, spans: list[tuple[int, int, str]]) -> bool:
    """The token is part of an organisation's name ("Вагнер" of "ЧВК Вагнер")."""
    return any(s <= token.start and token.end <= e and label == "ORG" for s, e, label in spans)


def _word_before(text: str, position: int) -> int:
    before = text[:position].rstrip()
    match = re.search(r"[\w'’ʼ-]+$", before)
    return match.start() if match else -1


def _piece(run: list[Token], kind: str) -> list[tuple[int, int, str]]:
    run = run[: next((i for i, t in enumerate(run) if t.text == "("), len(run))]
    while run and not run[-1].text[:1].isalnum() and run[-1].text not in "»“\"":
        run = run[:-1]
    while run and not run[0].text[:1].isalnum() and run[0].text not in "«„\"":
        run = run[1:]
    if not run or sum(ch.isalpha() for t in run for ch in t.text) < 2:
        return []  # "Е." of "Е. Пригожина": an initial is no name
    label = LABELS[kind]
    person = next((k for k in range(1, len(run) - 1) if label != "PERSON" and run[k].capitalised and run[k].has("Name")
                   and run[k + 1].capitalised and run[k + 1].has("Surn", "Patr")), None)
    if person is not None:  # "Першого каналу Ірина Куксенкова": a person after an organisation's name
        return _piece(run[:person], kind) + [(run[person].start, run[-1].end, "PERSON")]
    first = next((k for k, t in enumerate(run) if t.has("Name") or t.lemma in FIRST_NAMES), 0) if label == "PERSON" else 0
    if first > 0 and not any(t.has(*_PERSON_TAGS) for t in run[:first]) and (
            first >= 2 and all(t.capitalised for t in run[:first]) or all(t.has("Geox") for t in run[:first] if t.text.isalpha())):
        return _piece(run[:first], "LOC") + [(run[first].start, run[-1].end, "PERSON")]  # "Нової Каховки Володимира Леонтьєва"
    if label == "PERSON":  # "Росія Сергій Шойгу", "Білорус Олександр Лукашенка": a word before the name
        while len(run) > 1 and not run[0].has(*_PERSON_TAGS) and (
                run[1].has("Name") or run[1].lemma in FIRST_NAMES or country_in_english(run[0].lemma)):
            run = run[1:]  # the Ukrainian dictionary tags fewer first names: "України Володимир Зеленський"
    if label == "PERSON" and not any(t.has(*_PERSON_TAGS) for t in run) and all(t.has("Geox") for t in run if t.text.isalpha()):
        label = "GPE"  # the model calls many villages persons ("Козинку")
    if label == "PERSON" and any(t.lemma in _REGION_WORDS for t in run):
        label = "GPE"
    if label == "PERSON" and not any(t.has("Name", "Patr") for t in run) and translated([t.lemma for t in run]):
        label = "ORG"  # "Міноборони Росії": the words of an institution's name, not a person's
    while label != "PERSON" and len(run) > 1 and not run[0].capitalised and run[0].text not in "«„\"":
        run = run[1:]
    return [(run[0].start, run[-1].end, label)]


def _bracketed_acronyms(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"Русский добровольческий корпус (РДК)": the acronym names the organisation before it."""
    extra = []
    for _, end, label in found:
        match = re.match(r"\s*\(([A-ZА-ЯЁІЇЄ]{2,6})\)", text[end:end + 12])
        if match and (label == "ORG" or label == "GPE" and _initials_of(match.group(1), text[:end])):
            extra.append((end + match.start(1), end + match.end(1), "ORG"))
    return extra


def _initials_of(acronym: str, before: str) -> bool:
    """"ДНР" after "Донецкой народной республике": the acronym's letters open the last words before it, so a
    place-like state ("республика") and its acronym are one name, where a place and its country's are not."""
    words = re.findall(r"\w+", before)[-len(acronym):]
    return len(words) == len(acronym) and all(w[:1].casefold() == ch.casefold() for w, ch in zip(words, acronym, strict=True))


def _longest(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if not any(span[0] < k[1] and k[0] < span[1] for k in kept):
            kept.append(span)
    # an organisation's name swallowed by the acronym in brackets after it stays apart
    return sorted(kept)


def nominative(tokens: list[Token], label: str, surface: str) -> str:
    """The name in the nominative: each word of a person's name, and a phrase's words up to its head
    noun (adjectives agreeing with it); words after the head ("Свобода России") stay as written."""
    words = [t for t in tokens if t.text[:1].isalnum()]
    if not words or not has_cyrillic(surface):
        return clean_name(surface)
    if label == "PERSON":  # initials ("Е. Пригожина") are left out of the name compared
        return " ".join(_cased(_person_lemma(t), t.text) for t in words if len(t.text) > 1) or clean_name(surface)
    head = next((i for i, t in enumerate(words) if _noun(t) is not None and not _adjective_before_noun(t, words[i + 1:i + 2])), None)
    out = []
    head_parse = _noun(words[head]) if head is not None else None
    gender = next((g for g in ("masc", "femn", "neut") if head_parse is not None and _tagged(head_parse, g)), "masc")
    for i, token in enumerate(words):
        if head is None or i > head:
            out.append(token.text)
        elif i == head:
            out.append(_cased(head_parse.normal_form, token.text))
        else:
            out.append(_cased(_agreeing(token, gender), token.text))
    name = " ".join(out)
    quote = _QUOTED.search(surface)
    if quote and head is not None and words[head].start < tokens[0].start + quote.start():
        name = " ".join(out[: head + 1]) + " «" + clean_name(quote.group(1)) + "»"
    return name


def _tagged(parse, grammeme: str) -> bool:
    return grammeme in re.split(r"[ ,]", str(parse.tag))


def _cased(lemma: str, surface: str) -> str:
    if surface.isupper() and len(surface) > 1:
        return lemma.upper()
    if surface[:1].isupper():
        return "-".join(part[:1].upper() + part[1:] for part in lemma.split("-"))
    return lemma


def _person_lemma(token: Token) -> str:
    """The nominative of a word of a person's name. A person is one: a plural reading is not theirs ("Юсубов"
    read as "of the Yusubs" is the surname as written)."""
    person = [p for p in token.parses if any(_tagged(p, g) for g in _PERSON_TAGS)]
    named = [p for p in person if not _tagged(p, "plur")] if person else token.parses
    if not named:
        return token.text.lower()
    already = [p for p in named if p.normal_form == token.text.lower() and _tagged(p, "masc")]
    masculine = [p for p in named if _tagged(p, "masc") and _tagged(p, "sing")]
    return (already or masculine or named)[0].normal_form


def _noun(token: Token):
    nouns = [p for p in token.parses[:3] if p.tag.POS == "NOUN"]
    geo = [p for p in nouns if _tagged(p, "Geox")]
    return (geo or nouns or [None])[0] if token.parses and token.parses[0].tag.POS != "ADJF" else None


def _adjective_before_noun(token: Token, following: list[Token]) -> bool:
    """"Главного управления": a word the dictionary reads first as a noun ("главное") but also as an
    adjective, before a noun, is that noun's adjective."""
    return bool(following) and any(p.tag.POS == "ADJF" for p in token.parses[:3]) and _noun(following[0]) is not None


def _agreeing(token: Token, gender: str) -> str:
    adjectives = [p for p in token.parses if p.tag.POS == "ADJF"]
    if not adjectives:
        return token.text.lower()
    form = adjectives[0].inflect({"nomn", "sing", gender})
    return form.word if form is not None else adjectives[0].normal_form


def chains(analysis: Analysis, reading: Reading) -> list[Chain]:
    """Mentions of one actor: the same nominative name, a surname after the full name, an acronym in
    brackets after the name; each chain gets the Latin forms of its names as aliases, with why."""
    groups: dict[str, list[int]] = defaultdict(list)
    label_of: dict[str, str] = {}
    surnames: dict[str, str] = {}
    order = sorted(range(len(analysis.mentions)), key=lambda i: (-len(reading.lemmas[i].split()), i))
    text = analysis.article.text
    owned = _owned_keys(analysis, reading)
    for i in order:
        mention = analysis.mentions[i]
        lemma = reading.lemmas[i]
        key = _body_key(lemma, owned) if mention.label == "ORG" else name_key(lemma)
        if not key:
            continue
        if mention.label == "PERSON" and " " not in key and key in surnames:
            key = surnames[key]
        acronym = re.fullmatch(r"[A-ZА-ЯЁІЇЄ]{2,6}", mention.span.text) is not None
        outer = next((j for j in range(len(analysis.mentions)) if analysis.mentions[j].span.end <= mention.span.start
                      and text[analysis.mentions[j].span.end:mention.span.start].strip() == "("), None) if acronym else None
        if mention.label == "GPE" and outer is not None and _initials_of(mention.span.text, analysis.mentions[outer].span.text):
            mention.label = "ORG"  # "Донецкой народной республике (ДНР)"; "Москве (РФ)" is a place and its country
        if mention.label == "ORG" and acronym:
            if outer is not None and name_key(reading.lemmas[outer]):
                key = _body_key(reading.lemmas[outer], owned)
            mention.role = "acronym"
        groups[key].append(i)
        label_of.setdefault(key, mention.label)
        if mention.label == "PERSON" and " " in key:
            surnames.setdefault(key.split()[-1], key)
    addressed = _addressed(groups, label_of)
    for key, full in addressed.items():
        groups[full] += groups.pop(key)
    for key, full in _spelled_out(groups, label_of, analysis, reading).items():
        groups[full] += groups.pop(key)
        if label_of.pop(key) == "ORG":
            label_of[full] = "ORG"
    for key, full in _contracted_bodies(groups, label_of, reading).items():
        groups[full] += groups.pop(key)
    result = []
    for chain_id, (key, members) in enumerate(sorted(groups.items(), key=lambda kv: min(kv[1]))):
        members.sort()
        names = [reading.lemmas[i] for i in members if analysis.mentions[i].role != "acronym"] or [reading.lemmas[i] for i in members]
        name = max(names, key=lambda n: (len(n.split()), names.count(n), -names.index(n)))
        proper = [reading.quoted[i] for i in members if i in reading.quoted and not _descriptive(reading.quoted[i], reading.language)]
        if proper:  # "ЧВК «Вагнер»": the organisation is called by its quoted name
            name = max(proper, key=proper.count)
        chain = Chain(id=chain_id, name=name, label=label_of[key], mentions=members)
        for i in members:
            analysis.mentions[i].chain = chain_id
            analysis.mentions[i].label = chain.label
            lemma = reading.lemmas[i]
            if proper and i in reading.quoted:
                continue
            if lemma != name and lemma not in chain.aliases:
                chain.aliases.append(lemma)
                chain.alias_reasons[lemma] = "acronym in brackets after the name" if analysis.mentions[i].role == "acronym" \
                    else f"first name and patronymic of “{name}”" if name_key(lemma) in addressed else "same name, declined"
        for i in members:
            own = reading.own.get(i)
            if own and own != chain.name and own not in chain.aliases:
                chain.aliases.append(own)
                chain.alias_reasons[own] = f"its own name, without the body it belongs to (“{reading.lemmas[i]}”)"
        for form, reason in comparable_forms(chain, reading, members):
            if form not in chain.aliases and form != chain.name:
                chain.aliases.append(form)
                chain.alias_reasons[form] = reason
            if chain.label == "GPE" and reason.startswith("translated") and form.split()[-1].lower() in HEADS:
                analysis.relabel(chain, "ORG")  # "Донецкая народная республика", Donetsk People's Republic: a body, as other languages read it
        result.append(chain)
    _home_bodies(result, reading, analysis)
    return result


# Languages that are the state language of one state only, whose press names that state's own bodies without it
# ("Генштаб", "Генпрокуратура" in a Ukrainian article are Ukraine's); Russian is several states' and has none.
HOME_STATES = {"uk": "Ukraine"}
HOME_QUALIFIED = "named without its country in an article in"  # the reason `_home_bodies` gives the state's name


def _home_bodies(chains: list[Chain], reading: Reading, analysis: Analysis) -> None:
    """A body every state has, named without its country in an article written in one state's own language, is
    that state's ("Генштаб" → Ukrainian General Staff): it gets that state's name in English beside its own. Not
    when a country stands by it ("російський Генштаб", "Генштаб РФ") or among its names, or the article names
    another country's body so."""
    if reading.home is None:
        return
    qualified = {body for chain in chains for name in (chain.name, *chain.aliases) if (body := body_of(name)) and body[0]}
    by_start = {t.start: i for i, t in enumerate(reading.tokens)}
    by_end = {t.end: i for i, t in enumerate(reading.tokens)}
    for chain in chains:
        names = (chain.name, *chain.aliases)
        if chain.label != "ORG" or any(state_named(w) or country_of_word(latin_key(w)) for name in names for w in name.split()):
            continue
        words = {body[1] for name in chain.aliases if (body := body_of(name)) and unqualified_body(name)}
        if len(words) != 1 or any(c != reading.home and w in words for c, w in qualified):
            continue
        spans = [analysis.mentions[i].span for i in chain.mentions]
        near = [reading.tokens[j] for span in spans for j in (by_start.get(span.start, 0) - 1, by_end.get(span.end, -2) + 1)
                if 0 <= j < len(reading.tokens)]
        if any(t.lemma in _NATIONAL_ADJECTIVES or state_named(t.text) for t in near):
            continue
        english = next(name for name in chain.aliases if unqualified_body(name))
        form = f"{COUNTRY_ADJECTIVES[reading.home]} {english}"
        chain.aliases.append(form)
        chain.alias_reasons[form] = f"“{english}” {HOME_QUALIFIED} {reading.home}'s language"


def _spelled_out(groups: dict[str, list[int]], label_of: dict[str, str], analysis: Analysis, reading: Reading) -> dict[str, str]:
    """"ДНР" without brackets where the article also writes "Донецкая народная республика": an acronym whose letters
    open the words of the one name of an organisation or a place-like state in the article is that name's (as
    "Донецкой народной республике (ДНР)" is). Key of the acronym -> key of the name."""
    found = {}
    for key, members in groups.items():
        text = analysis.mentions[members[0]].span.text
        if label_of[key] not in ("ORG", "GPE") or not re.fullmatch(r"[А-ЯЁІЇЄ]{3,6}", text):
            continue
        names = {k for k, ms in groups.items() if k != key and label_of[k] in ("ORG", "GPE") and len(k.split()) == len(text)
                 and _initials_of(text, reading.lemmas[ms[0]])}
        if len(names) == 1:
            found[key] = names.pop()
    return found


def _contracted_bodies(groups: dict[str, list[int]], label_of: dict[str, str], reading: Reading) -> dict[str, str]:
    """"Генпрокуратура" where the article also writes "Генеральная прокуратура РФ": a body's name without its
    country whose English words are those of the one body the article names with a country, whatever its
    spelling (a contraction, another word order), is that body's. Key of the name -> key of the body."""
    bodies: dict[str, tuple[str | None, str]] = {}
    for key, members in groups.items():
        if label_of[key] != "ORG":
            continue
        lemma = reading.lemmas[members[0]]
        english = translated([_word_lemma(w, reading.language) for w in re.findall(r"[\w'’ʼ-]+", clean_name(lemma))])
        body = body_of(english) if english else None
        if body:
            bodies[key] = (body[0], signature(body[1]))
    found = {}
    for key, (country, words) in bodies.items():
        owners = {other for other, (c, w) in bodies.items() if other != key and c and w == words}
        if country is None and len(owners) == 1:
            found[key] = owners.pop()
    return found


_PATRONYMIC = re.compile(r"\w{3,}(?:ович|евич|йович|ьович|овна|евна|івна|ївна|ична)$")


def _addressed(groups: dict[str, list[int]], label_of: dict[str, str]) -> dict[str, str]:
    """"Александр Григорьевич" (a first name and patronymic, how Russians address a person) is the one person
    the article names in full with that first name ("Александр Лукашенко"): key -> the full name's key."""
    found = {}
    for key in groups:
        words = key.split()
        if label_of[key] != "PERSON" or len(words) != 2 or not _PATRONYMIC.fullmatch(words[1]):
            continue
        full = [k for k in groups if k != key and label_of[k] == "PERSON" and len(k.split()) >= 2 and k.split()[0] == words[0]
                and not _PATRONYMIC.fullmatch(k.split()[-1]) and k.split()[1:-1] in ([], words[1:])]  # another patronymic: another man
        if len(full) == 1:
            found[key] = full[0]
    return found


_COUNTRY_OF_GENITIVE = {
    "россии": "Russia", "рф": "Russia", "российской федерации": "Russia", "украины": "Ukraine", "україни": "Ukraine",
    "белоруссии": "Belarus", "беларуси": "Belarus", "білорусі": "Belarus", "сша": "United States",
}


def _country_after(name: str) -> tuple[str, str | None]:
    """"ФСБ России" → ("ФСБ", "Russia"): a body's name without the country written after it, and that country."""
    match = _COUNTRY_GENITIVE.search(name)
    if match is None or match.end() != len(name.rstrip()):
        return name, None
    return name[:match.start()], _COUNTRY_OF_GENITIVE[match.group(1).casefold()]


def _owned_keys(analysis: Analysis, reading: Reading) -> dict[str, set[str]]:
    """For each organisation's name without its country, the countries the article gives it ("ЗС" →
    {Russia, Ukraine} when it writes both "ЗС РФ" and "ЗС України")."""
    owned: dict[str, set[str]] = defaultdict(set)
    for i, mention in enumerate(analysis.mentions):
        if mention.label == "ORG":
            bare, country = _country_after(reading.lemmas[i])
            if country and name_key(bare):
                owned[name_key(bare)].add(country)
    return owned


def _body_key(lemma: str, owned: dict[str, set[str]]) -> str:
    """The chain key of an organisation: its name with its country ("ФСБ России" and "ФСБ РФ" are one,
    "ЗС РФ" and "ЗС України" two); a name written without a country is the body of the one country the
    article gives that name, and its own when it gives it two (a country's bodies never join another's)."""
    bare, country = _country_after(lemma)
    key = name_key(bare)
    if not key:
        return name_key(lemma)
    if country is None and len(owned.get(key, ())) == 1:
        (country,) = owned[key]
    return f"{key} @{country.casefold()}" if country else key


def comparable_forms(chain: Chain, reading: Reading, members: list[int]) -> list[tuple[str, str]]:
    """Latin forms of a chain's Cyrillic names: romanised names and acronyms, word-by-word translations
    of descriptive organisation names, and the proper name quoted inside one ("ЧВК «Вагнер»" → Wagner)."""
    forms: list[tuple[str, str]] = []
    names = [chain.name, *chain.aliases]
    quoted = [reading.quoted[i] for i in members if i in reading.quoted]
    for name in dict.fromkeys(names):
        if not has_cyrillic(name):
            continue
        bare = clean_name(name)
        inner = _QUOTED.search(name)
        words = [w for w in re.findall(r"[\w'’ʼ-]+", bare)]
        lemmas = [_word_lemma(w, reading.language) for w in words]
        english = translated(lemmas) if chain.label != "PERSON" else None
        if english:
            for variant in _variants(english):
                forms.append((variant, f"translated word by word from “{name}”"))
            if len(lemmas) == 1 and compound(lemmas[0]):  # "Укрзалізниця" is also the proper name English writes Ukrzaliznytsia
                forms += [(latin, f"romanised from “{name}”") for latin in romanizations(bare, reading.language)]
        elif inner and not translated([_word_lemma(w, reading.language) for w in inner.group(1).split()]):
            continue  # its quoted proper name is romanised below
        else:
            for latin in romanizations(bare, reading.language):
                forms.append((latin, f"romanised from “{name}”"))
    if chain.label == "ORG":
        for name in dict.fromkeys(names):
            for initials, reason in _initials(name):
                forms += [(initials, reason)] + [(latin, f"romanised from “{initials}”, {reason}") for latin in romanizations(initials, reading.language)]
    for name in dict.fromkeys(quoted):
        if not _descriptive(name, reading.language):
            for latin in romanizations(name, reading.language):
                forms.append((latin, f"romanised from the quoted name “{name}”"))
    return forms


# The letter a body's acronym gives its country: СБУ (Служба безпеки України), СКР (Следственный комитет России).
_COUNTRY_LETTER = {"Russia": "Р", "Ukraine": "У", "Belarus": "Б"}


def _initials(name: str) -> list[tuple[str, str]]:
    """"Федеральная служба безопасности России" goes by ФСБ: the initials of a descriptive name of three
    words or more (its country left out), as Russian and Ukrainian write them; and, as they write a
    body's acronym with its country's letter, "Служба безпеки України" goes by СБУ and "СК РФ" by СКР."""
    if not has_cyrillic(name) or _QUOTED.search(name):
        return []
    bare, country = _country_after(name)
    words = re.findall(r"[\w'’ʼ-]+", bare)
    if not words or not all(w[:1].isalpha() for w in words):
        return []
    letters = "".join(w[0] for w in words).upper()
    forms = []
    if len(words) >= 3:
        forms.append((letters, f"the initials of “{name}”"))
    letter = _COUNTRY_LETTER.get(country or "")
    if any(_contracted(w) for w in words):
        return []  # "Главное разведуправление": initials are of whole words, a contraction's are not these
    if letter and (len(words) >= 2 or _ACRONYM_WORD.fullmatch(words[0])):
        acronym = (words[0] if len(words) == 1 else letters) + letter
        forms.append((acronym, f"the initials of “{name}” with its country’s letter"))
    return forms


_ACRONYM_WORD = re.compile(r"[А-ЯЁІЇЄ]{2,5}")
_WHOLE_WORDS = tuple(w for w in LEXICON if len(w) >= 6 and " " not in w)


def _contracted(word: str) -> bool:
    """"разведуправление", "Генпрокуратура", "Минобороны": a word contracted from two, the second whole."""
    lower = word.casefold()
    return any(lower.endswith(w) and len(lower) >= len(w) + 3 for w in _WHOLE_WORDS)



def _variants(english: str) -> list[str]:
    """"Ministry Defence Russia" is also "Russian Ministry Defense": a country after an institution is
    the adjective before it in English, and "Defence" is spelled both ways."""
    forms = [english]
    words = english.split()
    if len(words) >= 2 and words[-1] in COUNTRY_ADJECTIVES:
        forms.append(" ".join([COUNTRY_ADJECTIVES[words[-1]], *words[:-1]]))
    forms += [f.replace("Defence", "Defense") for f in forms if "Defence" in f]
    return forms


def _descriptive(name: str, language: str) -> bool:
    lemmas = [_word_lemma(w, language) for w in name.split()]
    return bool(translated(lemmas)) or any(w.lower() in LEXICON for w in lemmas)


def _word_lemma(word: str, language: str) -> str:
    parses = morph.analyzer(language).parse(word)
    return parses[0].normal_form if parses else word.lower()
