"""Who a statement's source is: the actor chain it names or refers to, and what kind of source it is.

A source names an actor ("the private Ukrainian news agency UNIAN"), refers back to one ("he",
"the agency", "the spokesman", "Putin's spokesman"), or stays unnamed ("sources", "officials").
References are resolved to the most recent earlier mention of a compatible actor; a description
prefers an actor the article has described with the same noun ("UNIAN ... news agency" ... "the
agency"). News keeps to one speaker across sentences, so a pronoun first looks for the source of a
statement just before ("Danilov reminded that ... He said that ..."), not the nearest name (Peskov,
whom Danilov answered). "We" or "I" inside a quotation is its speaker, named outside the quotation
marks ("“We can confirm ...,” Kremlin spokesman Dmitry Peskov said"), and so is a quoted "it" (“It can be
said that ...,” Peskov said). A surname the parser did not
tag as a name is the person the article named in full. A name the parser did not tag, qualified by one it did
("Russia's Anti-Terrorist Committee"), is neither that actor nor an earlier one; a one-word "person" the article
also writes in small letters ("Destruction") or that is a large city ("Kyiv") is no antecedent; a dateline opening the lead
("MOSCOW, June 24, 2023 (AFP) –") is no part of the source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from factfile.extract.frequency import zipf
from factfile.extract.gender import PRONOUNS, Gender, chain_gender, first_name_gender
from factfile.extract.statements.continued import turn_start
from factfile.extract.statements.roles import identified_later, role_holder
from factfile.records import Analysis, Chain, Mention, SourceType, Span, Statement

PERSON_PRONOUNS = frozenset({"he", "him", "she", "her"})
GROUP_PRONOUNS = frozenset({"it", "they", "them"})
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
RELATIVES = frozenset({"who", "which"})
SPEECH_LEMMAS = frozenset({
    "say", "tell", "add", "state", "declare", "claim", "write", "announce", "report", "explain", "stress", "note",
    "insist", "warn", "assure", "confirm", "deny", "assert", "argue", "continue", "conclude", "emphasise", "emphasize",
})
CONTINUING_SENTENCES = 2  # how far back a pronoun takes the last statement's source as its own
APPOSITION = 120  # characters after a name searched for the title it is given ("Peskov, the Kremlin spokesman")
BIG_CITY = 100_000  # a one-word "person" naming a city this large is the parser's mistake (`_common_noun`)
COMMON_WORD = 3.5  # wordfreq Zipf of a word too common to be a name when it is capitalised only opening sentences
PERSON_NOUNS = frozenset(
    {
        "spokesman", "spokeswoman", "spokesperson", "president", "minister", "leader", "candidate", "senator",
        "governor", "man", "woman", "founder", "commander", "expert", "adviser", "advisor", "lawyer", "director",
        "chief", "secretary", "ambassador", "general", "officer", "soldier", "mayor", "chairman", "chairwoman",
        "nominee", "congressman", "congresswoman", "representative", "businessman", "analyst", "professor",
        "author", "journalist", "reporter", "billionaire", "actor", "activist", "mother", "father", "wife", "husband",
        "coordinator", "envoy", "commissioner", "ombudsman", "rapporteur",
    }
)
GROUP_NOUNS = frozenset(
    {
        "agency", "ministry", "group", "organisation", "organization", "company", "firm", "service", "newspaper",
        "paper", "outlet", "publication", "portal", "broadcaster", "channel", "unit", "corps", "legion", "campaign",
        "party", "government", "committee", "department", "office", "network", "station", "magazine", "website",
        "daily", "militia", "movement", "council", "court", "army", "administration", "team", "union", "bank",
    }
)
OFFICIAL_TITLES = frozenset(
    {
        "minister", "president", "governor", "senator", "ambassador", "secretary", "mayor", "official", "officials",
        "prosecutor", "attorney", "general", "commander", "spokesman", "spokeswoman", "spokesperson", "congressman",
        "congresswoman", "lawmaker", "lawmakers", "authorities", "police", "ministry", "government", "administration",
    }
)
GOVERNMENT_WORDS = frozenset(
    {
        "ministry", "government", "police", "army", "military", "forces", "kremlin", "fsb", "sbu", "cia", "fbi", "nsa",
        "kgb", "gru", "department", "parliament", "duma", "congress", "senate", "commission", "court", "prosecutor",
        "administration", "pentagon", "embassy", "authorities", "intelligence", "security service", "white house",
        "general staff", "attorney general", "state department", "defense", "defence", "interior", "navy",
    }
)
OUTLET_WORDS = frozenset(
    {
        "times", "post", "news", "radio", "journal", "guardian", "telegraph", "reuters", "associated press", "ap", "afp",
        "bbc", "cnn", "fox", "nbc", "abc", "cbs", "msnbc", "npr", "bloomberg", "politico", "axios", "vice", "meduza",
        "unian", "interfax", "tass", "ria", "kommersant", "metro", "mirror", "express", "independent", "economist",
        "tribune", "herald", "gazette", "daily", "magazine", "channel", "tv", "television", "broadcasting", "liberty",
        "breitbart", "huffington", "huffpost", "newsweek", "spiegel", "monde", "al jazeera", "watson", "bild", "pravda",
        "newspaper", "news agency", "portal", "portals", "broadcaster", "outlet", "outlets", "wire", "yahoo", "telegram channel",
    }
)
DOCUMENT_NOUNS = frozenset(
    {
        "report", "statement", "document", "documents", "letter", "study", "survey", "poll", "polls", "memo", "filing",
        "record", "records", "data", "analysis", "investigation", "book", "tweet", "post", "release", "manifesto",
        "message", "video", "videos", "footage", "complaint", "lawsuit", "indictment", "ruling", "transcript", "email",
        "emails", "assessment", "figures", "research", "review", "audit", "paper", "article", "reports", "website",
    }
)
# Group nouns that may stand for a state ("the government", "the army"); any other ("the committee", "the agency")
# never refers back to a place the article named, whatever the parser tagged it.
STATE_NOUNS = frozenset({"government", "administration", "army", "country", "state", "regime", "military", "authorities"})
# Roles a person holds in a body ("the head of the Wagner group"), besides `PERSON_NOUNS`.
LEADER_NOUNS = frozenset({"head", "owner", "boss", "chief", "leader", "founder", "commander", "chairman", "director"})
ANONYMOUS_NOUNS = frozenset(
    {"source", "sources", "person", "people", "insider", "insiders", "someone", "observer", "observers", "witness", "witnesses", "critic", "critics"}
)


# A dateline before the lead's first words ("MOSCOW, June 24, 2023 (AFP) – The mayor of Moscow said"): a place in
# capitals, then anything up to a dash; the source is what follows the dash.
DATELINE = re.compile(r"^[A-ZА-ЯЁІЇЄ][A-ZА-ЯЁІЇЄ .'’-]+,[^–—]{0,80}?\s[–—-]{1,2}\s+(?=\S)")


def after_dateline(text: str) -> int:
    """Where a source starts once a dateline opening it is cut off (0: none)."""
    found = DATELINE.match(text)
    return found.end() if found else 0


@dataclass(frozen=True, slots=True)
class Resolution:
    chain: int | None
    source_type: SourceType
    relayed: bool = False  # an unnamed source an outlet relays: the claim reaches the reader second-hand


def resolve(
    doc: Doc, analysis: Analysis, start: int, end: int, earlier: Sequence[Statement] = (), quoted: Sequence[int] = ()
) -> Resolution:
    """The actor chain a source span refers to (None when unnamed) and the kind of source.

    `earlier`: the statements found before this one (a pronoun continues their speaker); `quoted`: 1 for
    each token inside a quotation (features.quote_depths), so that a quoted "we" finds its speaker."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return Resolution(None, "anonymous")
    root = span.root
    body = _state_body(analysis, span, root)
    if body is not None:
        return Resolution(body, "official")
    unit = _unit_of_body(analysis, span, root)
    if unit is not None:
        return Resolution(unit, "official")
    mention = _named(analysis, root, start, end)
    if mention is not None:
        chain = analysis.chains[mention.chain] if mention.chain is not None and mention.chain < len(analysis.chains) else None
        name = chain.name if chain else mention.span.text
        label = chain.label if chain else mention.label
        if chain is not None and label != "PERSON" and name.split()[-1].lower() in PERSON_NOUNS:
            holder = _title_holder(analysis, mention.chain, start, earlier)
            if holder is not None:
                return Resolution(holder, "official")
        if label != "PERSON" and (holder := _titled_person(analysis, span, mention)) is not None:
            return Resolution(holder, "official" if _has_any(span.text.lower(), OFFICIAL_TITLES) else "person")
        return Resolution(mention.chain, _type_of_named(span.text, name, label))
    lower = root.lower_
    if lower in RELATIVES and root.head.dep_ == "relcl" and root.head.head.i != root.i:
        # "corroborated by Bastrykin, who also stated that ...": the one the clause is about
        antecedent = root.head.head
        holding = next((m for m in analysis.mentions if m.span.start <= antecedent.idx < m.span.end), None)
        start, end = (holding.span.start, holding.span.end) if holding else (antecedent.idx, antecedent.idx + len(antecedent))
        return resolve(doc, analysis, start, end, earlier, quoted)
    if root.pos_ == "PRON" or lower in FIRST_PERSON:
        if (lower in FIRST_PERSON or lower == "it") and quoted and quoted[root.i]:  # a quoted "it can be said" too
            speaker = _quote_speaker(doc, root, quoted)
            if speaker is not None:
                return resolve(doc, analysis, speaker[0], speaker[1], earlier)
        if lower in PERSON_PRONOUNS:
            gender = PRONOUNS[lower]
            chain = _continuing(analysis, earlier, start, {"PERSON"}, gender)
            if chain is None:
                chain = _antecedent(analysis, start, {"PERSON"}, None, gender=gender)
            return Resolution(chain, "person")
        if lower in GROUP_PRONOUNS:
            chain = _continuing(analysis, earlier, start, {"ORG", "NORP", "GPE"}, None)
            if chain is None:
                chain = _antecedent(analysis, start, {"ORG", "NORP", "GPE"}, None, sentences=2)
            if chain is not None:
                found = analysis.chains[chain]
                return Resolution(chain, _type_of_named(span.text, found.name, found.label))
        return Resolution(None, "anonymous")
    if root.pos_ == "PROPN" and root.text[:1].isupper() and _inside_any(analysis, start, end):
        # an untagged name qualified by a tagged one (see `_named`): no earlier actor is it
        person = _person_ending(analysis, span.text)
        return Resolution(person, "person") if person is not None else Resolution(None, _type_of_untagged(span.text))
    surname = _surname(analysis, span.text, start)
    if surname is not None:
        found = analysis.chains[surname]
        return Resolution(surname, _type_of_named(span.text, found.name, found.label))
    resolution = _described(analysis, span.text, root, start, earlier)
    if resolution.chain is None and not _ends_in_clause(span) and (person := _person_ending(analysis, span.text)) is not None:
        return Resolution(person, "official" if _has_any(span.text.lower(), OFFICIAL_TITLES) else "person")
    if resolution.chain is None and resolution.source_type in ("person", "official"):
        person = _apposed_person(analysis, end) if lower in PERSON_NOUNS | LEADER_NOUNS else None
        if person is None and not _ends_in_clause(span):
            person = _untagged_person(analysis, start, end)
        if person is not None:
            return Resolution(person, resolution.source_type)
    if resolution.chain is None and (outlet := _relaying_outlet(analysis, span.text, start)) is not None:
        return Resolution(outlet, "outlet", relayed=True)
    return resolution


