"""Extraction on the seed article: mentions with clean names, chains, descriptions."""

from __future__ import annotations

import pytest

from conftest import PAGES, SEED
from factfile.extract import Extractor
from factfile.extract.names import clean_name, name_key
from factfile.ingest import read_items, to_article


@pytest.fixture(scope="module")
def seed():
    (item,) = read_items([str(SEED)])
    return Extractor()(to_article(item))


def chain_named(analysis, name):
    return next(c for c in analysis.chains if c.name == name)


def test_offsets_and_sentences(seed):
    text = seed.article.text
    for mention in seed.mentions:
        assert text[mention.span.start:mention.span.end] == mention.span.text
        assert mention.sentence.start <= mention.span.start and mention.span.end <= mention.sentence.end
    assert all(text[s.start:s.end] == s.text for s in seed.sentences)
    assert not any("\n\n" in s.text for s in seed.sentences)


def test_every_mention_lies_inside_its_sentence_on_scraped_pages():
    articles = [to_article(item) for item in read_items([str(p["path"]) for p in PAGES.values()])]
    for analysis in Extractor().pipe(articles):
        for mention in analysis.mentions:
            assert mention.sentence.start <= mention.span.start and mention.span.end <= mention.sentence.end
            assert mention.span.text == mention.span.text.strip()


def test_quoted_names_the_model_misses_are_found(seed):
    corps = chain_named(seed, "Russian Volunteer Corps")
    assert len(corps.mentions) >= 6  # including the lower-case “Russian volunteer corps”
    assert chain_named(seed, "Meduza").label == "ORG"


def test_names_are_cleaned_of_quotes_articles_and_possessives(seed):
    names = {m.span.text for m in seed.mentions}
    assert "Legion of Freedom of Russia" in names
    assert not any(n.startswith(("the ", "“", "«", "’s")) for n in names)


def test_surname_joins_the_full_name_in_the_same_chain(seed):
    nikitin = chain_named(seed, "Denis Nikitin")
    assert nikitin.label == "PERSON" and "Nikitin" in nikitin.aliases
    assert len(nikitin.mentions) >= 8


def test_descriptions(seed):
    described = {(seed.chains[f.subject_chain].name, f.value) for f in seed.facts}
    assert ("Legion of Freedom of Russia", "Russian paramilitary group based in Ukraine") in described
    assert ("UNIAN", "private Ukrainian news agency") in described
    assert ("Robert Claus", "extremism expert") in described


def test_name_helpers():
    assert clean_name("the “Legion of Freedom of Russia”") == "Legion of Freedom of Russia"
    assert clean_name("Russia’s") == "Russia"
    assert name_key("«Meduza»") == name_key("MEDUZA") == "meduza"
    assert name_key("Zelenskyy's") == "zelenskyy"
