"""Offline language identification (lingua), loaded once per process."""

from __future__ import annotations

from functools import lru_cache

from lingua import LanguageDetector, LanguageDetectorBuilder


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def detect_language(text: str, sample: int = 3000) -> str | None:
    """ISO 639-1 code of the text's language, judged on its first `sample` characters."""
    language = _detector().detect_language_of(text[:sample])
    return language.iso_code_639_1.name.lower() if language is not None else None