# Bodies a state speaks through, named by what they are ("Russia's defence ministry", "the Ukrainian General Staff").
BODY_NOUNS = frozenset({"ministry", "staff", "intelligence", "agency", "committee", "office", "service", "services", "command"})


def _state_body(analysis: Analysis, span, root: Token) -> int | None:
    """The chain of a state's body written as a description the parser tagged no name in ("Russia’s defence ministry
    said", "the Russian defence ministry", "the interior ministry of Ukraine"): its head is a body's noun and its owner a
    state, by a possessive, a nationality adjective or an "of" phrase. The chain is one of names known only when
    stored (`Chain.known_only`): it joins the stored actor that has this very name, else no actor, so that the
    description finds the ministry other articles named, not the last organisation named before it (the outlet
    reporting it)."""
    if root.lower_ not in BODY_NOUNS or root.pos_ not in ("NOUN", "PROPN") or root.text[:1].isupper():
        return None  # a capitalised head is a name the parser did not tag ("Russia's Anti-Terrorist Committee"): `_named` reads it
    states = [m for m in analysis.mentions if m.label in ("GPE", "NORP") and span.start_char <= m.span.start and m.span.end <= span.end_char]
    if not states or any(
        m.label in ("ORG", "PERSON") and span.start_char <= m.span.start and m.span.end <= span.end_char for m in analysis.mentions
    ):
        return None
    doc = root.doc

    def state_word(token: Token) -> bool:
        return any(m.span.start <= token.idx < m.span.end for m in states)

    owner = [c for c in root.children if c.dep_ in ("poss", "amod", "compound") and state_word(c)]
    of = [c for c in root.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > root.i]
    of_state = [p for p in of if any(o.dep_ == "pobj" and state_word(o) for o in p.children)]
    if not owner and not of_state:
        return None
    first = root.i  # the words before the head that are its owner and modifiers, not a date or a dateline before them
    while first > span.start and _modifies(doc[first - 1], span.start, root.i, state_word(doc[first - 1])):
        first -= 1
    last = max(t.i for t in of_state[0].subtree) if of_state else root.i
    if last >= span.end:
        return None
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    name = analysis.article.text[start:end]
    chain = next((c for c in analysis.chains if c.known_only and c.label == "ORG" and c.name.casefold() == name.casefold()), None)
    if chain is None:
        chain = Chain(id=len(analysis.chains), name=name, label="ORG", known_only=True)
        analysis.chains.append(chain)
    analysis.add_mention(Mention(Span(start, end, name), "ORG", analysis.sentence_of(start), chain=chain.id))
    return chain.id


