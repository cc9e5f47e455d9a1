"""German, French, Italian, Spanish, Portuguese, Dutch and other languages: names, places, dates, numbers,
and in the first five statements by word rules (reported_latin.py).

No model of these languages is installed, so names are capitalised words that are rare in the
language (wordfreq's Zipf scale: German capitalises every noun, and "Angriff" is common where
"Prigoschin" is not), joined with their connecting particles ("de", "von", "di"). A name the
gazetteer knows is a place; a lone surname joins the full name it ends. That is enough for the
pages to share actors, places, numbers and dates with the rest of their story.
"""

from __future__ import annotations

import re
from collections import defaultdict

from factfile.extract import frequency
from factfile.extract.capitals import acts_around, acts_in, capital_country
from factfile.extract.gazetteer import load_gazetteer
from factfile.extract.gender import first_name_gender, first_name_nominative
from factfile.extract.lang import bodies, dates, forces, office_titles, reported_arabic, reported_latin, uncased
from factfile.extract.lang.cyrillic import sentences
from factfile.extract.names import ARTICLES, GROUP_WORDS, country_in_english, name_key, state_named, union_in_english
from factfile.extract.places import resolve_names
from factfile.records import Analysis, Chain, Mention, Span

# Particles inside a person's name ("Charles de Gaulle", "Ursula von der Leyen").
_PARTICLE_WORDS = "de|da|do|dos|di|del|della|von|van|der|den|la|le|du"
_PARTICLES = frozenset(_PARTICLE_WORDS.split("|"))
# Names stop at a line break ("le Kremlin\nClick: ..."); Greek capitals open names too ("Πούτιν").
_NAME = re.compile(
    rf"\b[A-ZÀ-ÖØ-ÞĀ-ſΆ-ΏΑ-Ω][\w'’-]*(?:[^\S\n]+(?:(?:{_PARTICLE_WORDS})[^\S\n]+){{0,2}}[A-ZÀ-ÖØ-ÞĀ-ſΆ-ΏΑ-Ω][\w'’-]*){{0,3}}"
)
COMMON = 3.8  # Zipf frequency above which a capitalised word is an ordinary word of the language
# Languages that capitalise every noun: there a rare capitalised word is mostly a compound noun, told by
# the noun endings compounds end in ("Söldnerarmee", "Freitagabend", "Vermittlungsinitiative").
NOUN_CAPITALISING = frozenset({"de", "lb"})
_NOUN_ENDINGS = re.compile(
    r"(?:ung|ungen|heit|keit|schaft|tum|nis|ion|ionen|tät|ismus|ist|isten|abend|nacht|morgen|armee|führung|sprache|"
    r"linie|linien|zustand|initiative|platz|platzes|marsch|kommando|lager|gruppe|truppe|truppen|chef|minister|"
    r"ministerium|kämpfer|söldner|söldnern|soldaten|präsident|sprecher|er|ern|en)$"
)
_LOCATIVES = frozenset({
    "in", "im", "nach", "bei", "aus", "von", "à", "en", "au", "dans", "près", "vers", "a", "em", "no", "na", "nel",
    "nella", "da", "di", "bij", "te", "op", "naar", "uit", "sur", "desde", "hacia", "para", "cerca",
})
# Articles that open a sentence before a state's name ("La Russie", "La Fédération de Russie"), which is no part of it.
_BIG_PLACE = 100_000
# A word as frequent as an ordinary one is still a name when the gazetteer knows it as a city this large
# ("Moskau", "Mosca", "Kiew": news write them daily) or when it follows a first name ("Wladimir Putin",
# "Vladimir Poutine"); below a million, city names that are also words ("Essen") stay words.
_CITY = 1_000_000


