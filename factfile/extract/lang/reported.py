"""Statements in Russian and Ukrainian news, by rules over tokens and their lemmas.

The forms news uses: "X заявил(а), что ..." / "X заявив, що ...", inverted "..., — сообщил X" and
"Об этом сообщил X", according-to phrases ("по словам X", "за словами X", "по данным X", "як
повідомив X"), headlines "X: «...»", and quotes in «» and „“ with a dash and a reporting verb after
them. Certainty as in English: a denial verb gives `denied`, hedge words (возможно, предварительные) `hedged`, any
other attribution `reported`; the reporter's якобы, нібито, "утверждает" are the statement's framing (statements/framing.py).
"""

from __future__ import annotations

import re

from factfile.extract.lang.cyrillic import Reading, Token
from factfile.extract.names import country_in_english
from factfile.extract.statements.continued import continue_quotations, turn_start
from factfile.extract.statements.framing import framed
from factfile.extract.statements.roles import role_holder
from factfile.records import Analysis, Certainty, Span, Statement

# "..., — говорится в заявлении", "«...», — утверждалось в заявлении": a cue only after a quotation
QUOTING_ONLY = frozenset(
    {
        "говориться",
        "йтися",
        "утверждаться",
        "отмечаться",
        "сообщаться",
        "указываться",
        "подчёркиваться",
        "подчеркиваться",
        "стверджуватися",
        "зазначатися",
        "повідомлятися",
        "наголошуватися",
    }
)
# Verbs of finding out (`FINDING`, in REPORTING) report only a that-clause: "ФСБ установила, что ...", not "установили камеры".
# Verbs of accusing take the accused after them: "обвинил Минобороны в ударе" names no speaker after the verb.
ACCUSING = frozenset({"обвинить", "обвинять", "звинуватити", "звинувачувати"})
REPORTING = frozenset(
    {
        "заявить",
        "заявлять",
        "сообщить",
        "сообщать",
        "сказать",
        "говорить",
        "отметить",
        "отмечать",
        "подчеркнуть",
        "написать",
        "писать",
        "рассказать",
        "добавить",
        "уточнить",
        "объявить",
        "признать",
        "пояснить",
        "подтвердить",
        "опровергнуть",
        "отрицать",
        "предупредить",
        "утверждать",
        "назвать",
        "обещать",
        "пообещать",
        "заверить",
        "опубликовать",
        "передать",
        "считать",
        "указать",
        "призвать",
        "обвинить",
        "признаться",
        "признаваться",
        "заявити",
        "заявляти",
        "повідомити",
        "повідомляти",
        "сказати",
        "говорити",
        "казати",
        "зазначити",
        "наголосити",
        "написати",
        "писати",
        "розповісти",
        "додати",
        "уточнити",
        "оголосити",
        "визнати",
        "пояснити",
        "підтвердити",
        "спростувати",
        "заперечити",
        "попередити",
        "стверджувати",
        "назвати",
        "пообіцяти",
        "обіцяти",
        "запевнити",
        "запевняти",
        "опублікувати",
        "передати",
        "вважати",
        "вказати",
        "закликати",
        "звинуватити",
        "зізнатися",
        "зізнаватися",
        *QUOTING_ONLY,
        "комментировать",
        "прокомментировать",
        "коментувати",
        "прокоментувати",
        "цитировать",
        "цитувати",
        # the imperfective forms of the verbs above that news writes in the present ("Малюк подчеркивает, что ...")
        "подчеркивать",
        "подчёркивать",
        "уточнять",
        "добавлять",
        "пояснять",
        "подтверждать",
        "рассказывать",
        "объявлять",
        "признавать",
        "указывать",
        "предупреждать",
        "обвинять",
        "наголошувати",
        "зазначати",
        "підтверджувати",
        "розповідати",
        "пояснювати",
        "додавати",
        "уточнювати",
        "оголошувати",
        "визнавати",
        "попереджати",
        "звинувачувати",
        *(
            FINDING := frozenset(
                {"установить", "устанавливать", "выяснить", "встановити", "встановлювати", "з'ясувати", "з’ясувати"}
            )
        ),
    }
)
NOMINAL = frozenset({"заявление", "заява", "сообщение", "повідомлення", "слово"})
# Bulgarian, read with the Russian dictionary (extract/lang/__init__.py), whose lemmas miss its verbs: the forms
# news writes ("Путин определи ... като „предателство“", "заяви", "съобщиха"), matched as written in a Bulgarian article.
BULGARIAN = frozenset(
    """
    заяви заявиха заявява заявяват каза казаха казва казват съобщи съобщиха съобщава съобщават обяви обявиха обявява
    добави добавиха подчерта подчертаха подчертава посочи посочиха посочва отбеляза отбелязаха отбелязва потвърди
    потвърдиха потвърждава отрече отрекоха отрича опроверга предупреди предупредиха обеща обещаха нарече нарекоха
    определи определиха описа написа написаха пише уточни уточниха коментира призова призоваха обвини обвиниха твърди твърдят
""".split()
)
DENIALS = frozenset({"опровергнуть", "отрицать", "спростувати", "заперечити", "отрече", "отрекоха", "отрича", "опроверга"})
# Verbs whose negation is a denial ("не подтвердил", "не визнав"); a plain reporting verb negated says nothing.
NEGATED_DENY = frozenset({"подтвердить", "підтвердити", "признать", "визнати"})
HEDGES = re.compile(
    r"\b(?:возможно|можливо|вероятно|ймовірно|предположительно|імовірно|напевно|мабуть|"
    r"судя по всему|судячи з усього|по-видимому|очевидно,|предварительн\w*|попередн\w*|"
    r"не\s+располага\w*\s+доказательств\w*|нет\s+доказательств|не\s+ма\w*\s+доказ\w*|немає\s+доказ\w*|"
    r"ничто\s+не\s+указыва\w*|ніщо\s+не\s+вказу\w*)(?!\w)",
    re.I,
)
# A content that is itself a rejection: "... не соответствуют действительности", "... не відповідає дійсності", or
# says the source had nothing to do with it ("ніякого відношення ... не маю", "не причастна").
REJECTION = re.compile(
    r"не\s+(?:соответству\w*\s+действительности|відповіда\w*\s+дійсності)|категорически\s+отверга\w*|категорично\s+відкида\w*"
    r"|(?:никакого|ніякого)\s+(?:отношения|відношення|стосунку)|(?:отношения|відношення|стосунк\w*)\s+не\s+(?:име\w*|ма\w*)"
    r"|не\s+причастн\w*|непричетн\w*|не\s+причетн\w*",
    re.I,
)
ACCORDING = re.compile(
    r"\b(?:(?:по|за)\s+(?P<pronoun>его|её|ее|його|її)\s+словам(?:и)?,|"
    r"по\s+словам|за\s+словами|по\s+(?:[а-яё]+(?:ой|ым|им|ей)\s+)?(?:данным|информации|сведениям|оценке|оценкам)|"
    r"за\s+(?:[а-яіїєґ'’]+(?:ими|ою)\s+)?(?:даними|інформацією|відомостями|оцінкою|оцінками)|по\s+версии|за\s+версією|согласно|згідно\s+з|според|"
    r"как\s+(?:ранее\s+)?(?:сообщил[аио]?|заявил[аио]?|сообщает|пишет|писал[аио]?|сообщал[аио]?|отметил[аио]?|уточнил[аио]?|"
    r"пояснил[аио]?|подчеркнул[аио]?|рассказал[аио]?)|"
    r"як\s+(?:раніше\s+)?(?:повідомив|повідомила|повідомило|повідомили|заявив|заявила|заявило|заявили|пише|повідомляє|писав|писала|"
    r"писали|зазначив|зазначила|зазначили|наголосили|уточнили|пояснили|розповіли))\s+",
    re.I,
)
_CONTENT_START = re.compile(r"^\s*[,:]?\s*(?:что|що|о|об|про)\b", re.I)
_QUOTE = re.compile(r"[«„“\"]([^«»„“”\"]{3,})[»“”\"]")
_DASH = re.compile(r"[,.]?\s*[—–-]\s*$")