# A body's units that speak for it ("the general staff of the Ukrainian Armed Forces", "the press service of Wagner").
UNIT_NOUNS = frozenset({"staff", "service", "command"})


def _unit_of_body(analysis: Analysis, span, root: Token) -> int | None:
    """The body whose unit speaks: a unit's noun heading the source with an "of" phrase that is an organisation's
    name ("the general staff of the Ukrainian Armed Forces said"); the unit speaks for the body. Not a unit of a state
    ("the Security Service of Ukraine" is a body of its own, `_state_body`), not a unit tagged as a name and not with a
    person in the source."""
    if root.lower_ not in UNIT_NOUNS or any(
        (m.label == "PERSON" and span.start_char <= m.span.start < span.end_char) or m.span.start <= root.idx < m.span.end
        for m in analysis.mentions
    ):
        return None  # a unit the parser tagged as a name ("the Southern Command of the Ukrainian army") is its own actor
    for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > root.i):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            tokens = list(obj.subtree)
            low, high = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            body = [
                m
                for m in analysis.mentions
                if m.label == "ORG" and m.chain is not None and low <= m.span.start and m.span.end <= high
                and m.span.start <= obj.idx < m.span.end and analysis.chains[m.chain].not_an_actor is None
            ]
            if body:
                return body[0].chain
    return None


