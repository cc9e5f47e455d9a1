"""Attributed statements: who says what, how sure, according to whom."""

from __future__ import annotations

import hashlib

import pytest

from conftest import SEED
from factfile.errors import FactfileError
from factfile.extract import Extractor
from factfile.extract.statements.boundaries import close_quote, one_stretch
from factfile.extract.statements.framing import framing_of, presented
from factfile.extract.statements.polnear import parse_ann
from factfile.extract.statements.relations import Attribution
from factfile.extract.statements.rules import completed, subject_sources
from factfile.extract.statements.tagger import TaggedSpan
from factfile.ingest import read_items, to_article
from factfile.records import Article

# (who the article credits, words of what it credits them with)
SEED_ATTRIBUTIONS = [
    ("UNIAN", "was formed in February 2022"),
    ("Radio Free Europe/Radio Liberty", "the number of members had risen to 4,000"),
    ("New York Times", "integral part of Ukraine’s territorial defense"),
    ("Metro", "symbol of resistance"),
    ("Meduza", "would never work with"),
    ("FSB", "raided a Russian village"),
    ("Robert Claus", "key figure among right-wing extremists"),
    ("Denis Nikitin", "protect Ukrainians from real fascists"),  # "as he put it in the Financial Times"
    ("Caesar", "I couldn’t just watch"),
]


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


@pytest.fixture(scope="module")
def seed(extractor):
    (item,) = read_items([str(SEED)])
    return extractor(to_article(item))


def analyse(extractor, text: str):
    return extractor(Article(origin="test", text=text, content_hash=hashlib.sha256(text.encode()).hexdigest(), language="en"))


def who(analysis, statement) -> str:
    """The resolved actor's name, else the source as worded."""
    if statement.source_chain is not None:
        return analysis.chains[statement.source_chain].name
    return statement.source.text if statement.source else ""


def _saying(analysis, words: str):
    """The first statement whose content holds `words`."""
    return next(st for st in analysis.statements if words in st.content.text)


@pytest.mark.parametrize(("source", "words"), SEED_ATTRIBUTIONS)
def test_seed_article_attributions_have_the_right_source(seed, source, words):
    found = [st for st in seed.statements if st.cue is not None and words in st.content.text]
    assert found, f"no attribution of {words!r}"
    sources = [(who(seed, st), st.source.text if st.source else None) for st in found]
    assert any(source in name or (worded and source in worded) for name, worded in sources), sources


NOT_STATEMENTS = ("His children cried", "we know about the two groups", "Not much is known about")


@pytest.fixture(scope="module", params=["crf", "encoder"])
def seed_by_tagger(request):
    """The seed article analysed with each attribution tagger."""
    if request.param == "encoder":
        pytest.importorskip("transformers")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FACTFILE_ATTRIBUTIONS", request.param)
        extractor = Extractor()
    (item,) = read_items([str(SEED)])
    return extractor(to_article(item))


@pytest.mark.parametrize("words", NOT_STATEMENTS)
def test_seed_narration_is_no_ones_statement(seed_by_tagger, words):
    """PolNeAR's scheme counts these as attributions; they are the writer's own narration."""
    start = seed_by_tagger.article.text.index(words)
    end = start + len(words)
    attributed = [
        (st.cue.text, st.content.text)
        for st in seed_by_tagger.statements
        if st.cue is not None and any(span.start < end and start < span.end for span in (st.cue, st.content))
    ]
    assert not attributed


def test_seed_spokesmans_quote_is_the_spokesmans(seed_by_tagger):
    (statement,) = [st for st in seed_by_tagger.statements if st.cue and "not just my job" in st.content.text]
    assert statement.source is not None
    assert statement.source.text in ("A soldier nicknamed Caesar", "Caesar", "A soldier nicknamed Caesar – the unit’s spokesman")


def test_a_participle_cue_takes_the_subject_of_the_verb_it_hangs_from(extractor):
    doc = extractor.nlp("The senator voted against the bill, arguing that it would raise taxes.")
    arguing = next(t.i for t in doc if t.text == "arguing")
    attribution = Attribution(cue=TaggedSpan("cue", arguing, arguing + 1), contents=[TaggedSpan("content", arguing + 1, len(doc) - 1)])
    subject_sources(doc, [attribution])
    assert [doc[s.start : s.end].text for s in attribution.sources] == ["The senator"]

    doc = extractor.nlp("He said the plan would fail, adding that it cost too much.")
    said, adding = (next(t.i for t in doc if t.text == word) for word in ("said", "adding"))
    first = Attribution(cue=TaggedSpan("cue", said, said + 1), sources=[TaggedSpan("source", 0, 1)], contents=[TaggedSpan("content", said + 1, adding - 1)])
    second = Attribution(cue=TaggedSpan("cue", adding, adding + 1), contents=[TaggedSpan("content", adding + 1, len(doc) - 1)])
    subject_sources(doc, [first, second])
    assert second.sources == [TaggedSpan("source", 0, 1)]  # one source for both cues, as PolNeAR has it


def test_for_the_encoder_a_pattern_gives_its_cue_and_source_but_keeps_the_tagged_content():
    """Officials said on Monday that the bridge was closed to traffic."""
    from factfile.extract.statements import _beside_patterns

    tagged = Attribution(cue=TaggedSpan("cue", 1, 2), contents=[TaggedSpan("content", 5, 12)])
    pattern = Attribution(cue=TaggedSpan("cue", 1, 2), sources=[TaggedSpan("source", 0, 1)], contents=[TaggedSpan("content", 4, 12)])
    elsewhere = Attribution(cue=TaggedSpan("cue", 7, 8), sources=[TaggedSpan("source", 6, 7)], contents=[TaggedSpan("content", 8, 12)])
    (merged,) = _beside_patterns([tagged], [pattern, elsewhere])
    assert merged.sources == [TaggedSpan("source", 0, 1)] and merged.contents == [TaggedSpan("content", 5, 12)]


