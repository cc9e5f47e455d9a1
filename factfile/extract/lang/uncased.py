"""Names in Arabic and Devanagari script, which have no capitals to tell a name from a word.

Foreign names written in these letters ("بريغوجين", "प्रिगोझिन": Prigozhin; "فاغنر", "वैगनर": Wagner) are
words rare in the language (wordfreq's Zipf scale), alone or after a first name. Such a word is kept as a
name only if it sounds like an actor already stored: its consonant skeleton, read the ways the letters
stand for Latin ones (Arabic "ب" is b or p, "ج" g or zh, "و" v or a vowel; Devanagari by ICU's
transliteration, "झ" being the press's "zh"), is the skeleton (`names.sound`) of one of that actor's names
(relate/actors.py). A rare word that sounds like no stored actor names no one, so nothing new is made
from a guess.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from factfile.extract import frequency
from factfile.records import Analysis, Chain, Mention, Span

# Each Arabic letter -> the letters of `names.sound`'s consonant skeleton it may stand for ("" = a vowel or nothing).
_SOUNDS: dict[str, tuple[str, ...]] = {
    "ب": ("b", "p"), "ت": ("t",), "ث": ("s", "t"), "ج": ("g", "s"), "ح": ("", "g"), "خ": ("g",), "د": ("d",), "ذ": ("s", "d"),
    "ر": ("r",), "ز": ("s",), "س": ("s",), "ش": ("s",), "ص": ("s",), "ض": ("d",), "ط": ("t",), "ظ": ("s",), "غ": ("g",),
    "ف": ("v",), "ق": ("k", "g"), "ك": ("k",), "ل": ("l",), "م": ("m",), "ن": ("n",), "ه": ("", "g"), "و": ("", "v"),
}
_WORD = re.compile(r"[\u0621-\u064a]+|[\u0900-\u0963\u0971-\u097f]+")
_ARABIC = re.compile(r"[\u0621-\u064a]")
_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
# "the" written onto a word, alone or after "and", "with", "for" ("والروسية"); a one-letter clitic is not
# taken off, as too many names begin with its letter ("فاغنر", "بريغوجين").
_CLITIC = re.compile(r"^(?:وال|بال|فال|لل|ال)(?=[\u0621-\u064a]{4})")
RARE = 3.5  # Zipf frequency in the language below which a word may be a foreign name ("فاغنر" 2.8, "روسيا" 5.3)
COMMON = 5.0  # above it a word is a word of the language even where it sounds like a first name ("على", on)
MIN_SOUNDS = {1: 4, 2: 5}  # consonants a one- or two-word name must have: shorter skeletons match ordinary words
_MAX_VARIANTS = 64


def language_of(text: str, sample: int = 2000) -> str | None:
    """"ar" or "hi" for a text written mostly in Arabic or Devanagari letters, else None."""
    head = text[:sample]
    letters = len(re.findall(r"[^\W\d_]", head)) or 1
    return "ar" if len(_ARABIC.findall(head)) > 0.5 * letters else "hi" if len(_DEVANAGARI.findall(head)) > 0.5 * letters else None


def uncased_letters(text: str) -> bool:
    """Whether a name is written in Arabic or Devanagari letters."""
    return bool(_ARABIC.search(text) or _DEVANAGARI.search(text))


def skeletons(word: str) -> set[str]:
    """The consonant skeletons a word may have in Latin letters: "فاغنر" → {"vgnr"}, "वैगनर" → {"vgnr"}."""
    if not _ARABIC.match(word):
        from normality import ascii_text

        from factfile.extract.names import name_key, sound_word

        return {sound_word(name_key((ascii_text(word) or "").replace("jh", "zh")))}
    found: set[str] = set()
    for letters in product(*(_SOUNDS.get(ch, ("",)) for ch in word)):
        skeleton: list[str] = []
        for letter in letters:
            if letter and (not skeleton or skeleton[-1] != letter):
                skeleton.append(letter)
        found.add("".join(skeleton))
        if len(found) >= _MAX_VARIANTS:
            break
    return found


def blocks(name: str) -> set[str]:
    """The blocking keys (`relate.actors.NameKeys.block`: word count and sorted word skeletons) a name in these
    letters may share with its Latin or Cyrillic forms, those long enough to tell a name (MIN_SOUNDS)."""
    words = name.split()
    found = set()
    for combination in product(*(skeletons(w) for w in words)):
        if all(len(s) >= 2 for s in combination) and sum(map(len, combination)) >= MIN_SOUNDS.get(len(words), 99):
            found.add(f"{len(words)}{''.join(sorted(combination))}"[:16])
    return found


# Words Arabic news name state bodies and armed forces with, and their English: a run of them with a body's
# noun and a country is the body, translated word by word as `lang/bodies.py` does for other languages
# ("وزارة الدفاع الروسية" → Ministry Defence Russian, the words of "Russian Defence Ministry").
_BODY_WORDS = {
    "وزارة": "Ministry", "الدفاع": "Defence", "دفاع": "Defence", "القوات": "Forces", "قوات": "Forces", "الجيش": "Army",
    "جيش": "Army", "اللجنة": "Committee", "لجنة": "Committee", "جهاز": "Service", "هيئة": "Agency", "الخارجية": "Foreign Affairs",
    "الداخلية": "Interior", "القومية": "National", "الوطنية": "National", "لمكافحة": "Anti", "مكافحة": "Anti",
    "الإرهاب": "Terrorism", "الأمن": "Security", "الاتحادي": "Federal", "الفيدرالي": "Federal", "الطوارئ": "Emergency",
    "المسلحة": "Armed", "الروسية": "Russian", "الروسي": "Russian", "روسيا": "Russia", "الأوكرانية": "Ukrainian",
    "الأوكراني": "Ukrainian", "أوكرانيا": "Ukraine",
}
_BODY_HEADS = frozenset({"Ministry", "Forces", "Army", "Committee", "Service", "Agency"})
_BODY_COUNTRIES = frozenset({"Russian", "Russia", "Ukrainian", "Ukraine"})


def add_bodies(analysis: Analysis) -> None:
    """Arabic runs of a body's words with its country as chains of the body's English words, which join a
    stored body of those words (in any order) or none (`Chain.known_only`)."""
    text = analysis.article.text
    words = list(_WORD.finditer(text))
    chains: dict[str, Chain] = {}
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and words[j].group(0) in _BODY_WORDS and (j == i or not text[words[j - 1].end():words[j].start()].strip()):
            j += 1
        english = [_BODY_WORDS[w.group(0)] for w in words[i:j]]
        if j - i >= 2 and english[0] in _BODY_HEADS and english[-1] in _BODY_COUNTRIES:
            start, end = words[i].start(), words[j - 1].end()
            name = " ".join(english)
            chain = chains.get(name)
            if chain is None:
                chain = chains[name] = Chain(id=len(analysis.chains), name=name, label="ORG", known_only=True)
                analysis.chains.append(chain)
            analysis.add_mention(Mention(Span(start, end, text[start:end]), "ORG", analysis.sentence_of(start), chain=chain.id))
        i = max(j, i + 1)


def add_names(analysis: Analysis, language: str) -> None:
    """Rare words, or a word that may be a first name and a rare word after it, as chains that join a stored
    actor by sound or none (`Chain.known_only`); a lone word that ends a pair elsewhere in the article is
    that pair's surname."""
    text = analysis.article.text
    taken = [(m.span.start, m.span.end) for m in analysis.mentions]
    words = [(m.start() + len(clitic.group(0)) if (clitic := _CLITIC.match(m.group(0))) else m.start(), m.end())
             for m in _WORD.finditer(text)]
    free = [not any(a < e and s < b for a, b in taken) for s, e in words]
    rare = [_rare(text[s:e], language) and f for (s, e), f in zip(words, free, strict=True)]
    runs, i = [], 0
    while i < len(words):
        first = free[i] and _first_name(text[words[i][0]:words[i][1]], language)
        if not rare[i] and not first:
            i += 1
            continue
        pair = first and i + 1 < len(words) and rare[i + 1] and not text[words[i][1]:words[i + 1][0]].strip()
        if not pair and not rare[i]:
            i += 1
            continue
        runs.append((words[i][0], words[i + 1][1] if pair else words[i][1]))
        i += 2 if pair else 1
    chains: dict[str, Chain] = {}
    surnames = {text[s:e].split()[-1]: text[s:e] for s, e in runs if " " in text[s:e]}
    for start, end in runs:
        name = text[start:end]
        key = surnames.get(name, name)
        chain = chains.get(key)
        if chain is None:
            chain = chains[key] = Chain(id=len(analysis.chains), name=key, label="PERSON", known_only=True)
            if " " in key:
                chain.aliases.append(key.split()[-1])
                chain.alias_reasons[key.split()[-1]] = f"surname of “{key}”"
            analysis.chains.append(chain)
        analysis.add_mention(Mention(Span(start, end, name), "PERSON", analysis.sentence_of(start), chain=chain.id))


@lru_cache(maxsize=1)
def _first_name_sounds() -> frozenset[str]:
    """Skeletons of the East Slavic first names as the press spells them ("Yevgeny": "vgn")."""
    from factfile.extract.lang.romanize import FIRST_NAMES
    from factfile.extract.names import name_key, sound_word

    return frozenset(sound_word(name_key(name)) for name in FIRST_NAMES.values())


def _first_name(word: str, language: str) -> bool:
    """Whether a word may be a first name in these letters ("يفغيني", "ميخائيلو", "येवगेनी"), however frequent:
    a name of two words opens with one."""
    zipf = _zipf(word, language)
    return len(word) >= 3 and zipf is not None and zipf < COMMON and bool({s for s in skeletons(word) if len(s) >= 2} & _first_name_sounds())


def _rare(word: str, language: str) -> bool:
    zipf = _zipf(word, language)
    return len(word) >= 3 and zipf is not None and zipf < RARE


def _zipf(word: str, language: str) -> float | None:
    try:
        return frequency.zipf(word, language)
    except LookupError:  # no word list for the language: no word is known to be rare or common
        return None
