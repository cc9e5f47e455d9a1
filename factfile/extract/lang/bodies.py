"""State bodies named in words in the languages read without a model: "Comité d'enquête russe",
"Comitato nazionale antiterrorismo", "ministerio de Defensa ruso", "Narodowy Komitet Antyterrorystyczny",
"Verteidigungsministerium". Often written in small letters, where the name finder (capitalised rare
words) does not look, and never in the words English uses, they are translated word by word, as the
Cyrillic reader translates "Следственный комитет России" (`romanize.translated`), so that they compare
with "Russian Investigative Committee": a rule over the words such names are made of, not a list of bodies.
"""

from __future__ import annotations

import re

from factfile.extract.capitals import capital_country
from factfile.extract.gazetteer import load_gazetteer
from factfile.extract.lang.forces import country_of_adjective
from factfile.extract.names import COUNTRY_ADJECTIVES, country_in_english, latin_key

# Stems (accents off, lower case) of the words such names are made of, and their English. A word is one
# of them when it starts with the stem; heads are the nouns a body's name needs one of.
_HEADS = {
    "committee": ("comite", "comitato", "komitet", "komitee", "comitet"),
    "ministry": ("ministere", "ministerio", "ministero", "ministerstw", "ministerie"),  # not the minister: ministre, ministro
    "service": ("servic", "servizi", "servico", "sluzb"),
    "agency": ("agenc", "agenzi", "agentschap"),
    # International bodies and self-proclaimed republics are named in the same common words ("Croce Rossa",
    # "Vereinten Nationen", "Repubblica Popolare di Donetsk"), which the name finder drops as ordinary words.
    "cross": ("croce", "croix", "cruz", "kreuz", "krzyz", "kriz", "kruis"),
    "nations": ("nazioni", "nations", "nationen", "naciones", "nacoes", "naties"),
    "republic": ("repubblic", "republiqu", "republic", "republik", "republiek"),
    "staff": ("sztab",),
    # Bodies every state has, which the press names by their country alone ("ukraińska policja", "Ferrovie ucraine").
    "police": ("polic", "poliz"),
    "railways": ("ferrovi", "ferrocarril"),
    "prosecutor's office": ("prokuratur", "fiscalia"),
}
# Whole words (Polish "Siły Zbrojne Ukrainy", declined; the Romance and German names are lang/forces.py's).
_WHOLE_HEADS = {"sily": "forces", "sil": "forces", "silom": "forces", "silami": "forces", "silach": "forces", "narodow": "nations",
                "etat-major": "general staff", "procura": "prosecutor's office", "staatsanwaltschaft": "prosecutor's office",
                **dict.fromkeys(("koleje", "kolei", "kolej", "kolejom", "kolejami", "kolejach"), "railways")}