def test_seed_financial_times_is_where_nikitin_said_it(seed):
    (statement,) = [st for st in seed.statements if st.cue and "real fascists" in st.content.text]
    assert statement.source.text == "he"
    assert "Financial Times" in statement.cue.text


def test_statements_have_exact_offsets_and_kinds(seed):
    text = seed.article.text
    for st in seed.statements:
        for span in (st.cue, st.content, st.source):
            if span is not None:
                assert text[span.start : span.end] == span.text
        assert (st.source_type == "article") == (st.cue is None)
    kinds = {st.source_type for st in seed.statements}
    assert {"outlet", "person", "article"} <= kinds
    unian = next(st for st in seed.statements if st.source and "UNIAN" in st.source.text)
    assert unian.source_type == "outlet"
    fsb = next(st for st in seed.statements if st.source and "FSB" in st.source.text)
    assert fsb.source_type == "official"


def test_pronoun_and_description_sources_resolve_to_the_named_actor(extractor):
    analysis = analyse(
        extractor,
        "Maria Zakharova spoke in Moscow on Monday. She said the talks had failed.\n\n"
        "Reuters, a news agency, reported the figures. The agency said the numbers were rising.",
    )
    by_content = {st.content.text: st for st in analysis.statements if st.cue}
    she = next(st for text, st in by_content.items() if "talks had failed" in text)
    assert analysis.chains[she.source_chain].name == "Maria Zakharova"
    agency = next(st for text, st in by_content.items() if "numbers were rising" in text)
    assert agency.source_chain is not None and analysis.chains[agency.source_chain].name == "Reuters"
    assert agency.source_type == "outlet"


def test_certainty_hedged_denied_reported_and_the_articles_own_voice(extractor):
    analysis = analyse(
        extractor,
        "The ministry denied that its troops had crossed the border. "
        "Police said the suspect allegedly fired three shots. "
        "John Smith said the bridge was closed. "
        "The river flooded the lower town on Tuesday night.",
    )
    assert _saying(analysis, "troops had crossed").certainty == "denied"
    framed = _saying(analysis, "fired three shots")  # the police sound sure; "allegedly" is the reporter's distance
    assert framed.certainty == "reported" and framed.framing == ["allegedly"] and presented(framed.certainty, framed.framing) == "hedged"
    assert _saying(analysis, "bridge was closed").certainty == "reported"
    own = _saying(analysis, "river flooded")
    assert own.source is None and own.source_type == "article" and own.certainty == "asserted"


def test_a_claim_or_an_accusation_is_the_sources_assertion_framed_by_the_reporter(extractor):
    """The source's certainty is how sure it sounds (eval/realstory/GUIDELINES.md §4): "Peskov claimed", "accused" are
    sure; the verb is the reporter's distance, kept as framing, and the article presents the content hedged."""
    analysis = analyse(
        extractor,
        "Peskov claimed Kyiv was pursuing the goal of depriving Crimea of water. "
        "Vladimir Putin has accused the SBU of carrying out a terrorist attack on the bridge. "
        "Peskov said the talks would go on.",
    )
    claimed, accused, said = _saying(analysis, "depriving Crimea"), _saying(analysis, "terrorist attack"), _saying(analysis, "talks would go on")
    assert (claimed.certainty, claimed.framing) == ("reported", ["claimed"])
    assert (accused.certainty, accused.framing) == ("reported", ["accused"])
    assert (said.certainty, said.framing) == ("reported", [])
    assert [presented(st.certainty, st.framing) for st in (claimed, accused, said)] == ["hedged", "hedged", "reported"]


def test_a_source_that_hedges_stays_hedged_whatever_the_framing():
    assert presented("hedged", []) == "hedged" and presented("denied", ["claimed"]) == "denied"
    assert framing_of("had claimed", "that the dam was allegedly mined") == ["claimed", "allegedly"]
    assert framing_of("said", "the tax treatment of so-called carried interest") == []


def test_no_part_in_it_is_a_denial_and_cannot_say_definitively_a_hedge(extractor):
    """"Russia was not involved" rejects the accusation (eval/realstory/GUIDELINES.md §4 labels it denied); a source
    that cannot say what happened, or sees nothing indicating it, is unsure."""
    analysis = analyse(
        extractor,
        "Putin's spokesman says that Russia was not involved in the dam's destruction. "
        "Kirby said the United States cannot say definitively what caused the collapse. "
        "Ryder said nothing indicates that a missile hit the plane.",
    )
    assert _saying(analysis, "not involved").certainty == "denied"
    assert _saying(analysis, "what caused the collapse").certainty == "hedged"
    assert _saying(analysis, "missile hit the plane").certainty == "hedged"


def test_preliminary_findings_and_a_suggestion_are_hedged(extractor):
    """"suggested that" keeps the content at a distance (eval/certainty/GUIDELINES.md); "preliminary" findings are
    unconfirmed ("according to preliminary information", eval/realstory GUIDELINES §4)."""
    analysis = analyse(
        extractor,
        "The SBU suggested earlier on Monday that it was behind the explosion. "
        "The ministry said that preliminary findings showed all passengers were killed.",
    )
    assert _saying(analysis, "behind the explosion").certainty == "hedged"
    assert _saying(analysis, "all passengers").certainty == "hedged"
    proposed = analyse(extractor, "The senator suggested looking at the card statement. He did not suggest retaliation.")
    assert all(st.certainty == "reported" for st in proposed.statements if st.cue is not None and "suggest" in st.cue.text)


