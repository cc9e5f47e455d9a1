"""`factfile show`: a real dossier with evidence and source on every line."""

from __future__ import annotations

import re

import pytest

from conftest import BACKENDS, PAGES, SEED

pytestmark = pytest.mark.parametrize("db", BACKENDS, indirect=True)


def test_dossier_of_an_actor_of_the_seed_article(cli):
    assert cli("ingest", SEED, *(p["path"] for p in PAGES.values())).exit_code == 0
    result = cli("show", "Russian Volunteer Corps")
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "Russian Volunteer Corps · organization" in out
    assert "Also known as" in out and "Mentions by document" in out
    assert "credits Watson" in out
    assert "was also said to have been involved in the action" in out


def test_every_fact_line_has_an_evidence_sentence_and_source(cli):
    cli("ingest", SEED)
    result = cli("show", "Legion of Freedom of Russia")
    lines = result.stdout.splitlines()
    joined = " ".join(result.stdout.split())
    assert "Russian paramilitary group based in Ukraine" in joined
    facts = [i for i, line in enumerate(lines) if line.startswith("  • ") and "outlet(s)" in line]
    assert facts
    for i in facts:
        evidence = " ".join(lines[i + 1 : i + 3])
        assert re.search(r"“.+” — document \d+, credits Watson", evidence), evidence


def test_unknown_actor_and_fuzzy_lookup(cli):
    cli("ingest", SEED)
    assert cli("show", "Nobody Whatsoever").exit_code == 1
    fuzzy = cli("show", "Russian Volunteer Corp")
    assert fuzzy.exit_code == 0 and "Russian Volunteer Corps" in fuzzy.stdout


def test_profile_groups_facts_and_lists_conflicting_sizes_with_who_said_them(cli):
    cli("ingest", SEED)
    result = cli("show", "Legion of Freedom of Russia")
    out = " ".join(result.stdout.split())
    assert "Founded • February 2022" in out and "says UNIAN" in out
    assert "Spokesman • Caesar" in out
    assert "terrorist organization (by Russia’s Attorney General)" in out
    conflicts = result.stdout[result.stdout.index("Conflicting values") : result.stdout.index("Mentions by document")]
    for value, source in (("over 100", "UNIAN"), ("4,000", "Radio Free Europe/Radio Liberty"), ("several hundred", "Oleksiy Arestovych")):
        assert re.search(rf"{value} +{source} · document 1, credits Watson · undated · doc 1", conflicts), conflicts


def test_a_copy_does_not_count_as_another_outlet(cli, tmp_path):
    import json

    text = SEED.read_text(encoding="utf-8")
    lines = [
        {"url": "https://www.watson.ch/legion", "date": "2023-05-23", "text": text},
        {"url": "https://copycat.example/legion", "date": "2023-05-24", "text": text + "\n\nRepublished with permission."},
    ]
    feed = tmp_path / "copies.jsonl"
    feed.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines), encoding="utf-8")
    assert cli("ingest", feed).exit_code == 0
    out = " ".join(cli("show", "Legion of Freedom of Russia").stdout.split())
    assert "Russian paramilitary group based in Ukraine (2 mention(s), 1 outlet(s)" in out
