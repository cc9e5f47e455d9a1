"""Statements in French, Italian, Spanish, Portuguese, German, Polish and other languages read without a parser.

No parser of these languages is installed, so a statement is found by the forms news uses for it: an
according-to phrase ("selon X, ...", "secondo X", "según X", "segundo X", "laut X", "X zufolge") or a reporting
verb ("a déclaré", "ha detto", "afirmó", "disse", "sagte", "teilte X mit", "rekao je" ...). Its source is the name
next to the verb: after it when the verb follows the content ("«...», ha affermato il presidente Zelensky"), else
the last name before it in its clause ("Prigozhin disse que ..."); a name inside quotation marks or after a
preposition ("im Onlinedienst Telegram") is no source. A source named by a description ("il capo del gruppo
Wagner", "das russische Zivilschutzministerium") is read by reported_described.py. The content is the clause on
the other side. Certainty as in the Cyrillic reader: a denial verb gives `denied`, a hedge word in the content
("vorläufig", "dati preliminari") `hedged`, any other attribution `reported`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from factfile.extract.lang.reported_described import Source, described, named
from factfile.extract.lang.reported_forms import (
    AUXILIARY,
    DENYING,
    alternatives,
    cell,
    forms_in,
    lemma,
    paradigms,
    perfect_participles,
    speech_lemmas,
    split_forms,
    written_words,
)
from factfile.extract.names import country_in_english
from factfile.extract.statements.continued import continue_quotations, turn_start
from factfile.extract.statements.framing import framed
from factfile.records import Analysis, Mention, Span, Statement

ACCORDING = {
    "fr": r"selon|d'après|d’après",
    "it": "secondo|stando a|come (?:ha|hanno) (?:informato|riferito|reso noto|dichiarato|spiegato|annunciato|affermato)",
    "es": "según|de acuerdo con",
    "pt": "segundo|de acordo com|conforme",
    "de": r"laut|nach\s+(?:Angaben|Informationen|Darstellung|Einschätzung|Ansicht|Auffassung|Worten)\s+(?:von|vom|des|der)",
    "pl": "według|zdaniem|w ocenie|w opinii",
    "nl": "volgens",
    "ro": "potrivit|conform",
    "sr": "prema",
    "bs": "prema",
    "hr": "prema",
    "sk": "podľa",
    "cs": "podle",
    "el": "σύμφωνα με",
    "no": "ifølge",
    "nb": "ifølge",
    "da": "ifølge",
    "sv": "enligt",
}
# Languages that put the finite verb second: an according-to phrase opening the sentence is followed by it, with no
# comma ("Ifølge Lukasjenkos kontor har Prigozjin gått med på ...", "Laut Kreml hat Putin ..."); their common finite
# auxiliaries and copulas, where the source ends and the content starts.
FINITE_AFTER = {
    "de": "hat|haben|ist|sind|wird|werden|soll|sollen|sei|seien|war|waren|hatte|hatten|wurde|wurden",
    "nl": "heeft|hebben|is|zijn|wordt|worden|zal|zullen|was|waren|had|hadden|werd|werden",
    "no": "har|er|skal|vil|kan|ble|var|hadde|må",
    "da": "har|er|skal|vil|kan|blev|var|havde|må",
    "sv": "har|är|ska|skall|kommer|kan|var|hade|blev|måste",
}
FINITE_AFTER["nb"] = FINITE_AFTER["no"]
# "X zufolge", "X dixit": the source stands before the word.
ACCORDING_AFTER = {"de": "zufolge"}
VERBS = {
    "fr": "a déclaré|a affirmé|a assuré|a annoncé|a indiqué|a ajouté|a dit|a estimé|a dénoncé|a démenti|a nié|a accusé|a écrit|"
    "a qualifié|a revendiqué|a expliqué|a précisé|a souligné|a confirmé|a averti|a fait savoir|a reconnu|a rapporté|"
    "ont déclaré|ont affirmé|ont annoncé|ont indiqué|ont accusé|ont démenti|ont nié|ont précisé|"
    "déclare|affirme|assure|annonce|accuse|estime|dénonce|dément|nie|accusent|affirment|annoncent|assurent|estiment|"
    "dénoncent|démentent|nient|précise|explique|souligne|rapporte",
    "it": "ha detto|ha dichiarato|ha affermato|ha annunciato|ha aggiunto|ha spiegato|ha smentito|ha negato|ha assicurato|"
    "ha sottolineato|ha ribadito|ha accusato|ha scritto|ha twittato|ha reso noto|ha fatto sapere|ha precisato|"
    "ha riferito|ha confermato|ha denunciato|ha avvertito|ha definito|ha lasciato intendere|ha motivato|ha sostenuto|"
    "ha ammesso|ha respinto|parla di|parlano di|"
    "hanno detto|hanno dichiarato|hanno affermato|hanno annunciato|hanno reso noto|hanno fatto sapere|hanno accusato|"
    "afferma|affermano|dichiara|annuncia|accusa|accusano|sostiene|smentisce|assicura|sottolinea|ribadisce|riporta|"
    "riferisce|spiega|precisa|denuncia",
    "es": "dijo|afirmó|declaró|aseguró|anunció|señaló|acusó|negó|informó|escribió|escribía|calificó|explicó|precisó|indicó|"
    "advirtió|confirmó|denunció|sostuvo|subrayó|agregó|añadió|dijeron|afirmaron|informaron|aseguraron|negaron|"
    "ha dicho|ha afirmado|ha señalado|ha anunciado|ha asegurado|ha calificado|ha publicado|ha escrito|ha informado|"
    "ha acusado|ha negado|ha explicado|ha declarado|ha confirmado|"
    "afirma|asegura|acusa|niega|dice|señala|informa|explica|sostiene",
    "pt": "disse|afirmou|declarou|anunciou|acusou|negou|informou|escreveu|explicou|confirmou|ressaltou|destacou|garantiu|"
    "alertou|acrescentou|disseram|afirmaram|informaram|negaram|diz|declara|afirma|acusa|informa|explica",
    "de": "sagte|sagten|erklärte|erklärten|betonte|behauptete|teilte mit|warf vor|bestritt|dementierte|bestätigte|warnte|"
    "meint|meinte|berichtete|schrieb|sagt|erklärt|betont|bestreitet|dementiert|warnt|mitteilte|mitteilt|sprach von|spricht von|"
    "sprechen von|nannte|nennt|twitterte|behauptet|behaupten|bezeichnete|beschuldigte|beschuldigt|wies zurück",
    "pl": "powiedział|powiedziała|powiedzieli|oświadczył|oświadczyła|oświadczyli|stwierdził|stwierdziła|poinformował|"
    "poinformowała|poinformowali|przekazał|przekazała|przekazali|podał|podała|podali|napisał|napisała|dodał|dodała|"
    "zapewnił|podkreślił|podkreśliła|oznajmił|oznajmiła|zaprzeczył|zaprzeczyła|zaznaczył|zaznaczyła|mówi|twierdzi|"
    "poinformowało|poinformowały|oświadczyło|przekazało|podało|stwierdziło|zaprzeczyło|zaprzeczyli|zaprzeczyły|"
    "oskarżył|oskarżyła|oskarżyło|oskarżyli|oskarżyły|ogłosił|ogłosiła|ogłosiło|ogłosili|napisało|napisali|"
    "twierdzą|twierdził|twierdziła|twierdziło|twierdzili|wskazuje|wskazał|wskazała|sugerował|sugerowała",
    "nl": "zei|zegt|verklaarde|meldde|meldt|schreef|stelde|benadrukte|ontkende|liet weten",
    "ro": "a declarat|a spus|a scris|a afirmat|a anunțat|a precizat|a transmis|a negat|a acuzat",
    "sr": "rekao je|rekla je|izjavio je|izjavila je|kazao je|saopštio je|saopćio je|naveo je|navela je|napisao je|je rekao|"
    "je rekla|je izjavio|je izjavila|je saopštio|je naveo|je navela|je napisao",
    "sk": "uviedol|uviedla|uviedlo|povedal|povedala|vyhlásil|napísal|oznámil|oznámila|uviedli|poprel|poprela|poprelo|"
    "popreli|obvinil|obvinila|obvinilo|obvinili|potvrdil|potvrdila|potvrdilo|píše|tvrdí|tvrdil",
    "cs": "řekl|řekla|uvedl|uvedla|prohlásil|prohlásila|napsal|oznámil",
    "el": "είπε|δήλωσε|ανέφερε|τόνισε|ανακοίνωσε|έγραψε|υποστήριξε",
    "no": "sier|sa|uttalte|skriver|skrev|opplyser|opplyste|melder|meldte",
    "da": "siger|sagde|udtaler|udtalte|skriver|skrev|oplyser|oplyste|meddeler|meddelte",
    "sv": "säger|sa|sade|uppger|uppgav|skriver|skrev|meddelar|meddelade",
}
VERBS["nb"] = VERBS["no"]
VERBS["bs"] = VERBS["hr"] = VERBS["sr"]
# An adverb between auxiliary and participle ("a encore assuré", "ha poi detto"); German splits its verb ("teilte zunächst mit").
ADVERBS = {
    "fr": "plus tôt|plus tard|encore|aussi|également|ensuite|notamment|déjà|pourtant|toutefois|cependant|alors|enfin|même|d'ailleurs|samedi|dimanche|lundi|mardi|mercredi|jeudi|vendredi",
    "it": "anche|poi|già|inoltre|ancora|infine|invece|oggi|ieri",
    "es": "también|ya|además|luego|hoy|ayer",
    "pt": "também|ainda|já|hoje|ontem",
    "de": r"\w+(?:\s+\w+)?(?:\s+\w+)?",
    "pl": "też|także|również",
    "ro": "și|deja",
    "sr": "i|još|takođe",
    "nl": "ook|nog",
}
ADVERBS["bs"] = ADVERBS["hr"] = ADVERBS["sr"]
# Languages whose past is the participle with a clitic auxiliary anywhere before it ("Zelenski je u obraćanju rekao da
# ...", "Kuleba je na Twitteru napisao"): the participle alone is the cue.
CLITIC_PAST = frozenset({"sr", "hr", "bs"})
# French inverts a pronoun subject into its auxiliary: "«...», a-t-il déclaré".
_INVERTED_AUXILIARY = {"fr": r"a(?:-t-(?:il|elle|on))?"}
DENIALS = frozenset(
    {
        "zaprzeczył",
        "zaprzeczyła",
        "a démenti",
        "a nié",
        "dément",
        "démentent",
        "nie",
        "nient",
        "ont démenti",
        "ont nié",
        "ha smentito",
        "ha negato",
        "smentisce",
        "negó",
        "niega",
        "negaron",
        "ha negado",
        "negou",
        "negaram",
        "bestritt",
        "dementierte",
        "bestreitet",
        "dementiert",
        "ontkende",
        "a negat",
        "zurück",
        "ha respinto",
        "zaprzeczyło",
        "zaprzeczyli",
        "zaprzeczyły",
        "poprel",
        "poprela",
        "poprelo",
        "popreli",
    }
)
_DENYING = paradigms(frozenset(d.split()[-1] for d in DENIALS) | DENYING)  # "hanno negato", "niegan", "zaprzeczyły"
DENYING_WORDS = _DENYING
# Words that present a content as unsure or unconfirmed, as certainty.HEDGE_WORDS does in English: "vorläufig",
# "secondo dati preliminari", "probablement", a conditional modal as English "could" ("podría aumentar", "könnte"), a
# source saying it cannot tell ("non possiamo dire", "nie mogą stwierdzić"); the reporter's "angeblich", "rzekomo" are
# framing (statements/framing.py).
HEDGES = re.compile(
    r"(?<!\w)(?:prelimin\w*|vorläufig\w*|wstępn\w*|préliminaire\w*|wahrscheinlich|möglicherweise|vermutlich|"
    r"offenbar|probablement|peut-être|apparemment|probabilmente|forse|apparentemente|probablemente|quizás|"
    r"posiblemente|provavelmente|talvez|possivelmente|prawdopodobnie|być\s+może|"
    r"waarschijnlijk|mogelijk|vermoedelijk|probabil|posibil|vjerojatno|verovatno|pravdepodobne|"
    r"podría|podrían|pourrait|pourraient|potrebbe|potrebbero|könnte|könnten|poderia|poderiam|"
    r"non\s+(?:possiamo|possono|può|si\s+può)\s+(?:ancora\s+)?dire|nie\s+mo\w*\s+(?:\w+\s+)?stwierdzić|nie\s+wiadomo|"
    r"no\s+(?:podemos|pueden|puede|se\s+puede)\s+(?:decir|determinar|confirmar)|impossible\s+de\s+dire|"
    r"nicht\s+(?:\w+\s+)?sagen\s+(?:können|kann|könne)|(?:n['’]|ne\s+)(?:avons|ont|a)\s+(?:pas|aucune)\s+(?:de\s+)?preuve)(?!\w)",
    re.I,
)
LANGUAGES = frozenset(VERBS)
_THAT = re.compile(r"^\s*[,:]?\s*(?:(?:que|che|dass|że|dat|da|că|že|ότι|at|att)(?!\w)|qu['’])?\s*", re.I)
# A verb second, its subject after it, then the content ("Am Samstag sagte Schoigu, die Lage sei ...", "I en lydmelding
# sier Prigozjin at ..."): where the content starts after the subject.
_AFTER_SUBJECT = re.compile(
    r"[^,.;:!?«»\"“”„]{0,40}?(?:,\s*(?:(?:dass|que|che|że|at|att|dat)\s+)?|\s+(?:dass|que|che|że|at|att|dat)\s+)"
)
# What stands before a verb whose content is the sentence before: "Lo ha annunciato X", "Así lo ha anunciado X",
# "È quanto riporta X", "C'est ce qu'a annoncé X", "Es lo que dijo X".
_ANAPHOR = re.compile(
    r"^\s*(?:(?:così|così\s+come|ainsi|así)\s+)?(?:lo|l'|l’|le|la)\s*$|^\s*(?:è|e'|e’|é)\s+quanto\s*$|^\s*c'est\s+ce\s+qu['’]\s*$|"
    r"^\s*es\s+lo\s+que\s*$|^\s*das\s*$",
    re.I,
)
# German reported speech goes on in the subjunctive ("Der Staudamm sei vermint worden") after its cue.
_SUBJUNCTIVE = re.compile(r"(?<!\w)(?:sei|seien|habe|hätten|wäre|wären)(?!\w)")
# German separable verbs around their source or time words: "teilte das Verteidigungsministerium in Moskau mit",
# with those of the speech verbs (reported_forms.split_forms: "fügte der Sprecher hinzu", "wies X zurück").
_SEPARABLE_BASES = ["teilte", "teilt", "teilten", "gab", "gaben"]
_SEPARABLE_PREFIXES = ["mit", "bekannt", "an"]
# German's perfect puts the auxiliary second and the participle last ("Zuvor hatte eine Sprecherin des Militärs den
# Vorfall als «Provokation» bezeichnet", "Selenskyj hat erklärt, ..."); between them the subject, then what was said
# of what ("den Vorfall als ..."). Participles of saying, calling and denying:
PERFECT_PARTICIPLES = {
    "gesagt": "reported",
    "erklärt": "reported",
    "betont": "reported",
    "behauptet": "reported",
    "mitgeteilt": "reported",
    "bestätigt": "reported",
    "berichtet": "reported",
    "geschrieben": "reported",
    "angekündigt": "reported",
    "angegeben": "reported",
    "gewarnt": "reported",
    "bezeichnet": "reported",
    "genannt": "reported",
    "vorgeworfen": "reported",
    "bestritten": "denied",
    "dementiert": "denied",
    "zurückgewiesen": "denied",
}
# Participles that say something of their object:
OF_WHAT = frozenset({"bezeichnet", "genannt", "vorgeworfen", "bestritten", "dementiert", "zurückgewiesen"})
# ", die im Zusammenhang ... stehe": a relative clause on the object, not what was said ("die Lage sei ..." is).
_RELATIVE_CLAUSE = re.compile(
    r"\s*,\s*(?:der|die|das|welche[rs]?)\s+(?:im|in|am|an|auf|von|vom|mit|zu|zum|zur|bei|nach|aus|sich|er|sie|es|wir|man|nicht|noch|"
    r"bereits|schon|seit|für|gegen|durch)\s",
    re.I,
)
# Lemmas whose participle, as "bezeichnet" does, says something of its object ("hat die Vorwürfe zurückgewiesen").
_OF_WHAT_LEMMAS = DENYING | {"beschuldigen", "vorwerfen", "bezeichnen", "beschreiben", "nennen"}
# Where a German subject after the auxiliary ends: an article of the object ("eine Sprecherin ... den Vorfall").
_OBJECT_ARTICLE = re.compile(r"\s(?:den|dem|einen|einem|diesen|diesem)\s")
# A subject that is a relative pronoun: "... del presidente Vladimir Putin, quien lo calificó ..." is Putin's.
_RELATIVE = re.compile(
    r"\s*(?:quien|quienes|que|qui|che|il\s+quale|la\s+quale|der|die|welcher|który|która|care|koji|koja)\s+(?:(?:lo|la|le|l'|l’|les|li)\s+)?$",
    re.I,
)
# Words before a name that make it no subject: it is where or about what the source spoke ("im Onlinedienst Telegram").
PREPOSITIONS = {
    "de": "in im am auf via über mit aus bei zu zum zur vom von",
    "fr": "à au aux dans sur en par pour de du des avec",
    "it": "al ai alla alle allo nel nella nelle negli nei su sul sulla sui per da dal dalla di del della dei delle con tra fra",
    "es": "en al del de por para con sobre",
    "pt": "em no na nos nas do da dos das pelo pela com",
    "pl": "w we na z ze do od przez dla",
    "nl": "op bij te naar uit voor over in van",
    "sk": "na v vo z zo do od cez pre",
    "cs": "na v ve z ze do od přes pro",
    "no": "på i fra til via",
    "nb": "på i fra til via",
    "da": "på i fra til via",
    "sv": "på i från till via",
}
_SUBJECT_AFTER = 30  # characters between a verb and the subject written after it ("przekazała agencja Reuters")
SPEAKER_SENTENCES = 2  # how far back a subject-less cue or a subjunctive sentence looks for its speaker
_ACTORS = frozenset({"PERSON", "ORG"})
# A state speaks through its government ("Rusia dijo que ...", "Moskau behauptete ...", "Secondo l’Ucraina, ...") when its
# name stands alone, after nothing but an article, where a clause opens, after a reporting verb or an according-to
# word; after a preposition or another word it is a place or whose body ("la prisión en Olenivka", "Fuerzas Armadas
# de Ucrania", "der Generalstab der Ukraine").
_OPENING = re.compile(r"(?:^|[,;:(«»\"“”„—–]|\s-)\s*$")
_CONJUNCTIONS = frozenset("que qu' qu’ che dass że mais ma pero aber und et e y i oraz mientras tandis während mentre".split())
_ARTICLES_BEFORE = re.compile(r"(?:(?<!\w)(?:le|la|les|l['’]|il|lo|el|der|die|das|den|dem)\s*)+$", re.I)
_QUOTED = re.compile(r"«[^»]*»|„[^“”]*[“”]|“[^”]*”|\"[^\"]*\"|»[^«]*«")
# Where a description after a verb stops: a place or time ("in Moskau", "in der Nacht", "su Twitter").
_LOCATIVES = frozenset(
    """
    in im am auf via über bei nach seit während dans sur pendant lors nel nella nei su sul sulla durante em no na nos nas
    w we podczas op tijdens en
