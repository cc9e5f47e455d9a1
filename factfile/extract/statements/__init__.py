"""The `statements` stage: who says what, how sure, according to whom.

    tag tokens (tagger.py's CRF, or encoder.py's fine-tuned encoder: config.attribution_tagger) → group spans into attributions (relations.py), plus parse patterns
    for what the tagger misses (rules.py) → resolve each source to an actor chain and a kind of
    source (sources.py) → judge the source's certainty (certainty.py) and the reporter's framing (framing.py)

Sentences that carry no attribution become statements of the article itself (source None,
source type "article"), asserted or hedged.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from factfile.config import attribution_tagger
from factfile.extract.nlp import text_of
from factfile.extract.registry import Stage, stages
from factfile.extract.statements.boundaries import conventional_boundaries
from factfile.extract.statements.certainty import certainty_of, certainty_of_article
from factfile.extract.statements.continued import Judge, continue_quotations
from factfile.extract.statements.encoder import EncoderTagger, default_encoder_tagger
from factfile.extract.statements.features import quote_depths
from factfile.extract.statements.framing import framed
from factfile.extract.statements.late import link_late_sources
from factfile.extract.statements.narration import narration
from factfile.extract.statements.relations import Attribution, group, nested
from factfile.extract.statements.rules import completed, inherited_source, rule_attributions, subject_sources
from factfile.extract.statements.sources import after_dateline, resolve
from factfile.extract.statements.tagger import TaggedSpan, Tagger, default_tagger
from factfile.records import Analysis, Span, Statement

_MIN_ARTICLE_WORDS = 5


@stages.register("statements")
def make_statements() -> Stage:
    tagger = chosen_tagger()

    def statements(doc: Doc, analysis: Analysis) -> None:
        found = build_statements(doc, analysis, find_attributions(doc, tagger))
        analysis.statements = framed(continue_quotations(text_of(doc), analysis.sentences, found, _judge(doc)))
        link_late_sources(analysis)

    return statements


def chosen_tagger(name: str | None = None) -> Tagger | EncoderTagger:
    """The configured attribution tagger (see `factfile.config.attribution_tagger`)."""
    if (name or attribution_tagger()) == "encoder":
        return default_encoder_tagger()
    return default_tagger()


def find_attributions(doc: Doc, tagger: Tagger | EncoderTagger | None = None, rules: bool = True) -> list[Attribution]:
    """Top-level attributions in text order, then the ones nested in their contents."""
    tagger = tagger or default_tagger()
    grouped = group(doc, tagger.tag(doc))
    found = [a for a in grouped if a.contents]
    if rules:
        merge = _with_patterns if tagger.patterns_win else _beside_patterns
        found = merge(found, rule_attributions(doc))
        claimed = {i for a in found for span in _spans(a) for i in range(span.start, span.end)}
        for attribution in grouped:
            if not attribution.contents and (attribution := completed(doc, attribution)) is not None:
                if not any(i in claimed for span in _spans(attribution) for i in range(span.start, span.end)):
                    found.append(attribution)
    attributions = sorted(found, key=lambda a: a.cue.start)
    if rules:
        subject_sources(doc, attributions)
    conventional_boundaries(doc, attributions, tagger.cue_edges)
    attributions = [a for a in attributions if a.contents]  # boundaries may leave a content nothing
    return attributions + nested(doc, attributions)


def build_statements(doc: Doc, analysis: Analysis, attributions: list[Attribution]) -> list[Statement]:
    text = text_of(doc)
    quoted = quote_depths(doc)
    attributions = _statements_only(doc, attributions, quoted)
    result = []
    for attribution in attributions:
        cue = _char_span(doc, [attribution.cue])
        content = _char_span(doc, attribution.contents)
        sources = _one_source(doc, attribution.sources) if attribution.sources else [inherited_source(doc, attribution)]
        source = _char_span(doc, sources) if sources[0] is not None else None
        if source is not None and (cut := after_dateline(source.text)):
            source = Span(source.start + cut, source.end, source.text[cut:])
        resolution = resolve(doc, analysis, source.start, source.end, result, quoted) if source else None
        content_tokens = [t for s in attribution.contents for t in doc[s.start : s.end]]
        certainty, hedges = certainty_of(doc[attribution.cue.start : attribution.cue.end], content_tokens, content.text)
        if resolution is not None and resolution.relayed and certainty == "reported":
            certainty, hedges = "hedged", [*hedges, "relayed"]  # eval/realstory's guideline: second-hand is "reported"
        result.append(
            Statement(
                cue=cue,
                content=content,
                source=source,
                source_type=resolution.source_type if resolution else "anonymous",
                direct=_direct(content_tokens, quoted),
                certainty=certainty,
                source_chain=resolution.chain if resolution else None,
                hedges=hedges,
                parent=attribution.parent,
            )
        )
    result = _cited(doc, analysis, result, quoted)
    covered = [False] * len(doc)
    for attribution in attributions:
        for span in _spans(attribution):
            covered[span.start : span.end] = [True] * (span.end - span.start)
    for sentence in doc.sents:
        if _asserts(sentence, covered):
            sentence_text = text[sentence.start_char : sentence.end_char].rstrip()
            certainty, hedges = certainty_of_article(sentence, sentence_text)
            span = Span(sentence.start_char, sentence.start_char + len(sentence_text), sentence_text)
            result.append(
                Statement(cue=None, content=span, source=None, source_type="article", direct=False, certainty=certainty, hedges=hedges)
            )
    return result


CITING = frozenset({"quote", "cite"})


def _cited(doc: Doc, analysis: Analysis, statements: list[Statement], quoted: list[int]) -> list[Statement]:
    """"Rossiya 24 said, quoting Lukashenko's press service": the tagger reads "quoting" as a cue whose
    content is the press service; it is the source of what the outlet said, so that statement becomes
    the press service saying the outlet's content."""
    result = list(statements)
    for k, statement in enumerate(statements):
        cue = doc.char_span(statement.cue.start, statement.cue.end, alignment_mode="expand") if statement.cue else None
        if cue is None or not any(t.lemma_.lower() in CITING for t in cue):
            continue
        sentence = cue[0].sent
        carried = [
            st for st in statements
            if st is not statement and st.cue is not None and st.source is not None and not st.content.overlaps(statement.content)
            and sentence.start_char <= st.cue.start < sentence.end_char and not statement.content.overlaps(st.source)
        ]
        if not carried or statement.content.end - statement.content.start > 80:
            continue
        resolution = resolve(doc, analysis, statement.content.start, statement.content.end, statements[:k], quoted)
        named = resolution.chain is not None and any(
            statement.content.contains(analysis.mentions[i].span) for i in analysis.chains[resolution.chain].mentions
        )  # a chain found only by looking back is the outlet or another speaker, not the one cited
        result[k] = replace(
            carried[-1], cue=statement.cue, source=statement.content, source_type=resolution.source_type,
            source_chain=resolution.chain if named else None, parent=None,
        )
    return result


