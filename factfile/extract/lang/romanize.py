"""Latin forms of Cyrillic names, as English-language news writes them, for matching across scripts.

ICU's transliteration (`names.latin_key`) follows ISO 9 and gives "Vâčeslav" for "Вячеслав"; the
press writes "Vyacheslav". Names are romanised the way news agencies do (BGN/PCGN-like: "Гладков" →
Gladkov, "Грайворон" → Grayvoron, "Евгений" → Yevgeny), Ukrainian both in its own national system
("Харків" → Kharkiv) and, for Russian names written in Ukrainian, the Russian way ("Пригожин", not
"Pryhozhyn"). Descriptive names of organisations are translated word by word through a small lexicon
of the words such names are made of, so that "Русский добровольческий корпус" compares with "Russian
Volunteer Corps": a rule over words, not a list of actors.
"""

from __future__ import annotations

import re

_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i", "й": "y",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Ukrainian and Belarusian letters read the Russian way
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u", "'": "", "’": "", "ʼ": "",
}
_UK = _RU | {"г": "h", "и": "y", "е": "e", "і": "i", "ї": "i", "є": "ie", "й": "i", "ю": "iu", "я": "ia", "щ": "shch"}
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_VOWELS = set("аеёиоуыэюяіїєaeiouy")
_ENDINGS_RU = (("ий", "y"), ("ый", "y"), ("ой", "oy"), ("ия", "iya"))
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def has_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


def _word(word: str, table: dict[str, str], ukrainian: bool) -> str:
    lower = word.lower()
    out = []
    for i, ch in enumerate(lower):
        previous = lower[i - 1] if i else ""
        if not ukrainian and ch == "е" and (i == 0 or previous in _VOWELS or previous in "ьъ"):
            out.append("ye")
        elif ukrainian and i == 0 and ch in _UK_INITIAL:
            out.append(_UK_INITIAL[ch])
        else:
            out.append(table.get(ch, ch))
    latin = "".join(out)
    if not ukrainian:
        for ending, replacement in _ENDINGS_RU:
            if lower.endswith(ending) and len(lower) > 3:
                latin = latin[: -len(table[ending[0]] + table[ending[1]])] + replacement
                break
    if word[:1].isupper():
        latin = latin.upper() if word.isupper() and len(word) > 1 else latin[:1].upper() + latin[1:]
    return latin


def romanize(text: str, ukrainian: bool = False) -> str:
    """News-style Latin form of a Cyrillic text; Latin letters and punctuation pass through."""
    table = _UK if ukrainian else _RU
    return re.sub(r"[\u0400-\u04ff'’ʼ]+", lambda m: _word(m.group(0), table, ukrainian), text)


# Greek letter pairs that stand for one Latin sound in names ("Πριγκόζιν" Prigozin, "Μπαχμούτ" Bakhmut), "β" read
# as modern Greek reads it, and "Γε", "Γι" opening a name as "Ye", "Yi" ("Γεβγκένι" Yevgeni); ICU does the rest.
_GREEK = ((r"(?<!\w)Γε", "Ye"), (r"(?<!\w)Γι", "Yi"), ("γκ", "g"), ("Γκ", "G"), ("γγ", "ng"), ("μπ", "b"), ("Μπ", "B"),
          ("ντ", "d"), ("Ντ", "D"), ("ου", "u"), ("ού", "u"), ("Ου", "U"), ("β", "v"), ("Β", "V"))
_GREEK_LETTER = re.compile(r"[\u0370-\u03ff]")


def has_greek(text: str) -> bool:
    return bool(_GREEK_LETTER.search(text))


def greek_to_latin(text: str) -> str:
    """A Greek name in Latin letters as the press writes it: "Γεβγκένι Πριγκόζιν" → "Yevgeni Prigozin", "Πούτιν" → "Putin"."""
    from normality import ascii_text

    for greek, latin in _GREEK:
        text = re.sub(greek, latin, text)
    return ascii_text(text) or ""


def latin_letters(text: str) -> str:
    """Any script in plain Latin letters, as the press would spell it: Cyrillic by `romanize`, other
    scripts and accented letters by ICU's transliteration (through normality)."""
    from normality import ascii_text

    return ascii_text(romanize(text)) or ""


