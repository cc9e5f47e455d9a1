"""Word frequencies: wordfreq's values, with no more than a few languages' word lists held at once."""

import wordfreq

from factfile.extract import frequency


def test_values_are_wordfreqs():
    frequency.forget()
    for word, language in (("the", "en"), ("Angriff", "de"), ("casa", "pt"), ("Prigoschin", "de"), ("casa", "es"), ("the", "en")):
        assert frequency.zipf(word, language) == wordfreq.zipf_frequency(word, language) == round(
            wordfreq.freq_to_zipf(frequency._build(language)[word.lower()]) if word.lower() in frequency._build(language) else 0, 2
        )


def test_few_languages_stay_loaded():
    frequency.forget()
    for language in ("en", "de", "fr", "it", "pt", "es", "en"):
        frequency.zipf("casa", language)
        assert len(frequency.loaded()) <= frequency.LANGUAGES
        assert wordfreq.get_frequency_list.cache_info().currsize == 0
    assert frequency.zipf("the", "en") > 7


def test_a_language_in_use_is_not_read_again(monkeypatch):
    """English between pages in four other languages is read once: a new language drops the one used longest ago."""
    frequency.forget()
    reads = []
    build = frequency._build
    monkeypatch.setattr(frequency, "_build", lambda lang, wordlist="best": reads.append(lang) or build(lang, wordlist))
    for n, language in enumerate(("en", "de", "en", "fr", "en", "it", "en", "pt", "en")):
        frequency.zipf("unusual" + "x" * n, language)  # a word no earlier lookup cached
    assert reads.count("en") == 1
    assert frequency.loaded()[-1] == "en"


def test_a_compact_table_answers_as_wordfreqs_dict():
    """Every word of a pack (one listed twice, accents, Cyrillic, an emoji) has the dict's value; others are missing."""
    pack = [["the", "é"], [], ["слово", "the", "🙂", "naïve"], ["x"]]
    expected = {}
    for band, words in enumerate(pack):
        for word in words:
            expected[word] = wordfreq.cB_to_freq(-band)
    table = frequency.Frequencies(pack)
    assert dict(table.items()) == expected and len(table) == 7
    assert all(table[word] == value for word, value in expected.items())
    assert not any(word in table for word in ("th", "thex", "слов", "🙂🙂", "", "naive", 3))
    assert len(frequency.Frequencies([])) == 0 and "a" not in frequency.Frequencies([])


def test_a_languages_table_takes_under_half_the_dicts_memory():
    import sys

    table = frequency._build("en")
    held = sys.getsizeof(table._text) + sum(a.nbytes for a in (table._ends, table._bands, table._order, table._hashes))
    words = [word for band in wordfreq.get_frequency_list("en") for word in band]
    as_dict = sys.getsizeof(dict.fromkeys(words)) + sum(map(sys.getsizeof, words))
    wordfreq.get_frequency_list.cache_clear()
    assert held < as_dict / 2
    assert all(word in table for word in words[::997])