def _modifies(token: Token, start: int, head: int, state: bool) -> bool:
    """Whether a word before a head noun belongs to its name: a state or a modifier hanging inside the phrase, not a
    number or a dateline's word."""
    if not (state or token.dep_ in ("poss", "amod", "compound", "case")) or not start <= token.head.i <= head:
        return False
    return state or token.dep_ == "case" or token.is_alpha and not token.like_num


# "A senior Ukrainian official interviewed by the New York Times": an unnamed source whom an outlet relays.
_RELAYED_BY = re.compile(r"\b(?:interviewed|quoted|cited)\s+by\s+|\bspeaking\s+to\s+")


def _relaying_outlet(analysis: Analysis, text: str, start: int) -> int | None:
    """The outlet an unnamed source spoke to or was quoted by: it carries the claim, the only actor the reader can hold
    to it (eval/realstory's guideline labels such claims the outlet's, as relayed second-hand)."""
    found = _RELAYED_BY.search(text)
    if found is None:
        return None
    at = start + found.end()
    outlet = next((m for m in analysis.mentions if at <= m.span.start <= at + 4 and m.label == "ORG" and m.chain is not None), None)
    return outlet.chain if outlet is not None else None


def _title_holder(analysis: Analysis, title: int, before: int, earlier: Sequence[Statement]) -> int | None:
    """The person a title tagged as a name stands for ("The Kremlin spokesman" after "Kremlin Spokesman
    Dmitry Peskov"): the person named right after the title somewhere in the article, else the only one the
    article gives the title's noun after a comma ("Martin Griffiths, ... Emergency Relief Coordinator"), else the one
    an earlier statement's source continues, else the nearest earlier person."""
    text = analysis.article.text
    ends = {analysis.mentions[i].span.end for i in analysis.chains[title].mentions}
    for m in analysis.mentions:
        if m.chain is not None and m.label == "PERSON" and any(0 <= m.span.start - e <= 2 and not text[e:m.span.start].strip() for e in ends):
            return m.chain
    noun = analysis.chains[title].name.split()[-1].casefold()
    apposed = {
        m.chain for m in analysis.mentions
        if m.chain is not None and m.label == "PERSON" and noun in _apposition(text, m.span.end, m.sentence.end)
        and not _common_noun(analysis, m.chain)
    }
    if len(apposed) == 1:
        return apposed.pop()
    return _continuing(analysis, earlier, before, {"PERSON"}, None) or _antecedent(analysis, before, {"PERSON"}, None)