def test_nested_attribution_points_to_its_parent(extractor):
    analysis = analyse(extractor, "The senator said that the governor claimed the budget was balanced.")
    outer = next(i for i, st in enumerate(analysis.statements) if st.source and st.source.text == "The senator")
    inner = next(st for st in analysis.statements if st.parent == outer)
    assert inner.source.text == "the governor" and "budget was balanced" in inner.content.text


def test_statements_command_and_dossier_sections(cli):
    assert cli("ingest", SEED).exit_code == 0
    listed = cli("statements", "--source", "UNIAN")
    assert listed.exit_code == 0, listed.stderr
    out = " ".join(listed.stdout.split())
    assert "UNIAN" in out and "was formed in February 2022" in out and "outlet" in out
    heads = [line for line in cli("statements", "--certainty", "hedged").stdout.splitlines() if line.startswith("  • ")]
    assert heads and all(line.startswith("  • [hedged") for line in heads)
    about = " ".join(cli("statements", "--actor", "Denis Nikitin").stdout.split())
    assert "FSB" in about
    assert cli("statements", "--certainty", "sure").exit_code != 0
    assert cli("statements", "--source", "Nobody Whatsoever").exit_code == 1
    dossier = " ".join(cli("show", "Denis Nikitin").stdout.split())
    assert "What it said" in dossier and "real fascists" in dossier
    fsb = " ".join(cli("statements", "--source", "FSB").stdout.split())
    assert "[reported; framed: allegedly]" in fsb and "raided a Russian village" in fsb
    framed = [line for line in cli("statements", "--framed").stdout.splitlines() if line.startswith("  • ")]
    assert framed and all("framed: " in line for line in framed)
    unframed = " ".join(cli("statements", "--unframed", "--limit", "500").stdout.split())
    assert "framed: " not in unframed and "was formed in February 2022" in unframed
    assert "What others said about it" in dossier and "raided a Russian village" in dossier


def test_polnear_reader_names_the_file_and_the_problem(tmp_path):
    bad = tmp_path / "a_x.ann"
    bad.write_text("T1\tCue 5 x\tsaid\n", encoding="utf-8")
    with pytest.raises(FactfileError, match=r"a_x\.ann:1: bad offsets"):
        parse_ann(bad, 100)
    bad.write_text("T1\tCue 5 500\tsaid\n", encoding="utf-8")
    with pytest.raises(FactfileError, match="outside the text"):
        parse_ann(bad, 100)


def test_quoted_content_runs_through_its_closing_mark(extractor):
    doc = extractor.nlp("“We will win,” she said.")
    content = close_quote(doc, TaggedSpan("content", 0, 4), taken=set())
    assert doc[content.start : content.end].text == "“We will win,”"


def test_content_fragments_join_only_across_their_own_cue_and_source(extractor):
    doc = extractor.nlp("“We will win,” she said, “and soon.” The vote is on Sunday.")
    said = 7  # “ We will win , ” she said , “ and soon . ” The vote is on Sunday .
    attribution = Attribution(
        cue=TaggedSpan("cue", said, said + 1),
        sources=[TaggedSpan("source", said - 1, said)],
        contents=[TaggedSpan("content", 0, 6), TaggedSpan("content", 9, 14), TaggedSpan("content", 15, 19)],
    )
    kept = [doc[s.start : s.end].text for s in one_stretch(doc, attribution)]
    assert kept == ["“We will win,”", "“and soon.”"]


def test_a_cue_without_content_is_completed_from_the_parse(extractor):
    doc = extractor.nlp("Crops are withering in the islands, he noted.")
    noted = next(t.i for t in doc if t.text == "noted")
    attribution = completed(doc, Attribution(cue=TaggedSpan("cue", noted, noted + 1)))
    assert attribution is not None
    assert doc[attribution.contents[0].start : attribution.contents[0].end].text == "Crops are withering in the islands"
    assert doc[attribution.sources[0].start : attribution.sources[0].end].text == "he"


def test_attribution_features_read_the_parse_as_tokens_do(extractor):
    """The tagger's columns come from one Doc.to_array call; they must say what spaCy's Token objects say."""
    from factfile.extract.statements.features import _Columns, featurised, quote_depths, sequences

    text = (
        "Ukraine’s military intelligence said the Legion crossed the border.\n\n"
        "“We are here,” Denis Kapustin told reporters in Belgorod, adding: \"We will stay.\"\n"
        "The FSB allegedly killed 70 fighters, according to Russian officials."
    )
    doc = extractor.nlp(text)
    columns = _Columns(doc)
    tokens = list(doc)
    assert columns.text == [t.text for t in tokens]
    assert columns.lemma == [t.lemma_.lower() for t in tokens]
    assert columns.pos == [t.pos_ for t in tokens] and columns.tag == [t.tag_ for t in tokens]
    assert columns.dep == [t.dep_ for t in tokens] and columns.head == [t.head.i for t in tokens]
    assert columns.ent == [t.ent_iob_ + t.ent_type_ if t.ent_type_ else "O" for t in tokens]
    assert columns.bounds == ([str(int(t.is_sent_start)) for t in tokens], [str(int(t.is_sent_end)) for t in tokens])
    assert [range(s.start, s.end) for s in doc.sents] == columns.sentences()
    assert any(e != "O" for e in columns.ent) and len(columns.sentences()) == 4
    paragraphs = [[t.i for t in s] for s in sequences(doc)]
    assert [indexes for indexes, _ in featurised(doc, {"say": 0.9, "tell": 0.8})] == paragraphs
    assert len(paragraphs) == 3 and all(not doc[i].is_space for indexes in paragraphs for i in indexes)
    inside = [t.text for t, q in zip(tokens, quote_depths(doc), strict=True) if q]
    assert inside[:5] == ["“", "We", "are", "here", ","] and inside[-3:] == ["stay", ".", '"']