# East Slavic first names as English-language news spells them, in their Russian and Ukrainian (and
# Belarusian) forms: the press writes Alexander, Sergei, Yevgeny whatever the letters say, and writes a
# Russian's name the Russian way in a translation from Ukrainian ("Володимир Путін" is Vladimir Putin).
FIRST_NAMES: dict[str, str] = {
    **dict.fromkeys(("александр", "олександр", "аляксандр"), "Alexander"), **dict.fromkeys(("алексей", "олексій"), "Alexei"),
    **dict.fromkeys(("сергей", "сергій", "сяргей"), "Sergei"), **dict.fromkeys(("евгений", "євген", "євгеній", "яўген"), "Yevgeny"),
    **dict.fromkeys(("дмитрий", "дмитро", "дзмітрый"), "Dmitry"), **dict.fromkeys(("владимир", "володимир", "уладзімір"), "Vladimir"),
    **dict.fromkeys(("андрей", "андрій"), "Andrei"), **dict.fromkeys(("юрий", "юрій"), "Yuri"),
    **dict.fromkeys(("георгий", "георгій"), "Georgy"), **dict.fromkeys(("михаил", "михайло"), "Mikhail"),
    **dict.fromkeys(("николай", "микола"), "Nikolai"), **dict.fromkeys(("виктор", "віктор"), "Viktor"),
    **dict.fromkeys(("валерий", "валерій"), "Valery"), **dict.fromkeys(("вячеслав", "в'ячеслав", "вʼячеслав", "в’ячеслав"), "Vyacheslav"),
    **dict.fromkeys(("игорь", "ігор"), "Igor"), **dict.fromkeys(("павел", "павло"), "Pavel"), **dict.fromkeys(("пётр", "петр", "петро"), "Pyotr"),
    **dict.fromkeys(("григорий", "григорій"), "Grigory"), **dict.fromkeys(("иван", "іван"), "Ivan"),
    **dict.fromkeys(("анатолий", "анатолій"), "Anatoly"), **dict.fromkeys(("василий", "василь"), "Vasily"),
    **dict.fromkeys(("геннадий", "геннадій"), "Gennady"), **dict.fromkeys(("константин", "костянтин"), "Konstantin"),
    **dict.fromkeys(("фёдор", "федор", "федір"), "Fyodor"), **dict.fromkeys(("илья", "ілля"), "Ilya"),
    **dict.fromkeys(("кирилл", "кирило"), "Kirill"), **dict.fromkeys(("артём", "артем"), "Artyom"),
    **dict.fromkeys(("олег",), "Oleg"), **dict.fromkeys(("денис",), "Denis"), **dict.fromkeys(("максим",), "Maxim"),
    **dict.fromkeys(("мария", "марія"), "Maria"), **dict.fromkeys(("елена", "олена"), "Yelena"), **dict.fromkeys(("анна", "ганна"), "Anna"),
}


def _english_first_name(name: str) -> str | None:
    words = name.split()
    english = FIRST_NAMES.get(words[0].lower()) if len(words) >= 2 else None
    return " ".join([english, *(romanize(w) for w in words[1:])]) if english else None


def romanizations(name: str, language: str | None) -> list[str]:
    """The Latin forms an English text may use for a Cyrillic name: with the press's spelling of a
    first name, the Russian way, then the Ukrainian way for Ukrainian text; with "W" for a word-initial
    "В" in one-word names of foreign origin ("Вагнер" → Wagner), "Ye"/"E" both for a word-initial "Е"
    ("Евгений": Yevgeny, Evgeny), and "i" for "й" before a consonant ("Шойгу": Shoygu, Shoigu)."""
    spellings = [name]
    if re.search(r"й(?=[^аеёиоуыэюяіїє\W])", name.lower()):
        spellings.append(re.sub(r"(?<=[аеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄ])й(?=[^аеёиоуыэюяіїє\W])", "и", name))
    forms = [f for spelling in spellings for f in (_english_first_name(spelling), romanize(spelling)) if f]
    if language in ("uk", "be"):
        forms.append(romanize(name, ukrainian=True))
    first = romanize(name)
    if re.match(r"Ye[a-z]", first):
        forms.append("E" + first[2:])
    if " " not in name.strip() and name[:1] == "В":
        forms.append("W" + first[1:])
    return list(dict.fromkeys(f for f in forms if f))