def analyse(analysis: Analysis, language: str) -> None:
    text = analysis.article.text
    analysis.sentences = sentences(text)
    starts = {s.start for s in analysis.sentences}
    gazetteer = load_gazetteer()
    toponyms = []
    titled: list[tuple[int, Mention]] = []  # where a title before a full name starts, the name's mention
    for match in _candidates(text):
        words = match.group(0).split()
        full = _full_name_at_end(words)
        title = _title_start(text, match, words[:full], language) if full else None
        if full is not None:
            words = words[full:]
        state = len(words) > 1 and country_in_english(" ".join(words)) is not None  # "Federazione Russa": one name
        while words and (_common(words[0], language) and not _kept_before_name(words) and (not state or country_in_english(" ".join(words[1:])))
                         or name_key(words[0]) in ARTICLES and _state_or_union(" ".join(words[1:]), language)):
            words = words[1:]
        channel = len(words) > 1 and (_CHANNEL.fullmatch(words[0]) is not None
                                      or language in NOUN_CAPITALISING and _KIND_NOUN.fullmatch(words[0]) is not None)
        if channel:  # "Telegram-Kanal Grey Zone", "Luftfahrtbehörde Rosawiazija": the name is all the words after, however common
            title = text.index(words[0], match.start())
            words = words[1:]
        while words and _common(words[-1], language) and not (len(words) > 1 and (_group_word(words[-1]) or _group_word(words[-2]))) \
                and full is None and not channel and (not state or country_in_english(" ".join(words[:-1]))):
            words = words[:-1]
        if len(words) >= 3 and not state and (gazetteer.lookup(words[0]) or country_in_english(words[0])) \
                and first_name_gender(" ".join(words[:2])) is None:
            words = words[1:]  # "della Crimea Serghei Aksyonov", "Ukrajiny Danijil Bezsonov": the place, then the person
        if not words or len(words) == 1 and name_key(words[0]) in ARTICLES:
            continue  # "La" opening a sentence is no Los Angeles
        start = text.index(words[0], match.start())
        end = start + len(" ".join(words))
        if text[start:end] != " ".join(words):
            continue
        if start in starts and len(words) == 1 and _zipf(words[0].lower(), language) > 2.5 and not _city(words[0]):
            continue
        name = text[start:end]
        if language in NOUN_CAPITALISING and len(words) == 1 and _NOUN_ENDINGS.search(words[0].lower()) and not _named_group(words[0], language):
            continue
        found = [p for p in gazetteer.lookup(name) if not _acronym_of_another(name, p.name)]
        before = re.search(r"(\w+)\W*$", text[max(0, start - 20):start])
        place = bool(found) and (
            max(p.population for p in found) >= _BIG_PLACE or before is not None and before.group(1).lower() in _LOCATIVES
        )
        place = place or bool(country_in_english(name))
        label = "GPE" if place else "PERSON" if len(words) >= 2 and not any(map(_group_word, words)) and not channel else "ORG"
        group = _GROUP_BEFORE.search(text, max(0, start - 12), start)
        if not place and group:  # "el grupo Wagner", "la milizia Wagner"
            start, label = group.start(1), "ORG"
            name = text[start:end]
        analysis.mentions.append(Mention(Span(start, end, name), label, analysis.sentence_of(start)))
        if place:
            toponyms.append(analysis.mentions[-1])
        elif title is not None and (label == "PERSON" or channel):
            titled.append((title, analysis.mentions[-1]))
    named_bodies = _bodies(analysis, text, language)
    toponyms = [t for t in toponyms if any(t is m for m in analysis.mentions)]
    armies = _armed_forces(analysis, text, language)
    _surnames_again(analysis, text)
    _particles_before_surnames(analysis, text)
    regimes = _regimes(analysis, text)
    states = _acting_capitals(analysis, text, language)
    states |= {i: country for i, m in enumerate(analysis.mentions) for r, country in regimes if m is r}
    toponyms = [(m.span, i, m.span.text, False, "GPE") for i, m in enumerate(analysis.mentions) if any(m is t for t in toponyms)]
    analysis.chains = _chains(analysis, states)
    _respell(analysis.chains, language)
    _greek_in_latin(analysis.chains)
    _undeclined(analysis.chains, language, text)
    for mention, country in armies:
        chain = analysis.chains[mention.chain]
        alias = f"Armed Forces of {country}"
        if alias not in chain.aliases:
            chain.aliases.append(alias)
            chain.alias_reasons[alias] = f"“{mention.span.text}”: the armed forces of {country}"
    for mention, forms in named_bodies:
        if mention.role == "description":
            continue  # "Luftfahrtbehörde" before "Rosawiazija" says what the agency is, not which (`_kind_named`)
        chain = analysis.chains[mention.chain]
        if chain.name.islower():  # "ministerio de Defensa ruso" goes by its English name, its words in small letters an alias
            chain.aliases.append(chain.name)
            chain.alias_reasons[chain.name] = "its words in small letters"
            chain.name = forms[0]
        for form in forms:
            if form not in chain.aliases and form != chain.name:
                chain.aliases.append(form)
                chain.alias_reasons[form] = f"translated word by word from “{mention.span.text}”"
    analysis.places = resolve_names(analysis, toponyms)
    analysis.times = dates.find_times(analysis, language)
    analysis.quantities = dates.find_quantities(analysis, language)
    analysis.statements = reported_latin.find_statements(analysis, language)
    _add_titled(analysis, titled)
    office_titles.add_titles(analysis, language)
    script = uncased.language_of(text)
    if script == "ar":
        uncased.add_bodies(analysis)
    if script is not None:
        uncased.add_names(analysis, language or script)
    if script == "ar":
        analysis.statements = reported_arabic.find_statements(analysis)


