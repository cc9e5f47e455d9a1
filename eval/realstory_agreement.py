"""Agreement between two independent labellings of one real-story set (eval/realstory/<story>/).

The guidelines (eval/realstory/GUIDELINES.md) are only useful if a second person labelling the same pages
reaches about the same gold. For every story folder holding both gold.json (first labeller) and
gold.second.json (second labeller, written without seeing the first), this prints:

- copy pairs: pairwise precision / recall / F1 of the second labelling against the first (two pages are a
  pair when they sit in one copy family), and Cohen's kappa over all page pairs of the set;
- actor name sets: over the name forms both labellers listed, B-cubed precision / recall / F1 of the
  second labeller's actor grouping against the first, and the share of those forms filed under the same
  actor (each second-labeller actor mapped to the first-labeller actor holding most of its forms).
  Beside it the singleton baseline (every form its own actor) measured on the same forms.

    python eval/realstory_agreement.py [--root eval/realstory] [--story kakhovka]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent / "realstory"


class BadInput(Exception):
    """A story folder whose files cannot be read as labels."""


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float


def prf(found: int, expected: int, right: int) -> PRF:
    p = right / found if found else 0.0
    r = right / expected if expected else 0.0
    return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def family_pairs(families: list[dict], pages: set[str]) -> set[frozenset[str]]:
    """Unordered page pairs that share a copy family (a page root counts as a member; a wire: root does not)."""
    pairs: set[frozenset[str]] = set()
    for family in families:
        root = family.get("root", "")
        members = [m["id"] for m in family.get("members", [])]
        ids = {i for i in ([] if root.startswith("wire:") else [root]) + members if i in pages}
        pairs.update(frozenset(pair) for pair in combinations(sorted(ids), 2))
    return pairs


def kappa(first: set[frozenset[str]], second: set[frozenset[str]], total: int) -> float:
    """Cohen's kappa of the two labellers' yes/no 'copies' decision over all `total` page pairs."""
    if total == 0:
        return 0.0
    both = len(first & second)
    yes_first, yes_second = len(first), len(second)
    agree = (total - len(first | second) + both) / total
    chance = (yes_first * yes_second + (total - yes_first) * (total - yes_second)) / total**2
    return (agree - chance) / (1 - chance) if chance < 1 else 1.0


def form_owner(actors: list[dict]) -> dict[str, str]:
    """Name form -> actor key; a form listed under two actors of one labelling is dropped as ambiguous."""
    owners: dict[str, set[str]] = {}
    for actor in actors:
        for name in actor.get("names", []):
            owners.setdefault(name, set()).add(actor["key"])
    return {name: next(iter(keys)) for name, keys in owners.items() if len(keys) == 1}


def bcubed(truth: dict[str, str], guess: dict[str, str]) -> PRF:
    """B-cubed of the `guess` grouping against `truth`, over the items both hold."""
    items = sorted(truth.keys() & guess.keys())
    if not items:
        return PRF(0.0, 0.0, 0.0)
    truth_size = Counter(truth[i] for i in items)
    guess_size = Counter(guess[i] for i in items)
    shared = Counter((truth[i], guess[i]) for i in items)
    p = sum(shared[truth[i], guess[i]] / guess_size[guess[i]] for i in items) / len(items)
    r = sum(shared[truth[i], guess[i]] / truth_size[truth[i]] for i in items) / len(items)
    return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def same_actor_share(truth: dict[str, str], guess: dict[str, str]) -> float:
    """Share of common forms whose second-labeller actor maps to their first-labeller actor."""
    items = truth.keys() & guess.keys()
    if not items:
        return 0.0
    votes: dict[str, Counter] = {}
    for i in items:
        votes.setdefault(guess[i], Counter())[truth[i]] += 1
    mapped = {key: counter.most_common(1)[0][0] for key, counter in votes.items()}
    return sum(mapped[guess[i]] == truth[i] for i in items) / len(items)


def read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BadInput(f"{path}: {error}") from error
    if not isinstance(data, dict):
        raise BadInput(f"{path}: not a JSON object")
    return data


def page_ids(path: Path) -> set[str]:
    ids: set[str] = set()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise BadInput(f"{path}: {error}") from error
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            ids.add(json.loads(line)["id"])
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise BadInput(f"{path}:{number}: not a page record ({error})") from error
    return ids


def report(folder: Path) -> None:
    pages = page_ids(folder / "pages.jsonl")
    first = read_json(folder / "gold.json")
    second = read_json(folder / "gold.second.json")
    try:
        first_pairs = family_pairs(first.get("copy_families", []), pages)
        second_pairs = family_pairs(second.get("copy_families", []), pages)
        first_forms = form_owner(first.get("actors", []))
        second_forms = form_owner(second.get("actors", []))
    except (KeyError, TypeError, AttributeError) as error:
        raise BadInput(f"{folder}: malformed copy_families or actors ({error!r})") from error
    total = len(pages) * (len(pages) - 1) // 2
    copies = prf(len(second_pairs), len(first_pairs), len(first_pairs & second_pairs))
    common = first_forms.keys() & second_forms.keys()
    singletons = {form: form for form in common}
    print(f"== {folder.name}: {len(pages)} pages, {total} page pairs")
    print(f"copy pairs      first {len(first_pairs)}  second {len(second_pairs)}  both {len(first_pairs & second_pairs)}")
    print(f"  second vs first  P {copies.precision:.3f}  R {copies.recall:.3f}  F1 {copies.f1:.3f}")
    print(f"  Cohen's kappa over page pairs  {kappa(first_pairs, second_pairs, total):.3f}")
    print(
        f"name forms      first {len(first_forms)}  second {len(second_forms)}  both {len(common)}"
        f"  ({len(common) / len(first_forms) if first_forms else 0:.1%} of first's, "
        f"{len(common) / len(second_forms) if second_forms else 0:.1%} of second's)"
    )
    actors = bcubed(first_forms, second_forms)
    baseline = bcubed(first_forms, singletons)
    print(f"  B-cubed over common forms  P {actors.precision:.3f}  R {actors.recall:.3f}  F1 {actors.f1:.3f}")
    print(f"  singleton baseline         P {baseline.precision:.3f}  R {baseline.recall:.3f}  F1 {baseline.f1:.3f}")
    print(f"  forms filed under the same actor  {same_actor_share(first_forms, second_forms):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="folder holding one sub-folder per story")
    parser.add_argument("--story", action="append", help="only these story folders (repeatable)")
    args = parser.parse_args()
    folders = [
        f for f in sorted(args.root.iterdir()) if f.is_dir() and (f / "gold.json").exists() and (f / "gold.second.json").exists()
    ] if args.root.is_dir() else []
    if args.story:
        folders = [f for f in folders if f.name in args.story]
    if not folders:
        sys.exit(f"{args.root}: no story folder holds both gold.json and gold.second.json")
    failed = False
    for folder in folders:
        try:
            report(folder)
        except BadInput as error:
            print(f"error: {error}", file=sys.stderr)
            failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