""".split()
)
_ARTICLE = re.compile(
    r"(?<!\w)(?:le|la|les|l['’]|un|une|il|lo|i|gli|el|los|las|o|os|a|as|der|die|das|den|dem|des|ein|eine|einer|de|het)(?=[\s\w])",
    re.I,
)


def find_statements(analysis: Analysis, language: str) -> list[Statement]:
    """At most one statement per sentence, in the languages of `VERBS` (none in others)."""
    if language not in VERBS:
        return []
    written = written_words(analysis.article.text)
    verb = re.compile(rf"(?<!\w)(?:{_verb_forms(language, written)})(?!\w)", re.I)
    german = _german_patterns(written) if language == "de" else None
    according = re.compile(rf"(?<!\w)(?:{ACCORDING[language]})\s+", re.I) if language in ACCORDING else None
    finite = re.compile(rf"\s(?:{FINITE_AFTER[language]})(?!\w)") if language in FINITE_AFTER else None
    prepositions = frozenset(PREPOSITIONS.get(language, "").split())
    text = analysis.article.text
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    # a name inside a quotation is not who speaks
    speakers = [m for m in analysis.mentions if not any(a < m.span.start and m.span.end < b for a, b in quoted)]
    found: list[Statement] = []
    for sentence in analysis.sentences:
        chains = len(analysis.chains)
        names = [
            m
            for m in [*_opening_name(analysis, text, sentence), *speakers]
            if sentence.contains(m.span)
            and m.chain is not None
            and (m.label in _ACTORS or m.label == "GPE" and _state_alone(text, sentence, m, verb, according))
            and not _verb_opened(m, verb)
        ]
        speaker = _speaker(analysis, speakers, found, sentence.start)
        by_verb = _reporting_verb(analysis, text, sentence, names, verb, speaker, prepositions, according)
        according_to = _according_to(analysis, text, sentence, names, according, finite) if according else None
        other = (
            (
                _according_after(analysis, text, sentence, names, ACCORDING_AFTER[language])
                if language in ACCORDING_AFTER
                else None
            )
            or (_split_verb(analysis, text, sentence, names, german[0]) if german else None)
            or (_perfect(analysis, text, sentence, names, *german[1:]) if german else None)
        )
        if according_to is not None and other is not None and according_to.content.contains(other.cue):
            according_to = None  # the according-to phrase relays the cue inside its content (see below)
        by_phrase = according_to or other
        # "Lo ha annunciato Peskov, secondo quanto riporta Ria Novosti": the first cue is the speaker's, the later one the relay's
        # "Nach Angaben der Nachrichtenagentur UkrInform sagte Pavlo Kirilenko: ...": a verb inside the according-to
        # phrase's content is the speaker's, the phrase the relay's
        statement = (
            by_verb
            if by_verb is not None
            and (by_phrase is None or by_verb.cue.start < by_phrase.cue.start or by_phrase.content.contains(by_verb.cue))
            else by_phrase
        )
        if (
            statement is None
            and language == "de"
            and speaker is not None
            and _SUBJUNCTIVE.search(text, sentence.start, sentence.end)
        ):
            content = _span(text, sentence.start, sentence.end)
            statement = replace(speaker, content=content, direct=False, certainty="reported") if content is not None else None
        if statement is None and verb.search(text, sentence.start, sentence.end) is None:
            statement = _colon_quotation(text, sentence, names, speaker)
        if len(analysis.chains) > chains and (statement is None or statement.source_chain != chains):
            del analysis.chains[chains:]  # the country opening the sentence named no source: no actor of its own
        if statement is not None:
            found.append(statement)
    return framed(continue_quotations(text, analysis.sentences, found))


# A quotation a colon opens: "Prigozhin ordena a sus mercenarios abandonar su marcha: “Querían ...", "il leader ha
# accettato di fermare l'avanzata: "Torniamo indietro ..."".
_COLON_QUOTE = re.compile(r":\s*[«“„\"]")


def _colon_quotation(text: str, sentence: Span, names: list[Mention], speaker: Statement | None) -> Statement | None:
    """A sentence with no reporting verb whose clause before a colon opens a quotation: the quotation is what the
    clause's subject says, the actor it names first (a person before a body), else, naming none, the one speaking
    in the sentences just before (`_speaker`)."""
    colon = _COLON_QUOTE.search(text, sentence.start, sentence.end)
    if colon is None:
        return None
    start = max(sentence.start, *(text.rfind(mark, sentence.start, colon.start()) + 1 for mark in ';:«»“”„"'))
    before = [m for m in names if start <= m.span.start and m.span.end <= colon.start()]
    content = _span(text, colon.end() - 1, sentence.end)
    if content is None or len(content.text.split()) < 3 or not text[start : colon.start()].strip():
        return None
    cue = Span(colon.start(), colon.start() + 1, ":")
    people = [m for m in before if m.label == "PERSON"]
    if before:
        return _statement(text, cue, content, named(people[0] if people else before[0]))
    if speaker is None:
        return None
    return replace(speaker, cue=cue, content=content, direct=True, certainty=_certainty(":", content.text))


def _verb_opened(mention: Mention, verb: re.Pattern) -> bool:
    """Whether a name is a reporting verb opening its sentence, capitalised there, and the word after it ("Oskarżyła
    Kijów o ..." is no one's name: who accused is the speaker before)."""
    found = verb.match(mention.span.text)
    return found is not None and found.end() < len(mention.span.text) and mention.span.text[found.end()] == " "


def _opening_name(analysis: Analysis, text: str, sentence: Span) -> list[Mention]:
    """The name a sentence opens with when the reader left it untagged there, as capitalised words opening sentences
    are, though the article tags it elsewhere ("Ucrania dice que ...", "Russland hatte angegeben ..."): a mention of
    that name's chain, for this sentence's speaker only."""
    first = re.match(r"\s*([^\W\d_][\w'’-]*)", text[sentence.start : sentence.end])
    if first is None or not first.group(1)[:1].isupper():
        return []
    start, end = sentence.start + first.start(1), sentence.start + first.end(1)
    if any(m.span.start <= start < m.span.end for m in analysis.mentions):
        return []
    word = first.group(1)
    known = next(
        (m for m in analysis.mentions if m.span.text == word and m.chain is not None and m.label in (*_ACTORS, "GPE")), None
    )
    if known is not None:
        return [Mention(Span(start, end, word), known.label, sentence, chain=known.chain)]
    if country_in_english(word) is None:
        return []
    # "Rusia dijo que ...", where the article writes the country only opening sentences, as a frequent word is written:
    # a country's name in the language (the CLDR's, names.country_in_english) is a name wherever it stands
    return [Mention(Span(start, end, word), "GPE", sentence, chain=analysis.chain_named(word, "GPE").id)]


def _state_alone(text: str, sentence: Span, mention: Mention, verb: re.Pattern, according: re.Pattern | None) -> bool:
    """Whether a state's name stands as a speaker may (see `_OPENING`): nothing but an article between it and where a
    clause opens, a conjunction, a reporting verb or an according-to word."""
    before = text[sentence.start : mention.span.start]
    article = _ARTICLES_BEFORE.search(before)
    before = (before[: article.start()] if article else before).rstrip()
    if _OPENING.search(before):
        return True
    words = before.split()
    if words and words[-1].casefold() in _CONJUNCTIONS:
        return True
    tail = before[-80:]
    return (
        any(m.end() == len(tail) for m in verb.finditer(tail))
        or according is not None
        and any(m.end() > len(tail) for m in according.finditer(tail + " "))
    )


def _verb_forms(language: str, written: set[str] = frozenset()) -> str:
    """The language's verb forms as one pattern: each listed word standing for the forms of its paradigm cell written
    in the text (reported_forms.py: "avait affirmé", "hanno dichiarato", "przekazały"), the compound past of a listed
    finite verb ("ha parlato di" after "parla di") and every tense of the speech verbs (reported_forms.SPEECH_LEMMAS),
    room for one adverb (or, in German, a few words) between auxiliary and participle, and French's inverted pronoun
    ("a-t-il déclaré"). A form just after an article is a noun ("el informe", "la note"): `_NOT_AFTER`."""
    adverbs = ADVERBS.get(language)
    between = rf"(?:\s+(?:{adverbs}))?" if adverbs else ""
    inverted = _INVERTED_AUXILIARY.get(language)
    auxiliary = AUXILIARY.get(language)
    helper = forms_in(auxiliary, language, "finite", written) if auxiliary else []
    helper_slot = "|".join([*([inverted] if inverted else []), *map(re.escape, helper)])
    templates: list[list[str]] = []
    for form in dict.fromkeys(VERBS[language].split("|")):
        words = form.split(" ")
        slots = ["|".join(map(re.escape, alternatives(word, language, written))) for word in words]
        if inverted and words[0] == "a":
            slots[0] = f"{inverted}|{slots[0]}"
        templates.append(slots)
        root = lemma(words[0], language)
        if helper and root is not None and root != auxiliary and cell(words[0], language) == "finite":
            participles = forms_in(root, language, "participle", written)
            if participles:
                templates.append([helper_slot, "|".join(map(re.escape, participles)), *slots[1:]])
    for root in speech_lemmas(language):
        finite = forms_in(root, language, "finite", written)
        if finite:
            templates.append(["|".join(map(re.escape, finite))])
        participles = forms_in(root, language, "participle", written)
        if helper and participles:
            templates.append([helper_slot, "|".join(map(re.escape, participles))])
        if language in CLITIC_PAST and participles:
            templates.append(["|".join(map(re.escape, participles))])
        split = split_forms(root, written) if language == "de" else None
        if split is not None and split[1]:  # "wies die Vorwürfe zurück": the prefix where the clause ends
            templates.append(["|".join(map(re.escape, split[1])), rf"{split[0]}(?=\s*(?:[,.;:!?]|$|dass\b))"])
    forms = []
    for slots in templates:
        if len(slots) == 2:
            forms.append(rf"(?:{slots[0]}){between}\s+(?:{slots[1]})")
        else:
            forms.append(r"\s+".join(f"(?:{slot})" for slot in slots))
    return _NOT_AFTER + "(?:" + "|".join(dict.fromkeys(forms)) + ")"


# Articles that are never object pronouns: a verb form right after one is a noun ("el informe", "une note", "il posto").
_NOT_AFTER = "".join(
    rf"(?<!(?<!\w){re.escape(article)}\s)"
    for article in "un une des du au aux il el los las gli uno una der das dem den des ein eine einer einem einen het een um uma".split()
)


def _speaker(analysis: Analysis, mentions: list[Mention], found: list[Statement], before: int) -> Statement | None:
    """Who a cue without a subject ("«...», afirmó.", "Alle 6.30 annuncia di ...") or a German subjunctive
    sentence goes on quoting: the last statement with a source in the sentences just before, else (as a
    statement of its own name) the last person named there. A quotation running over sentences is one turn
    (continued.turn_start)."""
    window = turn_start(analysis.article.text, analysis.sentences, before, SPEAKER_SENTENCES)
    spoken = [st for st in found if st.source is not None and st.source.start >= window]
    if spoken:
        return spoken[-1]
    people = [
        m for m in mentions if m.label == "PERSON" and m.chain is not None and window <= m.span.start and m.span.end <= before
    ]
    if not people:
        return None
    # its subject, named first: "X, le conseiller du président Y, ..."
    last = next(m for m in people if m.sentence == people[-1].sentence)
    return _statement(analysis.article.text, last.span, last.span, named(last))


def _phrase_source(analysis: Analysis, text: str, start: int, end: int, names: list[Mention]) -> Source | None:
    """The source a phrase names: a person in it, else its first actor name, else what it describes."""
    inside = [m for m in names if start <= m.span.start and m.span.end <= end]
    people = [m for m in inside if m.label == "PERSON"]
    described_source = described(analysis, text, start, end, names)
    if described_source is not None and (described_source.kind == "person" or not inside):
        return described_source  # "il capo del gruppo Wagner" is a person, not Wagner
    if people:
        return named(people[-1])
    return named(inside[0]) if inside else None


def _according_to(
    analysis: Analysis,
    text: str,
    sentence: Span,
    names: list[Mention],
    according: re.Pattern,
    finite: re.Pattern | None = None,
) -> Statement | None:
    """ "Selon X, ..." (the content after the comma), "..., secondo X." (the content before), and where the verb comes
    second "Ifølge X har ..." (the content from the finite verb, `FINITE_AFTER`)."""
    match = according.search(text, sentence.start, sentence.end)
    if match is None:
        return None
    comma = text.find(",", match.end(), sentence.end)
    opening = max(sentence.start, *(text.rfind(mark, sentence.start, match.start()) + 1 for mark in ":;"))
    leading = len(text[opening : match.start()].split()) < 3  # "Selon X, ..." opens its sentence or a clause after a colon
    second = finite.search(text, match.end(), min(sentence.end, match.end() + 80)) if finite is not None and leading else None
    named_end = _name_run_end(text, names, match.end()) if leading else None
    if second is not None and (comma == -1 or second.start() < comma):
        source_end, content = second.start(), _span(text, second.start(), sentence.end)
    elif named_end is not None and (comma == -1 or named_end < comma) and _CLAUSE_GOES_ON.match(text, named_end):
        # "Secondo il sindaco Alexander Goncharenko la stazione ...", "Zdaniem władz Ukrainy doszło ...": no comma
        # closes the phrase (Polish, Italian without one); the source ends with the name it opens with
        source_end, content = named_end, _span(text, named_end, sentence.end)
    elif leading and comma != -1:
        source_end, content = comma, _span(text, comma + 1, sentence.end)
    else:
        source_end, content = (comma if comma != -1 else sentence.end), _span(text, sentence.start, match.start())
    source = _phrase_source(analysis, text, match.end(), source_end, names)
    if content is None or source is None:
        return None
    cue = Span(match.start(), match.end(), text[match.start() : match.end()].rstrip())
    return _statement(text, cue, content, source)


# What follows a source with no comma after it when the clause goes on: a word in small letters (or a quotation).
_CLAUSE_GOES_ON = re.compile(r"\s+[-–—]?\s*(?:[«„“\"]|[^\W\d_A-ZÀ-ÞĀ-ſА-ЯЁ])")
_NAME_START = 40  # characters between an according-to word and the name it names at most ("secondo il sindaco ...")
_NAME_WORDS_BEFORE = 3  # and words ("nach Angaben der Nachrichtenagentur UkrInform"; not "Secondo loro il missile ... Tochka-U")


def _name_run_end(text: str, names: list[Mention], after: int) -> int | None:
    """Where the names right after an according-to word end: the first actor name starting within `_NAME_START`
    characters after it, with any name adjacent to it ("Prokuratury Generalnej Ukrainy"); None when none starts there."""
    following = sorted((m for m in names if after <= m.span.start <= after + _NAME_START), key=lambda m: m.span.start)
    if not following:
        return None
    between = text[after : following[0].span.start]
    if len(between.split()) > _NAME_WORDS_BEFORE or any(c in between for c in ',;:.«»“”„"()'):
        return None
    end = following[0].span.end
    for m in names:
        if m.span.start > end and not text[end : m.span.start].strip():
            end = m.span.end
    return end


def _according_after(analysis: Analysis, text: str, sentence: Span, names: list[Mention], word: str) -> Statement | None:
    """ "..., sagte X, russischen Medien zufolge." / "Dem Ministerium zufolge ...": the source just before the word."""
    match = re.search(rf"(?<!\w){word}(?!\w)", text[sentence.start : sentence.end])
    if match is None:
        return None
    at, end = sentence.start + match.start(), sentence.start + match.end()
    before = text[sentence.start : at]
    start = sentence.start + max(before.rfind(","), -1) + 1
    source = _phrase_source(analysis, text, start, at, names)
    if source is None or source.chain is None:
        return None
    content = _span(text, end, sentence.end) if start == sentence.start else _span(text, sentence.start, start)
    return _statement(text, Span(at, end, match.group(0)), content, source) if content is not None else None


def _german_patterns(written: set[str]) -> tuple[re.Pattern, re.Pattern, dict[str, str], frozenset[str]]:
    """The split verb's pattern (`_split_verb`), the perfect's (`_perfect`), its participles' certainty and those that
    say something of their object, from the listed forms and every speech verb's forms written in the article."""
    bases, prefixes = list(_SEPARABLE_BASES), list(_SEPARABLE_PREFIXES)
    participles, of_what = dict(PERFECT_PARTICIPLES), set(OF_WHAT)
    for root in speech_lemmas("de"):
        split = split_forms(root, written)
        if split is not None and split[1]:
            bases += split[1]
            prefixes.append(split[0])
        for participle in perfect_participles(root, written):
            participles.setdefault(participle, "denied" if root in DENYING else "reported")
            if root in _OF_WHAT_LEMMAS:
                of_what.add(participle)
    separable = re.compile(
        rf"(?<!\w)({'|'.join(dict.fromkeys(bases))})\s+([^,.;:!?«»\"“”„]{{1,120}}?)\s+({'|'.join(dict.fromkeys(prefixes))})"
        r"(?=\s*(?:[,.;:!?]|$))"
    )
    perfect = re.compile(
        rf"(?<!\w)(hat|hatte|haben|hatten)(?:\s+([^.;:!?«»]{{1,200}}?))?\s+({'|'.join(participles)})(?!\w)", re.I
    )
    return separable, perfect, participles, frozenset(of_what)


def _split_verb(analysis: Analysis, text: str, sentence: Span, names: list[Mention], separable: re.Pattern) -> Statement | None:
    """ "..., teilte das Ministerium in Moskau mit.": the source between the split verb."""
    split = separable.search(text, sentence.start, sentence.end)
    if split is None or not re.search(r"[,:]\s*$", text[sentence.start : split.start()]):
        return None
    source = _after_source(analysis, text, split.start(2), split.end(2), names)
    content = _span(text, sentence.start, split.start())
    if source is None or content is None:
        return None
    cue = Span(split.start(1), split.end(3), text[split.start(1) : split.end(3)])
    return _statement(text, cue, content, source)


def _perfect(
    analysis: Analysis,
    text: str,
    sentence: Span,
    names: list[Mention],
    perfect: re.Pattern,
    participles: dict[str, str],
    of_what: frozenset[str],
) -> Statement | None:
    """German perfect (`_german_patterns`): "Zuvor hatte X den Vorfall als ... bezeichnet" (the subject after the auxiliary, the
    content what lies between it and the participle), "X hat erklärt, ..." (the subject before it, the content after
    the participle's comma)."""
    found = perfect.search(text, sentence.start, sentence.end)
    if found is None:
        return None
    before = text[sentence.start : found.start()]
    # "X hatte angegeben, ...": no words between auxiliary and participle
    middle_start, middle_end = (found.start(2), found.end(2)) if found.group(2) else (found.end(1), found.end(1))
    subject_before = [m for m in names if sentence.start <= m.span.start and m.span.end <= found.start()]
    if before.strip() and len(before.split()) <= 3 and not subject_before:  # "Zuvor hatte X ...": the verb second
        stop = _OBJECT_ARTICLE.search(text, middle_start, middle_end)
        source = _after_source(analysis, text, middle_start, stop.start() if stop else middle_end, names)
        subject_end = stop.start() if stop else middle_end
    else:
        source = _phrase_source(analysis, text, sentence.start, found.start(), names)
        subject_end = middle_start
    if source is None:
        return None
    participle = found.group(3).casefold()
    after = text[found.end() : sentence.end]
    if participle not in of_what and re.match(r"\s*,", after) and not _RELATIVE_CLAUSE.match(after):
        content = _span(text, found.end() + after.index(",") + 1, sentence.end)  # "X hat erklärt, ..."
    else:
        content = _span(text, subject_end, found.start(3))  # "X hatte den Vorfall als «Provokation» bezeichnet"
    if content is None:
        return None
    statement = _statement(text, Span(found.start(3), found.end(3), found.group(3)), content, source)
    return replace(statement, certainty="denied") if participles.get(participle) == "denied" else statement


def _after_source(analysis: Analysis, text: str, start: int, end: int, names: list[Mention]) -> Source | None:
    """The source written after an inverted verb, from `start` to at most `end`: a name (not one after a
    preposition: "im Onlinedienst Telegram"), else a description up to a place or time ("das
    Verteidigungsministerium in Moskau in der Nacht": the ministry)."""
    stop = re.search(r"[,;:.(«»“”„\"]", text[start:end])
    end = start + stop.start() if stop else end
    words = list(re.finditer(r"\S+", text[start:end]))
    for k, word in enumerate(words[1:], 1):
        if word.group(0).casefold() in _LOCATIVES:
            end = start + words[k].start()
            break
    inside = [m for m in names if start <= m.span.start and m.span.end <= end]
    for article in _ARTICLE.finditer(text, start, end):
        source = described(analysis, text, article.start(), end, names)
        if source is not None:
            return source
    people = [m for m in inside if m.label == "PERSON"]
    return named(people[0]) if people else (named(inside[0]) if inside else None)


def _after_preposition(text: str, start: int, mention: Mention, prepositions: frozenset[str]) -> bool:
    """Whether a name after a verb is governed by a preposition ("im Onlinedienst Telegram", "su Twitter")."""
    words = text[start : mention.span.start].split()
    return bool(words) and words[-1].casefold() in prepositions


def _reporting_verb(
    analysis: Analysis,
    text: str,
    sentence: Span,
    names: list[Mention],
    verb: re.Pattern,
    speaker: Statement | None,
    prepositions: frozenset[str],
    according: re.Pattern | None = None,
) -> Statement | None:
    match = verb.search(text, sentence.start, sentence.end)
    if match is None:
        return None
    cue = Span(match.start(), match.end(), match.group(0))
    before = text[sentence.start : match.start()]
    clause_start = sentence.start + max(before.rfind(","), before.rfind(";"), -1) + 1
    after = [
        m
        for m in names
        if m.span.start >= match.end()
        and m.span.start - match.end() < 60
        and not _after_preposition(text, match.end(), m, prepositions)
    ]
    # "Nach Angaben der Nachrichtenagentur UkrInform sagte Pavlo Kirilenko": a name in an according-to phrase before the
    # verb relays the speaker, it is not the verb's subject
    relay = according.search(text, clause_start, match.start()) if according is not None else None
    earlier = [  # "Ako na Telegrame uviedol jej šéf Ihor Šmeľanskyj": where it was said, not who said it
        m
        for m in names
        if clause_start <= m.span.start
        and m.span.end <= match.start()
        and not _after_preposition(text, clause_start, m, prepositions)
        and not (relay is not None and m.span.start >= relay.end())
    ]
    named_before = [m for m in names if m.span.end <= match.start()]
    # "Yevgeny Prigozhin, accusa ...": a name just before the comma is the subject, not an inverted cue's content
    subject_aside = bool(named_before) and re.fullmatch(r"\s*,\s*", text[named_before[-1].span.end : match.start()]) is not None
    # "... oskarżają się nawzajem – poinformowała agencja Reuters": after a spaced dash the names before it are the
    # content's, and the source is named after the verb
    dashed = bool(re.search(r"\s[-–—]\s*$", before)) and (
        bool(after) or _after_source(analysis, text, match.end(), sentence.end, names) is not None
    )
    inverted = (
        bool(re.search(r"[,»”“\"]\s*[-–—]?\s*$|[.!?]?\s*[-–—]\s*$", before))
        and (not earlier and not subject_aside or dashed)
        and not _COMPLEMENT.match(text, match.end(), sentence.end)
        and not _apposed_subject(text, sentence, names, match.start())
    )
    after = [m for m in after if m.label == "PERSON"] or after  # "ha detto il portavoce del Cremlino, Dmitry Peskov"
    subject = described(analysis, text, clause_start, match.start(), names) if not inverted else None
    rest_start = match.end() + _THAT.match(text[match.end() : sentence.end]).end()
    if _ANAPHOR.match(before) and sentence.start > 0:  # "Lo ha annunciato Peskov": what the sentence before says
        source = named(after[0]) if after else _after_source(analysis, text, match.end(), sentence.end, names)
        end = len(text[: sentence.start].rstrip()) - 1
        start = max(text.rfind(stop, 0, end) for stop in ".!?\n") + 1
        content = _span(text, start, end)
    elif inverted and (after or (source := _after_source(analysis, text, match.end(), sentence.end, names)) is not None):
        source = named(after[0]) if after else source  # "«...», ha affermato il presidente Zelensky"
        content = _span(text, sentence.start, match.start())
    elif (
        speaker is not None
        and not earlier
        # "Rosyjskie ministerstwo obrony poinformowało, że ...": a body described before the verb speaks, not the last
        # speaker; a role no one is named with ("Der ukrainische Präsident nannte") may well be that speaker
        and (subject is None or subject.kind == "person" and subject.chain is None)
        # a name further after the verb than its subject stands (`_SUBJECT_AFTER`) is its object's
        and (
            inverted
            and not after
            or not inverted
            and all(m.label == "GPE" or m.span.start - match.end() > _SUBJECT_AFTER for m in after)
        )
        and (inverted or len(before.split()) <= 3)
    ):  # a state after a cue opening its sentence is whom it is about: "Oskarżyła Kijów o ..."
        # "«...», afirmó.", "Alle 6.30 annuncia di ...": no subject named, the speaker goes on
        content = _span(text, sentence.start, match.start()) if inverted else _span(text, rest_start, sentence.end)
        if content is None:
            return None
        return replace(
            speaker,
            cue=cue,
            content=content,
            direct=content.text[:1] in '«„“"',
            certainty=_certainty(match.group(0), content.text),
        )
    elif (
        not earlier
        and after
        and after[0].span.start - match.end() <= _SUBJECT_AFTER
        and (second := _AFTER_SUBJECT.match(text, after[0].span.end, sentence.end)) is not None
        and not before.rstrip().endswith(",")
    ):
        source = named(after[0])  # the verb second, its subject after it
        content = _span(text, second.end(), sentence.end)
    elif _RELATIVE.match(text, clause_start, match.start()) and named_before and clause_start > sentence.start:
        source = named(named_before[-1])  # "... del presidente Vladimir Putin, quien lo calificó como ..."
        content = _span(text, rest_start, sentence.end)
    elif subject is not None and (subject.kind == "person" or not earlier):
        source = subject  # "Il capo del gruppo Wagner ha affermato ...", "Das russische Zivilschutzministerium teilte mit, ..."
        content = _span(text, rest_start, sentence.end)
    elif earlier:  # "Prigozhin disse que ...", "Zelenski, que ..., ha señalado que ..."
        source = named(earlier[-1])
        content = _span(text, rest_start, sentence.end)
    else:
        # "X, ..., ha pubblicato ... e ha scritto: «...»"
        coordinated = re.search(r"\s(?:e|ed|y|et|und|i|a|en|og)\s+$", before) is not None
        if not named_before or not coordinated and not re.search(r",\s*$", text[named_before[-1].span.end : match.start()][:200]):
            return None
        if any(c in text[named_before[-1].span.end : match.start()] for c in '«»“”„"'):
            return None  # a quotation stands between the name and the verb: the name is not its subject
        # "Zelenski, que ha intervenido ..., ha señalado que": the subject before the aside; of a name and its
        # apposition ("Evguéni Prigojine, le chef du groupe Wagner, accuse") the person set off by a comma; a
        # description before the aside ("El presidente del parlamento regional de Crimea, respaldado por el Kremlin, acusó")
        people = [m for m in named_before if m.label == "PERSON" and text[m.span.end : match.start()].lstrip().startswith(",")]
        # of those, one opening a clause: "Der Anführer der Separatisten in Donezk, Denis Puschilin, sprach", not the place
        people.sort(key=lambda m: not _OPENING.search(text[sentence.start : m.span.start]))
        first = text.find(",", sentence.start, match.start())
        opening = described(analysis, text, sentence.start, first, names) if first != -1 else None
        if not people and opening is not None and opening.kind == "person":
            source = opening
        else:
            source = named(people[0] if people else named_before[-1])
        content = _span(text, rest_start, sentence.end)
    if content is None and len(match.group(0).split()) > 2:  # "Selenskyj warf Moskau Kriegsverbrechen vor": inside the split verb
        words = list(re.finditer(r"\S+", match.group(0)))
        content = _span(text, match.start() + words[1].start(), match.start() + words[-2].end())
    if content is None and clause_start > sentence.start and not text[match.end() : sentence.end].strip(" .!?\n"):
        content = _span(text, sentence.start, clause_start)  # "Y, Comitê de Investigação da Rússia disse.": Y before its subject
    if content is None or source is None:
        return None
    return _statement(text, cue, content, source)


# A that-clause after the verb: its content follows it, so the verb is no inverted cue ("X, ..., dijo que ...").
_COMPLEMENT = re.compile(r"\s*[,:]?\s*(?:que|che|dass|że|dat|că|že|ότι|att|qu['’])(?!\w)", re.I)


def _apposed_subject(text: str, sentence: Span, names: list[Mention], verb: int) -> bool:
    """Whether the sentence opens with a person's name, or a title ending in one, set off by a comma before the verb:
    "Denis Pushilin, le chef de la république ..., a dit", "Le ministre ... Dmytro Kuleba, écrivant sur Twitter, a
    accusé": the person is the verb's subject, not the content of an inverted cue."""
    comma = text.find(",", sentence.start, verb)
    if comma == -1 or len(text[sentence.start : comma].split()) > 8:
        return False
    return any(m.label == "PERSON" and m.span.end <= comma and not text[m.span.end : comma].strip() for m in names)


def _certainty(cue: str, content: str = "") -> str:
    """`denied` for a denial verb, also with an adverb inside it ("ha poi smentito"); `hedged` for a hedge word in
    the content (`HEDGES`); else `reported`."""
    if cue.split()[-1].casefold() in _DENYING:
        return "denied"
    return "hedged" if HEDGES.search(content) else "reported"


def _span(text: str, start: int, end: int) -> Span | None:
    while start < end and (text[start].isspace() or text[start] in ",;—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;.—–-"):
        end -= 1
    return Span(start, end, text[start:end]) if end - start > 3 else None


def _statement(text: str, cue: Span, content: Span, source: Source) -> Statement:
    direct = content.text[:1] in '«„“"' and content.text[-1:] in '»“”"'
    return Statement(
        cue=cue,
        content=content,
        source=source.span,
        source_type=source.kind,
        direct=direct,
        certainty=_certainty(cue.text, content.text),
        source_chain=source.chain,
    )