def _apposition(text: str, after: int, sentence_end: int) -> list[str]:
    """The casefolded words of the appositive right after a name ("Martin Griffiths, Under-Secretary-General for
    Humanitarian Affairs and Emergency Relief Coordinator —"), up to a dash, a bracket or the sentence's end."""
    if not text[after:after + 2].lstrip(" ").startswith(","):
        return []
    phrase = re.split(r"[—–()\[\];:]|\s-\s", text[after + 1:min(sentence_end, after + APPOSITION)], maxsplit=1)[0]
    return [w.casefold() for w in re.findall(r"[^\W\d_]+", phrase)]


def _continuing(analysis: Analysis, earlier: Sequence[Statement], before: int, labels: set[str], gender: Gender | None) -> int | None:
    """The source chain of the last statement in the sentences just before (or earlier in this one), when
    it fits the pronoun: its label, and for "he"/"she" a gender the article does not contradict."""
    window_start = turn_start(analysis.article.text, analysis.sentences, before, CONTINUING_SENTENCES)
    previous = [
        st for st in earlier
        if st.source_chain is not None and st.source is not None and window_start <= st.source.start < before
        and st.source_chain < len(analysis.chains)
    ]
    if not previous:
        return None
    chain = max(previous, key=lambda st: st.source.start).source_chain
    if analysis.chains[chain].label not in labels or ("PERSON" in labels and _common_noun(analysis, chain)):
        return None
    if gender is not None and chain_gender(analysis, chain) not in (None, gender):
        return None
    return chain


def _quote_speaker(doc: Doc, pronoun: Token, quoted: Sequence[int]) -> tuple[int, int] | None:
    """Where the speaker of the quotation holding `pronoun` is named: the subject, outside the quotation
    marks, of a speech verb outside them, in the pronoun's sentence or the next ones while the quotation
    runs on ("“We can confirm ...,” Kremlin spokesman Dmitry Peskov said")."""
    sentence = pronoun.sent
    for _ in range(3):
        for token in sentence:
            if quoted[token.i] or token.lemma_.lower() not in SPEECH_LEMMAS:
                continue
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and not quoted[c.i]), None)
            if subject is not None and subject.lower_ not in FIRST_PERSON:
                tokens = list(subject.subtree)
                if not any(quoted[t.i] for t in tokens):
                    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        if sentence.end >= len(doc) or not quoted[sentence.end - 1]:
            return None
        sentence = doc[sentence.end].sent
    return None


def _surname(analysis: Analysis, text: str, before: int) -> int | None:
    """The person chain named in full earlier whose surname the source is ("Danilov" after "Oleksiy
    Danilov"), when the parser did not tag it as a name; only one such person may be in play."""
    words = text.split()
    if len(words) != 1 or not words[0][:1].isupper():
        return None
    found = {
        m.chain for m in analysis.mentions
        if m.chain is not None and m.span.end <= before and m.chain < len(analysis.chains)
        and analysis.chains[m.chain].label == "PERSON" and len(analysis.chains[m.chain].name.split()) > 1
        and analysis.chains[m.chain].name.split()[-1] == words[0]
    }
    return found.pop() if len(found) == 1 else None


def _person_ending(analysis: Analysis, text: str) -> int | None:
    """The person an untagged source is or ends with, by a name the article tags elsewhere: the parser
    missed "Yevgeny Prigozhin" in "“...,” Yevgeny Prigozhin announced" or in "the head of the Group, Yevgeny
    Prigozhin," though it tagged him in other sentences."""
    stripped = text.strip().rstrip(",;:").strip()
    found = {
        number for number, chain in enumerate(analysis.chains)
        if chain.label == "PERSON" and any(
            len(form.split()) > 1 and (stripped == form or stripped.endswith((f", {form}", f" {form}")))
            for form in {chain.name, *(analysis.mentions[i].span.text for i in chain.mentions)}
        )
    }
    return found.pop() if len(found) == 1 else None