# Words that descriptive names of organisations, units and offices are made of (lemmas, Russian and
# Ukrainian) and their English equivalents.
LEXICON: dict[str, str] = {
    "чвк": "PMC", "пвк": "PMC", "минобороны": "Defense Ministry", "міноборони": "Defense Ministry",
    "мо": "Defense Ministry", "мчс": "Ministry of Emergency Situations",
    "вс": "Armed Forces", "зс": "Armed Forces", "всу": "Armed Forces of Ukraine", "зсу": "Armed Forces of Ukraine",
    "войско": "Troops", "військо": "Troops", "солдат": "Soldiers", "оккупант": "Occupiers", "окупант": "Occupiers",
    "захватчик": "Invaders", "загарбник": "Invaders", "оккупационный": "Occupation", "окупаційний": "Occupation", "корпус": "Corps", "добровольческий": "Volunteer", "добровольчий": "Volunteer", "легион": "Legion",
    "легіон": "Legion", "свобода": "Freedom", "россия": "Russia", "росія": "Russia", "русский": "Russian",
    "російський": "Russian", "российский": "Russian", "украина": "Ukraine", "україна": "Ukraine",
    "украинский": "Ukrainian", "український": "Ukrainian", "министерство": "Ministry", "міністерство": "Ministry",
    "оборона": "Defence", "оборони": "Defence", "обороны": "Defence", "рф": "Russia", "российский федерация": "Russia", "федерация": "Federation", "вооружённый": "Armed", "вооруженный": "Armed", "збройний": "Armed",
    "сила": "Forces", "служба": "Service", "безопасность": "Security", "безпека": "Security", "федеральный": "Federal",
    "армия": "Army", "армія": "Army", "группа": "Group", "група": "Group", "национальный": "National",
    "національний": "National", "гвардия": "Guard", "гвардія": "Guard", "батальон": "Battalion", "батальйон": "Battalion",
    "полк": "Regiment", "бригада": "Brigade", "генеральный": "General", "генеральний": "General", "штаб": "Staff",
    "разведка": "Intelligence", "розвідка": "Intelligence", "главный": "Main", "головний": "Main",
    "управление": "Directorate", "управління": "Directorate", "пограничный": "Border", "прикордонний": "Border",
    "государственный": "State", "державний": "State", "республика": "Republic", "республіка": "Republic",
    "народный": "People's", "народний": "People's", "партия": "Party", "партія": "Party", "фронт": "Front",
    "частный": "Private", "приватний": "Private", "военный": "Military", "військовий": "Military",
    "компания": "Company", "компанія": "Company", "совет": "Council", "рада": "Council", "комитет": "Committee",
    "комітет": "Committee", "следственный": "Investigative", "слідчий": "Investigative", "президент": "President",
    "правительство": "Government", "уряд": "Government", "белорусский": "Belarusian", "білоруський": "Belarusian",
    "южный": "Southern", "південний": "Southern", "западный": "Western", "західний": "Western", "округ": "District",
    "военный округ": "Military District", "агентство": "Agency", "информационный": "Information", "новость": "News",
    "антитеррористический": "Anti-Terrorism", "антитерористичний": "Anti-Terrorism", "чрезвычайный": "Emergency",
    "надзвичайний": "Emergency", "ситуация": "Situations", "ситуація": "Situations", "прокуратура": "Prosecutor's Office",
    "генпрокуратура": "Prosecutor General's Office", "внутренний": "Internal", "внутрішній": "Internal", "дело": "Affairs",
    "справа": "Affairs", "иностранный": "Foreign", "закордонний": "Foreign", "воздушный": "Air", "повітряний": "Air",
    "транспорт": "Transport", "центр": "Centre", "общественный": "Public", "громадський": "Public", "связь": "Relations",
    "зв'язок": "Relations", "морской": "Naval", "морський": "Naval", "флот": "Fleet", "таможенный": "Customs",
    "митний": "Customs", "залізниця": "Railways", "полиция": "Police", "поліція": "Police",
}
_ONLY_BEFORE_A_COUNTRY = frozenset({"мо"})  # "МО РФ", "МО России"
_FUNCTION = frozenset({"и", "і", "та", "в", "у", "на", "по", "за"})


# Syllables that open Russian and Ukrainian compound abbreviations, the word they cut short: "Генштаб" (General Staff),
# "Генпрокурор", "Главкомат", "Укрзалізниця" (Ukrainian Railways), "Росгвардия"; the rest of the word is a word of the lexicon.
_COMPOUND_HEADS = {"ген": "General", "глав": "Main", "укр": "Ukrainian", "рос": "Russian"}


