"""Profile facts: what the article says an actor is and has, each with its sentence and who says it.

Predicates (`Fact.predicate`):
  founded      when it was founded/formed/launched ("February 2022")
  founded_by   who founded it ("Denis Nikitin"; `value_chain` is the founder)
  size         how many members, fighters ... it has ("over 100", "several hundred", "4,000")
  based_in     where it is based ("Ukraine")
  spokesman / leader / commander / founder / head   a person's role in the actor (`value_chain`)
  designation  how an authority classifies it ("terrorist organization"; `value` adds "by WHOM")
  ally / opponent / part_of   relations to other actors (`value_chain` is the other actor)
Descriptions ("a Russian paramilitary group based in Ukraine") come from the `descriptions` stage.

The subject of a fact is the actor named in the sentence, or, when the sentence says "it", "this" or
nothing, the organisation named most in the last few sentences. The source ("According to UNIAN",
"Radio Free Europe reported") is the actor the sentence attributes it to; the dossier shows it with
the outlet and date, so that conflicting values can be compared side by side.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from factfile.extract.registry import Stage, stages
from factfile.records import Analysis, Fact, Mention, Span

# Predicates an actor has one true value of at a time: two sources giving different values disagree
# (the dossier's conflicts, relate/contradictions.py).
SINGLE_VALUED = frozenset(
    {"founded", "founded_by", "based_in", "headquarters", "size", "members", "leader", "head", "founder", "born", "died", "age"}
)

_SPEECH = {"say", "report", "tell", "write", "state", "claim", "speak", "announce", "inform", "describe", "estimate", "add", "confirm"}
_PEOPLE = r"soldiers|fighters|members|troops|men|volunteers|militants|recruits|personnel|combatants|servicemen|people"
_AMOUNT = (
    r"(?:(?:over|more than|about|around|some|nearly|almost|up to|at least|roughly|approximately|fewer than|less than)\s+)?"
    r"(?:several|a few|many|hundreds|thousands|dozens|tens of thousands|\d[\d,.]*)(?:\s+(?:hundred|thousand|million))?"
)
_SIZE_CUE = r"(?:from|of|has|have|had|numbers?|numbered|counts?|comprises?|consists? of|includes?|with|to|estimated at|totals?|totalling|reached)"
_SIZE = re.compile(rf"\b{_SIZE_CUE}\s+(?P<amount>{_AMOUNT})\s+(?:[a-zA-Z’'-]+\s+){{0,2}}?(?:{_PEOPLE})\b", re.I)
# "People" counts anyone: a toll ("the death toll had risen to 29 people"), a town ("the city of 150,000 people"), a
# crowd. Counted after a preposition or a verb of change it is no group's size; only a verb of having or numbering
# ("the unit has 300 people", "numbers some 5,000 people") gives one, as any cue does for a word of members or fighters.
_HAVING = re.compile(r"(?i)^(?:has|have|had|numbers?|numbered|counts?|comprises?|consists?\s+of|includes?|estimated\s+at|totals?|totalling)$")
_SIZE_NUMBER = re.compile(rf"\bnumber of (?:its )?(?:{_PEOPLE})\b[^.]{{0,40}}?\b(?:to|at|is|was|of)\s+(?P<amount>{_AMOUNT})\b", re.I)
# A count after "home to" is a place's population ("an area that was home to more than 60,000 people"), no group's size.
_NOT_SIZE_BEFORE = re.compile(r"(?i)\bhome\s+$")
_FOUNDED = re.compile(r"\b(?:was|were|been|is)?\s*(?P<verb>founded|formed|created|established|launched|set up)\b", re.I)
_FOUNDED_ACTIVE = re.compile(r"\b(?P<verb>founded|formed|created|established|launched|set up)\s+(?:it|the group|the unit|them)\b", re.I)
_BASED = re.compile(r"\b(?:based|headquartered|active|operating)\s+in\s+(?P<place>(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)")
_ROLE = r"spokes(?:man|woman|person)|leader|commander|founder|head|chief|co-founder"
_ROLE_OF = re.compile(rf"\b(?P<role>{_ROLE})\s+of\s+(?:the\s+)?[“\"«‘]?", re.I)
_NOT_APPOSITION = re.compile(r"(?i)^\s*['’]s\b|\b(?:and|that|who|which|said|says|with)\b")
_ROLE_POSSESSIVE = re.compile(rf"^[”\"»’]?['’]s\s+(?P<role>{_ROLE})\b", re.I)
_DESIGNATION = re.compile(
    r"\b(?P<verb>classif\w*|designat\w*|declar\w*|list\w*|recogni[sz]\w*|label\w*|brand\w*|outlaw\w*|ban\w*)\b"
    r"[^.]{0,80}?\bas\s+(?:an?\s+)?[“\"«‘]?(?P<what>(?:(?:foreign|international)\s+)?(?:terrorist|extremist|undesirable|criminal)"
    r"(?:\s+(?:organi[sz]ation|group|entity|formation))?)",
    re.I,
)
_TERROR_LIST = re.compile(r"\b(?:placed|put|added|included|entered)\s+on(?:to)?\s+(?:the\s+|a\s+)?(?P<what>[\w’'\s]{0,30}?(?:terror|terrorist|extremist|wanted|sanctions?)\s+list)", re.I)
_RELATIONS = (
    ("opponent", re.compile(r"\b(?:fight(?:s|ing)?|fought|struggle|war|attack(?:s|ed|ing)?|oppos(?:e|es|ed|ing))\s+(?:against|with)?\s*(?:the\s+)?$|\bat war with\s+(?:the\s+)?$|\bnever work with\s+(?:the\s+)?$|\bagainst\s+(?:the\s+)?$", re.I)),
    ("ally", re.compile(r"\b(?:alongside|allied with|together with|in support of|backed by|supported by|affiliated with|cooperat\w+ with)\s+(?:the\s+)?$", re.I)),
    ("part_of", re.compile(r"\b(?:part of|member of|unit of|wing of|subordinate to|integral part of|ties to)\s+(?:the\s+)?$", re.I)),
)
_PRONOUN_SUBJECT = re.compile(r"^\s*(?:It|This|They|The group|The unit|The organi[sz]ation)\b")
_LOOKBACK = 4


@stages.register("facts")
def make_facts() -> Stage:
    def facts(doc: Doc, analysis: Analysis) -> None:
        found: list[Fact] = []
        for sentence in analysis.sentences:
            found += _facts_in(doc, analysis, sentence)
        seen = {(f.subject_chain, f.predicate, f.value.casefold(), f.sentence.start) for f in analysis.facts}
        for fact in found:
            key = (fact.subject_chain, fact.predicate, fact.value.casefold(), fact.sentence.start)
            if key not in seen:
                seen.add(key)
                analysis.facts.append(fact)
        _attach_statements(analysis)
        _relabel_described_people(analysis)

    return facts


_PERSON_NOUNS = frozenset(
    "adviser advisor minister president spokesman spokeswoman spokesperson expert officer commander journalist analyst "
    "official founder director chairman chairwoman senator governor lawyer soldier activist author professor researcher "
    "ambassador secretary reporter editor correspondent mayor deputy general colonel lieutenant prosecutor judge".split()
)


def _relabel_described_people(analysis: Analysis) -> None:
    """"Ukrainian presidential adviser Oleksiy Arestovych": a name the model took for an organisation is
    a person when the article describes it with a person's title and the name looks like a person's."""
    for fact in analysis.facts:
        chain = analysis.chains[fact.subject_chain]
        words = chain.name.split()
        if fact.predicate != "description" or chain.label != "ORG" or not 2 <= len(words) <= 3:
            continue
        if fact.value.split()[-1].lower() in _PERSON_NOUNS and all(w[:1].isupper() and w.isalpha() for w in words):
            chain.label = "PERSON"


def _facts_in(doc: Doc, analysis: Analysis, sentence: Span) -> list[Fact]:
    text = sentence.text
    if not any(word in text.lower() for word in _TRIGGERS):
        return []
    mentions = [(i, m) for i, m in enumerate(analysis.mentions) if m.chain is not None and m.sentence == sentence]
    source = _source(doc, analysis, sentence, mentions)
    actors = [(i, m) for i, m in mentions if m.label in ("ORG", "NORP", "PERSON") and m.chain != source]
    organisations = [(i, m) for i, m in actors if m.label in ("ORG", "NORP") and analysis.chains[m.chain].label == "ORG"]
    facts: list[Fact] = []

    def add(subject: int | None, predicate: str, value: str, start: int, end: int, value_chain: int | None = None) -> None:
        if subject is None or not value.strip():
            return
        span = Span(sentence.start + start, sentence.start + end, text[start:end])
        facts.append(Fact(subject, predicate, " ".join(value.split()), span, sentence, value_chain=value_chain, source_chain=source))

    topic = _topic(analysis, sentence, organisations)
    for match in _SIZE.finditer(text):
        counted = match.group().split()[-1].casefold()
        cue = text[match.start() : match.start("amount")].strip()
        if counted == "people" and not _HAVING.match(cue):
            continue
        if not _NOT_SIZE_BEFORE.search(text[: match.start()]):
            add(topic, "size", match.group("amount"), match.start("amount"), match.end())
    for match in _SIZE_NUMBER.finditer(text):
        add(topic, "size", match.group("amount"), match.start("amount"), match.end("amount"))
    if _FOUNDED.search(text) or _FOUNDED_ACTIVE.search(text):
        facts += _founding(doc, analysis, sentence, actors, topic, source)
    for match in _BASED.finditer(text):
        subject = _first_known(_nearest(organisations, sentence.start + match.start(), before=True), topic)
        add(subject, "based_in", match.group("place").removeprefix("the "), match.start(), match.end())
    for fact in _roles(analysis, sentence, mentions):
        fact.source_chain = source
        facts.append(fact)
    for match in _DESIGNATION.finditer(text):
        inside = [m for _, m in actors if match.start() <= m.span.start - sentence.start < match.end()]
        subject = inside[0].chain if inside else topic
        by = _agent(doc, sentence, match.start())
        value = match.group("what") + (f" (by {by})" if by else "")
        add(subject, "designation", value, match.start(), match.end())
    for match in _TERROR_LIST.finditer(text):
        subject = _first_known(_person_before(analysis, sentence.start + match.start()), topic)
        add(subject, "designation", match.group("what"), match.start(), match.end())
    for first, second in zip(actors, actors[1:], strict=False):
        between = text[first[1].span.end - sentence.start : second[1].span.start - sentence.start]
        for predicate, cue in _RELATIONS:
            if len(between) < 60 and cue.search(between.rstrip("“\"«‘ ") + " ") and first[1].chain != second[1].chain:
                add(first[1].chain, predicate, analysis.chains[second[1].chain].name,
                    first[1].span.start - sentence.start, second[1].span.end - sentence.start, second[1].chain)
                break
    return facts


_TRIGGERS = (
    "soldier", "fighter", "member", "troop", "men", "volunteer", "militant", "recruit", "personnel", "people", "combatant",
    "found", "form", "creat", "establish", "launch", "set up", "based", "headquarter", "active", "operating",
    "spokes", "leader", "commander", "head", "chief", "classif", "designat", "declar", "list", "recogni", "label",
    "brand", "outlaw", "ban", "against", "war", "fight", "alongside", "allied", "together", "support", "affiliated",
    "cooperat", "part of", "ties to", "oppos", "attack", "struggle", "never work",
)


def _source(doc: Doc, analysis: Analysis, sentence: Span, mentions: list[tuple[int, Mention]]) -> int | None:
    """The chain the sentence attributes its content to: "According to X", "X reported/said/spoke of"."""
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if span is None:
        return None
    for token in span:
        is_source = (token.lower_ == "according" and any(c.lower_ == "to" for c in token.children)) or (
            token.lemma_ in _SPEECH and token.pos_ == "VERB"
        )
        if not is_source:
            continue
        if token.lower_ == "according":
            heads = [g for c in token.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
        else:
            heads = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.dep_ != "nsubjpass"]
        for head in heads:
            tokens = list(head.subtree)
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            inside = [m for _, m in mentions if start <= m.span.start and m.span.end <= end]
            for labels in (("PERSON", "ORG"), ("NORP", "GPE")):  # "UNIAN", not "Ukrainian", in "Ukrainian news agency UNIAN"
                named = [m for m in inside if analysis.chains[m.chain].label in labels]
                if named:
                    return named[-1].chain
    return None


def _topic(analysis: Analysis, sentence: Span, organisations: list[tuple[int, Mention]]) -> int | None:
    """The organisation the sentence is about: named in it, else named most in the last few sentences."""
    if organisations and not _PRONOUN_SUBJECT.match(sentence.text):
        return organisations[0][1].chain
    index = next((i for i, s in enumerate(analysis.sentences) if s.start == sentence.start), 0)
    window = analysis.sentences[max(0, index - _LOOKBACK) : index + 1]
    if not window:
        return None
    counts: Counter[int] = Counter()
    last = None
    for distance, earlier in enumerate(reversed(window)):
        for mention in analysis.mentions:
            if earlier.start <= mention.span.start < min(earlier.end, sentence.end) and mention.chain is not None:
                if analysis.chains[mention.chain].label == "ORG":
                    counts[mention.chain] += 1 / (distance + 1)  # nearer sentences weigh more
                    if distance <= 1 and (last is None or mention.span.start > last[1]) and earlier.start < sentence.start:
                        last = (mention.chain, mention.span.start)
    if last is not None:
        counts[last[0]] += 0.5  # the organisation named last before "it"/"this"
    return max(counts, key=lambda chain: counts[chain]) if counts else None


def _first_known(*chains: int | None) -> int | None:
    """The first chain that is not None (chain 0 is a chain, not a missing value)."""
    return next((chain for chain in chains if chain is not None), None)


def _nearest(mentions: list[tuple[int, Mention]], position: int, before: bool) -> int | None:
    candidates = [m for _, m in mentions if (m.span.end <= position if before else m.span.start >= position)]
    if not candidates:
        return None
    return (candidates[-1] if before else candidates[0]).chain


def _person_before(analysis: Analysis, position: int) -> int | None:
    """The person a "he"/"she" most likely means: the last person named before, within a few sentences."""
    people = [m for m in analysis.mentions if m.chain is not None and analysis.chains[m.chain].label == "PERSON" and m.span.end <= position]
    if people and position - people[-1].span.end < 600:
        return people[-1].chain
    return None


def _founding(doc: Doc, analysis: Analysis, sentence: Span, actors, topic: int | None, source: int | None) -> list[Fact]:
    """"X was formed in February 2022", "This was founded by Denis Nikitin", "Nikitin launched it last August"."""
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if span is None:
        return []
    facts = []
    for verb in span:
        if verb.lemma_ not in ("found", "form", "create", "establish", "launch", "set") or verb.pos_ != "VERB":
            continue
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        founded_tokens = subjects if passive else objects
        founder_tokens = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"] if passive else subjects
        founded = _chain_at(analysis, founded_tokens, ("ORG", "NORP"))
        if founded is None and any(t.lower_ in ("it", "this", "they", "group", "unit") for t in founded_tokens):
            founded = topic
        if founded is None:
            continue
        founder = _chain_at(analysis, founder_tokens, ("PERSON", "ORG"))
        extent = (verb.idx - sentence.start, verb.idx + len(verb) - sentence.start)
        dates = [e for e in doc.ents if e.label_ == "DATE" and e.root.head.i in _descendants(verb)]
        for date in dates[:1]:
            facts.append(_fact(sentence, founded, "founded", date.text, (min(extent[0], date.start_char - sentence.start), max(extent[1], date.end_char - sentence.start)), None, source))
        if founder is not None and founder != founded:
            tokens = founder_tokens[0]
            end = max(t.idx + len(t) for t in tokens.subtree) - sentence.start
            facts.append(_fact(sentence, founded, "founded_by", analysis.chains[founder].name, (extent[0], max(end, extent[1])), founder, source))
    return facts


def _descendants(token) -> set[int]:
    return {t.i for t in token.subtree}


def _chain_at(analysis: Analysis, tokens, labels: tuple[str, ...]) -> int | None:
    for token in tokens:
        start, end = min(t.idx for t in token.subtree), max(t.idx + len(t) for t in token.subtree)
        for mention in analysis.mentions:
            if mention.chain is not None and start <= mention.span.start and mention.span.end <= end:
                if analysis.chains[mention.chain].label in labels:
                    return mention.chain
    return None


def _fact(sentence: Span, subject: int, predicate: str, value: str, extent: tuple[int, int], value_chain: int | None, source: int | None) -> Fact:
    start, end = extent
    span = Span(sentence.start + start, sentence.start + end, sentence.text[start:end])
    return Fact(subject, predicate, " ".join(value.split()), span, sentence, value_chain=value_chain, source_chain=source)


def _roles(analysis: Analysis, sentence: Span, mentions: list[tuple[int, Mention]]) -> list[Fact]:
    """"the unit’s spokesman" / "leader of the Russian Volunteer Corps" next to a person's name."""
    text = analysis.article.text
    facts = []
    people = [m for _, m in mentions if analysis.chains[m.chain].label == "PERSON"]
    for _, organisation in mentions:
        if analysis.chains[organisation.chain].label != "ORG":
            continue
        after = text[organisation.span.end : organisation.span.end + 30]
        before = text[max(sentence.start, organisation.span.start - 40) : organisation.span.start]
        role = None
        if match := _ROLE_POSSESSIVE.match(after):
            role, extent = match.group("role"), (organisation.span.start, organisation.span.end + match.end())
        elif (match := list(_ROLE_OF.finditer(before))) and before.endswith(match[-1].group(0)):
            start = organisation.span.start - len(before) + match[-1].start()
            role, extent = match[-1].group("role"), (start, organisation.span.end)
        if role is None or not people:
            continue
        person = min(people, key=lambda p: min(abs(p.span.end - extent[0]), abs(p.span.start - extent[1])))
        if min(abs(person.span.end - extent[0]), abs(person.span.start - extent[1])) > 40:
            continue
        between = text[person.span.end : extent[0]] if person.span.end <= extent[0] else text[extent[1] : person.span.start]
        if _NOT_APPOSITION.search(between):  # "with Putin's approval, and that the head of the Wagner militia"
            continue
        start, end = extent
        facts.append(
            Fact(organisation.chain, role.lower().replace("co-founder", "founder"), analysis.chains[person.chain].name,
                 Span(start, end, text[start:end]), sentence, value_chain=person.chain)
        )
    return facts


def _agent(doc: Doc, sentence: Span, offset: int) -> str | None:
    """Who classifies: the subject of the main verb before the classifying verb ("Russia’s Attorney General")."""
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if span is None:
        return None
    for token in span:
        if token.dep_ == "nsubj" and token.idx - sentence.start < offset and token.pos_ in ("PROPN", "NOUN"):
            tokens = [t for t in token.subtree]
            phrase = SpacySpan(doc, tokens[0].i, tokens[-1].i + 1).text
            return phrase if len(phrase.split()) <= 8 else None
    return None


def _attach_statements(analysis: Analysis) -> None:
    """A fact inside an attributed statement's content is that statement's claim."""
    for fact in analysis.facts:
        if fact.statement is not None:
            continue
        for index, statement in enumerate(analysis.statements):
            if statement.content.start <= fact.span.start and fact.span.end <= statement.content.end:
                fact.statement = index
                break