# Letters a language's press writes for a Slavic sound, where `names.sound` reads them the English or French
# way, and the English spelling of that sound: "kh" (х) for German, Polish, Czech and Slovak "ch" ("Michail",
# "Chusnullin": not the German "sch", "tsch") and Spanish "j" ("Mijailo"); "ts" (ц) for the "c" of the Slavic
# languages in Latin letters ("Łubinec", "Kovalenco"), not in "ch", "cz" or the Polish "ci".
_KH = (r"ch", "kh")
_TS = (r"c(?![hzi])", "ts")
_RESPELT = {"de": [(r"(?<![st])ch", "kh")], "pl": [_KH, _TS], "cs": [_KH, _TS], "sk": [_KH, _TS], "es": [(r"j", "kh")],
            "hr": [_TS], "sr": [_TS], "bs": [_TS], "sl": [_TS]}


def _respell(chains: list[Chain], language: str) -> None:
    """A person's name in a language that writes "kh" or "ts" otherwise also goes by its English spelling of
    those sounds ("Mijailo Podoliak", "Mychajlo Podoljak" → "Mikhailo Podoliak", "Mykhajlo Podoljak";
    "Dmytro Łubinec" → "Dmytro Łubinets"), so that the name's consonant skeleton is the one English and
    Russian pages give it."""
    patterns = _RESPELT.get(language)
    if patterns is None:
        return
    for chain in (c for c in chains if c.label == "PERSON"):
        english = chain.name
        for pattern, sound in patterns:
            english = re.sub(pattern, lambda m, sound=sound: sound.title() if m.group(0)[0].isupper() else sound, english, flags=re.I)
        if english != chain.name and english not in chain.aliases:
            chain.aliases.append(english)
            chain.alias_reasons[english] = f"“{chain.name}” as English spells its sounds"