def find_statements(analysis: Analysis, reading: Reading) -> list[Statement]:
    text = analysis.article.text
    statements: list[Statement] = []
    by_sentence: dict[int, list[Token]] = {}
    for token in reading.tokens:
        by_sentence.setdefault(analysis.sentence_of(token.start).start, []).append(token)
    for sentence in analysis.sentences:
        tokens = by_sentence.get(sentence.start, [])
        found = _in_sentence(text, sentence, tokens, analysis)
        impersonal = _IMPERSONAL.match(text, sentence.start, sentence.end) if not found else None
        if impersonal:
            found = [_go_on(text, analysis, statements, sentence, impersonal)]
        for statement in found:
            if statement.source is not None and statement.source_chain is None and _pronoun_first(statement.source.text):
                pronoun = statement.source.text.split()[0]  # "написала она в начале июня": she, not when
                statement.source = Span(statement.source.start, statement.source.start + len(pronoun), pronoun)
            if statement.source is not None and statement.source_chain is None and statement.source.text.casefold() in PRONOUNS:
                statement.source_chain = _speaker(analysis, statements, statement.source.start)
                statement.source_type = "person" if statement.source_chain is not None else statement.source_type
            elif statement.source is not None and statement.source_chain is None and _role(statement.source.text) is not None:
                # "— пояснил представитель Кремля" after Peskov spoke: a role no one is named with is the one speaking on
                statement.source_chain = _speaker(analysis, statements, statement.source.start, named=False)
            elif statement.source is not None and statement.source_chain is None and _organ(statement.source.text):
                body = _body_speaking(analysis, statements, statement.source.start)
                if body is not None:
                    statement.source_chain, statement.source_type = body, "organisation"
            elif statement.source is not None and statement.source_chain is None and MESSAGE.match(statement.source.text):
                opening = max(text.rfind(mark, 0, statement.source.start) for mark in '«„“"')
                issuer = _issuer(analysis, statements, opening if opening >= 0 else statement.source.start)
                if issuer is not None:
                    statement.source_chain, statement.source_type = issuer.source_chain, issuer.source_type
            if (self_named := _self_named(analysis, statement.content)) is not None:
                statement.source_chain, statement.source_type = self_named, "person"
            statements.append(statement)
    return framed(continue_quotations(text, analysis.sentences, statements, _judge))