def compound(word: str) -> str | None:
    """"General Staff" of "генштаб": a compound abbreviation whose head syllable and rest are both known."""
    for head, english in _COMPOUND_HEADS.items():
        if word.startswith(head) and (rest := LEXICON.get(word[len(head):])):
            return f"{english} {rest}"
    return None


def translated(lemmas: list[str]) -> str | None:
    """Word-by-word English form of a descriptive name given as lemmas, when at least half its words
    are in the lexicon (the rest romanised): "легион свобода россия" → Legion Freedom Russia."""
    words = [w for w in lemmas if w.lower() not in _FUNCTION and any(ch.isalpha() for ch in w)]
    if len(words) == 1 and words[0].lower() in _ONLY_BEFORE_A_COUNTRY:
        return None  # "МО" alone is as often the Moscow region or a municipality
    if len(words) == 1 and " " in LEXICON.get(words[0].lower(), ""):
        return LEXICON[words[0].lower()]  # a compound abbreviation: "Минобороны"
    if len(words) == 1 and (english := compound(words[0].lower())):
        return english
    known = [w for w in words if w.lower() in LEXICON]
    if len(words) < 2 or 2 * len(known) < len(words):
        return None
    return " ".join(LEXICON.get(w.lower()) or place_of_adjective(w) or romanize(w).capitalize() for w in words)


_PLACE_ADJECTIVE = re.compile(r"(?P<stem>\w{3,}?)(?P<suffix>ь?ск|ь?к)?(?:ий|ій|ый|ой)")
_BIG_PLACE = 100_000  # a town as small as "Ukrainsk" shares its stem with many adjectives


def place_of_adjective(word: str) -> str | None:
    """"Donetsk" of "донецкий" / "донецький", "Kherson" of "херсонский": an adjective made from a big place's
    name (the gazetteer knows the place by the stem's romanisation) is written as English writes the place
    in a name ("Donetsk People's Republic"); None for any other word."""
    from factfile.extract.gazetteer import load_gazetteer

    match = _PLACE_ADJECTIVE.fullmatch(word.lower())
    if match is None:
        return None
    stems = [match.group(0)[:-2], match.group("stem")] if match.group("suffix") else []
    for stem in stems:
        ukrainian = any(ch in stem for ch in "іїєґ") or "ь" in stem
        places = [p for p in load_gazetteer().lookup(romanize(stem, ukrainian=ukrainian)) if p.population >= _BIG_PLACE]
        if places:
            return max(places, key=lambda p: p.population).name
    return None


# How the press of other Latin-script languages writes each Cyrillic letter of a name (the Polish, Czech,
# Slovak, German and French national conventions for Russian, with the Ukrainian letters as each language
# writes Ukrainian): "Владимир" is Władimir, Vladimir, Wladimir, Vladimir; "Сергей" Siergiej, Sergej, Sergej,
# Sergueï. Per language: the letters, then a vowel's form where it opens a word or follows a vowel ("je").
_COMMON_LETTERS = {
    "а": "a", "б": "b", "д": "d", "е": "e", "з": "z", "и": "i", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "ы": "y", "ь": "", "ъ": "", "э": "e", "і": "i", "ґ": "g",
    "'": "", "’": "", "ʼ": "",
}
_FOREIGN_LETTERS: dict[str, dict[str, str]] = {
    "pl": _COMMON_LETTERS | {"в": "w", "г": "g", "е": "ie", "ё": "io", "ж": "ż", "л": "ł", "х": "ch", "ц": "c", "ч": "cz",
                             "ш": "sz", "щ": "szcz", "ю": "iu", "я": "ia", "ї": "ji", "є": "ie"},
    "cs": _COMMON_LETTERS | {"в": "v", "г": "g", "ё": "jo", "ж": "ž", "х": "ch", "ц": "c", "ч": "č", "ш": "š", "щ": "šč",
                             "ю": "ju", "я": "ja", "ї": "ji", "є": "je"},
    "sk": _COMMON_LETTERS | {"в": "v", "г": "g", "ё": "jo", "ж": "ž", "х": "ch", "ц": "c", "ч": "č", "ш": "š", "щ": "šč",
                             "ю": "ju", "я": "ja", "ї": "ji", "є": "je", "л": "l"},
    "de": _COMMON_LETTERS | {"в": "w", "г": "g", "ё": "jo", "ж": "sch", "з": "s", "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch",
                             "щ": "schtsch", "ю": "ju", "я": "ja", "ї": "ji", "є": "je"},
    "fr": _COMMON_LETTERS | {"в": "v", "г": "g", "ё": "io", "ж": "j", "й": "ï", "у": "ou", "х": "kh", "ц": "ts", "ч": "tch",
                             "ш": "ch", "щ": "chtch", "ю": "iou", "я": "ia", "ї": "ï", "є": "ie"},
}
_OPENING = {  # a vowel opening a word or after a vowel or a hard or soft sign
    "pl": {"е": "je", "ё": "jo", "ю": "ju", "я": "ja", "є": "je"},
    "cs": {"е": "je", "є": "je"}, "sk": {"е": "je", "є": "je"}, "de": {"е": "je", "є": "je"}, "fr": {"е": "ie", "ё": "io"},
}
_SOFTENING = "еёюяиіьєї"
_HUSHING = "жшчщц"


