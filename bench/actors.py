"""How cross-document actor resolution time grows with the store: 1k, 3k and 10k documents.

    .venv/bin/python bench/actors.py [--sizes 1000 3000 10000]

Each synthetic document names ~12 actors the way news does: a few prominent actors (Zipf-distributed),
many that are new as the corpus grows, and variants (surname only, other word order, acronym,
transliteration, a misspelling). Documents are stored with the real writer and the real `actors`
relater; only the relater's time is counted. Printed per size: total and per-document resolution time,
and the growth ratio against n·log n measured from the smallest size in the same run (≤ 1 means the
growth is no worse than n log n).
"""

from __future__ import annotations

import argparse
import hashlib
import math
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factfile.records import Analysis, Article, Chain, Mention, Span  # noqa: E402
from factfile.relate import build  # noqa: E402
from factfile.relate.write import save  # noqa: E402
from factfile.store import Store  # noqa: E402

FIRST = ["Anna", "Boris", "Carla", "Denis", "Elena", "Farid", "Galina", "Hassan", "Irina", "Jonas", "Katya", "Lev",
         "Maria", "Nikolai", "Olga", "Pavel", "Rosa", "Sergei", "Tamara", "Viktor", "Yulia", "Zahir", "Oleksiy", "Mykola"]
LAST = ["Ivanenko", "Petrov", "Kovalenko", "Shevchuk", "Bondar", "Tkachenko", "Kravets", "Oliynyk", "Melnyk", "Morozov",
        "Volkov", "Sokolov", "Lebedev", "Kozlov", "Novak", "Pavlenko", "Savchenko", "Rudenko", "Marchenko", "Levchenko",
        "Kapustin", "Arestovych", "Nikitin", "Zaharov", "Orlov", "Belov", "Gusev", "Titov", "Kuznetsov", "Popov"]
ORG_WORDS = ["Legion", "Corps", "Brigade", "Battalion", "Front", "Union", "Council", "Movement", "Guard", "Army",
             "Agency", "Party", "Committee", "Network", "Alliance", "League", "Centre", "Institute", "Service", "Fund"]
ORG_QUALIFIERS = ["Freedom", "Volunteer", "National", "Free", "Eastern", "Northern", "Democratic", "Independent",
                  "People's", "Civic", "Patriotic", "United", "Liberty", "Southern", "Western", "Republican"]
PLACES = ["Russia", "Ukraine", "Belarus", "Georgia", "Moldova", "Kharkiv", "Belgorod", "Bryansk", "Kyiv", "Odesa"]


def person(index: int) -> str:
    first, rest = FIRST[index % len(FIRST)], index // len(FIRST)
    last = LAST[rest % len(LAST)]
    suffix = "" if rest < len(LAST) else f"-{LAST[(rest // len(LAST)) % len(LAST)]}"
    return f"{first} {last}{suffix}"


def organisation(index: int) -> str:
    word, rest = ORG_WORDS[index % len(ORG_WORDS)], index // len(ORG_WORDS)
    qualifier, rest = ORG_QUALIFIERS[rest % len(ORG_QUALIFIERS)], rest // len(ORG_QUALIFIERS)
    place = PLACES[rest % len(PLACES)]
    extra = f" {LAST[(rest // len(PLACES)) % len(LAST)]}" if rest >= len(PLACES) else ""
    return f"{word} of {qualifier} {place}{extra}"


def variants(name: str, kind: str, rng: random.Random) -> list[str]:
    """The names one article uses for an actor: the full name plus, sometimes, a variant."""
    words = name.split()
    roll = rng.random()
    if kind == "PERSON":
        if roll < 0.5:
            return [name, words[-1]]
        if roll < 0.6:
            return [name.replace("y", "i", 1)]  # a transliteration variant
        return [name]
    if roll < 0.2:
        content = [w for w in words if w not in ("of",)]
        return [name, "".join(w[0] for w in content).upper()]
    if roll < 0.35:
        return [" ".join(words[2:]) + " " + words[0]]  # "Freedom Russia Legion" word order
    return [name]


def document(number: int, n: int, rng: random.Random) -> Analysis:
    """One synthetic article: prominent actors (Zipf) and actors from a pool that grows with the corpus."""
    pool = max(50, n // 2)
    chosen: list[tuple[str, str]] = []
    for _ in range(12):
        if rng.random() < 0.4:
            rank = int(rng.paretovariate(1.2)) % 40
        else:
            rank = rng.randrange(pool)
        kind = "PERSON" if rank % 3 else "ORG"
        chosen.append((person(rank) if kind == "PERSON" else organisation(rank), kind))
    text_parts, mentions, chains = [], [], []
    offset = 0
    for chain_id, (name, label) in enumerate(dict.fromkeys(chosen)):
        names = variants(name, label, rng)
        indexes = []
        for written in names:
            sentence_text = f"{written} said something on day {number}. "
            start = offset
            mentions.append(Mention(Span(start, start + len(written), written), label, Span(start, start + len(sentence_text) - 1, sentence_text[:-1]), chain_id))
            indexes.append(len(mentions) - 1)
            text_parts.append(sentence_text)
            offset += len(sentence_text)
        chains.append(Chain(chain_id, names[0], label, aliases=names[1:], mentions=indexes))
    text = "".join(text_parts)
    article = Article(origin=f"synthetic-{number}", text=text, content_hash=hashlib.sha256(f"{n}-{number}".encode()).hexdigest())
    return Analysis(article=article, mentions=mentions, chains=chains)


def run(n: int, seed: int = 7) -> tuple[float, int]:
    """Store n documents; return the seconds spent in the actors relater and the number of actors."""
    rng = random.Random(seed)
    (relater,) = build(("actors",))
    spent = 0.0

    def timed(linking) -> None:
        nonlocal spent
        start = time.perf_counter()
        relater(linking)
        spent += time.perf_counter() - start

    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "bench.db")
        for number in range(n):
            analysis = document(number, n, rng)
            with store.transaction() as session:
                save(session, analysis, [timed])
        with store.session() as session:
            from sqlalchemy import func, select

            from factfile.store.schema import Actor

            actors = session.scalar(select(func.count()).select_from(Actor).where(Actor.merged_into_id.is_(None)))
        store.close()
    return spent, actors or 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000, 10000])
    args = parser.parse_args()
    base = None
    print(f"{'documents':>9} {'actors':>7} {'resolution s':>12} {'ms/doc':>7} {'time ratio':>10} {'n log n ratio':>13} {'growth vs n log n':>17}")
    for n in args.sizes:
        seconds, actors = run(n)
        if base is None:
            base = (n, seconds)
        time_ratio = seconds / base[1]
        nlogn_ratio = (n * math.log(n)) / (base[0] * math.log(base[0]))
        print(f"{n:>9} {actors:>7} {seconds:>12.2f} {1000 * seconds / n:>7.2f} {time_ratio:>10.2f} {nlogn_ratio:>13.2f} {time_ratio / nlogn_ratio:>17.2f}")


if __name__ == "__main__":
    main()