_I_NAME = re.compile(r"^\W{0,2}(?:я|i)\s*,\s*", re.I)


def _self_named(analysis: Analysis, content: Span) -> int | None:
    """The speaker a quotation names itself ("«Я, Самір Юсубов, ніякого стосунку ... не маю»"): whoever the cue or the
    sentences before point to, the one who says "I, X" is X."""
    opening = _I_NAME.match(content.text)
    if opening is None:
        return None
    at = content.start + opening.end()
    person = next((m for m in analysis.mentions if m.span.start == at and m.label == "PERSON" and m.chain is not None), None)
    return person.chain if person is not None else None


# "Уточняется, что ...", "Повідомляється, що ...": the source just quoted goes on (an impersonal cue names no one).
_IMPERSONAL = re.compile(
    r"\s*(?:уточняется|сообщается|отмечается|подчеркивается|подчёркивается|добавляется|говорится|"
    r"уточнюється|повідомляється|зазначається|наголошується|додається|йдеться)\s*,\s*(?:что|що)\s+",
    re.I,
)


def _go_on(text: str, analysis: Analysis, earlier: list[Statement], sentence: Span, cue: re.Match) -> Statement:
    """A statement under an impersonal cue: the last source within the sentences just before, if any."""
    window = turn_start(text, analysis.sentences, sentence.start, SPEAKER_SENTENCES)
    spoken = [st for st in earlier if st.source is not None and st.source.start >= window]
    word = cue.group(0).strip().split(",")[0].strip()
    start = text.index(word, cue.start())
    content = _span(text, cue.end(), sentence.end) or Span(cue.end(), sentence.end, text[cue.end() : sentence.end])
    last = spoken[-1] if spoken else None
    certainty = "denied" if REJECTION.search(content.text) else "hedged" if HEDGES.search(content.text) else "reported"
    return Statement(
        cue=Span(start, start + len(word), word),
        content=content,
        source=last.source if last else None,
        source_type=last.source_type if last else "anonymous",
        direct=False,
        certainty=certainty,
        source_chain=last.source_chain if last else None,
    )


def _judge(carrier: Statement, part: Span) -> tuple[Certainty, list[str]]:
    """A quotation's sentence carried by another sentence's cue: denied under a denying cue or as a rejection
    itself, else by its hedge words."""
    if carrier.certainty == "denied" or REJECTION.search(part.text):
        return "denied", []
    hedges = [m.group(0).lower() for m in HEDGES.finditer(part.text)]
    return ("hedged" if hedges else "reported"), hedges


PRONOUNS = frozenset({"он", "она", "він", "вона", "его", "её", "ее", "його", "її", "той", "тя"})  # Bulgarian "той", "тя" too
SPEAKER_SENTENCES = 2  # how far back "он"/"він" looks for its speaker, as in English (statements/sources.py); a quotation
# running over sentences counts as one (continued.turn_start)


def _pronoun_first(source: str) -> bool:
    """A source that is a pronoun with the time or place of saying after it ("она в начале июня")."""
    words = source.casefold().split()
    return len(words) > 1 and words[0] in PRONOUNS and words[1] in ("в", "во", "у", "на", "з", "с", "із", "після", "после")


# "«...», – йдеться в повідомленні", "говорится в заявлении": the message is no one; its issuer is who spoke just before.
MESSAGE = re.compile(r"(?i)^(?:в|во|у)\s+(?:повідомленн|зверненн|заяв|сообщени|обращени|документ|публікаці|публикаци|пост)\w*$")


def _issuer(analysis: Analysis, earlier: list[Statement], before: int) -> Statement | None:
    """The statement, within the sentences just before, whose sayer issued the message a cue quotes
    ("Про це повідомив міністр Ігор Клименко. «...», – йдеться в повідомленні": Klymenko's)."""
    window = turn_start(analysis.article.text, analysis.sentences, before, SPEAKER_SENTENCES)
    spoken = [
        st for st in earlier if st.source_chain is not None and st.source is not None and window <= st.source.start < before
    ]
    return spoken[-1] if spoken else None


