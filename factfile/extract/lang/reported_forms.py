"""Every inflected form of the reporting verbs reported_latin.py lists, so that a listed form stands for its paradigm.

reported_latin.VERBS names a verb by the forms news writes most ("ha dichiarato", "a affirmé", "przekazał"); the same
verb in another person, number or tense ("hanno dichiarato", "avait affirmé", "przekazały", "przekazano") is the same
cue. This module's table (reported_forms.tsv: language, lemma, forms) holds, for each word of a listed form, all forms
of its lemma that the lemmatisation dictionaries of simplemma (MIT; its word lists are derived from Wiktionary and
Měchura's lemmatization lists, share-alike) give, so nothing is loaded at run time beyond a few thousand words.
`python -m factfile.extract.lang.reported_forms` writes the table again (it needs simplemma installed).

A form stands only for forms of the same cell class: a finite verb for finite ones, a participle for participles,
never for the infinitive, told by the ending classes of each language's grammar (`PARTICIPLE`): "ha detto" becomes
"hanno detto", not "il detto", and "dice" does not become "dicho" ("dicho ataque").
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

TABLE = Path(__file__).with_name("reported_forms.tsv")
# simplemma's language codes where they differ from the detector's.
DICTIONARY = {"sr": "hbs", "no": "nb"}
# Languages that share another's listed forms (reported_latin.VERBS) share its table.
SAME = {"hr": "sr", "bs": "sr", "nb": "no"}
# Endings of participles (and gerunds) by the grammar of each language; a form that is neither these nor its lemma is finite.
PARTICIPLE = {
    "it": r"(?:at|it|ut|tt|nt)[oaie]$|(?:st|ss)[oai]$|(?:ando|endo)$",
    "es": r"(?:ad|id|ch|it|ert|uest)[oa]s?$|(?:ando|iendo|yendo)$",
    "pt": r"(?:ad|id|it|ert|ost)[oa]s?$|(?:ando|endo|indo)$",
    "fr": r"(?:é|ée|és|ées|ie|ies|u|ue|us|ues|ite|ites|ert|erte|erts|ertes)$|(?<![ao])(?:i|is|it|its)$|ant$",
    "ro": r"(?:at|it|ut|às|ăs)(?:ă|e|i)?$|(?:ând|ind)$",
    "de": r"^ge\w+(?:t|en)$|\w+end$",
    "nl": r"^ge\w+(?:d|t|en)$|\w+end$",
    "pl": r"(?:n|on|t)(?:y|a|e|ego|ej|ych|ym|ymi|ą)$|ąc\w*$|(?:ni|ci)e$",
    "cs": r"(?:n|en|t)(?:ý|á|é|ého|ém|ým|ých|ými)$|(?:ní|tí)$",
    "sk": r"(?:n|en|t)(?:ý|á|é|ého|om|ým|ých|ými)$|(?:nie|tie)$",
    "sr": r"(?:[aeiu]o|la|lo|li|le)$",
    "el": r"(?:μένος|μένη|μένο|μένοι|μένες|μένα|οντας|ώντας)$",
    "sv": r"(?:at|it|ad|ade|ats|ade)$",
    "da": r"(?:et|te|ede|t)$",
    "no": r"(?:et|t|dd)$",
}
PARTICIPLE["hr"] = PARTICIPLE["bs"] = PARTICIPLE["sr"]
# Endings of the first and second person (and the imperatives that share them), which news writes of its sources only
# inside their quotations: Serbo-Croatian "recimo" is "for instance", "rečete" an aside to the reader.
PERSONAL = {"sr": r"(?:mo|te|m|š)$"}
PERSONAL["hr"] = PERSONAL["bs"] = PERSONAL["sr"]
PARTICIPLE["nb"] = PARTICIPLE["no"]
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# The English reader's speech verbs (statements/rules.SPEECH_VERBS) and the reporting verbs reported_latin.VERBS lists
# in some language only (tweet, comment, reply, accuse, denounce, specify, mention, react), as lemmas of each language
# read with a compound past: a cue in any tense ("avait évoqué", "ha twittato", "comentó", "hat ... geäußert"). Not
# "publish" and "post": without a parser their object is as often a photo as a that-clause.
SPEECH_LEMMAS = {
    "say": "dire|dire|decir|dizer|sagen|powiedzieć mówić|zeggen",
    "tell": "raconter|raccontare|contar|contar|erzählen|opowiedzieć|vertellen",
    "report": "rapporter signaler|riferire riportare segnalare|informar reportar|relatar informar|berichten melden|poinformować donieść przekazać|melden berichten",
    "write": "écrire|scrivere|escribir|escrever|schreiben|napisać pisać|schrijven",
    "inform": "informer communiquer|informare comunicare|informar comunicar|informar comunicar|informieren mitteilen|informować|informeren",
    "state": "déclarer|dichiarare|declarar|declarar|erklären äußern|oświadczyć stwierdzić|verklaren",
    "explain": "expliquer|spiegare|explicar|explicar|erläutern|wyjaśnić tłumaczyć|uitleggen",
    "announce": "annoncer|annunciare|anunciar|anunciar|ankündigen verkünden|ogłosić zapowiedzieć|aankondigen",
    "claim": "affirmer prétendre|affermare sostenere|afirmar sostener|afirmar alegar|behaupten|twierdzić|beweren",
    "add": "ajouter|aggiungere|añadir agregar|acrescentar|hinzufügen ergänzen|dodać|toevoegen",
    "describe": "décrire qualifier|descrivere definire|describir calificar|descrever classificar|beschreiben bezeichnen|opisać określić|beschrijven",
    "confirm": "confirmer|confermare|confirmar|confirmar|bestätigen|potwierdzić|bevestigen",
    "deny": "démentir nier|smentire negare|negar desmentir|negar desmentir|bestreiten dementieren leugnen zurückweisen|zaprzeczyć zdementować|ontkennen",
    "insist": "insister|insistere|insistir|insistir|beharren|nalegać|aandringen",
    "warn": "avertir prévenir|avvertire avvisare|advertir|alertar advertir|warnen|ostrzec|waarschuwen",
    "stress": "souligner|sottolineare|subrayar destacar resaltar|ressaltar destacar sublinhar|betonen unterstreichen|podkreślić|benadrukken",
    "note": "noter relever|notare osservare rilevare|señalar apuntar|observar notar|anmerken feststellen|zauważyć zaznaczyć|opmerken",
    "argue": "arguer|argomentare|argumentar|argumentar|argumentieren|argumentować przekonywać|betogen",
    "assert": "assurer|asserire|asegurar|assegurar garantir|versichern|zapewnić|verzekeren",
    "admit": "admettre reconnaître|ammettere riconoscere|admitir reconocer|admitir reconhecer|zugeben einräumen|przyznać|toegeven erkennen",
    "reveal": "révéler|rivelare|revelar|revelar|enthüllen|ujawnić|onthullen",
    "recall": "rappeler|ricordare|recordar|lembrar recordar|erinnern|przypomnieć|herinneren",
    "conclude": "conclure|concludere|concluir|concluir|folgern|skonkludować|concluderen",
    "estimate": "estimer|stimare ritenere|estimar considerar|estimar avaliar|einschätzen|ocenić oszacować|schatten",
    "believe": "croire penser|credere|creer|acreditar|glauben|uważać sądzić|geloven",
    "suggest": "suggérer|suggerire|sugerir|sugerir|andeuten|sugerować|suggereren",
    "tweet": "tweeter twitter|twittare|tuitear|tuitar|twittern|tweetować|twitteren",
    "comment": "commenter|commentare|comentar|comentar|kommentieren|skomentować komentować|becommentariëren",
    "reply": "répondre rétorquer|rispondere replicare|responder replicar|responder|antworten erwidern|odpowiedzieć odpierać|antwoorden",
    "accuse": "accuser|accusare|acusar culpar|acusar culpar|beschuldigen vorwerfen|oskarżyć obwinić|beschuldigen",
    "denounce": "dénoncer condamner|denunciare condannare|denunciar condenar|denunciar condenar|verurteilen anprangern|potępić|veroordelen",
    "specify": "préciser|precisare|precisar|precisar|präzisieren|sprecyzować doprecyzować|preciseren",
    "mention": "évoquer mentionner|menzionare|mencionar|mencionar|erwähnen|wspomnieć|vermelden",
    "react": "réagir|reagire|reaccionar|reagir|reagieren|zareagować|reageren",
}
SPEECH_LANGUAGES = ("fr", "it", "es", "pt", "de", "pl", "nl")
# The same concepts' lemmas in the table's other languages, as simplemma's dictionaries spell them; left out where
# a language's verb as often means something else: Czech and Slovak "dodat" (add, deliver), Serbian "objaviti"
# (announce, publish), Scandinavian "nekte"/"neka" (deny, refuse) and "anklage" (a noun as well).
MORE_SPEECH_LEMMAS = {
    "ro": {
        "say": "spune zice",
        "tell": "povesti",
        "report": "relata",
        "write": "scrie",
        "inform": "informa comunica",
        "state": "declara",
        "explain": "explica",
        "announce": "anunța",
        "claim": "afirma susține",
        "add": "adăuga",
        "confirm": "confirma",
        "deny": "nega dezminți",
        "stress": "sublinia",
        "warn": "avertiza",
        "accuse": "acuza",
    },
    "sr": {
        "say": "reći kazati",
        "tell": "ispričati",
        "report": "izvijestiti izvestiti javiti",
        "write": "napisati",
        "inform": "obavijestiti obavestiti saopćiti saopštiti",
        "state": "izjaviti navesti",
        "explain": "objasniti",
        "announce": "najaviti",
        "claim": "tvrditi",
        "add": "dodati",
        "confirm": "potvrditi",
        "deny": "negirati opovrgnuti",
        "stress": "naglasiti istaknuti",
        "warn": "upozoriti",
        "accuse": "optužiti",
    },
    "sk": {
        "say": "povedať",
        "tell": "rozprávať",
        "report": "informovať",
        "write": "napísať",
        "inform": "oznámiť",
        "state": "vyhlásiť uviesť",
        "explain": "vysvetliť",
        "announce": "ohlásiť",
        "claim": "tvrdiť",
        "confirm": "potvrdiť",
        "deny": "poprieť",
        "stress": "zdôrazniť",
        "warn": "varovať upozorniť",
        "accuse": "obviniť",
    },
    "cs": {
        "say": "říci říct",
        "tell": "vyprávět",
        "report": "informovat",
        "write": "napsat",
        "inform": "oznámit sdělit",
        "state": "prohlásit uvést",
        "explain": "vysvětlit",
        "announce": "ohlásit",
        "claim": "tvrdit",
        "confirm": "potvrdit",
        "deny": "popřít",
        "stress": "zdůraznit",
        "warn": "varovat",
        "accuse": "obvinit",
    },
    "el": {
        "say": "λέω",
        "report": "αναφέρω",
        "write": "γράφω",
        "inform": "ενημερώνω",
        "state": "δηλώνω",
        "explain": "εξηγώ",
        "announce": "ανακοινώνω",
        "claim": "υποστηρίζω ισχυρίζομαι",
        "add": "προσθέτω",
        "confirm": "επιβεβαιώνω",
        "deny": "αρνούμαι διαψεύδω",
        "stress": "τονίζω υπογραμμίζω",
        "warn": "προειδοποιώ",
        "accuse": "κατηγορώ",
    },
    "no": {
        "say": "si",
        "tell": "fortelle",
        "report": "rapportere melde",
        "write": "skrive",
        "inform": "opplyse informere",
        "state": "uttale erklære",
        "explain": "forklare",
        "announce": "kunngjøre",
        "claim": "hevde påstå",
        "confirm": "bekrefte",
        "deny": "benekte avkrefte",
        "stress": "understreke",
        "warn": "advare",
        "accuse": "beskylde",
    },
    "da": {
        "say": "sige",
        "tell": "fortælle",
        "report": "rapportere melde",
        "write": "skrive",
        "inform": "oplyse meddele",
        "state": "udtale erklære",
        "explain": "forklare",
        "announce": "bekendtgøre",
        "claim": "hævde påstå",
        "add": "tilføje",
        "confirm": "bekræfte",
        "deny": "benægte afvise",
        "stress": "understrege",
        "warn": "advare",
        "accuse": "beskylde",
    },
    "sv": {
        "say": "säga",
        "tell": "berätta",
        "report": "rapportera",
        "write": "skriva",
        "inform": "uppge meddela",
        "state": "uttala förklara",
        "explain": "förklara",
        "announce": "tillkännage",
        "claim": "hävda påstå",
        "add": "tillägga",
        "confirm": "bekräfta",
        "deny": "förneka",
        "stress": "understryka betona",
        "warn": "varna",
        "accuse": "anklaga beskylla",
    },
}
# The auxiliary of each language's compound past ("a dit", "ha detto", "ha dicho", "tem dito"): its finite forms
# before a participle make a cue of the participle. German and Dutch put the participle last (reported_latin._perfect).
AUXILIARY = {"fr": "avoir", "it": "avere", "es": "haber", "pt": "ter"}
DENYING = frozenset(
    lemma
    for lemmas in [*SPEECH_LEMMAS["deny"].split("|"), *(row.get("deny", "") for row in MORE_SPEECH_LEMMAS.values())]
    for lemma in lemmas.split()
)


def speech_lemmas(language: str) -> list[str]:
    """The language's speech verbs (`SPEECH_LEMMAS`, `MORE_SPEECH_LEMMAS`), in concept order."""
    language = SAME.get(language, language)
    if language in MORE_SPEECH_LEMMAS:
        return list(dict.fromkeys(lemma for lemmas in MORE_SPEECH_LEMMAS[language].values() for lemma in lemmas.split()))
    if language not in SPEECH_LANGUAGES:
        return []
    column = SPEECH_LANGUAGES.index(language)
    return list(dict.fromkeys(lemma for row in SPEECH_LEMMAS.values() for lemma in row.split("|")[column].split()))