def test_a_source_qualified_by_another_actor_is_not_that_actor(extractor):
    """eval/realstory (Kakhovka): the South command's words went to the Armed Forces it belongs to."""
    analysis = analyse(extractor, "The South command of Ukraine's Armed Forces said that the dam was blown up.")
    (statement,) = [s for s in analysis.statements if "dam" in s.content.text]
    resolved = analysis.chains[statement.source_chain].name if statement.source_chain is not None else None
    assert resolved is None or "command" in resolved.casefold()


def test_a_negated_cue_reports_a_negative_unless_it_is_one_of_belief(extractor):
    analysis = analyse(
        extractor,
        "The ministry did not say when the troops would leave. "
        "Smith does not believe that the dam was shelled.",
    )
    assert _saying(analysis, "troops would leave").certainty == "reported"
    assert _saying(analysis, "dam was shelled").certainty == "denied"


def source_of(analysis, words: str) -> str | None:
    (statement,) = [st for st in analysis.statements if st.cue is not None and words in st.content.text]
    return analysis.chains[statement.source_chain].name if statement.source_chain is not None else None


def test_a_pronoun_continues_the_last_speaker_not_the_nearest_name(extractor):
    """eval/realstory (Kakhovka): Danilov answers Peskov, then "he said" is Danilov, not Peskov named last."""
    analysis = analyse(
        extractor,
        "Ukraine's security council secretary Oleksiy Danilov said on Tuesday that Dmitry Peskov was lying. "
        "He said that Russian troops planted explosives in the dam last autumn.",
    )
    assert source_of(analysis, "planted explosives") == "Oleksiy Danilov"


def test_a_quoted_we_is_the_speaker_named_outside_the_quotation(extractor):
    """eval/realstory (Kakhovka): "“We can confirm ...,” Kremlin spokesman Dmitry Peskov said" is Peskov's."""
    analysis = analyse(
        extractor,
        "The dam was destroyed overnight. \"We can confirm that this was a deliberate act of sabotage on the part of Ukraine,\" "
        "Kremlin spokesman Dmitry Peskov said at a press briefing.",
    )
    assert "Peskov" in (source_of(analysis, "deliberate act of sabotage") or "")


def test_a_possessive_description_is_not_its_possessor(extractor):
    """"Putin's spokesman says" is the spokesman named before (Peskov), never Putin."""
    analysis = analyse(
        extractor,
        "Dmitry Peskov spoke to reporters in Moscow on Tuesday about the dam and the flooding. "
        "Vladimir Putin was not at the briefing. Putin's spokesman says that Russia was not involved in the dam's destruction.",
    )
    assert "Peskov" in (source_of(analysis, "not involved") or "")


def test_a_surname_the_parser_missed_is_the_person_named_in_full(extractor):
    analysis = analyse(
        extractor,
        "Oleksiy Danilov spoke on the national telethon on Wednesday. "
        "Danilov reminded that since March last year the plant has been completely under Russian control.",
    )
    statement = next(st for st in analysis.statements if st.cue is not None and "Russian control" in st.content.text)
    assert statement.source is not None and statement.source.text == "Danilov"
    assert source_of(analysis, "Russian control") == "Oleksiy Danilov"


# eval/realstory kakhovka-011 (TASS), up to the sentence in question
TASS_PESKOV = (
    'MOSCOW, June 6. /TASS/. Ukraine has committed sabotage at the Kakhovka Hydroelectric Power Plant (HP'
    'P), and this could have grave consequences for the region’s residents as well as the environment, Kr'
    'emlin Spokesman Dmitry Peskov said.\n"The president receives reports through the Defense Ministry and'
    ' other services on what is happening around the Kakhovka HPP. Here we can already say unequivocally '
    'that this is deliberate sabotage by the Ukrainian side," the Kremlin spokesman told reporters.\nAccor'
    'ding to Peskov, "this sabotage has the potential to cause very serious consequences for tens of thou'
    'sands of the region’s residents, environmental consequences and consequences of another nature that '
    'are yet to be established."\nThe Kremlin spokesman also called it unmistakable that one of the goals '
    'of this act of sabotage was to deprive Crimea of water.'
)


def test_a_title_tagged_as_a_name_is_the_person_who_holds_it(extractor):
    """"The Kremlin spokesman" was an actor of its own (a name by the parser's tags), not Peskov."""
    analysis = analyse(extractor, TASS_PESKOV)
    assert source_of(analysis, "deprive Crimea") == "Dmitry Peskov"
    assert source_of(analysis, "deliberate sabotage") == "Dmitry Peskov"  # "we" in the spokesman's quotation


def test_a_title_before_a_person_at_the_end_of_the_source_is_that_person(extractor):
    """eval/realstory kakhovka-014: the parse made "Ukraine" the head of this source, and the statement Ukraine's."""
    analysis = analyse(
        extractor,
        "Peskov says the Kakhovka dam destruction is a provocation by Ukraine.\n"
        "Putin's spokesman says that Russia was not involved in the dam’s destruction.\n"
        "Ukraine’s NSDC Secretary Oleksiy Danilov addressed Peskov accusations on the United News telethon.",
    )
    (statement,) = [st for st in analysis.statements if st.source is not None and "Danilov" in st.source.text]
    assert analysis.chains[statement.source_chain].name == "Oleksiy Danilov"


def test_a_cue_without_a_tagged_source_takes_the_subject_it_hangs_from(extractor):
    """eval/realstory (Wagner, AP): "vowed" hangs from "called", whose subject is Putin; a cue participle
    qualifying "Prigozhin's comments" is Prigozhin's."""
    analysis = analyse(
        extractor,
        "Russian President Vladimir Putin had called the armed rebellion by the Wagner chief a betrayal and vowed to punish its leaders.",
    )
    assert source_of(analysis, "punish its leaders") == "Vladimir Putin"
    analysis = analyse(
        extractor,
        "Following Wagner boss Yevgeny Prigozhin's comments calling the Russian military leadership evil and vowing to seek revenge, "
        "Moscow strengthened security measures in the capital.",
    )
    (statement,) = [st for st in analysis.statements if st.cue is not None and "military leadership evil" in st.content.text]
    assert statement.source.text == "Wagner boss Yevgeny Prigozhin"
    assert analysis.chains[statement.source_chain].name == "Yevgeny Prigozhin"