# A body written by its kind alone, in small letters: "в ведомстве", "пресс-служба военного ведомства", "у відомстві".
_ORGAN = re.compile(r"(?<!\w)(?:ведомств|відомств|министерств|міністерств)\w*")


def _organ(source: str) -> bool:
    return not any(c.isupper() for c in source[1:]) and _ORGAN.search(source.casefold()) is not None


def _body_speaking(analysis: Analysis, earlier: list[Statement], before: int) -> int | None:
    """The body an organ written by its kind alone stands for: the organisation whose statement came just before
    ("... – заявили в ЦОС ФСБ. ... – добавили в ведомстве": the FSB), within the sentences just before; people quoted
    in between are passed over, a body no name was found for ("в российской спецслужбе") ends the search."""
    window = turn_start(analysis.article.text, analysis.sentences, before, SPEAKER_SENTENCES)
    spoken = [st for st in earlier if st.source is not None and window <= st.source.start < before]
    for statement in reversed(spoken):
        chain = analysis.chains[statement.source_chain] if statement.source_chain is not None else None
        if chain is not None and chain.label == "PERSON" or chain is None and statement.source_type == "person":
            continue
        return statement.source_chain if chain is not None and chain.label == "ORG" else None
    return None


def _speaker(analysis: Analysis, earlier: list[Statement], before: int, named: bool = True) -> int | None:
    """Who "он" / "він" is as a source: the person whose statement came just before ("Леонтьев заявил
    ... Он отметил, что ..."), else (when `named`) the last person named, within the sentences just before."""
    window = turn_start(analysis.article.text, analysis.sentences, before, SPEAKER_SENTENCES)
    people = {i for i, chain in enumerate(analysis.chains) if chain.label == "PERSON"}
    spoken = [st for st in earlier if st.source_chain in people and st.source is not None and window <= st.source.start < before]
    if spoken or not named:
        return spoken[-1].source_chain if spoken else None
    last = [m for m in analysis.mentions if m.chain in people and window <= m.span.start and m.span.end <= before]
    return last[-1].chain if last else None


def _span(text: str, start: int, end: int) -> Span | None:
    while start < end and (text[start].isspace() or text[start] in ",;—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;.—–-"):
        end -= 1
    return Span(start, end, text[start:end]) if end > start else None