@cache
def _table() -> dict[str, dict[str, frozenset[str]]]:
    """language -> lemma -> forms."""
    table: dict[str, dict[str, frozenset[str]]] = {}
    if not TABLE.exists():
        return table
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        language, lemma, forms = line.split("\t")
        table.setdefault(language, {})[lemma] = frozenset(forms.split())
    return table


@cache
def _lemma_of(language: str) -> dict[str, str]:
    """form -> lemma, for the forms of the table's lemmas in a language (a form of two lemmas: the first)."""
    found: dict[str, str] = {}
    for lemma, forms in sorted(_table().get(language, {}).items()):
        for form in forms:
            found.setdefault(form, lemma)
    return found


def lemma(word: str, language: str) -> str | None:
    """The table's lemma of a word (casefolded), None when it is no form of a listed reporting verb."""
    return _lemma_of(SAME.get(language, language)).get(word.casefold())


def cell(word: str, language: str) -> str:
    """Which class of the paradigm a form is in: "infinitive" (its lemma), "participle" (`PARTICIPLE`) or "finite"."""
    word = word.casefold()
    if lemma(word, language) == word:
        return "infinitive"
    ending = PARTICIPLE.get(language)
    return "participle" if ending is not None and re.search(ending, word) else "finite"


def forms_in(root: str, language: str, kind: str, written: set[str]) -> list[str]:
    """The forms of a lemma in a cell class among the words written, longest first; of the finite ones only the third
    person's (`PERSONAL`)."""
    forms = _table().get(SAME.get(language, language), {}).get(root, frozenset())
    personal = PERSONAL.get(language) if kind == "finite" else None
    return sorted(
        (f for f in forms & written if cell(f, language) == kind and not (personal and re.search(personal, f))),
        key=lambda f: (-len(f), f),
    )


