"""The structural check of a labelled real-story set (eval/realstory_check.py) on tiny hand-made sets."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location("realstory_check", Path(__file__).resolve().parents[1] / "eval" / "realstory_check.py")
check = importlib.util.module_from_spec(_SPEC)
sys.modules["realstory_check"] = check
_SPEC.loader.exec_module(check)

PAGES = [
    {"id": "a", "story": "s", "date": "2022-07-29", "text": "Kyiv denied it. Zelensky said Russia did it."},
    {"id": "b", "story": "s", "date": "unknown", "text": "Russia's defence ministry blamed Ukraine."},
]


def gold(**over):
    base = {
        "stories": {"s": {"title": "t", "span": ["2022-07-29", "2022-07-29"]}},
        "copy_families": [{"root": "a", "members": [{"id": "b", "kind": "verbatim"}]}],
        "actors": [{"key": "zelensky", "kind": "person", "names": ["Zelensky"]},
                   {"key": "ukraine", "kind": "government-body", "names": ["Kyiv", "Ukraine"]}],
        "claims": [{"id": "c1", "source": "zelensky", "certainty": "asserted", "evidence": [{"page": "a", "quote": "Zelensky said Russia did it."}]},
                   {"id": "c2", "source": "ukraine", "certainty": "denied", "evidence": [{"page": "a", "quote": "Kyiv denied it."}]}],
        "events": [{"id": "e1", "date": ["2022-07-28", "2022-07-29"], "lat": 47.8, "lon": 37.6, "pages": ["a", "b"]}],
        "contradictions": [{"id": "x1", "subject": "e1", "sides": [{"claims": ["c1"], "sources": ["zelensky"]},
                                                                   {"claims": ["c2"], "sources": ["ukraine"]}]}],
    }
    base.update(over)
    return base


def test_a_clean_set_has_no_problems():
    assert check.problems(PAGES, gold()) == []


def test_a_quote_that_is_not_an_exact_substring_is_reported():
    claims = [{"id": "c1", "source": "zelensky", "certainty": "asserted", "evidence": [{"page": "a", "quote": "Zelensky  said Russia did it."}]},
              gold()["claims"][1]]
    assert check.problems(PAGES, gold(claims=claims)) == ["claim c1: quote not in a: 'Zelensky  said Russia did it.'"]


def test_a_name_form_seen_only_inside_a_longer_word_is_not_seen():
    actors = [{"key": "russia", "kind": "government-body", "names": ["Russ"]}]
    assert check.problems(PAGES, gold(actors=actors, claims=[], contradictions=[])) == ["actor russia: name form 'Russ' is in no page"]


def test_a_page_in_two_families_and_a_lonely_wire_root():
    families = [{"root": "a", "members": [{"id": "b", "kind": "verbatim"}]},
                {"root": "wire:AP/x", "members": [{"id": "b", "kind": "wire"}]}]
    found = check.problems(PAGES, gold(copy_families=families))
    assert "family 1: fewer than two pages" in found
    assert "page b: in families 0 and 1" in found


def test_contradiction_sides_must_name_their_claims_sources():
    contradictions = [{"id": "x1", "subject": "e1", "sides": [{"claims": ["c1"], "sources": ["ukraine"]}, {"claims": ["c9"], "sources": []}]}]
    found = check.problems(PAGES, gold(contradictions=contradictions))
    assert "contradiction x1: claim c9 does not exist" in found
    assert "contradiction x1: sources ['ukraine'] are not those of its claims ['zelensky']" in found


def test_dates_of_events_and_pages():
    assert check.date_ok(["2022-07-28", "2022-07-29"]) and not check.date_ok(["2022-07-29", "2022-07-28"])
    pages = [{**PAGES[0], "date": "2022-07"}, PAGES[1]]
    assert check.problems(pages, gold()) == ["page a: date '2022-07' is neither a day nor 'unknown'"]


def test_an_unreadable_page_line_or_a_missing_gold_is_a_problem_named_by_its_file(tmp_path, monkeypatch, capsys):
    import json

    import pytest

    story = tmp_path / "story"
    story.mkdir()
    (story / "pages.jsonl").write_text("\n".join([json.dumps(PAGES[0]), "{not json", json.dumps(PAGES[1])]), encoding="utf-8")
    (story / "gold.json").write_text(json.dumps(gold()), encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["realstory_check.py", str(story), str(tmp_path / "missing")])
    with pytest.raises(SystemExit) as ended:
        check.main()
    out = capsys.readouterr().out
    assert ended.value.code == 1
    assert f"{story / 'pages.jsonl'}:2: not JSON" in out and "story: 2 pages, 1 problems" in out
    assert f"{tmp_path / 'missing'}: skipped, needs pages.jsonl and gold.json" in out
