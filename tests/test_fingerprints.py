"""relate/fingerprints.py's sentence alignment computes the textbook longest common subsequence."""

from hypothesis import given, settings
from hypothesis import strategies as st

from factfile.relate.fingerprints import SENTENCE_OVERLAP, aligned_closeness, sentence_agreement

sentences = st.lists(st.frozensets(st.sampled_from([f"w{i}" for i in range(12)]), max_size=8), max_size=15)


def _table(a: list[frozenset[str]], b: list[frozenset[str]]) -> tuple[float, int]:
    """The dynamic programme over the whole table, pair by pair."""
    if not a or not b:
        return 0.0, 0
    previous = [0] * (len(b) + 1)
    for left in a:
        current = [0] * (len(b) + 1)
        for j, right in enumerate(b):
            alike = len(left & right) >= SENTENCE_OVERLAP * min(len(left), len(right))
            current[j + 1] = max(previous[j + 1], current[j], previous[j] + alike)
        previous = current
    return previous[-1] / min(len(a), len(b)), previous[-1]


@settings(max_examples=500, deadline=None)
@given(sentences, sentences)
def test_sentence_agreement_is_the_longest_common_subsequence(a, b):
    assert sentence_agreement(a, b) == _table(a, b)


def test_sentence_agreement_of_a_reordered_text():
    one, two, three = frozenset("abcd"), frozenset("efgh"), frozenset("ijkl")
    assert sentence_agreement([one, two, three], [three, one, two]) == (2 / 3, 2)
    assert sentence_agreement([one, two], [frozenset("abxy"), two]) == (1.0, 2)  # half of "abcd" shared


def test_aligned_closeness_is_the_mean_jaccard_of_the_aligned_pairs():
    one, two, three = frozenset("abcd"), frozenset("efgh"), frozenset("ijkl")
    assert aligned_closeness([one, two, three], [one, two, three]) == 1.0
    assert aligned_closeness([one, two], [frozenset("abxy"), two]) == (2 / 6 + 1) / 2
    assert aligned_closeness([one, frozenset("abcdwxyz")], [frozenset("abcdwxyz")]) == 1.0  # the closest of equal alignments
    assert aligned_closeness([one], [two]) == 0.0
