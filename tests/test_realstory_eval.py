"""The scoring functions of eval/realstory.py on tiny hand-made inputs with hand-computed answers."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location("realstory", Path(__file__).resolve().parents[1] / "eval" / "realstory.py")
realstory = importlib.util.module_from_spec(_SPEC)
sys.modules["realstory"] = realstory  # dataclasses look their module up
_SPEC.loader.exec_module(realstory)


def test_bcubed_by_hand():
    gold = {"a": "x", "b": "x", "c": "y"}
    predicted = {"a": 1, "b": 2, "c": 2}
    p, r, f = realstory.bcubed(gold, predicted)
    # precision: a 1/1, b 1/2, c 1/2 -> 2/3; recall: a 1/2, b 1/2, c 1/1 -> 2/3
    assert p == pytest.approx(2 / 3)
    assert r == pytest.approx(2 / 3)
    assert f == pytest.approx(2 / 3)


def test_bcubed_one_story_baseline_and_singletons():
    gold = {"a": "x", "b": "x", "c": "y", "d": "y"}
    p, r, _ = realstory.bcubed(gold, dict.fromkeys(gold, "one"))
    assert (p, r) == (pytest.approx(0.5), 1.0)
    p, r, _ = realstory.bcubed(gold, {})  # nothing predicted: every item alone
    assert (p, r) == (1.0, pytest.approx(0.5))


def test_bcubed_over_some_items_only():
    gold = {"a": "x", "b": "x", "c": "y"}
    predicted = {"a": 1, "b": 2, "c": 2}
    # over b and c only, clusters still hold a: precision b 1/2, c 1/2; recall b 1/2, c 1/1
    p, r, _ = realstory.bcubed_over(gold, predicted, ["b", "c"])
    assert (p, r) == (pytest.approx(0.5), pytest.approx(0.75))
    assert realstory.bcubed_over(gold, predicted, ["a", "b", "c"]) == realstory.bcubed(gold, predicted)


def test_pair_scores_by_hand():
    gold = {frozenset("ab"), frozenset("ac"), frozenset("bc")}
    predicted = {frozenset("ab"), frozenset("cd")}
    p, r, f = realstory.pair_scores(gold, predicted)
    assert p == pytest.approx(0.5)
    assert r == pytest.approx(1 / 3)
    assert f == pytest.approx(0.4)
    assert realstory.pair_scores(gold, set())[1] == 0.0  # the no-copy baseline


def test_copy_links_through_a_shared_original():
    links = {"a": None, "b": "a", "c": "b", "d": None, "e": "e"}  # c copies b copies a; e points at itself
    assert realstory.linked_pairs(links) == {frozenset("ab"), frozenset("ac"), frozenset("bc")}
    assert realstory.root_of("c", links) == "a"


def test_family_pairs_kinds_and_absent_root():
    families = [
        {"root": "r", "members": [{"id": "a", "kind": "verbatim"}, {"id": "b", "kind": "spun"}]},
        {"root": "wire:X", "members": [{"id": "c", "kind": "wire"}, {"id": "d", "kind": "machine-translated"}, {"id": "z", "kind": "wire"}]},
    ]
    pairs = realstory.family_pairs(families, present={"r", "a", "b", "c", "d"})
    assert pairs == {
        frozenset("ra"): "verbatim", frozenset("rb"): "spun", frozenset("ab"): "spun",
        frozenset("cd"): "machine-translated",
    }


def test_main_record_and_share():
    forms = {
        "zelensky": {"Zelensky": Counter({7: 3}), "Selenskyj": Counter({9: 1}), "Зеленский": Counter({7: 1}), "Zelenskyy": Counter()},
        "peskov": {"Peskov": Counter({7: 2})},
    }
    mains = realstory.main_records(forms)
    assert mains["zelensky"] == (7, 0.5)  # two of four forms land on record 7
    assert mains["peskov"] == (7, 1.0)
    assert realstory.wrong_merges({k: m for k, (m, _) in mains.items()}, forms) == [("peskov", "zelensky")]


def test_junk_rule():
    assert realstory.junk("Russian", "group", None, set())
    assert realstory.junk("UrduPoint News / Sputnik - 07th", "organization", None, set())
    assert realstory.junk("the dam", "other", None, set())
    assert not realstory.junk("Volodymyr Zelensky", "person", None, set())
    assert not realstory.junk("the Kremlin spokesman", "person", None, {"the Kremlin spokesman"})
    assert realstory.junk("Peskov", "place", "person", set())  # a key actor's form stored as the wrong kind
    assert not realstory.junk("Kremlin", "place", "government-body", set())


def test_places_dates_and_spans():
    kherson, nova_kakhovka = (46.6354, 32.6169), (46.7776, 33.37)
    assert 55 < realstory.haversine_km(kherson, nova_kakhovka) < 65
    assert realstory.date_fits("2023-06-06", "2023-06-06")
    assert realstory.date_fits("2023-10-20", ["2023-10-15", "2023-11-17"])
    assert not realstory.date_fits(None, "2023-06-06")
    text = "First one. He said  the dam\nwas blown up. Last."
    span = realstory.span_of("He said the dam was blown up", text)
    assert span is not None and text[span[0]:span[1]] == "He said  the dam\nwas blown up"
    assert text[slice(*realstory.sentence_around(text, span))].strip() == "He said  the dam\nwas blown up."


def test_one_actor_labelled_in_two_folders_is_no_wrong_merge():
    forms = {"a:peskov": {"Peskov": Counter({7: 1})}, "b:peskov": {"Песков": Counter({7: 1})}, "b:kremlin": {"Kremlin": Counter({7: 1})}}
    mains = {k: m for k, (m, _) in realstory.main_records(forms).items()}
    same = {"a:peskov": "peskov", "b:peskov": "peskov", "b:kremlin": "kremlin"}
    assert realstory.wrong_merges(mains, forms, same) == [("a:peskov", "b:kremlin"), ("b:kremlin", "b:peskov")]


def test_precision_by_the_evidence_that_linked_a_pair():
    assert realstory.evidence_of("earliest date; rewritten 0.52") == "rewritten"
    assert realstory.evidence_of("wire copy of Reuters (credited; its own page is not stored); containment 0.41") == "containment"
    assert realstory.evidence_of("copy by user decision") == "other"
    links = {"a": None, "b": "a", "c": "a"}
    evidence = {"b": "spun", "c": "translation"}
    assert realstory.pair_evidence(frozenset(("a", "b")), links, evidence) == "spun"
    assert realstory.pair_evidence(frozenset(("b", "c")), links, evidence) == "spun+translation"


def test_a_form_carried_by_a_longer_form_or_without_its_article():
    text = "Олександр Прокудін сказав. The Kremlin said. Wagner chief Yevgeny Prigozhin left."
    mentions = [(0, 18, "Олександр Прокудін", 1), (31, 38, "Kremlin", 2), (45, 75, "Wagner chief Yevgeny Prigozhin", 3)]
    forms = {"Прокудін", "Олександр Прокудін"}
    assert realstory.carried_by(text, "Прокудін", mentions, forms) == (Counter(), Counter({1: 1}), 0)
    assert realstory.carried_by(text, "Прокудін", mentions, {"Прокудін"}) == (Counter(), Counter(), 1)  # no longer form
    assert realstory.carried_by(text, "The Kremlin", mentions, {"The Kremlin"}) == (Counter({2: 1}), Counter(), 1)
    assert realstory.carried_by(text, "Wagner", mentions, {"Wagner"}) == (Counter(), Counter(), 1)  # another actor's mention
    assert realstory.landed(Counter(), [realstory.carried_by(text, "Прокудін", mentions, forms)]) == Counter({1: 1})
    # written alone on another page, with no mention there: judged by its own mentions, not the longer one's
    alone = realstory.carried_by("Прокудін сказав.", "Прокудін", [], forms)
    assert realstory.landed(Counter(), [realstory.carried_by(text, "Прокудін", mentions, forms), alone]) == Counter()


def test_two_folders_keys_sharing_a_labelled_form_are_one_actor():
    forms = {"a:kremlin": {"Kremlin", "Moscow"}, "b:russia": {"Russia", "Kremlin"}, "b:russia-mod": {"МО РФ"},
             "c:nac": {"НАК"}, "a:nak": {"НАК"}, "a:mod": {"Moscow"}}
    same = realstory.same_actors(forms, forms)
    assert same["a:kremlin"] == same["b:russia"]
    assert same["c:nac"] == same["a:nak"]
    assert same["b:russia-mod"] not in {same["b:russia"], same["a:kremlin"]}
    assert same["a:mod"] != same["a:kremlin"]  # one folder's two keys stay two actors


def test_two_folders_keys_of_one_main_name_or_same_as_are_one_actor():
    gold = [
        {"key": "a:arestovich", "main": "Oleksiy Arestovych", "names": ["Alexei Arestovich"]},
        {"key": "b:arestovych", "main": "Oleksiy Arestovych", "names": ["Oleksiy Arestovych"]},
        {"key": "a:dekhtyarenko", "main": "Artem Dekhtyarenko", "names": ["Artem Dekhtyarenko"], "same_as": ["b:dekhtiarenko"]},
        {"key": "b:dekhtiarenko", "main": "Artem Dekhtiarenko", "names": ["Dekhtiarenko"]},
        {"key": "b:other", "main": "Artem Other", "names": ["Artem Other"]},
    ]
    forms = {a["key"]: realstory.identity_forms(a) for a in gold}
    same = realstory.same_actors(forms, forms)
    assert same["a:arestovich"] == same["b:arestovych"]
    assert same["a:dekhtyarenko"] == same["b:dekhtiarenko"]
    assert same["b:other"] not in {same["a:dekhtyarenko"], same["a:arestovich"]}