def test_a_quotation_over_two_sentences_is_the_speakers_not_the_articles(extractor):
    """eval/realstory (Kakhovka, Wagner): the cue after “A. B.” attributes A as well, with A's own hedges."""
    analysis = analyse(extractor,
        "“Apparently, this sabotage is connected with the offensive. These offensive actions are failing,” "
        "Kremlin spokesman Dmitry Peskov said on Tuesday.")
    first = _saying(analysis, "this sabotage")
    assert first.source_type != "article" and analysis.chains[first.source_chain].name == "Dmitry Peskov"
    assert first.certainty == "hedged" and first.direct
    analysis = analyse(extractor,
        '"We can confirm that this was a deliberate act of sabotage," Kremlin spokesman Dmitry Peskov said at a briefing. '
        '"And one of their aims was to cut off the water supply to Crimea."')
    second = _saying(analysis, "their aims")
    assert analysis.chains[second.source_chain].name == "Dmitry Peskov"


def test_quotations_are_found_per_paragraph_with_nested_and_straight_marks():
    from factfile.extract.statements.continued import quotations

    text = '«Ему «Вагнер» безразличен. Они убивают», — сказал он.\n"Часть из "Вагнера" подпишет". „Das ist“ gut, “we are here'
    assert [q.text for q in quotations(text)] == [
        "«Ему «Вагнер» безразличен. Они убивают»", '"Часть из "Вагнера" подпишет"', "„Das ist“", "“we are here"]


def test_a_quoted_it_can_be_said_is_the_quotations_speaker(extractor):
    """eval/realstory (Kakhovka): “It can be said unequivocally that ...,” Peskov said — Peskov's, not "It"'s."""
    analysis = analyse(extractor,
        "Kremlin spokesman Dmitry Peskov spoke on Tuesday. “It can be said unequivocally that we are talking about "
        "deliberate sabotage from the Ukrainian side,” Peskov said during the daily press conference.")
    statement = _saying(analysis, "deliberate sabotage")
    assert analysis.chains[statement.source_chain].name == "Dmitry Peskov"


def test_a_content_that_rejects_is_a_denial(extractor):
    """eval/realstory (Kakhovka): 'Peskov said that “we categorically reject it.”' denies the accusation."""
    analysis = analyse(extractor, "Responding to the accusation, Kremlin spokesman Dmitry Peskov said that “we categorically reject it.”")
    statement = _saying(analysis, "reject")
    assert statement.certainty == "denied"


def test_the_one_quoted_or_cited_is_the_source_of_what_the_outlet_passes_on(extractor):
    """eval/realstory (Wagner): "..., Reuters reported, citing the Interior Ministry" — the ministry says it too."""
    analysis = analyse(extractor, "The ministry has ordered an evacuation, Reuters reported, citing the Interior Ministry.")
    cited = next(st for st in analysis.statements if st.cue is not None and st.cue.text == "citing")
    assert cited.source.text == "the Interior Ministry" and analysis.chains[cited.source_chain].name == "Interior Ministry"
    assert cited.content.text == "The ministry has ordered an evacuation"
    analysis = analyse(extractor, "“Prigozhin accepted the proposal,” Rossiya 24 said, quoting Lukashenko’s press service.")
    quoting = next(st for st in analysis.statements if st.cue is not None and st.cue.text == "quoting")
    assert quoting.source.text == "Lukashenko’s press service" and "accepted the proposal" in quoting.content.text
    assert quoting.source_chain is None or analysis.chains[quoting.source_chain].name != "Rossiya 24"


def test_a_relative_pronoun_and_an_untagged_name_ending_the_source(extractor):
    """eval/realstory (Kerch, Wagner en): "..., who also stated that ..." is the one the clause is about; a source that ends
    with a person the article tags elsewhere ("the head of the Group, Yevgeny Prigozhin,") is that person."""
    analysis = analyse(
        extractor,
        "Investigators questioned the driver. This was corroborated by Alexander Bastrykin, who also stated that people of "
        "other countries had helped the attackers.",
    )
    (stated,) = [st for st in analysis.statements if st.cue and "helped the attackers" in st.content.text]
    assert who(analysis, stated) == "Alexander Bastrykin"
    analysis = analyse(
        extractor,
        "“We are turning our columns around and going back to field camps,” Yevgeny Prigozhin announced after vowing to "
        "march on Moscow. Yevgeny Prigozhin later left Rostov.",
    )
    (announced,) = [st for st in analysis.statements if st.cue and "columns" in st.content.text]
    assert who(analysis, announced) == "Yevgeny Prigozhin"


def test_a_speaker_in_apposition_before_the_verb_is_the_source(extractor):
    """eval/realstory (Wagner en): the parser hangs ", the head of the Group, Yevgeny Prigozhin," from the reported
    clause and leaves "said" without a subject; the statement was the article's, with no source."""
    text = "Wagner Group shot down a helicopter of the Russian army, which opened fire, the head of the Group, Yevgeny Prigozhin, said."
    analysis = analyse(extractor, text)
    (statement,) = [st for st in analysis.statements if st.cue is not None]
    assert who(analysis, statement) == "Yevgeny Prigozhin"
    assert statement.content.text == "Wagner Group shot down a helicopter of the Russian army, which opened fire"