def _apposed_person(analysis: Analysis, end: int) -> int | None:
    """The person named right after a role, set off by a comma ("According to Governor of Donetsk Oblast, Pavlo
    Kyrylenko, 98 ... were hospitalised": the according-to phrase ended at the comma)."""
    text = analysis.article.text
    return next(
        (
            m.chain
            for m in analysis.mentions
            if m.label == "PERSON" and m.chain is not None and end <= m.span.start <= end + 3 and text[end : m.span.start].strip() == ","
        ),
        None,
    )


def _untagged_person(analysis: Analysis, start: int, end: int) -> int | None:
    """A person's full name ending a role the parser tagged no name in ("Kramatorsk Mayor Oleksandr Goncharenko"):
    two or three capitalised words at the source's end, the first a first name (gender.first_name_gender, from package
    name lists); the person's chain, a new one when the article tags the name nowhere else."""
    words = list(re.finditer(r"[^\W\d_][\w'’-]*", analysis.article.text[start:end]))
    for size in (3, 2):
        if len(words) <= size:
            continue
        name = words[-size:]
        if not all(w.group(0)[:1].isupper() and not w.group(0).isupper() for w in name):
            continue
        if first_name_gender(" ".join(w.group(0) for w in name)) is None:
            continue
        at, until = start + name[0].start(), start + name[-1].end()
        full = analysis.article.text[at:until]
        chain = analysis.chain_named(full, "PERSON")
        if not any(m.span.start == at and m.span.end == until for m in analysis.mentions):
            analysis.add_mention(Mention(Span(at, until, full), "PERSON", analysis.sentence_of(at), chain=chain.id))
        return chain.id
    return None


def _titled_person(analysis: Analysis, span, mention: Mention) -> int | None:
    """The person a title ends with when the parser tagged the body or place in the title but not the name ("UN High
    Commissioner for Human Rights Volker Türk", "Advisor to the Office of the President of Ukraine Mikhail Podolyak"):
    the title's holder speaks, not its body. The name is two or three capitalised words after the tagged one, the
    first a first name and the last no common word of the article's language ("the Red Cross", "General Staff")."""
    end = span.end_char
    if mention.span.end >= end or _ends_in_clause(span):
        return None
    words = re.findall(r"[^\W\d_][\w'’-]*", analysis.article.text[mention.span.end : end])
    if len(words) < 2 or zipf(words[-1].lower(), analysis.article.language or "en") >= COMMON_WORD:
        return None
    if any(mention.span.end <= m.span.start < end and m.label in _ACTOR for m in analysis.mentions):
        return None
    return _untagged_person(analysis, span.start_char, end)


def _ends_in_clause(span) -> bool:
    """Whether the source's last word is in a clause on its head ("the owner of Wagner, who wants to remove the
    defence minister Sergei Shoigu"): a name ending it there is whom the clause is about, not the source."""
    words = [t for t in span if not t.is_punct]
    if not words:
        return False
    token = words[-1]
    while span.start <= token.i < span.end and token.i != span.root.i and token.head.i != token.i:
        if token.dep_ in ("relcl", "acl"):
            return True
        token = token.head
    return False


def _named(analysis: Analysis, root: Token, start: int, end: int) -> Mention | None:
    """The actor mention the source is about: the one holding the phrase's head word, else the only one."""
    inside = [m for m in analysis.mentions if start <= m.span.start and m.span.end <= end and m.label in _ACTOR]
    if not inside:
        return None
    holding = [m for m in inside if m.span.start <= root.idx < m.span.end]
    people = [m for m in inside if m.label == "PERSON" and m.span.end == end]
    if holding and holding[0].label != "PERSON" and people:
        return people[0]  # "Ukraine's NSDC Secretary Oleksiy Danilov": the person the title ends with
    if holding:
        return holding[0]
    if root.pos_ == "PROPN" or root.dep_ == "appos" or any(c.dep_ == "appos" for c in root.children):
        # a name the parser did not tag, qualified by a tagged one ("Russia's Anti-Terrorist Committee", "the
        # Anti-Terrorist Committee of Russia"): the committee speaks, not the country
        heads = [m for m in inside if not (root.pos_ == "PROPN" and _in_modifier(root, m))]
        return heads[-1] if heads else None
    appositive = [  # "the agency UNIAN", "extremism expert Robert Claus"; not "the South command of Ukraine's Armed Forces"
        m for m in inside if m.span.start > root.idx and not _in_modifier(root, m)
    ]
    if appositive and root.lower_ not in DOCUMENT_NOUNS and not any(t.dep_ == "poss" for t in root.children):
        return appositive[0]
    return None


_ACTOR = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})