def alternatives(word: str, language: str, written: set[str]) -> list[str]:
    """The forms a listed word stands for among the words `written` (casefolded): itself, and the forms of its lemma
    in the same cell class, longest first."""
    root = lemma(word, language)
    found = {word, *forms_in(root, language, cell(word, language), written)} if root is not None else {word}
    return sorted(found, key=lambda f: (-len(f), f))


# German's separable prefixes (a closed class of its grammar), which a finite verb leaves at its clause's end ("teilte
# das Ministerium mit", "wies die Vorwürfe zurück"), and its inseparable ones, whose verbs form the participle without ge-.
SEPARABLE = "zurück hinzu bekannt fest dar aus auf bei ein mit nach vor zu an".split()
INSEPARABLE = "be emp ent er ge miss ver zer über unter wider hinter".split()


def split_forms(root: str, written: set[str]) -> tuple[str, list[str]] | None:
    """A German separable verb's prefix and the finite forms of its base among the words written ("mitteilen" ->
    "mit", ["teilte", "teilt"]), None for a verb without such a prefix."""
    forms = _table().get("de", {}).get(root, frozenset())
    prefix = _separable_prefix(root, forms)
    if not prefix:
        return None
    base = root[len(prefix) :]
    split = {
        f[len(prefix) :]
        for f in forms
        if f.startswith(prefix) and f != root and not f[len(prefix) :].startswith(("zu", "ge")) and not f.endswith("end")
    } - {base}
    return prefix, sorted(split & written, key=lambda f: (-len(f), f))