# Slavic languages in Latin letters decline names, first name and surname alike: "Aleksandrom Bastrikinom"
# (Serbian, with), "Władimira Putina" (Polish, of). The case endings both words share, longest first.
_SLAVIC_LATIN = frozenset({"pl", "cs", "sk", "sl", "hr", "sr", "bs"})
_CASE_ENDINGS = ("owi", "ovi", "ego", "emu", "om", "em", "a", "u")
# A surname that declines as an adjective: Polish "-ski"/"-cki" ("Zełenskiego", "Zełenskiemu", "Zełenskim") and
# Czech and Slovak "-ský" ("Zelenského", "Zelenskému", "Zelenským"), a man's case forms, and the nominative they
# come from.
_ADJECTIVAL_SURNAME = re.compile(r"(?<=\w{3})([sc]k)(?:(iego|iemu|im)|(ého|ému|ém|ým))$")


def _adjectival_nominative(word: str) -> str | None:
    """"Zełenski" of "Zełenskiego", "Zelenský" of "Zelenského"; None for a word that is no such case form."""
    found = _ADJECTIVAL_SURNAME.search(word)
    if found is None:
        return None
    return word[: found.start()] + found.group(1) + ("i" if found.group(2) else "ý")


def _undeclined(chains: list[Chain], language: str, text: str) -> None:
    """A man's name in a Slavic case form also goes by its nominative: the first name by the East Slavic first
    names' case forms (`gender.first_name_nominative`: "Władimira" → Władimir, "Dmytrowi" → Dmytro), the
    surname by the ending the first name lost ("Putina" → Putin) or as an adjective ("Zełenskiego" → Zełenski,
    "Zelenského" → Zelenský, also alone), else both words by the case ending they share ("Aleksandrom
    Bastrikinom" → Aleksandr Bastrikin). A name that is also a woman's ("Vladimira Putina", "Ivana") reads so
    only when the article writes the man's surname undeclined too."""
    if language not in _SLAVIC_LATIN:
        return
    for chain in (c for c in chains if len(c.name.split()) == 1 or c.label == "PERSON" and len(c.name.split()) == 2):
        words = chain.name.split()
        bare = _nominative(words)
        if bare is None or bare == chain.name:
            continue
        if len(words) == 2 and first_name_gender(chain.name) == "female" and not re.search(rf"\b{re.escape(bare.split()[-1])}\b", text):
            continue
        if bare not in chain.aliases:
            chain.aliases.append(bare)
            chain.alias_reasons[bare] = f"“{chain.name}” in the nominative"


def _nominative(words: list[str]) -> str | None:
    """The nominative of a person's name of one or two words in a Slavic case form (see `_undeclined`)."""
    if len(words) == 1:
        return _adjectival_nominative(words[0])
    first, surname = words
    nominative = first_name_nominative(first)
    if nominative is not None:
        ending = next((e for e in _CASE_ENDINGS if first.endswith(e)), "")
        adjectival = _adjectival_nominative(surname)
        if adjectival:
            return f"{nominative} {adjectival}"
        if ending and surname.endswith(ending) and len(surname) > len(ending) + 2:
            return f"{nominative} {surname[: -len(ending)]}"
        return f"{nominative} {surname}" if not ending else None
    ending = next((e for e in _CASE_ENDINGS if all(w.endswith(e) and len(w) > len(e) + 2 for w in words)), None)
    if ending is None or ending == "a" and first_name_gender(" ".join(words)) == "female":
        return None
    return " ".join(w[: -len(ending)] for w in words)


def _greek_in_latin(chains: list[Chain]) -> None:
    """A name in Greek letters also goes by its Latin letters as the press writes them ("Γεβγκένι Πριγκόζιν"
    → Yevgeni Prigozin), which compare with the actor's other names (`romanize.greek_to_latin`)."""
    from factfile.extract.lang.romanize import greek_to_latin, has_greek

    for chain in (c for c in chains if has_greek(c.name)):
        latin = greek_to_latin(chain.name)
        if latin and latin not in chain.aliases:
            chain.aliases.append(latin)
            chain.alias_reasons[latin] = f"“{chain.name}” in Latin letters"