def test_an_untagged_name_qualified_by_a_country_is_not_the_country(extractor):
    """eval/realstory (Kerch): "Russia's Anti-Terrorist Committee said" went to Russia, so a state collected the words
    of every body named after it. The committee is never Russia: where no mention covers it, it has no actor (no
    earlier one either); where its full name is read as a body ("... Committee of Russia"), it is that body."""
    analysis = analyse(
        extractor,
        "Ukraine attacked the Crimean bridge overnight using drones, Russia's Anti-Terrorist Committee said on Monday. "
        "The Anti-Terrorist Committee of Russia said on Monday that two people were killed.",
    )
    assert source_of(analysis, "using drones") is None
    assert source_of(analysis, "two people") in (None, "Anti-Terrorist Committee of Russia")


def test_a_dateline_is_no_part_of_the_source(extractor):
    """"MOSCOW, June 24, 2023 (AFP) – The mayor of Moscow said": the dateline's city made Russia the sayer; the
    sayer is the person known by the office (extract/chains.py), not the city or its state."""
    analysis = analyse(extractor, "MOSCOW, June 24, 2023 (AFP) – The mayor of Moscow said on Saturday that anti-terror measures were taken.")
    (statement,) = [st for st in analysis.statements if st.cue is not None]
    assert statement.source.text == "The mayor of Moscow"
    assert source_of(analysis, "anti-terror") == "mayor of Moscow"


def test_a_name_inside_a_clause_on_the_source_is_not_the_source(extractor):
    """eval/realstory (Wagner): "The owner of the Wagner private military contractor who is calling for an armed
    rebellion to remove Russia's defence minister ..." is not the defence minister speaking."""
    analysis = analyse(
        extractor,
        "The owner of Wagner, who wants to remove the defence minister Sergei Shoigu, said that his troops reached Rostov.",
    )
    assert "Shoigu" not in (source_of(analysis, "reached Rostov") or "")


# eval/realstory kakhovka-040 (un.org): its headline and the paragraph in question
UN_ENVOY = (
    "With Kherson Dam’s Destruction, Plight of Ukraine’s People Will Only Get Worse, Emergency Relief Coordinator Warns "
    "Security Council, un.org\n\nThe destruction of the Kakhovka Hydroelectric Power Plant dam in Kherson will have grave "
    "consequences for thousands of people in southern Ukraine, the United Nations Emergency Relief Coordinator warned the "
    "Security Council today.\n\nAddressing the West directly, the Russian Federation’s representative said that “hiding behind "
    "the dysfunctional Kyiv regime will not work”, as Moscow “understand[s] perfectly well who actually plans, prepares and "
    "authorizes sabotage of this magnitude”.  It was Kyiv — with a sense of complete impunity and the encouragement of Western "
    "curators — who committed an unthinkable crime to inflict maximum humanitarian damage, he asserted."
)


def test_a_common_noun_or_a_city_tagged_as_a_person_is_no_ones_antecedent(extractor):
    """The parser tagged the headline's "Destruction" and "Kyiv" as people: "he" and "the representative" were them."""
    analysis = analyse(extractor, UN_ENVOY)
    assert source_of(analysis, "hiding behind") not in ("Destruction", "Kyiv")
    assert source_of(analysis, "unthinkable crime") not in ("Destruction", "Kyiv")


def test_was_quoted_as_saying_is_the_quoted_ones_statement(extractor):
    """eval/realstory (Kerch, AP): "“...,” the committee was quoted as saying." was the article's own sentence."""
    analysis = analyse(
        extractor,
        "“Today at 6:07 a.m. a car bomb exploded, setting fire to seven oil tankers,” the committee was quoted as saying.",
    )
    (statement,) = [st for st in analysis.statements if st.cue is not None]
    assert statement.source.text == "the committee" and statement.cue.text == "was quoted as saying"
    assert "car bomb exploded" in statement.content.text


# eval/realstory kerch-125, from the sentence before "Debris"
KERCH_GOVERNOR = (
    "The video appeared to show that a section of road had split and was sloping towards the sea. Debris was scattered "
    "across the road surface.\n\nRussia said two people had been killed and one person wounded in the attack, which it "
    "blamed on Ukrainian special services.\n\nThe Russian backed governor of Crimea was quoted as saying that the bridge "
    "had been attacked by what he called Ukraine’s “terrorist regime.\" The railway part of the bridge was not damaged, "
    "he said, adding that the peninsula “is not isolated.\""
)


def test_a_frequent_word_capitalised_only_opening_a_sentence_is_no_person(extractor):
    """"Debris was scattered": the parser's "person" became the governor and "he"."""
    analysis = analyse(extractor, KERCH_GOVERNOR)
    assert source_of(analysis, "railway part") != "Debris"


def test_a_committee_refers_back_to_an_organisation_not_a_place(extractor):
    """eval/realstory (Kerch, AP): "the committee was quoted as saying" went to Crimea, the place named before."""
    analysis = analyse(extractor, "Crimea's bridge was hit on Saturday. “A car bomb exploded on the bridge,” the committee was quoted as saying.")
    assert source_of(analysis, "car bomb") != "Crimea"


def test_a_quotation_running_over_sentences_is_one_turn_for_the_pronoun_after_it(extractor):
    """eval/realstory (Wagner): the quotation's sentences after "said Mr Prigozhin" are his turn, so "he" after them
    is still Prigozhin, not Shoigu, named last."""
    analysis = analyse(
        extractor,
        "Mr Prigozhin, who has called for a rebellion to oust defence minister Sergei Shoigu, said his forces faced no resistance.\n\n"
        "Russian defence minister Sergei Shoigu, right (AP)\n\n"
        "“We will destroy anyone who stands in our way,” said Mr Prigozhin in one of several posts on Friday. "
        "“We are moving forward and will go until the end.\n\n“This is not a military coup but a march of justice.\n\n"
        "“The evil embodied by the country’s military leadership must be stopped,”\n\n"
        "Accusing Mr Shoigu of ordering a rocket strike on Wagner’s field camps in Ukraine he urged the army not to offer resistance.",
    )
    assert "Prigozhin" in (source_of(analysis, "not to offer resistance") or "")