def _separable_prefix(root: str, forms: frozenset[str]) -> str:
    """The separable prefix a German verb opens with, told by its zu-infinitive ("mitzuteilen"; not "antworten")."""
    return next((p for p in SEPARABLE if root.startswith(p) and f"{p}zu{root[len(p) :]}" in forms), "")


def perfect_participles(root: str, written: set[str]) -> list[str]:
    """A German verb's past participles among the words written: with ge- after any separable prefix ("gesagt",
    "angekündigt", "zurückgewiesen"), without it after an inseparable prefix or in -ieren ("erklärt", "dementiert",
    "bestritten")."""
    forms = _table().get("de", {}).get(root, frozenset())
    prefix = _separable_prefix(root, forms)
    base = root[len(prefix) :]
    found = {  # not "zugebest" of "zugeben", nor the adjective "gemeldeten"
        f
        for f in forms
        if re.fullmatch(rf"{prefix}ge\w+(?:t|en)", f) and not f[len(prefix) :].startswith(base[:4]) and f[:-2] not in forms
    }
    if not found and (base.startswith(tuple(INSEPARABLE)) or base.endswith("ieren")):
        stem = root[:-2] if root.endswith("en") else root[:-1]
        strong = {f for f in forms if f.endswith("en") and f != root and not f.startswith(stem)}  # "bestritten"
        found |= strong or {stem + "t", stem + "et"} & forms  # weak: "erklärt", "behauptet"
    return sorted(found & written, key=lambda f: (-len(f), f))


