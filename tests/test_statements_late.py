"""Sources linked once every mention is in (extract/statements/late.py)."""

from __future__ import annotations

from factfile.extract.lang import analyse
from factfile.extract.statements.late import link_late_sources
from factfile.records import Analysis, Article, Chain, Mention, Span, Statement


def test_a_title_the_reader_tags_after_the_statements_is_their_source_and_the_pronoun_after_it_too():
    text = "Об этом заявил российский лидер. «Это предательство», — сказал он."
    analysis = analyse(Article("ru", text, "h-late-ru", language="ru"))
    leader, pronoun = analysis.statements
    assert leader.source.text == "российский лидер" and pronoun.source.text == "он"
    assert leader.source_chain is not None
    assert pronoun.source_chain == leader.source_chain


def _analysis(text: str, names: list[tuple[str, str]], sources: list[tuple[str, str]]) -> Analysis:
    whole = Span(0, len(text), text)
    analysis = Analysis(article=Article("en", text, "h-late", language="en"), sentences=[whole])
    for k, (name, label) in enumerate(names):
        start = text.index(name)
        analysis.mentions.append(Mention(Span(start, start + len(name), name), label, whole, chain=k))
        analysis.chains.append(Chain(k, name, label, mentions=[k]))
    for source, kind in sources:
        start = text.index(source)
        analysis.statements.append(
            Statement(
                cue=None,
                content=whole,
                source=Span(start, start + len(source), source),
                source_type=kind,
                direct=False,
                certainty="reported",
            )
        )
    return analysis


def test_a_document_naming_one_actor_is_its_and_a_name_after_an_article_is_the_source():
    text = "The NYT report said so, and Le Comité d'enquête russe agreed."
    analysis = _analysis(
        text,
        [("NYT", "ORG"), ("Comité d'enquête russe", "ORG")],
        [("The NYT report", "document"), ("Le Comité d'enquête russe", "organisation")],
    )
    link_late_sources(analysis)
    assert [st.source_chain for st in analysis.statements] == [0, 1]


def test_a_person_described_by_the_body_they_head_is_not_that_body():
    text = "Il capo del gruppo Wagner ha detto di no."
    analysis = _analysis(text, [("Wagner", "ORG")], [("Il capo del gruppo Wagner", "person")])
    link_late_sources(analysis)
    assert analysis.statements[0].source_chain is None


def test_a_description_takes_the_earlier_body_whose_name_holds_its_words_but_not_by_a_place_word_alone():
    text = "Russia's defence ministry spoke. Later the defence ministry said so, and the Russian agency too."
    analysis = _analysis(
        text,
        [("Russia's defence ministry", "ORG"), ("Russia", "GPE")],
        [("the defence ministry", "official"), ("the Russian agency", "organisation")],
    )
    link_late_sources(analysis)
    assert [st.source_chain for st in analysis.statements] == [0, None]


def test_a_source_on_a_chain_that_is_no_actor_is_linked_as_one_with_none_and_so_is_the_pronoun_after_it():
    text = "Russia's defence ministry spoke. Later the defence ministry said so. It added more."
    analysis = _analysis(
        text,
        [("Russia's defence ministry", "ORG"), ("defence ministry", "ORG")],
        [("the defence ministry", "official"), ("It", "official")],
    )
    analysis.chains[1].not_an_actor = "not written as a name (no capital letter)"
    for statement in analysis.statements:
        statement.source_chain = 1
    link_late_sources(analysis)
    assert [st.source_chain for st in analysis.statements] == [0, 0]


def test_a_leader_tagged_as_a_person_on_the_groups_chain_is_not_the_group():
    text = "El líder del Grupo Wagner dijo que no."
    analysis = _analysis(text, [("Grupo Wagner", "ORG")], [("El líder del Grupo Wagner", "person")])
    analysis.mentions.append(Mention(Span(3, 25, "líder del Grupo Wagner"), "PERSON", analysis.sentences[0], chain=0))
    link_late_sources(analysis)
    assert analysis.statements[0].source_chain is None


def _in_language(analysis: Analysis, language: str) -> Analysis:
    analysis.article = Article("x", analysis.article.text, f"h-late-{language}", language=language)
    return analysis


def test_a_body_named_by_its_kind_alone_goes_on_from_the_body_speaking_just_before():
    """eval/realstory (Kerch de): "teilte das Nationale Anti-Terror-Komitee mit ... Die Behörde erklärte" is the committee."""
    text = "Das teilte das Nationale Anti-Terror-Komitee mit. Die Behörde erklärte nicht, wie es geschah."
    analysis = _in_language(
        _analysis(
            text,
            [("Nationale Anti-Terror-Komitee", "ORG")],
            [("Nationale Anti-Terror-Komitee", "organisation"), ("Die Behörde", "organisation")],
        ),
        "de",
    )
    link_late_sources(analysis)
    assert [st.source_chain for st in analysis.statements] == [0, 0]
    text = "Об этом сообщила ФСБ России. В ведомстве добавили, что задержаны восемь человек."
    analysis = _in_language(
        _analysis(text, [("ФСБ России", "ORG")], [("ФСБ России", "organisation"), ("В ведомстве", "organisation")]), "ru"
    )
    link_late_sources(analysis)
    assert [st.source_chain for st in analysis.statements] == [0, 0]


def test_people_or_a_plural_named_by_their_kind_are_not_the_body_speaking_before():
    """ "Оккупанты утверждают" (plural) and "Омбудсмен заявил" (a person) do not go on from the FSB; nor does an English
    description, which sources.py resolves."""
    for source in ("Оккупанты", "Омбудсмен"):
        text = f"Об этом сообщила ФСБ России. {source} утверждают, что это неправда."
        analysis = _in_language(
            _analysis(text, [("ФСБ России", "ORG")], [("ФСБ России", "organisation"), (source, "organisation")]), "ru"
        )
        link_late_sources(analysis)
        assert analysis.statements[1].source_chain is None, source
    text = "The FSB said so. The agency added that eight were held."
    analysis = _analysis(text, [("FSB", "ORG")], [("FSB", "organisation"), ("The agency", "organisation")])
    link_late_sources(analysis)
    assert analysis.statements[1].source_chain is None
