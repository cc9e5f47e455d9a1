"""Reporting verbs beyond the listed forms (extract/lang/reported_latin.py, reported_forms.py): the same speech
concepts in every language of the table, the German perfect and split verbs of every speech verb, the Serbo-Croatian
past with its clitic apart, a quotation a colon opens, and a capitalised verb opening a sentence."""

from __future__ import annotations

from factfile.extract.lang import analyse
from factfile.extract.lang.reported_forms import perfect_participles, speech_lemmas, split_forms
from factfile.records import Article


def _statements(text: str, language: str):
    analysis = analyse(Article(language, text, f"h-{language}", language=language))
    return [
        (st.cue.text, analysis.chains[st.source_chain].name if st.source_chain is not None else None, st.certainty)
        for st in analysis.statements
    ]


def test_every_language_of_the_table_has_the_speech_concepts():
    for language in ("ro", "sr", "hr", "sk", "cs", "el", "no", "nb", "da", "sv"):
        assert len(speech_lemmas(language)) >= 14, language


def test_a_speech_verb_the_listed_forms_lack():
    assert _statements("Volodymyr Zelenskyj hävdar att Ryssland sprängde dammen.", "sv") == [
        ("hävdar", "Volodymyr Zelenskyj", "reported")
    ]
    assert ("αρνήθηκε", "Ντμίτρι Πεσκόφ", "denied") in _statements(
        "Ο Ντμίτρι Πεσκόφ αρνήθηκε ότι η Ρωσία ευθύνεται για την επίθεση.", "el"
    )


def test_romanian_cedilla_spelling():
    assert _statements("Volodimir Zelenski susţine că Rusia este vinovată.", "ro") == [
        ("susţine", "Volodimir Zelenski", "reported")
    ]


def test_serbo_croatian_participle_apart_from_its_clitic():
    assert _statements("Predsjednik Volodimir Zelenski je u obraćanju naciji rekao da je brana minirana.", "hr") == [
        ("rekao", "Volodimir Zelenski", "reported")
    ]


def test_first_person_forms_are_no_cue():
    assert _statements("Volodimir Zelenski, recimo, nije bio u Kijevu te noći.", "hr") == []


def test_german_perfect_of_any_speech_verb():
    assert _statements("Selenskyj hat am Abend hinzugefügt, die Lage sei stabil.", "de") == [
        ("hinzugefügt", "Selenskyj", "reported")
    ]
    assert [s[2] for s in _statements("Der Kreml hat jede Beteiligung an dem Anschlag geleugnet.", "de")] == ["denied"]


def test_german_split_verb_of_any_speech_verb():
    assert _statements("„Wir werden das ganze Land befreien“, kündigte Wolodymyr Selenskyj an.", "de") == [
        ("kündigte Wolodymyr Selenskyj an", "Wolodymyr Selenskyj", "reported")
    ]


def test_german_participles_and_split_forms():
    assert perfect_participles("antworten", {"geantwortet", "antwortet"}) == ["geantwortet"]
    assert perfect_participles("bestreiten", {"bestritten", "bestreitet"}) == ["bestritten"]
    assert perfect_participles("zugeben", {"zugegeben", "zugaben"}) == ["zugegeben"]
    assert split_forms("mitteilen", {"teilte", "mitteilte"}) == ("mit", ["teilte"])
    assert split_forms("antworten", {"twortete"}) is None


def test_quotation_opened_by_a_colon():
    found = _statements(
        "El jefe de Grupo Wagner, Yevgueni Prigozhin, ordena a sus mercenarios abandonar su marcha hacia Moscú: "
        "“Querían deshacerse del Grupo Wagner. En las últimas 24 horas llegamos a 200 kilómetros de Moscú.”",
        "es",
    )
    assert [(cue, source) for cue, source, _ in found] == [(":", "Yevgueni Prigozhin"), (":", "Yevgueni Prigozhin")]


def test_a_verb_opening_a_sentence_is_no_name():
    text = (
        "Rosyjskie ministerstwo obrony poinformowało, że w ataku na więzienie zginęło 40 więźniów. "
        "Oskarżyła Kijów o zaatakowanie go rakietami HIMARS produkcji USA."
    )
    analysis = analyse(Article("pl", text, "h-pl", language="pl"))
    accusing = [st for st in analysis.statements if st.cue.text == "Oskarżyła"]
    assert len(accusing) == 1
    assert accusing[0].source_chain == analysis.statements[0].source_chain is not None