def test_a_title_tagged_as_a_name_is_the_person_given_that_title_after_a_comma(extractor):
    """eval/realstory (Kakhovka): "the United Nations Emergency Relief Coordinator warned" is Martin Griffiths, whom
    the article names later as "Martin Griffiths, Under-Secretary-General ... and Emergency Relief Coordinator"."""
    analysis = analyse(
        extractor,
        "The destruction of the dam in Kherson will have grave consequences for thousands of people in southern Ukraine, "
        "the United Nations Emergency Relief Coordinator warned the Security Council today.\n\n"
        "Martin Griffiths, Under-Secretary-General for Humanitarian Affairs and Emergency Relief Coordinator — stressing "
        "that needs are expected to rise — said the plight of the people in Ukraine is worse.",
    )
    assert source_of(analysis, "grave consequences") == "Martin Griffiths"


def test_a_group_description_is_no_nationality_named_before(extractor):
    """eval/realstory (Kerch): "the committee was quoted as saying" after a quotation naming the "Crimean" bridge is
    not "Crimean": a committee, agency or ministry is an organisation, never a nationality."""
    analysis = analyse(
        extractor,
        "A huge fire that broke out Saturday on a key road and rail bridge linking Crimea to Russia was caused by a car bomb, "
        "reports citing Russia’s national anti-terrorism committee said Saturday.\n"
        "“Today at 6:07 a.m. on the road traffic side of the Crimean bridge … a car bomb exploded, setting fire to seven oil "
        "tankers being carried by rail to Crimea,” the committee was quoted as saying.",
    )
    assert source_of(analysis, "a car bomb exploded") != "Crimean"


def test_according_to_unnamed_information_inside_what_a_named_speaker_says_is_the_speakers(extractor):
    """eval/realstory (Wagner): "..., according to preliminary information, the ministry said" is the ministry's, hedged;
    a named according-to source stays the source."""
    analysis = analyse(extractor, "All on board were killed, according to preliminary information, the ministry said.")
    (statement,) = [st for st in analysis.statements if st.cue is not None]
    assert (statement.cue.text, statement.source.text, statement.certainty) == ("said", "the ministry", "hedged")
    analysis = analyse(extractor, "All on board were killed, according to the ministry.")
    (statement,) = [st for st in analysis.statements if st.cue is not None]
    assert (statement.cue.text, statement.source.text) == ("according to", "the ministry")


def test_the_owner_of_a_cue_noun_the_parser_hangs_elsewhere_is_its_source(extractor):
    """eval/realstory (Wagner): "confirmation of Mr Prigozhin’s claim his forces ..." is Prigozhin's claim."""
    analysis = analyse(extractor, "There has been no independent confirmation of Mr Prigozhin’s claim his forces shot down a "
                                  "Russian military helicopter that fired on a civilian convoy.")
    assert source_of(analysis, "shot down a Russian military helicopter") == "Prigozhin"


def test_a_speaker_after_a_quotation_parsed_as_the_sentences_root(extractor):
    """eval/realstory (Kakhovka): in "“...,” Vladimir Putin’s press secretary assured." the parser makes "assured" a
    modifier of "secretary"; the secretary is the speaker, found as the spokesman named before."""
    analysis = analyse(
        extractor,
        "Kremlin spokesman Dmitry Peskov spoke on Tuesday. “These offensive actions are failing,” Vladimir Putin’s press secretary assured.",
    )
    assert source_of(analysis, "offensive actions are failing") == "Dmitry Peskov"


def test_blame_is_an_accusation_by_its_subject(extractor):
    """eval/realstory (Kerch): "Moscow has blamed Ukraine for striking the bridge" is Russia's claim, the accused and
    what of its content."""
    analysis = analyse(extractor, "Moscow has blamed Ukraine for striking the bridge.")
    (statement,) = [st for st in analysis.statements if st.cue is not None]
    assert (who(analysis, statement), statement.cue.text, statement.content.text) == ("Russia", "has blamed", "Ukraine for striking the bridge")


def test_a_lead_names_the_holder_of_a_role_after_it_but_not_when_someone_was_named_before(extractor):
    """eval/realstory (Wagner): the AP's "The head of the Wagner group says ... The announcement from Yevgeny Prigozhin ..."
    names the head in the next sentence. After another person was named before, the speaker is still Prigozhin, named
    next; the resolver leaves the role unresolved there, which is no error, but Putin, named before, never speaks it."""
    lead = ("The head of the Wagner group says he has ordered his mercenaries to halt their march on Moscow. "
            "The announcement from Yevgeny Prigozhin appeared to defuse an escalating crisis on Saturday.")
    assert source_of(analyse(extractor, lead), "halt their march") == "Yevgeny Prigozhin"
    later = "President Vladimir Putin spoke to the nation on Saturday. " + lead
    assert source_of(analyse(extractor, later), "halt their march") in (None, "Yevgeny Prigozhin")
    own = ("The head of the private military contractor Wagner is calling for an armed rebellion to oust Russia’s defense "
           "minister Sergei Shoigu. Russian security services have ordered the arrest of Yevgeny Prigozhin.")
    assert source_of(analyse(extractor, own), "armed rebellion") == "Yevgeny Prigozhin"  # not whom its own sentence names


