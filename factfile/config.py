"""Defaults that several stages share: where the store lives and how much input we accept."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from factfile.errors import FactfileError

MB = 1024 * 1024


def default_db_path() -> Path:
    """`$XDG_DATA_HOME/factfile/factfile.db`, i.e. `~/.local/share/factfile/factfile.db` by default."""
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "factfile" / "factfile.db"


def default_db_url() -> str:
    return os.environ.get("FACTFILE_DB") or str(default_db_path())


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on untrusted input, so one hostile or broken file cannot exhaust the machine."""

    max_page_bytes: int = 20 * MB  # one HTML page, text file, JSON line or WARC/feed payload
    max_container_bytes: int = 20 * 1024 * MB  # a whole WARC / JSONL / feed file
    max_text_chars: int = 1_000_000  # extracted article text handed to NLP (spaCy's own max_length)
    max_records: int = 5_000_000  # records (JSONL lines, blank ones too) read from one container file
    max_bad_run: int = 1000  # JSONL lines in a row without an article before the rest of the file is given up
    min_text_chars: int = 20  # shorter extractions are not articles

    def describe_page_limit(self) -> str:
        if self.max_page_bytes < MB:
            return f"{self.max_page_bytes / 1024:.0f} KB"
        return f"{self.max_page_bytes / MB:.0f} MB"


DEFAULT_LIMITS = Limits()

ATTRIBUTION_TAGGERS = ("crf", "encoder")
DEFAULT_ATTRIBUTION_TAGGER = "crf"


def attribution_tagger() -> str:
    """Which tagger finds attributions: `FACTFILE_ATTRIBUTIONS` (crf: the fast default; encoder: the
    fine-tuned MiniLM), else the default. `factfile ingest --attributions` sets it for the run's workers."""
    value = os.environ.get("FACTFILE_ATTRIBUTIONS", "").strip().lower() or DEFAULT_ATTRIBUTION_TAGGER
    if value not in ATTRIBUTION_TAGGERS:
        raise FactfileError(f"FACTFILE_ATTRIBUTIONS={value!r}: expected one of {', '.join(ATTRIBUTION_TAGGERS)}")
    return value


def detected_statements_sought() -> bool:
    """Whether sentences of pages not in English that no reader's statement covers are put to the attribution
    classifier (extract/statements/detect.py): `FACTFILE_DETECTED_STATEMENTS` (off: the default; on: more of those
    pages' claims get a statement, but on a blind sample only about half of the added statements name the right
    source). `factfile ingest --detected-statements` sets it for the run's workers."""
    value = os.environ.get("FACTFILE_DETECTED_STATEMENTS", "").strip().lower() or "off"
    if value not in ("on", "off"):
        raise FactfileError(f"FACTFILE_DETECTED_STATEMENTS={value!r}: expected on or off")
    return value == "on"


def translations_sought() -> bool:
    """Whether copies across languages are looked for by the multilingual sentence encoder (relate/crosslingual.py):
    `FACTFILE_TRANSLATIONS` (on: the default; off: about 7% less pipeline CPU on a store in several
    languages, and translations found only by their names in order). `factfile ingest --no-translations` sets it."""
    value = os.environ.get("FACTFILE_TRANSLATIONS", "").strip().lower() or "on"
    if value not in ("on", "off"):
        raise FactfileError(f"FACTFILE_TRANSLATIONS={value!r}: expected on or off")
    return value == "on"
