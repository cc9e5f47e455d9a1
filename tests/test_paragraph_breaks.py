"""The line-break sentence starts read from the word array are those read token by token."""

from __future__ import annotations

import spacy

from factfile.extract.nlp import paragraph_breaks

TEXTS = [
    "KYIV, Ukraine\nRussian forces shelled the city on Monday.\n\nOfficials said two people died.",
    "Photo: Reuters \n \nThe dam was breached.\r\nWater flooded villages.\t\nA headline\n",
    "One line only, no break.",
    "\n\nLeading breaks\n",
    "",
    "\n",
]


def _token_by_token(doc):
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws and not previous.is_space or previous.is_space and "\n" in previous.text:
            token.is_sent_start = True
    return doc


def test_line_breaks_start_the_same_sentences_as_a_token_by_token_reading():
    nlp = spacy.blank("en")
    for text in TEXTS:
        expected = [t.is_sent_start for t in _token_by_token(nlp(text))]
        assert [t.is_sent_start for t in paragraph_breaks(nlp(text))] == expected, text
    assert any(t.is_sent_start for t in paragraph_breaks(nlp(TEXTS[0]))[1:])
