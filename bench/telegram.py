"""What reading a Telegram Desktop export costs before any NLP: parsing the JSON, flattening the texts,
and turning each post into an article (language detection included).

    python bench/telegram.py [--messages 20000] [--articles 2000]

Writes a single-channel export in tdesktop's layout (a tenth service messages, a third of the texts as
entity arrays with links, a tenth forwards, a tenth replies) to a temporary folder and prints messages
per second for the reader alone and posts per second through `to_article`, with the peak memory of the
reader. The texts are generated: this measures speed, not quality.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
import tracemalloc
from pathlib import Path

from factfile.config import DEFAULT_LIMITS
from factfile.ingest import to_article
from factfile.ingest.telegram import read_telegram
from factfile.records import RawItem

WORDS = ("the legion fighters village border shelling drone region governor said posted night attack "
         "column armoured vehicles positions residents evacuation city district morning reported").split()


def export(messages: int, seed: int = 7) -> dict:
    rng = random.Random(seed)
    items = []
    for number in range(1, messages + 1):
        when = 1684742100 + 60 * number
        base = {"id": number, "date": "2023-05-22T09:15:00", "date_unixtime": str(when)}
        if number % 10 == 0:
            items.append({**base, "type": "service", "actor": "Channel", "action": "pin_message", "text": "", "text_entities": []})
            continue
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 60))).capitalize() + "."
        text: object = sentence
        if number % 3 == 0:
            text = [sentence + " ", {"type": "text_link", "text": "Source", "href": f"https://example.org/{number}"}]
        entities = [{"type": "plain", "text": text}] if isinstance(text, str) else [{"type": "plain", "text": text[0]}, text[1]]
        extra = {"forwarded_from": "Other Channel"} if number % 10 == 1 else {"reply_to_message_id": number - 1} if number % 10 == 2 else {}
        items.append({**base, "type": "message", "from": "Channel", "from_id": "channel1", **extra, "text": text, "text_entities": entities})
    return {"name": "Channel", "type": "public_channel", "id": 1, "messages": items}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--articles", type=int, default=2_000, help="posts turned into articles (language detection is the slow part)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "result.json"
        path.write_text(json.dumps(export(args.messages), ensure_ascii=False, indent=1), encoding="utf-8")
        size = path.stat().st_size
        tracemalloc.start()
        started = time.process_time()
        items = [item for item in read_telegram(path, DEFAULT_LIMITS) if isinstance(item, RawItem)]
        reading = time.process_time() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    sample = items[: args.articles]
    to_article(sample[0])  # loads the language detector before timing
    started = time.process_time()
    for item in sample:
        to_article(item)
    converting = time.process_time() - started
    print(f"export: {args.messages:,} messages, {size / 1e6:.1f} MB, {len(items):,} posts")
    print(f"reader: {reading:.2f} s CPU, {args.messages / reading:,.0f} messages/s, peak {peak / 1e6:.0f} MB traced ({peak / size:.1f}x the file)")
    print(f"to_article: {converting:.2f} s CPU for {len(sample):,} posts, {len(sample) / converting:,.0f} posts/s")


if __name__ == "__main__":
    main()