# Heads of the bodies every state has: with the country the text gives, the name is whole ("Koleje Ukraińskie").
_NAMED_BY_COUNTRY = frozenset({"police", "railways", "office"})
# Words a body's name may hold that its English name leaves out: "compagnie ferroviaire ukrainienne", "empresa
# ferroviária estatal" are Ukraine's railways, as the English press calls them.
_UNSAID = ("compagni", "compani", "companhi", "empresa", "spolk", "societ", "statal", "estatal", "etatiqu", "panstwow")
# Two words that are one head: "stato maggiore", "Estado Mayor" (the General Staff).
_PAIRED_HEADS = {("stato", "maggiore"): "general staff", ("estado", "mayor"): "general staff", ("estado", "maior"): "general staff"}
_WORDS = {
    "investigative": ("enquete", "investigac", "investigaz", "inchiest", "sledcz", "istrazn", "ermittlung", "onderzoek"),
    "armed": ("zbrojn", "armad", "armat", "armee"),
    "national": ("national", "nacional", "nazional", "narodow", "nationaal"),
    "anti-terrorism": ("antiterror", "anti-terror", "antyterror"),
    "defense": ("defens", "defes", "difes", "obrony", "verteidigung", "defensie"),
    "security": ("securit", "segurid", "seguranc", "sicurezz", "bezpieczenstw", "sicherheit", "veiligheid"),
    "federal": ("federal", "federaln"),
    "emergency": ("urgence", "emergenc", "emergenz", "nadzwyczaj"),
    "emergency situations": ("zivilschutz", "katastrophenschutz"),  # German names Russia's emergencies ministry so
    "situations": ("situation", "situacion", "situacoe", "situazion", "sytuacj"),
    "intelligence": ("renseignement", "inteligenc", "intelligenz", "wywiad", "nachrichtendienst"),
    "air": ("aerien", "aereo", "lotnicz", "luftfahrt"),
    "transport": ("transport", "trasport"),
    "interior": ("interieur", "interior", "interno", "spraw wewnetrznych", "innen"),
    "red": ("ross", "rot", "rouge", "roj", "czerwon", "cerven", "rood", "vermelh"),
    "united": ("unit", "unie", "unid", "vereint", "zjednoczon", "spojen", "verenigd"),
    "international": ("internazional", "internation", "internacional", "miedzynarodow", "mezinarodn"),
    "people's": ("popolar", "populair", "popular", "ludow", "lidov", "volk"),
    "general": ("general",),
    "forces": ("fuerz", "forz", "forces", "forcas", "streitkraft"),
}
HEADS = frozenset(english.split()[-1] for english in _HEADS)  # "committee", "republic", ...: English heads of bodies' names
# Heads of bodies that belong to no country, or whose owner is a region the gazetteer knows ("di Donetsk").
_STATELESS = frozenset({"cross", "nations"})
_OWNED_BY_A_PLACE = frozenset({"republic"})
_FUNCTION = frozenset({"de", "d", "del", "della", "dello", "delle", "di", "da", "do", "per", "l", "des", "du", "la", "le", "el", "il", "por",
                       "dla", "pour", "para", "van", "het", "der", "vom", "las", "los"})
# German and Dutch write such a name as one word: a modifier's stem, then the head ("Ermittlungskomitee").
_COMPOUND_HEADS = {"ministerium": "ministry", "komitee": "committee", "dienst": "service", "behorde": "agency", "ministerie": "ministry",
                   "republik": "republic", "staatsanwaltschaft": "prosecutor's office"}
_IN = frozenset({"in", "a", "en", "em", "w", "v"})  # "in Moskau", "à Moscou", "a Mosca", "en Moscú", "w Moskwie"
_VAGUE = frozenset({"national", "federal"})  # "comité national" alone may be any body's (a party's) committee
_ADJECTIVE_FIRST = frozenset({"de", "nl", "pl", "cs", "sk", "hr", "sl", "sv", "da", "nb"})  # the country's adjective stands before the name
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _english(word: str) -> tuple[str, str] | None:
    """("head" | "word", English) of one word of a body's name, or None."""
    key = latin_key(word).replace(" ", "-")
    if "-" in key and key not in _WHOLE_HEADS and all(parts := [_english(part) for part in key.split("-")]):
        kind = "head" if any(k == "head" for k, _ in parts) else "word"  # "Croix-Rouge"
        return kind, " ".join(e for k, e in sorted(parts, key=lambda p: p[0] == "head"))
    for ending, english in _COMPOUND_HEADS.items():
        modifier = key.removesuffix(ending).rstrip("-s")
        if key.endswith(ending) and modifier:
            found = next((e for e, stems in _WORDS.items() if modifier.startswith(stems)), None)
            return ("head", f"{found} {english}") if found else None
    if key in _WHOLE_HEADS:
        return "head", _WHOLE_HEADS[key]
    if key.startswith(_UNSAID):
        return "unsaid", ""
    if key.startswith("generalstab"):
        return "head", "general staff"
    for english, stems in _HEADS.items():
        if key.startswith(stems):
            return "head", english
    for english, stems in _WORDS.items():
        if key.startswith(stems):
            return "word", english
    return None


def _country(word: str, language: str) -> str | None:
    """"russe", "ruso", "Rusia", "Rosji", "russischen": the country a word names or qualifies."""
    if len(word) < 4 or _english(word):
        return None
    return country_in_english(word) or country_of_adjective(word, language)