def _in_sentence(text: str, sentence: Span, tokens: list[Token], analysis: Analysis) -> list[Statement]:
    found: list[Statement] = []
    bulgarian = (analysis.article.language or "").startswith("bg")
    names = [(i, m) for i, m in enumerate(analysis.mentions) if sentence.contains(m.span)]
    match = ACCORDING.search(text, sentence.start, sentence.end)
    if match:
        after = text.find(",", match.end(), sentence.end)
        source_end = after if after != -1 else sentence.end
        cue = Span(match.start(), match.end() - 1, text[match.start() : match.end()].rstrip())
        source = _span(text, match.end(), source_end)
        content = _span(text, source_end, sentence.end) if after != -1 else _span(text, sentence.start, match.start())
        if match.group("pronoun"):  # "По его словам, ...": the speaker named before
            source = Span(match.start("pronoun"), match.end("pronoun"), match.group("pronoun"))
            content = _span(text, match.end(), sentence.end)
        if content is not None:
            found.append(_statement(analysis, cue, content, source, names, None))
    signed = _SIGNED.search(sentence.text) if text[sentence.end : sentence.end + 1] in ("\n", "") else None
    if signed and any(m.label in ("PERSON", "ORG") and m.span.text == signed.group(2) for _, m in names):
        # a headline signed by its source: "Путін не контролює ситуацію, в РФ відбувся розкол – Зеленський"
        offset = sentence.start
        content = _span(text, offset, offset + signed.start())
        if content is not None and len(content.text.split()) >= 3:
            cue = Span(offset + signed.start(1), offset + signed.end(1), signed.group(1))
            found.append(
                _statement(
                    analysis, cue, content, Span(offset + signed.start(2), offset + signed.end(2), signed.group(2)), names, None
                )
            )
            return found
    headline = re.match(r"^([А-ЯЁІЇЄA-Z][\w'’ -]{1,40}?)\s*(:|\s[—–-]\s)\s*(\S.*)$", sentence.text)
    first = tokens[0] if tokens else None
    titled = text[sentence.end : sentence.end + 1] in ("\n", "") and headline is not None and headline.group(2) == ":"
    if headline and (
        any(m.label == "PERSON" and m.span.start == sentence.start for _, m in names)
        or first is not None
        and first.start == sentence.start
        and first.has("Surn", "Name")
        # a title line led by a body's name alone: "СК РФ: в результате подрыва ... погибли три человека"
        or titled
        and any(
            m.label == "ORG" and m.span.start == sentence.start and m.span.text == headline.group(1).strip() for _, m in names
        )
    ):
        offset = sentence.start
        mark = headline.group(2)
        start = offset + headline.start(2) + len(mark) - len(mark.lstrip())
        cue = Span(start, start + len(mark.strip()), mark.strip())
        content = _span(text, offset + headline.start(3), sentence.end)
        if content is not None:
            found.append(_statement(analysis, cue, content, _span(text, offset, offset + headline.end(1)), names, None))
            return found
    for k, token in enumerate(tokens):
        lemma = token.lemma
        verb = lemma in REPORTING and any(p.tag.POS in ("VERB", "INFN", "GRND") for p in token.parses[:2])
        if bulgarian and token.text.casefold() in BULGARIAN:
            lemma, verb = token.text.casefold(), True
        nominal = lemma in NOMINAL and k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper()
        if not verb and not nominal or match and match.start() <= token.start < match.end():
            continue
        cue = Span(token.start, token.end, token.text)
        if k and tokens[k - 1].text.lower() == "не":
            if lemma not in NEGATED_DENY:
                continue  # "Міноборони РФ не повідомляло про втрати": said nothing, denied nothing
            cue = Span(tokens[k - 1].start, token.end, text[tokens[k - 1].start : token.end])
        before = text[sentence.start : token.start]
        quote_before = _QUOTE.search(before) if _DASH.search(before) else None
        closing = re.search(r"^(.*?)[»“”\"]\s*[,.]?\s*[—–-]\s*$", before, re.S) if not quote_before else None
        source = (
            _source_after(text, token, sentence, names)
            if quote_before or closing or _CONTENT_ANAPHOR.match(before.strip()) or not before.strip()
            else None
        )
        if lemma in QUOTING_ONLY and not (quote_before or closing):
            continue
        if lemma in FINDING and not re.match(r"\s*,\s*(?:что|що)\b", text[token.end : sentence.end]):
            continue
        if closing:  # the quote opened in the sentence before: "...слідкують?” – пише Rozetka"
            content = _span(text, sentence.start, sentence.start + len(closing.group(1)))
        elif quote_before:
            content = _span(text, sentence.start + quote_before.start(1), sentence.start + quote_before.end(1))
        elif _CONTENT_ANAPHOR.match(before.strip()):
            anaphor = _CONTENT_ANAPHOR.match(before.strip())
            lead = len(before) - len(before.lstrip())
            content = _span(text, sentence.start + lead, sentence.start + lead + anaphor.end())
            between = content.end if content is not None else sentence.start
            content = _previous(text, analysis, sentence) or content  # "Об этом сообщил X": X said what the sentence before says
            # "Об этом он сообщил", "Об этом сообщил X"; not a time or place before the verb ("Об этом в пятницу сообщает X")
            before_verb = _subject_before(text, between, names, token)
            if before_verb is not None and _ADVERBIAL.match(before_verb.text):
                before_verb = None
            if before_verb is not None and _subject_follows(text, tokens, k, sentence):
                before_verb = None  # "Про це «РБК-Україна» повідомили джерела в СБУ": told to the outlet, by the sources
            source = before_verb or _source_after(text, token, sentence, names)
        elif found and token.parses[0].tag.POS == "GRND" and found[-1].source is not None:
            # "Песков рассказал ..., отметив, что ...": the gerund's speaker is the clause's
            end = _clause_end(text, token.end, sentence.end, tokens, k)
            that = re.match(r"\s*[,:]?\s*(?:что|що)\b|\s*:\s*", text[token.end : end])
            content = _span(text, token.end + that.end() if that else token.end, end)
            source = found[-1].source
        elif (
            re.search(r"[,.]\s*[—–-]?\s*$", before)
            and not _subject_before(text, token.start, names, token)
            and not (lemma in ACCUSING or _past_insertion(text, sentence, token, names) and _AFTER_SUBJECT.match(text, token.end))
        ):
            content = _span(text, sentence.start, token.start)  # "Уголовное дело ... прекращено, заявил Песков"
            source = _source_after(text, token, sentence, names)
        else:
            end = _clause_end(text, token.end, sentence.end, tokens, k)
            that = re.match(r"\s*[,:]?\s*(?=(?:что|що)\b)|\s*:\s*", text[token.end : end])
            content = _span(text, token.end + that.end() if that else token.end, end)
            clause_start = _clause_start(text, sentence, token.start)
            # "..., следует из заявления Минобороны", "«...», — приводит РИА Новости слова Пескова": the name the
            # noun governs said what stands before it
            source = _source_after(text, token, sentence, names, stop_at_case=True) if nominal else None
            said = re.match(r"^(.*?)[»“”\"]\s*[,.]?\s*[—–-]", before, re.S) if source else None
            if said:
                content = _span(text, sentence.start, sentence.start + len(said.group(1)))
            elif source and clause_start > sentence.start:
                content = _span(text, sentence.start, clause_start)
            if found and found[-1].source is not None and re.search(r"\s(?:и|і|та)\s+$", text[found[-1].cue.end : token.start]):
                source = source or found[-1].source  # "обвинил ... и объявил ...": one speaker for both verbs
            source = source or _subject_before(text, clause_start, names, token) or _past_insertion(text, sentence, token, names)
            if found and re.fullmatch(r"\s*(?:но|а|и|і|та|але|однак|однако)\s*", text[clause_start : token.start], re.I):
                source = found[-1].source  # "назвал ..., но отметил, что": the same speaker
        if content is None:
            continue
        found.append(_statement(analysis, cue, content, source, names, lemma))
    return found