def _title_start(text: str, match: re.Match, title: list[str], language: str) -> int:
    """Where the title before a full name starts, without an ordinary word opening the run ("Der Wagner-Chef")."""
    while len(title) > 1 and _zipf(title[0].lower(), language) >= COMMON and not country_in_english(title[0]):
        title = title[1:]
    return text.index(title[0], match.start())


def _add_titled(analysis: Analysis, titled: list[tuple[int, Mention]]) -> None:
    """"Verteidigungsminister Sergej Schoigu", "UN-Nothilfekoordinator Martin Griffiths", "Telegram-Kanal Grey
    Zone": the title the run writes before a full name or a channel's name, with the name, is a mention of the
    actor, kept as a description (as the English reader keeps "Defence Minister Sergei Shoigu"); added after
    statements, which read the names alone."""
    text = analysis.article.text
    for start, name in titled:
        if name.chain is None or not any(name is m for m in analysis.mentions):
            continue
        analysis.add_mention(Mention(Span(start, name.span.end, text[start:name.span.end]), name.label, name.sentence,
                                     chain=name.chain, role="description"))


_PARTICLE = re.compile(rf"\s+(?:{_PARTICLE_WORDS})\s+(?=(\S+))")


def _candidates(text: str) -> list[re.Match]:
    """Capitalised runs that may be names; a particle joins a person's name ("Charles de Gaulle"), not a
    name to a country after it ("Zelensky la Russia", "Selenskyj von Russland"), and a person's full name
    ends before a state's name run on after it ("Wolodymyr Selenskyj Russland": no one's surname is a state)."""
    found = []
    for match in _straddled(list(_NAME.finditer(text)), text):
        start = match.start()
        for particle in _PARTICLE.finditer(match.group(0)):
            if country_in_english(particle.group(1).strip(".,;:")) and not country_in_english(match.group(0)):
                found.append(_NAME.match(text, start, match.start() + particle.start()))
                start = match.start() + particle.end()
        words = list(re.finditer(r"\S+", text[start : match.end()]))
        if len(words) >= 3 and state_named(words[-1].group(0)) and not state_named(text[start + words[-2].start() : match.end()]) \
                and any(first_name_gender(f"{a.group(0)} {b.group(0)}") for a, b in zip(words[:-2], words[1:-1], strict=True)):
            found.append(_NAME.match(text, start, start + words[-2].end()))
            start += words[-1].start()
        found.append(_NAME.match(text, start, match.end()))
    return [m for m in found if m]


def _straddled(runs: list[re.Match], text: str) -> list[re.Match]:
    """Runs cut at their longest: where a first name ends one run and its surname opens the next
    ("Służby Bezpieczeństwa Ukrainy Artem" + "Dechtiarenko"), the full name is a run of its own."""
    result: list[re.Match] = []
    for run in runs:
        last = result[-1] if result else None
        if last is not None and text[last.end():run.start()] == " " and " " in last.group(0):
            first = last.group(0).rsplit(" ", 1)[1]
            if len(first) >= 4 and first_name_gender(f"{first} {run.group(0).split()[0]}") is not None:
                cut = last.end() - len(first)
                result[-1:] = [m for m in (_NAME.match(text, last.start(), cut - 1), _NAME.match(text, cut, run.end())) if m]
                continue
        result.append(run)
    return result


# A channel's word before its name: "Telegram-Kanal Grey Zone", "la chaîne Rybar", "il canale Telegram Grey Zone".
_CHANNEL = re.compile(r"(?i)(?:telegram-?)?(?:kanal|kanals|kanaal|channel|canal|canale|chaîne)")
# A German compound naming what kind of organisation the name after it is: "Luftfahrtbehörde Rosawiazija",
# "Nachrichtenagentur Ria Novosti", "Inlandsgeheimdienst SBU" (the name is the words after it, as after a channel's).
_KIND_NOUN = re.compile(r"(?i)[\w-]*(?:behörde|agentur|dienst|ministerium|sender|zeitung|konzern)")