def find(text: str, language: str) -> list[tuple[int, int, list[str]]]:
    """(start, end, English forms) of each state body the text names: the English words in the press's
    order, with the country's name before them when the text gives one ("Russian Investigative Committee")
    and without it (the name as its own country writes it: "National Anti-Terrorism Committee")."""
    words = list(_WORD.finditer(text))
    found = []
    i = 0
    while i < len(words):
        run, country, j = [], None, i
        while j < len(words) and (j == i or _adjacent(text, words[j - 1].end(), words[j].start())):
            word = words[j].group(0)
            kind = _english(word)
            pair = (latin_key(word), latin_key(words[j + 1].group(0))) if j + 1 < len(words) else None
            if pair in _PAIRED_HEADS and _adjacent(text, words[j].end(), words[j + 1].start()):
                run.append((j + 1, ("head", _PAIRED_HEADS[pair])))
                j += 2
                continue
            if kind:
                run.append((j, kind))
            elif latin_key(word) in _FUNCTION and run:
                pass
            elif run and country is None and (found_country := _country(word, language)):
                country = found_country
                run.append((j, ("country", found_country)))
            elif run and country is None and _heads_in(run, _OWNED_BY_A_PLACE) \
                    and (region := _region(word)):
                country = region  # "Repubblica Popolare di Donetsk"
                run.append((j, ("country", region)))
            else:
                break
            j += 1
        while run and run[-1][1][0] == "unsaid":
            run.pop()
        meaning = [kind for _, kind in run if kind[0] not in ("country", "unsaid")]
        first = i
        before = _country(words[i - 1].group(0), language) if country is None and i > 0 and language in _ADJECTIVE_FIRST \
            and _adjacent(text, words[i - 1].end(), words[i].start()) else None  # "das russische Ermittlungskomitee"
        if before and _heads_in(run, _NAMED_BY_COUNTRY):
            first = i - 1  # "ukraińska policja": the noun alone names no one's, the adjective is part of the name
        named_by_country = (country or before) is not None and _heads_in(run, _NAMED_BY_COUNTRY)
        if any(k == "head" for k, _ in meaning) and (named_by_country or any(k == "word" and e not in _VAGUE or " " in e for k, e in meaning)):
            last = run[-1][0]
            country = country or before  # "das russische Ermittlungskomitee": the name is the noun
            if country is None and last + 2 < len(words) and latin_key(words[last + 1].group(0)) in _IN:
                country = capital_country(words[last + 2].group(0))  # "das Verteidigungsministerium in Moskau"
            owned = _heads_in(run, _OWNED_BY_A_PLACE)
            stateless = _heads_in(run, _STATELESS)
            if owned and country is None or stateless and not words[first].group(0)[:1].isupper():
                i = last + 1  # "Repubblica Popolare": which republic, the text does not say; "croce rossa" is no name
                continue
            english = " ".join(dict.fromkeys(w[:1].upper() + w[1:] for _, e in meaning for w in e.split()))
            forms = [] if owned or named_by_country else [english]  # "Police" alone is every state's
            if country:
                adjective = COUNTRY_ADJECTIVES.get(country, country)
                forms.insert(0, f"{adjective} {english}")
            english_words = sum(len(e.split()) for _, e in meaning)  # "nationale Ermittlungskomitee": three, as in English
            if country or english_words >= 3 or words[first].group(0)[:1].isupper():  # "services de renseignement": whose, the text does not say
                found.append((words[first].start(), words[last].end(), forms))
            i = last + 1
        else:
            i += 1
    return found



def _heads_in(run: list[tuple[int, tuple[str, str]]], heads: frozenset[str]) -> bool:
    """Does the run hold one of `heads`, alone or closing a compound ("Volksrepublik": people's republic)?"""
    return any(kind == "head" and english.split()[-1] in heads for _, (kind, english) in run)


def _region(word: str) -> str | None:
    """The English name of a region or city the gazetteer knows by `word`, capitalised ("Donezk" → Donetsk)."""
    if not word[:1].isupper() or len(word) < 4 or _english(word):
        return None
    found = load_gazetteer().lookup(word)
    return max(found, key=lambda p: p.population).name if found else None


def _adjacent(text: str, end: int, start: int) -> bool:
    """Only spaces or an elided article's apostrophe between two words of one name ("d'enquête")."""
    between = text[end:start]
    return not between.strip(" '’") and "\n" not in between