def _judge(doc: Doc) -> Judge:
    """Certainty of a quotation's sentence carried by another sentence's cue (continued.py)."""

    def judge(carrier: Statement, part: Span):
        cue = doc.char_span(carrier.cue.start, carrier.cue.end, alignment_mode="expand") if carrier.cue else None
        content = doc.char_span(part.start, part.end, alignment_mode="expand")
        return certainty_of(list(cue or []), list(content or []), part.text)

    return judge


def _statements_only(doc: Doc, attributions: list[Attribution], quoted: list[int]) -> list[Attribution]:
    """The attributions without the writer's own narration (narration.py); a nested one whose
    outer attribution goes becomes top-level."""
    kept = [k for k, a in enumerate(attributions) if not narration(doc, a, quoted)]
    index = {old: new for new, old in enumerate(kept)}
    result = []
    for k in kept:
        attribution = attributions[k]
        if attribution.parent is not None:
            attribution = replace(attribution, parent=index.get(attribution.parent))
        result.append(attribution)
    return result


def _asserts(sentence: SpacySpan, covered: list[bool]) -> bool:
    """A sentence the article states in its own voice: a clause with a verb, no attributed part."""
    words = [t for t in sentence if not t.is_punct and not t.is_space]
    return (
        len(words) >= _MIN_ARTICLE_WORDS
        and sentence.root.pos_ in ("VERB", "AUX")
        and not any(covered[t.i] for t in sentence)
    )