# A line with no final stop that ends in a dash and a name: the headline's claim, then who makes it.
_SIGNED = re.compile(r"\s([—–-])\s+([^\W\d_][^—–.!?:«»„“”\"\n]{1,40}?)\s*$")


def _previous(text: str, analysis: Analysis, sentence: Span) -> Span | None:
    """The sentence before `sentence`, also across a paragraph break: "Об этом сообщил X" is often a
    paragraph of its own after the one it reports."""
    earlier = [s for s in analysis.sentences if s.end <= sentence.start]
    return _span(text, earlier[-1].start, earlier[-1].end) if earlier else None


PLATFORMS = frozenset(
    {"facebook", "telegram", "twitter", "instagram", "youtube", "x", "фейсбук", "телеграм", "твиттер", "твітер", "ютуб"}
)
_PLACE_BEFORE = re.compile(r"(?<!\w)(?:в|во|у|на)\s+$", re.I)
_ADVERBIAL = re.compile(
    r"(?:(?:в|во|на|у|с|со|з|із|по|после|після|до)\s|\d|вчера|сегодня|вчора|сьогодні|ранее|раніше|утром|вечером)", re.I
)
# What a verb reports, before it, so that its source follows it: "Об этом сообщил X", and "Об ударе сообщили X", "Еще раньше об
# ударе сообщили представители ДНР" (a topic in one word after о/об/про).
_CONTENT_ANAPHOR = re.compile(
    r"^(?:об\s+этом|о\s+том|про\s+це|об\s+этом\s+же)\b"
    r"|^(?:(?:еще|ещё|уже|также|ранее|раньше|позже|тоже|теж|також|раніше)\s+)*(?:об|о|про)\s+[^\W\d_]+$",
    re.I,
)


def _clause_end(text: str, start: int, end: int, tokens: list[Token], k: int) -> int:
    """Content after a cue runs to the end of the sentence, or to the next cue's clause joined by ", но"."""
    stop = re.search(
        r",\s+(?:но|а|однак|але)\s+(?=\w+\s*,?\s*(?:что|що)\b)|,\s+(?:но|але)\s+\w+(?:л[аио]?|в|ла|ли)\s*,", text[start:end]
    )
    return start + stop.start() if stop else end


def _subject_follows(text: str, tokens: list[Token], k: int, sentence: Span) -> bool:
    """Whether the verb `tokens[k]` of "Об этом X сообщил ..." has its subject after it, so that X, before it, is whom it
    was told to: a word in the nominative and not the dative right after the verb ("повідомили джерела в СБУ"; not
    "сообщил журналистам"), or a body by its place ("сообщили в ведомстве"; not "в интервью", `_CHANNEL`)."""
    if k + 1 >= len(tokens) or tokens[k + 1].start >= sentence.end:
        return False
    following = tokens[k + 1]
    if following.text.casefold() in ("в", "во", "у"):
        body = tokens[k + 2] if k + 2 < len(tokens) and tokens[k + 2].start < sentence.end else None
        return body is not None and (body.capitalised or _organ(body.text))  # "в СК", "в ведомстве"; not "в коментарі"
    return following.text.islower() and following.has("nomn") and not following.has("datv")


_JOINED = re.compile(r"\s+(?:и|і|та|й)\s+")