def _inside_any(analysis: Analysis, start: int, end: int) -> bool:
    """Whether an actor mention lies inside the span."""
    return any(start <= m.span.start and m.span.end <= end and m.label in _ACTOR for m in analysis.mentions)


def _type_of_untagged(text: str) -> SourceType:
    lowered = text.lower()
    if _has_any(lowered, OUTLET_WORDS):
        return "outlet"
    if _has_any(lowered, OFFICIAL_TITLES) or _has_any(lowered, GOVERNMENT_WORDS):
        return "official"
    return "organisation"


def _in_modifier(root: Token, mention: Mention) -> bool:
    """Whether the mention hangs from the phrase's head through a preposition or a possessive: it
    qualifies the head ("the command of X", "X's spokesman"), it is not the head's name."""
    span = root.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    while token.i != root.i and token.head.i != token.i:
        if token.dep_ in ("pobj", "prep", "poss", "nmod"):
            return True
        token = token.head
    return False


def _described(analysis: Analysis, text: str, root: Token, start: int, earlier: Sequence[Statement] = ()) -> Resolution:
    lemma = root.lemma_.lower()
    owners = [t for t in root.children if t.dep_ == "poss"]  # "Putin's spokesman": a definite description, not Putin
    definite = bool(owners) or any(t.lower_ in ("the", "this", "that") for t in root.children if t.dep_ == "det")
    words = text.lower()
    if lemma in ANONYMOUS_NOUNS:
        return Resolution(None, "anonymous")
    if lemma in DOCUMENT_NOUNS:
        return Resolution(None, "document")
    if lemma in LEADER_NOUNS:
        kind: SourceType = "person"
    elif _has_any(words, OUTLET_WORDS) and lemma in GROUP_NOUNS | {"newspaper", "portal", "outlet"}:
        kind = "outlet"
    elif _has_any(words, OFFICIAL_TITLES) or _has_any(words, GOVERNMENT_WORDS):
        kind = "official"
    elif lemma in PERSON_NOUNS:
        kind = "person"
    elif lemma in GROUP_NOUNS:
        kind = "organisation"
    else:
        return Resolution(None, "anonymous")
    if lemma in PERSON_NOUNS | LEADER_NOUNS and (holder := _role_holder(analysis, text, root, start)) is not None:
        return Resolution(holder, "official" if kind == "official" else "person")
    if definite and (lemma in PERSON_NOUNS or lemma in GROUP_NOUNS):
        labels = {"PERSON"} if lemma in PERSON_NOUNS else {"ORG", "NORP", "GPE"}
        owner_chains = {m.chain for m in analysis.mentions for t in owners if m.span.start <= t.idx < m.span.end}
        if lemma in GROUP_NOUNS and lemma not in STATE_NOUNS:  # "the committee" is no place, whatever its tag ("Crimea" as ORG)
            owner_chains |= {m.chain for m in analysis.mentions if m.chain is not None and m.span.end <= start and _place_name(analysis, m.chain)}
            labels = {"ORG"}  # nor a nationality ("Crimean", "Ukrainian")
        chain = _antecedent(analysis, start, labels, lemma, excluded=owner_chains)
        if chain is None and lemma in PERSON_NOUNS:
            chain = _continuing(analysis, earlier, start, labels, None)
        if chain is not None:
            found = analysis.chains[chain]
            named_kind = _type_of_named(text, found.name, found.label)
            return Resolution(chain, kind if kind == "official" and named_kind == "person" else named_kind)
    return Resolution(None, kind)


def _role_holder(analysis: Analysis, text: str, root: Token, start: int) -> int | None:
    """The person a role of a named body or place stands for ("The head of the Wagner group", "The owner of the Wagner
    private military contractor who ..."): the one the article names beside that role or beside the body, before or
    after (roles.role_holder); None when the role names no body or place, or no such person is named."""
    end = start + len(text)
    named = [
        m for m in analysis.mentions
        if start <= m.span.start and m.span.end <= end and m.chain is not None and m.label in ("ORG", "GPE") and m.span.start > root.idx
    ]
    if not named:
        return None
    own = text[: named[-1].span.end - start]  # the role up to the body it is of, not a clause after it
    holder = role_holder(analysis, analysis.article.text, start, root.lower_, own, [])  # beside the role word, not any name of the body
    if holder is not None and any(start <= analysis.mentions[i].span.start < end for i in analysis.chains[holder].mentions):
        return None  # "The owner of Wagner, who wants to remove the defence minister Sergei Shoigu": named in its clause, someone else
    if holder is not None:
        return holder
    return identified_later(analysis, start, end, keep=lambda chain: not _common_noun(analysis, chain))