_GROUP_BEFORE = re.compile(r"(?<!\w)(gr[uo]u?pp?[eoa]|milizia|milice|milicia)\s+$")


def _group_word(word: str) -> bool:
    return name_key(word) in GROUP_WORDS


def _kept_before_name(words: list[str]) -> bool:
    """"John Kirby", "Grupo Wagner": a first name or a group word is common in the language, and part
    of the name it stands before (as a name is part of the group word's: "Gruppe Wagner")."""
    return len(words) > 1 and (_group_word(words[0]) or first_name_gender(" ".join(words[:2])) is not None)


def _full_name_at_end(words: list[str]) -> int | None:
    """Where a first name and surname close the run ("Russlands Präsident Wladimir Putin" → 2, "EU-Kommissionschefin
    Ursula von der Leyen" → 1): both are kept however common they are in the language, with the particles between
    them, and the words before them are titles, not the name."""
    first = len(words) - 2
    while first > 0 and words[first] in _PARTICLES:
        first -= 1
    if first < 0 or len(words[first]) < 4 or first_name_gender(f"{words[first]} {words[-1]}") is None or not words[-1][:1].isupper():
        return None
    return first


def _armed_forces(analysis: Analysis, text: str, language: str) -> list[tuple[Mention, str]]:
    """"l'armée russe", "ejército ruso": a country's armed forces, an organisation (see lang/forces.py);
    returns each such mention with its country."""
    taken = [(m.span.start, m.span.end) for m in analysis.mentions]
    armies = []
    for start, end, country in forces.find(text, language):
        if not any(s < end and start < e for s, e in taken):
            analysis.mentions.append(Mention(Span(start, end, text[start:end]), "ORG", analysis.sentence_of(start)))
            armies.append((analysis.mentions[-1], country))
    return armies


def _bodies(analysis: Analysis, text: str, language: str) -> list[tuple[Mention, list[str]]]:
    """"Comité d'enquête russe", "Verteidigungsministerium": a state body named in words (see lang/bodies.py),
    an organisation whose span replaces the capitalised words found inside it; returns each with its English forms."""
    found = []
    for start, end, forms in bodies.find(text, language):
        overlapping = [m for m in analysis.mentions if m.span.start < end and start < m.span.end]
        if any(m.span.start < start or m.span.end > end for m in overlapping):
            continue  # "Luftfahrtbehörde Rosawiazija": the body's proper name is the longer name found
        analysis.mentions[:] = [m for m in analysis.mentions if not any(m is o for o in overlapping)]
        analysis.mentions.append(Mention(Span(start, end, text[start:end]), "ORG", analysis.sentence_of(start)))
        found.append((analysis.mentions[-1], forms))
    analysis.mentions.sort(key=lambda m: m.span.start)
    return found


def _surnames_again(analysis: Analysis, text: str) -> None:
    """A lone surname of a person the article names in full ("Poutine" after "Vladimir Poutine"), which
    the frequency rule dropped: a mention of that person too (the chains join it to the full name)."""
    surnames = {m.span.text.split()[-1] for m in analysis.mentions if m.label == "PERSON" and " " in m.span.text}
    taken = [(m.span.start, m.span.end) for m in analysis.mentions]
    for match in re.finditer(r"\b[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]*", text):
        if match.group(0) in surnames and not any(s < match.end() and match.start() < e for s, e in taken):
            analysis.mentions.append(Mention(Span(match.start(), match.end(), match.group(0)), "PERSON", analysis.sentence_of(match.start())))
    analysis.mentions.sort(key=lambda m: m.span.start)


