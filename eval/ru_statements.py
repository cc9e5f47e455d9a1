"""Russian and Ukrainian statements (source, cue, content) against a hand-labelled sample
(eval/ru_statements/gold.jsonl; how it was made and scored: eval/ru_statements/GUIDELINES.md).

Each labelled sentence is read as an article of its own by `factfile.extract.lang`. A found statement
matches a gold one when their cues overlap; it is fully right when its source overlaps the gold
source (or both have none) and its content has word F1 >= 0.5 with the gold content. Beside it, the
baseline "a sentence with a reporting verb": one statement per sentence that has a verb of the
reporting lexicon, cue the verb, no source, content the whole sentence.

    python eval/ru_statements.py [--gold eval/ru_statements/gold.jsonl] [-v]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT / "eval" / "ru_statements" / "gold.jsonl"
CONTENT_F1 = 0.5


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def word_f1(a: str, b: str) -> float:
    x, y = _words(a), _words(b)
    common = sum(min(x.count(w), y.count(w)) for w in set(x))
    if not x or not y or not common:
        return 0.0
    p, r = common / len(x), common / len(y)
    return 2 * p * r / (p + r)


def _interval(sentence: str, part: str | None) -> tuple[int, int] | None:
    if part is None:
        return None
    at = sentence.find(part)
    return (at, at + len(part)) if at != -1 else None


def _overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def score(gold: list[dict], found: list[list[dict]]) -> dict[str, float]:
    """Found statements are dicts with source/cue/content as (start, end) in the sentence, or None."""
    tp = full = n_found = n_gold = source_right = content_right = 0
    for item, predicted in zip(gold, found, strict=True):
        sentence = item["sentence"]
        expected = [{k: _interval(sentence, s[k]) for k in ("source", "cue", "content")} for s in item["statements"]]
        n_gold += len(expected)
        n_found += len(predicted)
        unused = list(range(len(expected)))
        for p in predicted:
            hit = next((g for g in unused if _overlap(p["cue"], expected[g]["cue"])), None)
            if hit is None:
                continue
            unused.remove(hit)
            tp += 1
            g = expected[hit]
            source_ok = _overlap(p["source"], g["source"]) or p["source"] is None and g["source"] is None
            content_ok = p["content"] is not None and word_f1(sentence[slice(*p["content"])], sentence[slice(*g["content"])]) >= CONTENT_F1
            source_right += source_ok
            content_right += content_ok
            full += source_ok and content_ok
    return {"found": n_found, "gold": n_gold, "cue": _prf(tp, n_found, n_gold), "full": _prf(full, n_found, n_gold),
            "source": source_right / tp if tp else 0.0, "content": content_right / tp if tp else 0.0}


def _prf(tp: int, found: int, gold: int) -> tuple[float, float, float]:
    p = tp / found if found else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def factfile_statements(item: dict) -> list[dict]:
    from factfile.extract.lang import analyse
    from factfile.records import Article

    analysis = analyse(Article(origin=item["page"], text=item["sentence"], content_hash=item["sentence"], language=item["language"]))
    span = lambda s: (s.start, s.end) if s is not None else None  # noqa: E731
    return [{"source": span(s.source), "cue": span(s.cue), "content": span(s.content)} for s in analysis.statements]


def baseline_statements(item: dict) -> list[dict]:
    from factfile.extract.lang.morph import analyzer
    from factfile.extract.lang.reported import REPORTING

    morph = analyzer(item["language"])
    for match in re.finditer(r"\w+", item["sentence"]):
        if morph.parse(match.group(0))[0].normal_form in REPORTING:
            return [{"source": None, "cue": match.span(), "content": (0, len(item["sentence"]))}]
    return []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("-v", "--verbose", action="store_true", help="print each sentence's found statements")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    try:
        gold = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, ValueError) as error:
        raise SystemExit(f"{args.gold}: cannot read the gold sample ({error})") from None
    ours = [factfile_statements(item) for item in gold]
    base = [baseline_statements(item) for item in gold]
    if args.verbose:
        for item, found in zip(gold, ours, strict=True):
            s = item["sentence"]
            print(s)
            for f in found:
                print("   ", *(s[slice(*f[k])] if f[k] else None for k in ("source", "cue", "content")), sep=" | ")
    languages = sorted({item["language"] for item in gold})
    counts = ", ".join(f"{sum(item['language'] == lang for item in gold)} {lang}" for lang in languages)
    print(f"{len(gold)} sentences ({counts}), "
          f"{sum(len(i['statements']) for i in gold)} gold statements")
    for name, found in (("factfile", ours), ("baseline: sentence with a reporting verb", base)):
        result = score(gold, found)
        cue, full = result["cue"], result["full"]
        print(f"{name}: {result['found']} found; cue P {cue[0]:.3f} R {cue[1]:.3f} F1 {cue[2]:.3f}; "
              f"source+cue+content P {full[0]:.3f} R {full[1]:.3f} F1 {full[2]:.3f}; "
              f"of matched cues: source right {result['source']:.3f}, content right {result['content']:.3f}")
    for language in languages:
        subset = [i for i, item in enumerate(gold) if item["language"] == language]
        result = score([gold[i] for i in subset], [ours[i] for i in subset])
        full = result["full"]
        print(f"  factfile, {language} only: source+cue+content P {full[0]:.3f} R {full[1]:.3f} F1 {full[2]:.3f}")


if __name__ == "__main__":
    main()
