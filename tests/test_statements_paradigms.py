"""Reporting verbs read by their paradigm in languages without a parser (extract/lang/reported_forms.py)."""

from __future__ import annotations

import re

from factfile.extract.lang import analyse
from factfile.extract.lang.reported_forms import alternatives, cell, regular, speech_lemmas, written_words
from factfile.extract.lang.reported_latin import _verb_forms
from factfile.records import Article


def _statements(language: str, text: str):
    analysis = analyse(Article(language, text, f"p-{language}-{hash(text)}", language=language))
    return [
        (
            analysis.chains[st.source_chain].name if st.source_chain is not None else None,
            st.cue.text,
            st.content.text,
            st.certainty,
        )
        for st in analysis.statements
    ]


def _cues(language: str, text: str) -> list[str]:
    verb = re.compile(rf"(?<!\w)(?:{_verb_forms(language, written_words(text))})(?!\w)", re.I)
    return [m.group(0) for m in verb.finditer(text)]


def test_a_listed_form_stands_for_its_paradigm_cell():
    """ "a affirmé" is listed; the pluperfect "avait affirmé" and the plural "avevano dichiarato" are the same cues."""
    assert _statements("fr", "Oleksandre Kamychine avait affirmé que la gare était visée.") == [
        ("Oleksandre Kamychine", "avait affirmé", "la gare était visée", "reported")
    ]
    assert _cues("it", "I portavoce avevano dichiarato che la stazione era colpita.") == ["avevano dichiarato"]
    assert _cues("pl", "Koleje Ukraińskie przekazały, że uderzyły dwie rakiety.") == ["przekazały"]


def test_a_form_stands_only_for_its_own_cell_class():
    """ "dice" is finite: it stands for "dijo", not for the participle "dicho" ("dicho ataque") nor the infinitive."""
    assert cell("avait", "fr") == "finite" and cell("affirmé", "fr") == "participle" and cell("disse", "it") == "finite"
    assert alternatives("dice", "es", {"dijo", "dicho", "decir", "dicen"}) == ["dicen", "dice", "dijo"]


def test_every_tense_of_the_speech_verbs():
    """The English reader's speech verbs in each language, in any tense ("comentó", "a twitté")."""
    assert "comentar" in speech_lemmas("es") and "twitter" in speech_lemmas("fr")
    assert _statements("es", "Pavlo Kirilenko comentó que miles de personas estaban en la estación.") == [
        ("Pavlo Kirilenko", "comentó", "miles de personas estaban en la estación", "reported")
    ]
    assert _statements("fr", "« Il s’agit d’une nouvelle tentative », a twitté Josep Borrell.") == [
        ("Josep Borrell", "a twitté", "« Il s’agit d’une nouvelle tentative »", "reported")
    ]
    assert regular("twittare", "it") >= {"twittato", "twitta", "twittò"}


def test_a_denial_verb_denies_in_any_form():
    assert _statements("es", "Dmitri Peskov desmintió que Rusia estuviera implicada.") == [
        ("Dmitri Peskov", "desmintió", "Rusia estuviera implicada", "denied")
    ]


def test_a_verb_form_after_an_article_is_a_noun():
    """ "el informe" is a noun though "informe" is a form of informar."""
    assert _cues("es", "El informe de la ONU llegó ayer; Ucrania informó del ataque.") == ["informó"]


def test_a_german_closing_quotation_mark_before_the_verb_makes_it_inverted():
    """„...“ sagte X: the speaker after the verb."""
    assert _statements("de", "„Das ist ein Übel, das keine Grenzen kennt.“ sagte Präsident Wolodymyr Selenskyj.") == [
        ("Wolodymyr Selenskyj", "sagte", "„Das ist ein Übel, das keine Grenzen kennt.“", "reported")
    ]


def test_according_to_forms_with_an_adjective_and_after_a_colon():
    """ "по уточненной информации X" is "по информации X"; "Laut X" opens the clause after a colon."""
    assert _statements("ru", "По уточненной информации президента Украины Владимира Зеленского, удар был нанесен ракетой.") == [
        ("Владимир Зеленский", "По уточненной информации", "удар был нанесен ракетой", "reported")
    ]
    ((source, cue, content, _),) = _statements("de", "Der Angriff im Osten: Laut Wolodymyr Selenskyj wurden 39 Menschen getötet.")
    assert (source, cue, content) == ("Wolodymyr Selenskyj", "Laut", "wurden 39 Menschen getötet")
