"""Word frequencies: wordfreq's values, with no more than a few languages' word lists held at once."""

import wordfreq

from factfile.extract import frequency


def test_values_are_wordfreqs():
    for word, language in (("the", "en"), ("Angriff", "de"), ("casa", "pt"), ("Prigoschin", "de")):
        assert frequency.zipf(word, language) == wordfreq.zipf_frequency(word, language)


def test_few_languages_stay_loaded():
    frequency.forget()
    for language in ("en", "de", "fr", "it", "pt", "es", "en"):
        frequency.zipf("casa", language)
        assert wordfreq.get_frequency_dict.cache_info().currsize <= frequency.LANGUAGES
    assert frequency.zipf("the", "en") > 7