def paradigms(words: frozenset[str]) -> frozenset[str]:
    """The words and every form, in any language of the table, of the lemma each is a form of ("negato" -> "negano",
    "hanno negato" -> "negaron" is not: Spanish forms come from Spanish words)."""
    found = set(words)
    for language, lemmas in _table().items():
        for word in words:
            root = _lemma_of(language).get(word)
            if root is not None:
                found |= lemmas[root]
    return frozenset(found)


def written_words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


# The regular first conjugation, for speech verbs the dictionaries lack ("twitter", "twittare"): infinitive ending,
# then the third-person finite endings and the participle's.
REGULAR = {
    "fr": ("er", "e ent ait aient a èrent era eront", "é ée és ées"),
    "it": ("are", "a ano ava avano ò arono erà eranno", "ato ata ati ate"),
    "es": ("ar", "a an aba aban ó aron ará arán", "ado ada ados adas"),
    "pt": ("ar", "a am ava avam ou aram ará arão", "ado ada ados adas"),
    "de": ("n", "t te ten", ""),
}


def regular(lemma: str, language: str) -> set[str]:
    """A verb's forms by its language's regular first conjugation (`REGULAR`), none when it is not of that class."""
    if language not in REGULAR or not lemma.endswith(REGULAR[language][0]):
        return set()
    ending, finite, participle = REGULAR[language]
    stem = lemma[: -len(ending)]
    forms = {stem + e for e in (*finite.split(), *participle.split())}
    if language == "de":
        forms.add("ge" + stem + "t")
    return forms


# Romanian's comma-below letters (ș, ț), which the dictionaries write, as much of the press writes them: with a cedilla.
CEDILLA = str.maketrans("șțȘȚ", "şţŞŢ")


def build(listed: dict[str, list[str]]) -> list[str]:
    """The table's lines for the words of the listed forms (language -> forms), from simplemma's dictionaries."""
    from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

    lines = []
    for language in sorted(listed):
        dictionary = {k.decode(): v.decode() for k, v in _load_dictionary_from_disk(DICTIONARY.get(language, language)).items()}
        words = {w.casefold() for form in listed[language] for w in form.split()}
        lemmas = {dictionary.get(w, w) for w in words} | set(speech_lemmas(language))
        if language in AUXILIARY:
            lemmas.add(AUXILIARY[language])
        forms: dict[str, set[str]] = {lemma: {lemma} for lemma in lemmas}
        for form, lemma in dictionary.items():
            if lemma in lemmas and form == form.casefold() and _WORD.fullmatch(form):
                forms[lemma].add(form)
        for lemma in lemmas:
            if len(forms[lemma]) == 1:
                forms[lemma] |= regular(lemma, language)
            forms[lemma] |= {f.translate(CEDILLA) for f in forms[lemma]} if language == "ro" else set()
        for lemma, found in sorted(forms.items()):
            if len(found) > 1:
                lines.append(f"{language}\t{lemma}\t{' '.join(sorted(found))}")
    return lines


def main() -> None:
    from factfile.extract.lang.reported_latin import VERBS

    listed = {language: forms.split("|") for language, forms in VERBS.items() if language not in SAME}
    TABLE.write_text("\n".join(build(listed)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