def test_a_tagged_content_running_into_a_quotation_another_cue_carries_keeps_its_own_part(extractor):
    """eval/realstory (Kakhovka): the tagger runs "He charged that X" on into the next paragraph's quotation, which a
    pattern gives to "the press secretary assured"; "charged" keeps X rather than being dropped."""
    analysis = analyse(
        extractor,
        "Kremlin spokesman Dmitry Peskov spoke to journalists. He charged that the destruction of the dam was intended to deprive "
        "Crimea of drinking water, which it receives from the reservoir through the Crimean Canal.\n\n“Apparently, this sabotage is "
        "also connected with the fact that the Ukrainian Armed Forces, having launched large-scale offensive operations two days "
        "ago, are not achieving their goals. These offensive actions are failing,” Vladimir Putin’s press secretary assured.",
    )
    assert source_of(analysis, "deprive Crimea of drinking water") == "Dmitry Peskov"
    assert source_of(analysis, "offensive actions are failing") == "Dmitry Peskov"


def test_an_unnamed_source_an_outlet_interviewed_is_the_outlets(extractor):
    """eval/realstory (Kerch): "A senior Ukrainian official interviewed by the New York Times claimed ..." is carried by
    the New York Times; an official with no outlet stays unnamed."""
    analysis = analyse(extractor, "A senior Ukrainian official interviewed by the New York Times claimed that Kiev was behind the explosion.")
    assert source_of(analysis, "Kiev was behind") == "New York Times"
    analysis = analyse(extractor, "A senior Ukrainian official claimed that Kiev was behind the explosion.")
    assert source_of(analysis, "Kiev was behind") is None


@pytest.mark.parametrize(("text", "words", "body"), [
    ("Kyiv blamed Moscow. The Russian defence ministry said the prison housed Ukrainian prisoners of war.",
     "the prison housed", "Russian defence ministry"),
    ("Russia blamed Kyiv. However, Ukraine’s interior ministry stated that the centre was fired upon by the Russians themselves.",
     "fired upon", "Ukraine’s interior ministry"),
])
def test_a_states_body_named_by_a_description_is_a_body_of_its_own_known_only_when_stored(extractor, text, words, body):
    analysis = analyse(extractor, text)
    statement = _saying(analysis, words)
    chain = analysis.chains[statement.source_chain]
    assert chain.name == body  # not the outlet reporting it, nor "Russian" as a nationality


def test_an_unnamed_source_an_outlet_relays_is_the_outlets_and_second_hand(extractor):
    """eval/realstory (Kerch): the guideline labels such a claim "reported" (relayed), factfile's `hedged`."""
    analysis = analyse(
        extractor,
        "The bridge was hit on Monday. A senior Ukrainian official interviewed by the New York Times claimed that Kiev was "
        "behind the explosion.",
    )
    statement = _saying(analysis, "Kiev was behind")
    assert who(analysis, statement) == "New York Times" and statement.certainty == "hedged"


def test_a_body_described_by_its_noun_is_the_one_named_with_that_noun(extractor):
    """eval/realstory (Kramatorsk en): "The ministry added" after "Russia's Defense Ministry said" and "the Ukrainian armed
    forces" is the ministry, not the nearest organisation named."""
    analysis = analyse(
        extractor,
        "Allegations by Kyiv of a deadly Russian rocket attack on the railway station are a provocation, Russia’s Defense Ministry "
        "said in a statement. The ministry added that Tochka-U missiles are used only by the Ukrainian armed forces. The ministry "
        "also said that on March 14, the Ukrainian army struck the center of Donetsk.",
    )
    said = _saying(analysis, "the Ukrainian army struck")
    assert "Ministry" in who(analysis, said)


def test_a_role_ending_in_an_untagged_full_name_or_followed_by_one_is_that_person(extractor):
    """eval/realstory (Kramatorsk en): the parser tagged no name in "Kramatorsk Mayor Oleksandr Goncharenko said" (a first
    name, then a surname); "According to Governor of Donetsk Oblast, Pavlo Kyrylenko, ..." ends its phrase at the comma."""
    analysis = analyse(
        extractor,
        "“There are many people in serious condition, without arms and legs,” Kramatorsk Mayor Oleksandr Goncharenko said.",
    )
    assert who(analysis, _saying(analysis, "serious condition")) == "Oleksandr Goncharenko"
    analysis = analyse(
        extractor,
        "Pavlo Kyrylenko spoke on Friday. According to Governor of Donetsk Oblast, Pavlo Kyrylenko, 98 injured people have been "
        "hospitalised.",
    )
    assert who(analysis, _saying(analysis, "98 injured")) == "Pavlo Kyrylenko"


def test_a_title_ending_in_an_untagged_full_name_is_its_holder_not_the_body_it_names(extractor):
    """eval/realstory (Olenivka en): the parser tagged "UN" in "UN High Commissioner for Human Rights Volker Türk said" but
    not the name; the commissioner speaks, not the UN. "The Red Cross said" stays the body (a common last word)."""
    analysis = analyse(
        extractor,
        "The UN human rights office met on Monday. UN High Commissioner for Human Rights Volker Türk said the deaths must be "
        "investigated.",
    )
    assert who(analysis, _saying(analysis, "the deaths must")) == "Volker Türk"
    analysis = analyse(extractor, "The Red Cross said it had no access to the prisoners.")
    assert who(analysis, _saying(analysis, "no access")) == "Red Cross"


def test_a_unit_of_a_named_body_speaks_for_the_body(extractor):
    """eval/realstory (Olenivka en): "the general staff of the Ukrainian Armed Forces said" was linked to no one; the
    staff speaks for the armed forces. A person in the source keeps its own reading."""
    analysis = analyse(
        extractor,
        "The Ukrainian Armed Forces denied it. On Friday, the general staff of the Ukrainian Armed Forces said Russian forces "
        "had shelled the prison.",
    )
    assert who(analysis, _saying(analysis, "shelled the prison")) == "Ukrainian Armed Forces"