def _with_patterns(tagged: list[Attribution], matched: list[Attribution]) -> list[Attribution]:
    """A pattern's cue and source replace the tagger's on the same words; the tagger's content
    is kept where it overlaps the pattern's, as its boundaries follow PolNeAR's conventions, but
    not a fragment of it that another pattern's content holds."""
    result = []
    owner = {i: k for k, a in enumerate(matched) for span in _spans(a) for i in range(span.start, span.end)}
    for number, attribution in enumerate(matched):
        claimed = {i for span in _spans(attribution) for i in range(span.start, span.end)}
        rivals = [a for a in tagged if any(i in claimed for span in _spans(a) for i in range(span.start, span.end))]
        content = attribution.contents[0]
        agreeing = [a for a in rivals if any(c.start < content.end and content.start < c.end for c in a.contents)]
        kept = [
            c for a in agreeing for c in a.contents
            if all(owner.get(i, number) == number for i in range(c.start, c.end))
        ]
        shared = sum(max(0, min(c.end, content.end) - max(c.start, content.start)) for c in kept)
        if shared >= 0.8 * (content.end - content.start) and not any(
            attribution.cue.start < c.end and c.start < attribution.cue.end for c in kept
        ):
            attribution.contents = sorted(kept, key=lambda c: c.start)
        crossing = [_without(a, claimed) for a in rivals if not any(i in claimed for span in [a.cue, *a.sources] for i in range(span.start, span.end))]
        tagged = [a for a in tagged if a not in rivals] + [a for a in crossing if a.contents]
        result.append(attribution)
    return tagged + result


def _without(attribution: Attribution, claimed: set[int]) -> Attribution:
    """A tagged attribution whose cue and source a pattern leaves alone, without the contents the pattern takes ("He
    charged that X. “Y,” the secretary assured.": the tagger ran "charged" on into the quotation another cue carries)."""
    kept = [c for c in attribution.contents if not any(i in claimed for i in range(c.start, c.end))]
    return replace(attribution, contents=kept)


def _beside_patterns(tagged: list[Attribution], matched: list[Attribution]) -> list[Attribution]:
    """For a tagger that draws PolNeAR's spans better than the patterns (the encoder): a pattern
    on the tagger's cue gives it the pattern's cue and source words, the tagged content stays;
    a pattern on untagged words is added; one that cuts across tagged spans is dropped."""
    taken = {i for a in tagged for span in _spans(a) for i in range(span.start, span.end)}
    added = []
    for attribution in matched:
        cue = attribution.cue
        same = next((a for a in tagged if a.cue.start < cue.end and cue.start < a.cue.end), None)
        if same is not None:
            same.cue = cue
            same.sources = attribution.sources or same.sources
        elif not any(i in taken for span in _spans(attribution) for i in range(span.start, span.end)):
            added.append(attribution)
    return tagged + added


def _direct(tokens: list[Token], quoted: list[int]) -> bool:
    """Most of the content's words are inside quotation marks."""
    words = [t for t in tokens if not t.is_punct]
    return 2 * sum(quoted[t.i] for t in words) > len(words)


def _spans(attribution: Attribution) -> list[TaggedSpan]:
    return [attribution.cue, *attribution.sources, *attribution.contents]


def _one_source(doc: Doc, sources: list[TaggedSpan]) -> list[TaggedSpan]:
    """Source fragments of one sentence ("Caesar ... told"); a later sentence's source is another mention."""
    first = sources[0]
    sentence = doc[first.start].sent
    return [s for s in sources if sentence.start <= s.start < sentence.end]


def _char_span(doc: Doc, spans: list[TaggedSpan]) -> Span:
    start = doc[min(s.start for s in spans)].idx
    last = doc[max(s.end for s in spans) - 1]
    end = last.idx + len(last)
    return Span(start, end, text_of(doc)[start:end])


__all__ = ["build_statements", "chosen_tagger", "find_attributions", "make_statements"]
