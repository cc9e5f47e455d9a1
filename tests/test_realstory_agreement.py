"""eval/realstory_agreement.py: the agreement figures on small hand-computed labellings."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))

from realstory_agreement import bcubed, family_pairs, form_owner, kappa, same_actor_share  # noqa: E402

SCRIPT = Path(__file__).resolve().parents[1] / "eval" / "realstory_agreement.py"


def test_family_pairs_count_a_page_root_but_not_a_wire_root():
    pages = {"p1", "p2", "p3", "p4"}
    families = [
        {"root": "p1", "members": [{"id": "p2"}]},
        {"root": "wire:AP/x", "members": [{"id": "p3"}, {"id": "p4"}]},
    ]
    assert family_pairs(families, pages) == {frozenset({"p1", "p2"}), frozenset({"p3", "p4"})}


def test_kappa_matches_the_hand_computation():
    a, b, c = frozenset({"1", "2"}), frozenset({"3", "4"}), frozenset({"1", "3"})
    # 10 pairs; first says {a, b}, second says {a, c}: agree on 8 of 10.
    # chance = (2*2 + 8*8) / 100 = 0.68, kappa = (0.8 - 0.68) / 0.32 = 0.375
    assert kappa({a, b}, {a, c}, 10) == pytest.approx(0.375)
    assert kappa({a, b}, {a, b}, 10) == pytest.approx(1.0)


def test_bcubed_and_same_actor_share_over_common_forms():
    first = form_owner([{"key": "x", "names": ["A", "B", "C"]}, {"key": "y", "names": ["D"]}])
    second = form_owner([{"key": "s", "names": ["A", "B"]}, {"key": "t", "names": ["C", "D", "E"]}])
    score = bcubed(first, second)
    # forms A B C D; precision: A 1, B 1, C 1/2, D 1/2 -> 0.75; recall: A 2/3, B 2/3, C 1/3, D 1 -> 2/3
    assert score.precision == pytest.approx(0.75)
    assert score.recall == pytest.approx(2 / 3)
    # s -> x (A, B); t -> x or y (one vote each): C or D lands right, so 3 of 4
    assert same_actor_share(first, second) == pytest.approx(0.75)


def test_a_form_under_two_actors_is_dropped_as_ambiguous():
    assert form_owner([{"key": "x", "names": ["A"]}, {"key": "y", "names": ["A", "B"]}]) == {"B": "y"}


def test_bad_gold_file_gives_a_one_line_error_naming_it(tmp_path):
    story = tmp_path / "demo"
    story.mkdir()
    (story / "pages.jsonl").write_text(json.dumps({"id": "p1"}) + "\n", encoding="utf-8")
    (story / "gold.json").write_text("{not json", encoding="utf-8")
    (story / "gold.second.json").write_text("{}", encoding="utf-8")
    run = subprocess.run([sys.executable, str(SCRIPT), "--root", str(tmp_path)], capture_output=True, text=True)
    assert run.returncode == 1
    assert "gold.json" in run.stderr and len(run.stderr.strip().splitlines()) == 1
