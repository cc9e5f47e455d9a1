"""Sentence boundaries: every fact is shown with the sentence it was found in."""

from __future__ import annotations

from spacy.tokens import Doc

from factfile.extract.registry import Stage, stages
from factfile.records import Analysis, Span


@stages.register("sentences")
def make_sentences() -> Stage:
    def sentences(doc: Doc, analysis: Analysis) -> None:
        analysis.sentences = []
        for sentence in doc.sents:
            text = sentence.text.rstrip()
            if text:
                analysis.sentences.append(Span(sentence.start_char, sentence.start_char + len(text), text))

    return sentences