def _particles_before_surnames(analysis: Analysis, text: str) -> None:
    """"von der Leyen" alone, where the article names "Ursula von der Leyen": the particles before the surname
    are part of it (the name finder starts names at a capital), so the mention is the whole surname."""
    surnames = set()
    for mention in analysis.mentions:
        words = mention.span.text.split()
        if mention.label == "PERSON" and len(words) >= 3 and words[1] in _PARTICLES:
            surnames.add(" ".join(words[1:]))
    for surname in surnames:
        particles, last = surname.rsplit(" ", 1)
        for mention in analysis.mentions:
            start = mention.span.start - len(particles) - 1
            if mention.span.text == last and start >= 0 and text[start : mention.span.start].casefold() == f"{particles} ".casefold():
                mention.span = Span(start, mention.span.end, text[start : mention.span.end])


_REGIME = re.compile(r"\b(?:(?P<adjective>[A-ZÀ-Þ]\w+?)er\s+Regimes?|[Rr][ée]gimen?\s+(?:de|di|da|du)\s+(?P<capital>[A-ZÀ-Þ]\w+))\b")


def _regimes(analysis: Analysis, text: str) -> list[tuple[Mention, str]]:
    """"Kiewer Regime", "régime de Kiev", "regime di Mosca": a capital's regime is its state's government,
    one actor with the state (see capitals.add_regimes); each such mention, replacing the names inside it, with its country."""
    found = []
    for match in _REGIME.finditer(text):
        country = capital_country(match.group("adjective") or match.group("capital"))
        if country is None:
            continue
        start, end = match.span()
        analysis.mentions[:] = [m for m in analysis.mentions if not (m.span.start < end and start < m.span.end)]
        analysis.mentions.append(Mention(Span(start, end, match.group(0)), "ORG", analysis.sentence_of(start), role="description"))
        found.append((analysis.mentions[-1], country))
    analysis.mentions.sort(key=lambda m: m.span.start)
    return found


def _acting_capitals(analysis: Analysis, text: str, language: str) -> dict[int, str]:
    """Capitals that act ("Mosca nega", "Kiew und Moskau beschuldigen sich"), not after "in" or "nach", or that
    are a source, the accused or a passive's agent ("secondo Mosca", "a accusé Kiev", "von Kiew angegriffen"):
    descriptions of their states (mention index -> the country), see extract/capitals.py."""
    states = {}
    for index, mention in enumerate(analysis.mentions):
        country = capital_country(mention.span.text) if mention.label == "GPE" else None
        before = re.search(r"(\w+)\W*$", text[max(0, mention.span.start - 20):mention.span.start])
        if country is None or not (acts_around(text, mention.span.start, mention.span.end, language) or acts_in(text, mention.span.end, language)
                                   and not (before is not None and before.group(1).lower() in _LOCATIVES)):
            continue
        mention.role = "description"
        states[index] = country
    return states


def _state_or_union(name: str, language: str) -> bool:
    """"Russie" after "La", "ONU" after "La": a state's or a union's name, which an article before it is no part of."""
    return bool(state_named(name) or union_in_english(name, language))


def _acronym_of_another(name: str, place: str) -> bool:
    """"ONU" (the United Nations) is not Auneau, once called Onu, nor "SBU" Springbok: a name of two or three
    capitals is an acronym, a place only where the gazetteer writes it so."""
    return 2 <= len(name) <= 3 and name.isupper() and name != place


def _city(word: str) -> bool:
    return any(p.population >= _CITY for p in load_gazetteer().lookup(word))


def _named_group(word: str, language: str) -> bool:
    """"Wagner-Gruppe": a compound of a name and a group word names the group."""
    head, _, tail = word.rpartition("-")
    return head[:1].isupper() and _group_word(tail)


def _common(word: str, language: str) -> bool:
    if country_in_english(word) or union_in_english(word, language) or "-" in word and _named_group(word, language) or _city(word):
        return False  # "Russland", "Ucraina", "Moskau", "ONU": frequent words, and names
    if language in NOUN_CAPITALISING and _NOUN_ENDINGS.search(word.lower()) and "-" not in word:
        return True
    return _zipf(word.lower(), language or "en") >= COMMON


