"""The learned source linker (extract/statements/linker.py): an actor named near the cue of a source left unlinked."""

from __future__ import annotations

import json
from collections import Counter

from factfile.extract.statements.linker import (
    MODEL_FILE,
    Candidate,
    Cue,
    Linker,
    bare,
    candidates_near,
    default_linker,
    features,
    link_sources,
)
from factfile.records import Analysis, Article, Chain, Mention, Span, Statement


def _analysis(
    text: str,
    names: list[tuple[str, str]],
    source: str | None,
    cue: str,
    kind: str = "person",
    chain: int | None = None,
    language: str = "en",
) -> Analysis:
    analysis = Analysis(article=Article("xx", text, f"h-link-{hash(text)}", language=language))
    whole = Span(0, len(text), text)
    for k, (name, label) in enumerate(names):
        start = text.index(name)
        analysis.mentions.append(Mention(Span(start, start + len(name), name), label, whole, chain=k))
        analysis.chains.append(Chain(k, name, label, mentions=[k]))
    at = text.index(cue)
    content = text.index("«")
    spanned = None
    if source is not None:
        start = text.index(source)
        spanned = Span(start, start + len(source), source)
    analysis.statements.append(
        Statement(
            cue=Span(at, at + len(cue), cue),
            content=Span(content, len(text), text[content:]),
            source=spanned,
            source_type=kind,
            direct=True,
            certainty="reported",
            source_chain=chain,
        )
    )
    return analysis


def test_a_pronoun_the_rules_linked_keeps_their_antecedent():
    """ "він" the rules linked to the mayor named before stays his: the resolver's answer is among the candidates."""
    text = "У Краматорську виступив мер Олександр Гончаренко. Він заявив: «Загинули п'ятдесят людей»."
    analysis = _analysis(
        text, [("Олександр Гончаренко", "PERSON"), ("Краматорську", "GPE")], "Він", "заявив", chain=0, language="uk"
    )
    link_sources(analysis)
    assert analysis.statements[0].source_chain == 0


def test_a_relative_pronoun_the_rules_linked_is_not_re_ranked():
    """Dev store (Olenivka): "Volker Türk of the United Nations refuted the Russian Federation, which claimed ...":
    "which" is Russia's, as the rules read it, not the UN's."""
    text = "Volker Türk of the United Nations refuted the lies of Russia, which claimed «it was Ukraine»."
    names = [("Volker Türk", "PERSON"), ("United Nations", "ORG"), ("Russia", "GPE")]
    analysis = _analysis(text, names, "which", "claimed", chain=2)
    link_sources(analysis)
    assert analysis.statements[0].source_chain == 2


def test_the_articles_own_voice_names_no_one():
    """ "Зазначимо, що ..." ("let us note that") opens the article's own remark: Prigozhin, named in what it says, is
    not its speaker."""
    text = "Колона рухається на північ. Зазначимо, що «Пригожин заявляв про колону раніше»."
    analysis = _analysis(text, [("Пригожин", "PERSON")], None, "Зазначимо", kind="anonymous", language="uk")
    link_sources(analysis)
    assert analysis.statements[0].source_chain is None


def test_a_cue_with_no_source_words_keeps_no_actor():
    """ "reportedly" reports no one's statement: the company named before it in its sentence is not its speaker."""
    text = "A photo by Maxar Technologies shows the prison after an explosion reportedly «killed soldiers»."
    analysis = _analysis(text, [("Maxar Technologies", "ORG")], None, "reportedly", kind="anonymous")
    link_sources(analysis)
    assert analysis.statements[0].source_chain is None


def test_a_source_with_words_of_its_own_keeps_the_resolvers_answer():
    """A description ("Experts", "очільник") or a name the rules did not read describes its speaker: the linker does
    not give it the actor named beside it."""
    text = "Kremlin spokesman Dmitry Peskov spoke on Monday. Experts said: «The dam was blown up from inside»."
    analysis = _analysis(text, [("Dmitry Peskov", "PERSON")], "Experts", "said")
    link_sources(analysis)
    assert analysis.statements[0].source_chain is None
    text = "У Краматорську Павло Кириленко, очільник, заявив: «Загинули п'ятдесят людей»."
    analysis = _analysis(text, [("Павло Кириленко", "PERSON")], "очільник", "заявив", language="uk")
    link_sources(analysis)
    assert analysis.statements[0].source_chain is None


def test_a_description_of_several_words_the_resolver_left_stays_unlinked():
    """The resolver matched "le chef de l'État ukrainien" against the article's actors and found no one: the
    Russian president named before is not its speaker."""
    text = "Le président russe Vladimir Poutine a parlé hier. Le chef de l’Etat ukrainien a déclaré : « C’est un crime »."
    analysis = _analysis(text, [("Vladimir Poutine", "PERSON")], "Le chef de l’Etat ukrainien", "a déclaré", language="fr")
    link_sources(analysis)
    assert analysis.statements[0].source_chain is None


def test_the_resolvers_actor_stays_when_it_is_named_as_the_source():
    text = "Olaf Scholz met Emmanuel Macron. Macron said: «We agree»."
    analysis = _analysis(text, [("Olaf Scholz", "PERSON"), ("Macron", "PERSON")], "Macron", "said", chain=1)
    link_sources(analysis)
    assert analysis.statements[0].source_chain == 1


def test_bare_sources_are_none_or_function_words_of_the_pages_language():
    text = "he said; Experts said; он сказал"
    assert not bare(text, None, "en") and bare(text, (0, 2), "en")
    assert not bare(text, (9, 16), "en")
    assert bare(text, (23, 25), "ru") and not bare(text, (23, 25), None)


def test_candidates_are_the_cues_sentence_and_two_before_and_none_after_it():
    text = "A met B. C met D. E met F. G said: «yes». H came."
    names = ["A", "C", "E", "G", "H"]
    mentions = [Candidate(text.index(n), text.index(n) + 1, "PERSON", "name", k) for k, n in enumerate(names)]
    at = text.index("said")
    near = candidates_near(text, Cue((at, at + 4), None, (at + 6, at + 13)), mentions)
    assert [m.actor for m in near] == [1, 2, 3]


def test_features_say_where_the_mention_stands():
    text = "Kyiv. The ministry of Ukraine said: «no»."
    ukraine = Candidate(text.index("Ukraine"), text.index("Ukraine") + 7, "GPE", "name", 0)
    at = text.index("said")
    cue = Cue((at, at + 4), (text.index("The"), at - 1), (at + 6, len(text)))
    f = features(text, cue, ukraine, [ukraine], Counter({0: 1}), last_speaker=0)
    assert f["in source"] == 1.0 and f["before cue"] == 1.0 and f["last speaker"] == 1.0 and f["sentences=0"] == 1.0


def test_the_model_is_read_without_scikit_learn():
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    linker = default_linker()
    assert isinstance(linker, Linker) and linker.weights == data["weights"]
    assert all(isinstance(w, float) for w in linker.weights.values())
    assert linker.weights["resolved"] > 0  # the resolver's own reading counts for its actor
    assert any(name.startswith("none ") for name in linker.weights)  # "no one named here" is an answer it can give