def _antecedent(
    analysis: Analysis, before: int, labels: set[str], noun: str | None, sentences: int = 3, gender: Gender | None = None,
    excluded: set[int | None] = frozenset(),
) -> int | None:
    """The chain of the most recent earlier mention with a fitting label, within a few sentences.

    For a description, a chain the article described with the same noun wins over a nearer one; a
    pronoun skips people the article shows to be of the other gender ("she" is not "Mr. Zelensky").
    """
    window_start = _sentence_start(analysis, before, sentences)
    candidates = [
        m for m in analysis.mentions
        if m.chain is not None and m.span.end <= before and m.chain < len(analysis.chains)
        and analysis.chains[m.chain].label in labels and m.chain not in excluded
    ]
    if "PERSON" in labels:
        candidates = [m for m in candidates if not _common_noun(analysis, m.chain)]
    if gender is not None:
        other = {c for c in {m.chain for m in candidates} if chain_gender(analysis, c) not in (None, gender)}
        candidates = [m for m in candidates if m.chain not in other]
    if noun is not None:
        described = {f.subject_chain for f in analysis.facts if f.predicate == "description" and noun in f.value.lower()}
        for m in reversed(candidates):
            if m.chain in described:
                return m.chain
        for m in reversed(candidates):
            if _name_holds(analysis.chains[m.chain], noun):
                return m.chain
    for m in reversed(candidates):
        if m.span.start >= window_start:
            return m.chain
    return None


def _name_holds(chain: Chain, noun: str) -> bool:
    """Whether the chain's name or an alias has the description's head noun as a word: "the ministry" is the "Russian
    Defence Ministry" named before, however many other bodies ("Russian forces", the outlet) were named since."""
    return any(noun in re.findall(r"[^\W\d_]+", name.casefold()) for name in (chain.name, *chain.aliases))


def _common_noun(analysis: Analysis, chain: int) -> bool:
    """Whether a one-word chain tagged as a person is no one's name: a word the article also writes in small
    letters ("Destruction" opening a headline, "the destruction of the dam"), or a city of
    `BIG_CITY` people or more ("Kyiv"). "He", "she" and "the representative" never refer to it."""
    name = analysis.chains[chain].name
    if " " in name or not name[:1].isupper():
        return False
    if re.search(rf"(?<!\w){re.escape(name.lower())}(?!\w)", analysis.article.text):
        return True
    if _opens_sentences(analysis, chain) and zipf(name.lower(), analysis.article.language or "en") >= COMMON_WORD:
        return True  # "Debris was scattered across the road": a frequent word, capitalised only where a sentence opens
    return any(place.population >= BIG_CITY for place in _gazetteer().lookup(name))


def _place_name(analysis: Analysis, chain: int) -> bool:
    """Whether the chain's name is a place the gazetteer knows."""
    return bool(_gazetteer().lookup(analysis.chains[chain].name))


def _gazetteer():
    from factfile.extract.gazetteer import load_gazetteer

    return load_gazetteer()


def _opens_sentences(analysis: Analysis, chain: int) -> bool:
    """Whether every mention of the chain opens a sentence (or a quotation opening one)."""
    text = analysis.article.text
    starts = [s.start for s in analysis.sentences]
    return all(
        any(0 <= m.span.start - start <= 2 and not text[start : m.span.start].strip(" “\"«'") for start in starts)
        for m in (analysis.mentions[i] for i in analysis.chains[chain].mentions)
    )


def _sentence_start(analysis: Analysis, offset: int, back: int) -> int:
    starts = [s.start for s in analysis.sentences if s.start <= offset]
    return starts[-back - 1] if len(starts) > back else 0


def _has_any(text: str, words: frozenset[str]) -> bool:
    tokens = set(text.replace("/", " ").replace("«", " ").replace("»", " ").replace("“", " ").replace("”", " ").split())
    return any((w in tokens) if " " not in w else (w in text) for w in words)


def _type_of_named(text: str, name: str, label: str) -> SourceType:
    lowered = f"{text} {name}".lower()
    if _has_any(lowered, OUTLET_WORDS) and label != "PERSON":
        return "outlet"
    if label in ("GPE", "NORP") or _has_any(lowered, GOVERNMENT_WORDS):
        return "official"
    if label == "PERSON":
        return "official" if _has_any(text.lower(), OFFICIAL_TITLES) else "person"
    return "organisation"
