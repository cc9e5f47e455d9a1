"""Run one target under atheris (libFuzzer): `python fuzz/fuzz.py TARGET [libFuzzer flags] [corpus dirs]`.

    python fuzz/fuzz.py warc -atheris_runs=100000 -timeout=20 fuzz/corpus/warc
"""

from __future__ import annotations

import atexit
import signal
import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))

# Libraries whose Python code atheris instruments for coverage feedback, per target.
INSTRUMENT: dict[str, tuple[str, ...]] = {
    "html": ("factfile", "trafilatura", "htmldate", "courlan"),
    "text": ("factfile",),
    "jsonl": ("factfile",),
    "warc": ("factfile", "warcio"),
    "feed": ("factfile", "feedparser"),
    "sniff": ("factfile",),
    "dates": ("factfile", "dateparser"),
    "warc_damage": ("factfile", "warcio"),
    "api": ("factfile",),
}


def main() -> None:
    name = sys.argv.pop(1)
    with atheris.instrument_imports(include=list(INSTRUMENT[name])):
        import targets

        if name == "api":
            targets.prepare_api()  # the app and its store, built before the clock of the first input starts

    target = targets.TARGETS[name]

    def one_input(data: bytes) -> None:
        target(data)

    # libFuzzer's per-input timer (SIGALRM) still runs while Python finalises after the last input: on a
    # busy machine, tearing down the api target's app outlasted it and the run ended as if killed.
    atexit.register(signal.alarm, 0)
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