def _zipf(word: str, language: str) -> float:
    """wordfreq's Zipf frequency; 0 (rare) in a language it has no word list for (Tsonga), or whose
    segmenter is not installed (MeCab for Japanese and Korean, jieba for Chinese): no word is known common there."""
    try:
        return frequency.zipf(word, language)
    except (LookupError, ImportError):
        return 0.0


def _bracketed(analysis: Analysis) -> dict[int, int]:
    """"Comitato nazionale antiterrorismo russo (Nac)": a one-word name in brackets right after an
    organisation's name is another name of it (mention index -> the name's index); a place is not."""
    text, mentions = analysis.article.text, analysis.mentions
    found = {}
    for i in range(1, len(mentions)):
        name, inner = mentions[i - 1], mentions[i]
        if name.label == "ORG" and inner.label == "ORG" and " " not in inner.span.text \
                and re.fullmatch(r"\s*\(\s*", text[name.span.end:inner.span.start]) and re.match(r"\s*\)", text[inner.span.end:]):
            found[i] = i - 1
    return found


def _kind_named(analysis: Analysis) -> dict[int, int]:
    """"Die Luftfahrtbehörde Rosawiazija ... die Luftfahrtbehörde": a German noun of an organisation's kind
    right before its name, and the same noun alone in the article, are descriptions of that organisation
    (mention index -> the name's index), never its names."""
    text, mentions = analysis.article.text, analysis.mentions
    titled = {}
    for i in range(len(mentions) - 1):
        kind, name = mentions[i], mentions[i + 1]
        if name.label == "ORG" and text[kind.span.end:name.span.start] == " " and _KIND_NOUN.fullmatch(kind.span.text):
            titled.setdefault(name_key(kind.span.text), i + 1)
    return {i: titled[name_key(m.span.text)] for i, m in enumerate(mentions) if name_key(m.span.text) in titled}


def _chains(analysis: Analysis, states: dict[int, str]) -> list[Chain]:
    groups: dict[str, list[int]] = defaultdict(list)
    surnames: dict[str, str] = {}
    kinds = _kind_named(analysis)
    bracketed = _bracketed(analysis) | kinds
    for i in kinds:
        analysis.mentions[i].role = "description"
    for i in sorted(range(len(analysis.mentions)), key=lambda i: -len(analysis.mentions[i].span.text.split())):
        mention = analysis.mentions[i]
        if i in bracketed:
            mention = analysis.mentions[bracketed[i]]
        key = name_key(states.get(i) or (country_in_english(mention.span.text) if states else None) or mention.span.text)
        if key in surnames and (" " not in key or key.split()[0] in _PARTICLES):
            key = surnames[key]
        groups[key].append(i)
        if mention.label == "PERSON":
            surnames.setdefault(key.split()[-1], key)
            if len(words := key.split()) >= 3 and words[1] in _PARTICLES:
                surnames.setdefault(" ".join(words[1:]), key)  # "von der leyen"
    chains = []
    for chain_id, members in enumerate(sorted(groups.values(), key=min)):
        members.sort()
        names = [analysis.mentions[i].span.text for i in members if i not in states and i not in kinds]
        name = max(names, key=lambda n: (len(n.split()), names.count(n))) if names else states[members[0]]
        labels = {analysis.mentions[i].label for i in members}
        # a lone word is only guessed an organisation: a chain with a person's full name is that person
        label = "PERSON" if "PERSON" in labels else analysis.mentions[members[0]].label
        chain = Chain(id=chain_id, name=name, label=label, mentions=members, aliases=sorted(set(names) - {name}))
        inside = {analysis.mentions[i].span.text: analysis.mentions[bracketed[i]].span.text for i in members if i in bracketed}
        for alias in chain.aliases:
            chain.alias_reasons[alias] = f"in brackets after “{inside[alias]}”" if alias in inside else "surname of the full name in the article"
        for i in members:
            analysis.mentions[i].chain = chain_id
            analysis.mentions[i].label = label
        chains.append(chain)
    return chains
