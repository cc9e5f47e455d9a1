"""Arabic statements (extract/lang/reported_arabic.py): sentences of eval/realstory's Wagner and Kakhovka pages."""

from __future__ import annotations

from datetime import date

import pytest

from factfile.extract.lang import analyse
from factfile.records import Article


def _said(text: str) -> list[tuple[str, str, str, str]]:
    """(source as written, cue, content's first words, certainty) of each statement found."""
    analysis = analyse(Article(origin="test", text=text, content_hash=str(hash(text)), language="ar", published=date(2023, 6, 24)))
    return [(st.source.text, st.cue.text, " ".join(st.content.text.split()[:2]), st.certainty) for st in analysis.statements]


@pytest.mark.parametrize("text, expected", [
    # verb first, the speaker after it, the content after "إن"
    ("في وقت سابق، قال بريجوجين في رسالة صوتية أخرى، إن رئيس الأركان، فاليري جيراسيموف، أعطى الأمر بقصف وحدات فاجنر.",
     ("بريجوجين", "قال", "رئيس الأركان،", "reported")),
    # a title and the group it heads before the name: the person speaks, the content opens at "أنّه"
    ("وفي وقت سابق، كشف قائد مجموعة فاغنر العسكرية الموالية لروسيا يفجيني بريجوجن، أنّه تم استهداف معسكرات تابعة لنا.",
     ("يفجيني بريجوجن", "كشف", "تم استهداف", "reported")),
    # "according to" with "and" written onto it
    ("وبحسب فلاديمير ليونتييف، رئيس منطقة نوفوكاخوفا، تم هدم الصمامات الموجودة في السد.",
     ("فلاديمير ليونتييف", "وبحسب", "رئيس منطقة", "reported")),
])
def test_the_speaker_is_the_name_after_the_verb_or_according_to(text, expected):
    assert _said(text) == [expected]


def test_a_denial_verb_or_a_content_saying_it_is_untrue_is_denied_and_no_name_no_statement():
    said = _said("ونفى يفجيني بريجوجين أن قواته قصفت المدينة. وقال مصدر إن الوضع هادئ.")
    assert [(source, cue, certainty) for source, cue, _, certainty in said] == [("يفجيني بريجوجين", "ونفى", "denied")]