def _subject_before(text: str, clause_start: int, names, token: Token) -> Span | None:
    """The subject before the verb: the last name in its clause, else the clause's words (a title
    or description, "Глава государства"), without a leading time adverbial or conjunction."""
    inside = [
        m
        for _, m in names
        if clause_start <= m.span.start
        and m.span.end <= token.start
        and not (
            m.span.text.casefold() in PLATFORMS and _PLACE_BEFORE.search(text, max(clause_start, m.span.start - 4), m.span.start)
        )
        # "Про це у Facebook повідомив ...": where it was said ("в ФСБ заявили" names who)
    ]
    actors = [m for m in inside if m.label in ("PERSON", "ORG")] or inside
    while len(actors) > 1 and _JOINED.fullmatch(text[actors[-2].span.end : actors[-1].span.start]):
        actors = actors[:-1]  # "ФСБ и СК РФ установили": the first of the subjects joined by "and", as in English
    if actors:
        last = actors[-1].span
        opening = re.match(r"\s*(\S+)\s+", text[clause_start : last.start])
        if last.text and actors[-1].label != "PERSON" and opening and _role(opening.group(1)) is not None:
            start = clause_start + opening.start(1)  # "Очільник СБУ каже": the head of the service, not the service
            return Span(start, last.end, text[start : last.end])
        return last
    clause = text[clause_start : token.start]
    lead = re.match(
        r"\s*(?:(?:\d+\s+\w+|утром|вечером|днем|ранее|позже|также|раніше|також|пізніше|но|а|и|і|та|але|однако|однак)\s+)*",
        clause,
        re.I,
    )
    start = clause_start + lead.end()
    phrase = text[start : token.start].strip()
    if not phrase or len(phrase.split()) > 6 or len(phrase.split()) == 1 and phrase.islower() and phrase not in PRONOUNS:
        return None  # a lone lowercase word is an adverb ("Про це детально розповів ..."), not who speaks
    if _RELATIVE.match(phrase):
        return None  # "изявление, в което нарече ...": the relative clause's verb has the speaker before it
    return Span(start, start + len(phrase), phrase)


# A comma-clause that only inserts something between a subject and its verb: a relative clause ("Пригожин, которого
# называют ..., обвинил"), an appositive opening in lowercase ("Пригожин, засновник „Вагнера”, звинуватив"), a date
# or time ("ФСБ в среду, 12 октября, сообщила").
_UK_WHICH = r"як(?:ий|а|е|і|ого|ому|ої|ій|им|их|ими)"  # Ukrainian "який" in its case forms
_INSERTION = re.compile(r"\s*(?:котор|" + _UK_WHICH + r"\b|[а-яёіїєґ])")
_RELATIVE = re.compile(
    r"(?:(?:в|во|у|на|с|со|з|по|о|об|при|за)\s+)?(?:котор\w*|който|която|което|които|" + _UK_WHICH + r")\b", re.I
)
_DATE_OR_NOTHING = re.compile(r"\s*(?:\d|$)")
# "сообщила о задержании": the verb's object, its subject before
_AFTER_SUBJECT = re.compile(r"\s*[,:]?\s*(?:что|що|о|об|про)\b", re.I)


def _past_insertion(text: str, sentence: Span, token: Token, names) -> Span | None:
    """The subject of a verb whose own clause holds none, across the insertions before it: the last person or
    organisation named in the first comma-clause back that is no insertion."""
    end, lowercase = token.start, 0
    while end > sentence.start:
        start = _clause_start(text, sentence, end - 1) if text.rfind(",", sentence.start, end) != -1 else sentence.start
        segment = text[start:end]
        inside = [m for _, m in names if start <= m.span.start and m.span.end <= end and m.label in ("PERSON", "ORG")]
        relative = _RELATIVE.match(segment.strip()) is not None and not segment.strip().startswith(("в ", "у ", "на "))
        insertion = _INSERTION.match(segment) is not None
        if start == sentence.start or not (insertion or _DATE_OR_NOTHING.match(segment) and not inside):
            return inside[-1].span if inside and end < token.start else None
        if insertion and not relative:
            lowercase += 1
            if lowercase > 1:  # "власник фури, що вибухнула, записав відеозвернення, в якому заявив": clauses, not insertions
                return None
        end = start - 1
    return None


def _clause_start(text: str, sentence: Span, position: int) -> int:
    before = text[sentence.start : position]
    return sentence.start + max(before.rfind(","), before.rfind("—"), before.rfind(":"), before.rfind("–"), -1) + 1


# Where a speaker posted or said it, after the speaker: "в Telegram", "в своём телеграм-канале", "на странице в Facebook".
_CHANNEL = re.compile(
    r"\s(?:в|во|у|на)\s+(?:(?:своём|своем|своєму|своїй|своей|официальном|офіційному|официальной|офіційній|личном|особистому)\s+)?"
    r"(?:telegram|телеграм|телеграмі|телеграме|facebook|фейсбук|twitter|твиттер|твітер|instagram|соцсет|соцмереж|канал|эфир|ефір|"
    r"интервью|інтерв|видеообращени|відеозверненн|обращени|зверненн|блог|страниц|сторінц|аккаунт|акаунт)",
    re.I,
)


def _source_after(text: str, token: Token, sentence: Span, names, stop_at_case: bool = False) -> Span | None:
    """The source after an inverted verb: the words up to the end of the sentence or the next comma."""
    end = sentence.end
    comma = text.find(",", token.end, sentence.end)
    if comma != -1:
        end = comma
    channel = _CHANNEL.search(text, token.end, end)
    if channel and text[token.end : channel.start()].strip():
        end = channel.start()  # "сообщил он в Telegram-канале администрации": the speaker, not the channel
    following = [m for _, m in names if m.span.start >= token.end and m.span.start - token.end < 3]
    if stop_at_case:
        return following[0].span if following else None
    if following and not re.match(r"\s*[,.]?\s*$", text[following[0].span.end : end]) and following[0].label == "PERSON":
        return following[0].span  # "сообщил Денис Капустин 22 мая": the name, not the date after it
    return _span(text, token.end, end)


