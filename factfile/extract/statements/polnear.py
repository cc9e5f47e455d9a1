"""Reader for PolNeAR's brat stand-off attribution annotations (train and dev compartments).

Each article is `text/NAME.txt` plus `attributions/NAME_ANNOTATOR.ann`. A span is a list of
fragments, because annotators may skip an interrupting cue ("X," he said, "Y").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, DocBin

from factfile.errors import FactfileError
from factfile.extract.nlp import load_model

Fragments = tuple[tuple[int, int], ...]
ROLES = ("source", "cue", "content")


@dataclass(slots=True)
class GoldAttribution:
    cue: Fragments = ()
    source: Fragments = ()
    content: Fragments = ()


@dataclass(slots=True)
class GoldArticle:
    name: str
    text: str
    attributions: list[GoldAttribution] = field(default_factory=list)


def load_split(root: Path) -> list[GoldArticle]:
    """All annotated articles of one compartment directory (containing text/ and attributions/)."""
    texts = root / "text"
    annotations = root / "attributions"
    if not texts.is_dir() or not annotations.is_dir():
        raise FactfileError(f"{root}: not a PolNeAR compartment (expected text/ and attributions/)")
    articles = []
    seen: set[str] = set()
    for ann in sorted(annotations.glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        if name in seen:  # articles annotated by several annotators for agreement: keep the first
            continue
        seen.add(name)
        text_path = texts / f"{name}.txt"
        if not text_path.exists():
            raise FactfileError(f"{ann}: no article text {text_path.name}")
        text = text_path.read_text(encoding="utf-8")
        articles.append(GoldArticle(name=name, text=text, attributions=parse_ann(ann, len(text))))
    return articles


def parse_ann(path: Path, text_length: int) -> list[GoldAttribution]:
    spans: dict[str, tuple[str, Fragments]] = {}
    relations: list[list[str]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, offsets = parts[1].partition(" ")
            try:
                fragments = tuple(
                    (int(a), int(b)) for a, b in (piece.split() for piece in offsets.split(";"))
                )
            except ValueError:
                raise FactfileError(f"{path}:{number}: bad offsets {offsets!r}") from None
            if any(not 0 <= a <= b <= text_length for a, b in fragments):
                raise FactfileError(f"{path}:{number}: offsets outside the text")
            spans[parts[0]] = (kind, fragments)
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(parts[1].split())
    result = []
    for arguments in relations:
        gold = GoldAttribution()
        for argument in arguments:
            role, _, ref = argument.partition(":")
            if ref not in spans:
                continue
            role = role.rstrip("0123456789").lower()
            if role in ROLES:
                setattr(gold, role, tuple(sorted(getattr(gold, role) + spans[ref][1])))
        if gold.cue and gold.content:
            result.append(gold)
    return result


def parsed(articles: list[GoldArticle], cache: Path, split: str, processes: int = 1) -> list[Doc]:
    """spaCy parses of the articles (the pipeline's model), cached as a DocBin: parsing dominates."""
    nlp = load_model()
    path = cache / f"polnear-{split}.spacy"
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if [d.text for d in docs] == [a.text for a in articles]:
            return docs
    docs = list(nlp.pipe((a.text for a in articles), batch_size=16, n_process=processes))
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs).to_disk(path)
    return docs