def _foreign_letter(word: str, i: int, language: str, ukrainian: bool) -> str:
    ch, previous, following = word[i], word[i - 1] if i else "", word[i + 1] if i + 1 < len(word) else ""
    letters = _FOREIGN_LETTERS[language]
    if language == "fr" and ch == "е" and not previous:
        return "e"  # "Евгений" Evgueni
    if ch in _OPENING[language] and (not previous or previous in _VOWELS or previous in "ьъ'’ʼ"):
        return _OPENING[language][ch]
    if ukrainian and ch == "г":
        return "h"
    if ukrainian and ch == "и":
        return "y"
    if ukrainian and ch == "е" and language == "pl":
        return "e"  # the Ukrainian "е" is hard: "Jewhen", "Ołeh"
    if language == "pl":
        if ch == "л":
            return "l" if following and following in (_SOFTENING.replace("е", "").replace("и", "") if ukrainian else _SOFTENING) else "ł"
        if ch in "еёюя" and previous and previous in _HUSHING + "л":
            return {"е": "e", "ё": "o", "ю": "u", "я": "a"}[ch]
        if ch == "и" and previous and previous in "жшц":
            return "y"
    if language in ("cs", "sk", "de") and ch == "ё" and previous and previous in _HUSHING:
        return "o"
    if language == "de":
        if ch == "й" and previous and previous in "иы" and not following:
            return ""  # "Дмитрий" Dmitri, "Юрий" Juri
        if ch == "с" and previous in _VOWELS and following and following in _VOWELS:
            return "ss"
    if language == "fr":
        if ch == "г" and following and following in "еёиіюяє":
            return "gu"  # "Сергей" Sergueï, "Евгений" Evgueni
        if ch == "й" and previous and (previous in "иы" and not following or previous not in _VOWELS):
            return "" if not following else "i"
        if ch == "с" and previous in _VOWELS and following and following in _VOWELS:
            return "ss"
    return letters.get(ch, ch)


def foreign_spelling(name: str, language: str, ukrainian: bool = False) -> str:
    """A Cyrillic name as the press of `language` (pl, cs, sk, de, fr) writes it: "Владимир" → Władimir
    (pl), "Дмитрий" → Dmitrij (cs), Dmitri (de), "Сергей" → Sergueï (fr), Ukrainian "Володимир" → Wołodymyr."""

    def word(match: re.Match) -> str:
        text = match.group(0)
        lower = text.lower()
        latin = "".join(_foreign_letter(lower, i, language, ukrainian) for i in range(len(lower)))
        return latin[:1].upper() + latin[1:] if text[:1].isupper() else latin

    return re.sub(r"[\u0400-\u04ff'’ʼ]+", word, name)


FOREIGN_LANGUAGES = tuple(_FOREIGN_LETTERS)


def foreign_spellings(name: str, language: str, ukrainian: bool = False) -> list[str]:
    """`foreign_spelling`, and for German also the spelling German gives the Greek names it has of its own:
    "кс" as "x" and a final "др" as "der" ("Олександр" → Oleksandr, Olexander; "Алексей" → Aleksej, Alexej)."""
    spelt = foreign_spelling(name, language, ukrainian)
    forms = [spelt]
    if language == "de":
        german = re.sub(r"(?<=[^\W\d_])dr\b", "der", spelt.replace("ks", "x").replace("Ks", "X"))
        if german != spelt:
            forms.append(german)
    return forms