# "сообщает РИА Новости со ссылкой на СК РФ": the agency passes on what the committee said.
_CITING = re.compile(r"(?:со\s+ссылкой\s+на|ссылаясь\s+на|з\s+посиланням\s+на|посилаючись\s+на)\s+", re.I)
# Words for a person by role ("Очільник СБУ каже"): the role's holder is the person named beside it (roles.role_holder).
ROLES = (
    "глав",
    "очільник",
    "голов",
    "руководител",
    "керівник",
    "директор",
    "гендиректор",
    "председател",
    "пресс-секретар",
    "речник",
    "советник",
    "радник",
    "спикер",
    "мэр",
    "губернатор",
    "министр",
    "міністр",
    "командующ",
    "командувач",
    "начальник",
    "посол",
    "президент",
    "премьер",
    "прем'єр",
    "прем’єр",
    "секретар",
    "представитель",  # not "представители", several people
)


def _statement(analysis: Analysis, cue: Span, content: Span, source: Span | None, names, lemma: str | None) -> Statement:
    chain = None
    kind = "anonymous" if source is None else "organisation"
    if source is not None and (citing := _CITING.search(source.text)) is not None:
        source = _span(analysis.article.text, source.start + citing.end(), source.end) or source
    inside = [mention for _, mention in names if source is not None and source.contains(mention.span)]
    # the person a title describes is the source, not the place or body in the title ("мэр Новой Каховки Владимир Леонтьев")
    people = [m for m in inside if m.label == "PERSON"]
    if people and people[-1].span.end == source.end and "," not in source.text:
        people = people[-1:]  # "пресс-секретарь Путина Дмитрий Песков": the person the title ends with
    if source is not None:
        places = [
            m for m in inside if m.label == "GPE" or m.chain is not None and country_in_english(analysis.chains[m.chain].name)
        ]
        bodies = [m for m in inside if m not in places and m.label == "ORG"]
        if places and bodies and _institution(analysis.article.text[source.start : places[0].span.start]):
            # "Національного антитерористичного комітету Росії": the committee named, not Russia (whatever the reader tagged
            # it); "пресс-служба президента Белоруссии" names no body but the state's
            inside = [m for m in inside if m not in places]
            people = [m for m in people if m not in places]
    role = _role(source.text) if source is not None and not people else None
    if role is not None:  # "Очільник СБУ": the head, not the service
        chain = role_holder(analysis, analysis.article.text, source.start, role, source.text.casefold(), inside)
        kind = "person"
    for mention in people[:1] or ([] if role is not None else inside[:1]):
        chain = mention.chain
        kind = "person" if mention.label == "PERSON" else "organisation"
    if lemma in DENIALS or cue.text.lower().startswith("не ") or REJECTION.search(content.text):
        certainty = "denied"
    elif HEDGES.search(content.text) or source is not None and UNNAMED.search(source.text):
        certainty = "hedged"
    else:
        certainty = "reported"
    direct = content.text[:1] in '«„“"' or bool(_QUOTE.fullmatch(content.text))
    return Statement(
        cue=cue, content=content, source=source, source_type=kind, direct=direct, certainty=certainty, source_chain=chain
    )


# Unnamed sources a body or an outlet relays ("джерела в СБУ", "источник в силовых структурах"): the claim reaches the
# reader second-hand, which eval/realstory's guideline labels "reported" (factfile's `hedged`), as for English sources
# "interviewed by" an outlet (statements/sources.py).
UNNAMED = re.compile(r"(?<!\w)(?:джерел\w*|источник\w*|співрозмовник\w*|собеседник\w*)(?!\w)", re.I)
# Nouns of a state body ("Національного антитерористичного комітету Росії"): a place after a body named with one is
# whose body it is, not the source.
INSTITUTIONS = (
    "комитет",
    "комітет",
    "министерств",
    "міністерств",
    "служб",
    "ведомств",
    "відомств",
    "управлени",
    "управлінн",
    "штаб",
    "прокуратур",
    "агентств",
    "агенці",
    "департамент",
    "комисси",
    "комісі",
    "совет",
    "рада",
    "ради",
    "раді",
    "суд",
)


def _institution(words: str) -> bool:
    """Whether the words before a place in a source hold a state body's noun."""
    return any(w.casefold().startswith(INSTITUTIONS) for w in re.findall(r"[^\W\d_]+", words))


def _role(source: str) -> str | None:
    """The role word a source opens with, as the stem it is matched by elsewhere ("Очільник СБУ" -> "очільник")."""
    words = source.split()
    first = words[0].casefold() if words else ""
    return next((stem for stem in ROLES if first.startswith(stem)), None)
